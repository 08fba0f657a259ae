import crypto from 'node:crypto'

/**
 * The one way links in emails are signed (proposal answers, check-in answers, the call for mentors'
 * renewals): a small JSON body and its HMAC-SHA256, `<body>.<signature>` in base64url, under a key
 * derived for one purpose, so a token of one kind is never valid as another. What the body must hold,
 * and whether it works once, is each link's own business.
 */
const encode = (value: Buffer | string) => Buffer.from(value).toString('base64url')

export type OpenedToken =
  { ok: true; body: Record<string, unknown> } | { ok: false; reason: 'malformed' | 'forged' }

export function signedTokens(purpose: string, maxLength: number) {
  const keyFrom = (secret: string) =>
    crypto.createHmac('sha256', secret).update(`mentoria-xmess/${purpose}/v1`).digest()
  const signatureOf = (secret: string, body: string) =>
    crypto.createHmac('sha256', keyFrom(secret)).update(body).digest()
  return {
    sign(secret: string, body: Record<string, unknown>): string {
      const encoded = encode(JSON.stringify(body))
      return `${encoded}.${encode(signatureOf(secret, encoded))}`
    },
    /** The signed body, or why not: not a token of this shape, or not signed by us for this purpose. */
    open(secret: string, token: unknown): OpenedToken {
      if (typeof token !== 'string' || token.length > maxLength)
        return { ok: false, reason: 'malformed' }
      const [body, signature, extra] = token.split('.')
      if (!body || !signature || extra !== undefined) return { ok: false, reason: 'malformed' }
      const expected = signatureOf(secret, body)
      const given = Buffer.from(signature, 'base64url')
      if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected))
        return { ok: false, reason: 'forged' }
      try {
        const parsed: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
        return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
          ? { ok: true, body: parsed as Record<string, unknown> }
          : { ok: false, reason: 'malformed' }
      } catch {
        return { ok: false, reason: 'malformed' }
      }
    },
  }
}
