import { signedTokens } from './signed-tokens'

/**
 * Signed renewal links of the call for mentors (/oferta-mentoria?token=…): the mentor, the edition
 * and a nonce. The HMAC stops forgery (another mentor, another edition); the link works once because
 * the offer it stores is unique per (mentor, edition) and its nonce is taken once in the database
 * (src/services/mentor-offer-form.ts); it expires when the edition's applications close.
 */
export type OfferLink = { mentor: string; edition: string; nonce: string }

const tokens = signedTokens('offer-links', 1000)

export const signOfferLink = (secret: string, link: OfferLink): string =>
  tokens.sign(secret, { m: link.mentor, e: link.edition, n: link.nonce })

export function verifyOfferLink(secret: string, token: unknown): OfferLink | null {
  const opened = tokens.open(secret, token)
  if (!opened.ok) return null
  const { m, e, n } = opened.body
  if (typeof m !== 'string' || typeof e !== 'string' || typeof n !== 'string') return null
  return { mentor: m, edition: e, nonce: n }
}

export const offerFormUrl = (serverURL: string, token: string, lang: string) =>
  `${serverURL}/oferta-mentoria?${new URLSearchParams({ lang, token })}`
