import crypto from 'node:crypto'

import { signedTokens } from './signed-tokens'

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

const tokens = signedTokens('proposal-links', 1000)

export const newNonce = (): string => crypto.randomBytes(16).toString('base64url')

export const signProposalLink = (secret: string, link: ProposalLink): string =>
  tokens.sign(secret, { p: link.pairing, d: link.decision, e: link.expiresAt, n: link.nonce })

export function verifyProposalLink(secret: string, token: unknown, now = Date.now()): LinkCheck {
  const opened = tokens.open(secret, token)
  if (!opened.ok) return opened
  const { p, d, e, n } = opened.body
  if (
    typeof p !== 'string' ||
    (d !== 'accept' && d !== 'decline') ||
    typeof e !== 'number' ||
    typeof n !== 'string'
  )
    return { ok: false, reason: 'malformed' }
  if (e < now) return { ok: false, reason: 'expired' }
  return { ok: true, link: { pairing: p, decision: d, expiresAt: e, nonce: n } }
}

export const PROPOSAL_LINK_DAYS = 21
