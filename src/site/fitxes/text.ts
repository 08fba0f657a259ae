/** Plain-text helpers for the public fitxes (no Payload, no Node imports). */

/** Lower case, without accents or the punt volat: what text search compares. */
export const foldForSearch = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/·/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:'])

/**
 * A link from a mentee's text as it may reach a page: http(s), mailto and tel, or a path on this
 * site; anything else (javascript:, data:, vbscript:, protocol-relative…) is no link at all.
 */
export function safeHref(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  // Browsers ignore tabs, newlines and leading controls in a URL: «java\tscript:» is still javascript:.
  // eslint-disable-next-line no-control-regex
  const url = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '')
  if (!url || url.length > 2000) return undefined
  if (url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\')) return url
  if (url.startsWith('#')) return url
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  return SAFE_SCHEMES.has(parsed.protocol) ? parsed.href : undefined
}
