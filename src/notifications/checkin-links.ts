import crypto from 'node:crypto'

import { CHECKIN_ANSWERS, type CheckinAnswer } from '../rules/checkins'

/**
 * Signed answer links of check-ins (`/seguiment?token=…`): the check-in, the answer chosen in the
 * email, and a nonce the check-in stores. Answering clears the nonce, so a link works once; the HMAC
 * stops forgery (and another answer than the link's). No expiry: the nonce is the limit.
 */
export type CheckinLink = { checkin: string; answer: CheckinAnswer; nonce: string }

const keyFrom = (secret: string) =>
  crypto.createHmac('sha256', secret).update('mentoria-xmess/checkin-links/v1').digest()

const encode = (value: Buffer | string) => Buffer.from(value).toString('base64url')

export function signCheckinLink(secret: string, link: CheckinLink): string {
  const body = encode(JSON.stringify({ c: link.checkin, a: link.answer, n: link.nonce }))
  return `${body}.${encode(crypto.createHmac('sha256', keyFrom(secret)).update(body).digest())}`
}

export function verifyCheckinLink(secret: string, token: unknown): CheckinLink | null {
  if (typeof token !== 'string' || token.length > 600) return null
  const [body, signature, extra] = token.split('.')
  if (!body || !signature || extra !== undefined) return null
  const expected = crypto.createHmac('sha256', keyFrom(secret)).update(body).digest()
  const given = Buffer.from(signature, 'base64url')
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null
  try {
    const parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as {
      c?: unknown
      a?: unknown
      n?: unknown
    }
    if (
      typeof parsed.c !== 'string' ||
      typeof parsed.n !== 'string' ||
      !(CHECKIN_ANSWERS as readonly unknown[]).includes(parsed.a)
    )
      return null
    return { checkin: parsed.c, answer: parsed.a as CheckinAnswer, nonce: parsed.n }
  } catch {
    return null
  }
}
