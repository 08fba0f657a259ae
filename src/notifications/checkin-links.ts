import { CHECKIN_ANSWERS, type CheckinAnswer } from '../rules/checkins'
import { signedTokens } from './signed-tokens'

/**
 * Signed answer links of check-ins (`/seguiment?token=…`): the check-in, the answer chosen in the
 * email, and a nonce the check-in stores. Answering clears the nonce, so a link works once; the HMAC
 * stops forgery (and another answer than the link's). No expiry: the nonce is the limit.
 */
export type CheckinLink = { checkin: string; answer: CheckinAnswer; nonce: string }

const tokens = signedTokens('checkin-links', 600)

export const signCheckinLink = (secret: string, link: CheckinLink): string =>
  tokens.sign(secret, { c: link.checkin, a: link.answer, n: link.nonce })

export function verifyCheckinLink(secret: string, token: unknown): CheckinLink | null {
  const opened = tokens.open(secret, token)
  if (!opened.ok) return null
  const { c, a, n } = opened.body
  if (
    typeof c !== 'string' ||
    typeof n !== 'string' ||
    !(CHECKIN_ANSWERS as readonly unknown[]).includes(a)
  )
    return null
  return { checkin: c, answer: a as CheckinAnswer, nonce: n }
}
