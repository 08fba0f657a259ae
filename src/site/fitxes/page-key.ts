import { LANGS } from '../i18n'
import { parseFitxaQuery, queryString } from './query'

/**
 * Which requests for the public fitxes pages may be answered from the server's page cache, and
 * under which key. Only a plain GET of `/fitxes` or `/fitxes/<slug>` whose query string holds
 * nothing but the parameters the page reads, each once and already in the form the page itself
 * would read it (empty values count as absent, as the GET form sends them). Anything else — an
 * unknown parameter, a malformed value, Next's own navigation requests (`rsc`, `_rsc`) — gets
 * `undefined` and goes to Next uncached, so two addresses share a key only when the page cannot
 * tell them apart, and a stranger cannot mint keys beyond the filters that exist (plus free text,
 * which the cache's size bounds).
 */

const LIST_PARAMS = new Set(['ambit', 'ens', 'any', 'q', 'pagina', 'lang'])
const SLUG = /^\/fitxes\/([a-z0-9-]{1,120})$/
/** Pages under /fitxes/ that are not a fitxa (Next serves them before the slug route). */
const NOT_A_FITXA = new Set(['widget'])
/**
 * Headers that change what Next sends back: its client router's (a React Server Components payload,
 * not the page), and a CSP sent by the client, whose nonce Next would copy into the page.
 */
const HEADERS_NEXT_READS = [
  'rsc',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'next-action',
  'next-url',
  'content-security-policy',
]

type Headers = Record<string, string | string[] | undefined>

function decode(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '))
  } catch {
    return undefined
  }
}

/** The query string's parameters, or undefined if one repeats, is unknown or does not decode. */
function readParams(search: string, allowed: Set<string>): Record<string, string> | undefined {
  const params: Record<string, string> = {}
  if (!search) return params
  for (const pair of search.split('&')) {
    if (!pair) continue
    const at = pair.indexOf('=')
    const name = decode(at === -1 ? pair : pair.slice(0, at))
    const value = decode(at === -1 ? '' : pair.slice(at + 1))
    if (name === undefined || value === undefined || !allowed.has(name) || name in params)
      return undefined
    params[name] = value
  }
  return params
}

const langOf = (value: string | undefined) =>
  value === undefined || value === ''
    ? 'ca'
    : (LANGS as readonly string[]).includes(value)
      ? value
      : undefined

export function sitePageKey(
  method: string | undefined,
  url: string | undefined,
  headers: Headers,
): string | undefined {
  if (method !== 'GET' || !url) return undefined
  if (HEADERS_NEXT_READS.some((name) => headers[name] !== undefined)) return undefined
  const at = url.indexOf('?')
  const path = at === -1 ? url : url.slice(0, at)
  const search = at === -1 ? '' : url.slice(at + 1)

  if (path === '/fitxes') {
    const params = readParams(search, LIST_PARAMS)
    if (!params) return undefined
    const lang = langOf(params.lang)
    if (!lang) return undefined
    const query = parseFitxaQuery(params)
    const canonical: Record<string, string | undefined> = {
      ambit: query.ambit,
      ens: query.ens,
      any: query.any === undefined ? undefined : String(query.any),
      q: query.q,
      pagina: String(query.pagina),
    }
    for (const [name, value] of Object.entries(params)) {
      if (name === 'lang' || value === '') continue
      if (canonical[name] !== value) return undefined
    }
    return `/fitxes${queryString({ ...query, lang })}`
  }

  const slug = SLUG.exec(path)?.[1]
  if (slug && !NOT_A_FITXA.has(slug)) {
    const params = readParams(search, new Set(['lang']))
    const lang = params && langOf(params.lang)
    if (!lang) return undefined
    return `/fitxes/${slug}${queryString({ lang })}`
  }
  return undefined
}
