import crypto from 'node:crypto'

import { challengeBits, powInput } from './pow'

/**
 * Proof of work, the server's part: signed, stateless challenges (HMAC with the app's secret).
 * Off unless the plugin option `proofOfWorkBits` (env `APPLY_POW_BITS`) is 1 to 24 (16–20 is sensible).
 */

export const CHALLENGE_TTL_MS = 2 * 60 * 60 * 1000

const sign = (secret: string, body: string) =>
  crypto.createHmac('sha256', secret).update(body).digest('base64url').slice(0, 32)

export function issueChallenge(secret: string, bits: number, now = Date.now()): string {
  const body = `v1.${now}.${bits}.${crypto.randomBytes(12).toString('base64url')}`
  return `${body}.${sign(secret, body)}`
}

/** True when the challenge is ours, fresh, at least as hard as required, and solved for this email. */
export function verifyProof(
  secret: string,
  proof: unknown,
  email: string,
  requiredBits: number,
  now = Date.now(),
): boolean {
  if (!proof || typeof proof !== 'object') return false
  const { challenge, nonce } = proof as Record<string, unknown>
  if (typeof challenge !== 'string' || challenge.length > 200) return false
  if ((typeof nonce !== 'string' && typeof nonce !== 'number') || !/^\d{1,15}$/.test(String(nonce)))
    return false
  const parts = challenge.split('.')
  if (parts.length !== 5 || parts[0] !== 'v1') return false
  const body = parts.slice(0, 4).join('.')
  const expected = Buffer.from(sign(secret, body))
  const given = Buffer.from(parts[4])
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return false
  const issued = Number(parts[1])
  if (!Number.isFinite(issued) || issued > now + 60_000 || now - issued > CHALLENGE_TTL_MS)
    return false
  const bits = challengeBits(challenge)
  if (bits < requiredBits) return false
  const digestInput = powInput(challenge, email, String(nonce))
  const digest = crypto.createHash('sha256').update(digestInput).digest()
  let zeros = 0
  for (const byte of digest) {
    if (byte === 0) {
      zeros += 8
      continue
    }
    zeros += Math.clz32(byte) - 24
    break
  }
  return zeros >= bits
}
