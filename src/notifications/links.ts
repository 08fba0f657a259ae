import crypto from 'node:crypto'

/**
 * Signed answer links for mentors (accept / decline a proposal from the email). A link names the
 * pairing, the decision, an expiry and a nonce that the pairing stores: answering clears the nonce,
 * so a link works once; the HMAC stops forgery; the expiry stops old links.
 */
export type ProposalDecision = 'accept' | 'decline'

export type ProposalLink = {
  pairing: string
  decision: ProposalDecision
  expiresAt: number
  nonce: string
}

export type LinkCheck =
  { ok: true; link: ProposalLink } | { ok: false; reason: 'malformed' | 'forged' | 'expired' }

const keyFrom = (secret: string) =>
  crypto.createHmac('sha256', secret).update('mentoria-xmess/proposal-links/v1').digest()

const encode = (value: Buffer | string) => Buffer.from(value).toString('base64url')

export const newNonce = (): string => crypto.randomBytes(16).toString('base64url')

export function signProposalLink(secret: string, link: ProposalLink): string {
  const body = encode(
    JSON.stringify({ p: link.pairing, d: link.decision, e: link.expiresAt, n: link.nonce }),
  )
  const signature = encode(crypto.createHmac('sha256', keyFrom(secret)).update(body).digest())
  return `${body}.${signature}`
}

export function verifyProposalLink(secret: string, token: unknown, now = Date.now()): LinkCheck {
  if (typeof token !== 'string' || token.length > 1000) return { ok: false, reason: 'malformed' }
  const [body, signature, extra] = token.split('.')
  if (!body || !signature || extra !== undefined) return { ok: false, reason: 'malformed' }
  const expected = crypto.createHmac('sha256', keyFrom(secret)).update(body).digest()
  const given = Buffer.from(signature, 'base64url')
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected))
    return { ok: false, reason: 'forged' }
  let parsed: { p?: unknown; d?: unknown; e?: unknown; n?: unknown }
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  if (
    typeof parsed.p !== 'string' ||
    (parsed.d !== 'accept' && parsed.d !== 'decline') ||
    typeof parsed.e !== 'number' ||
    typeof parsed.n !== 'string'
  ) {
    return { ok: false, reason: 'malformed' }
  }
  if (parsed.e < now) return { ok: false, reason: 'expired' }
  return {
    ok: true,
    link: { pairing: parsed.p, decision: parsed.d, expiresAt: parsed.e, nonce: parsed.n },
  }
}

export const PROPOSAL_LINK_DAYS = 21
