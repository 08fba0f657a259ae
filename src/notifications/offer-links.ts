import crypto from 'node:crypto'

/**
 * Signed renewal links of the call for mentors (/oferta-mentoria?token=…): the mentor, the edition
 * and a nonce. The HMAC stops forgery (another mentor, another edition); the link works once because
 * the offer it stores is unique per (mentor, edition) and its nonce is taken once in the database
 * (src/services/mentor-offer-form.ts); it expires when the edition's applications close.
 */
export type OfferLink = { mentor: string; edition: string; nonce: string }

const keyFrom = (secret: string) =>
  crypto.createHmac('sha256', secret).update('mentoria-xmess/offer-links/v1').digest()
const encode = (value: Buffer | string) => Buffer.from(value).toString('base64url')

export function signOfferLink(secret: string, link: OfferLink): string {
  const body = encode(JSON.stringify({ m: link.mentor, e: link.edition, n: link.nonce }))
  return `${body}.${encode(crypto.createHmac('sha256', keyFrom(secret)).update(body).digest())}`
}

export function verifyOfferLink(secret: string, token: unknown): OfferLink | null {
  if (typeof token !== 'string' || token.length > 1000) return null
  const [body, signature, extra] = token.split('.')
  if (!body || !signature || extra !== undefined) return null
  const expected = crypto.createHmac('sha256', keyFrom(secret)).update(body).digest()
  const given = Buffer.from(signature, 'base64url')
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null
  try {
    const parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as {
      m?: unknown
      e?: unknown
      n?: unknown
    }
    if (
      typeof parsed.m !== 'string' ||
      typeof parsed.e !== 'string' ||
      typeof parsed.n !== 'string'
    )
      return null
    return { mentor: parsed.m, edition: parsed.e, nonce: parsed.n }
  } catch {
    return null
  }
}

export const offerFormUrl = (serverURL: string, token: string, lang: string) =>
  `${serverURL}/oferta-mentoria?${new URLSearchParams({ lang, token })}`
