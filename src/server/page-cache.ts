import type { IncomingMessage, OutgoingHttpHeader, ServerResponse } from 'node:http'
import { gzipSync } from 'node:zlib'

import { getBotType } from 'next/dist/shared/lib/router/utils/is-bot.js'
import type { Payload } from 'payload'

import { BoundedCache } from '../lib/bounded-cache'
import { siteStamp } from '../services/site-cache'
import { sitePageKey } from '../site/fitxes/page-key'

/**
 * The public fitxes pages, kept whole once Next has rendered them, until the publication stamp moves.
 *
 * Profiling `/fitxes` under load showed the data and the map already cached and nearly all the time
 * in Next rendering the same page again (React Server Components, then HTML, ~90 kB) for every
 * visitor. Next's own page cache cannot serve here: a dynamic page reading its query string is never
 * kept, and time-based revalidation would show a withdrawn fitxa after it is gone. So this sits in
 * front of Next: the first request for an address renders; the next ones, under the same stamp
 * (`siteStamp`: checked at most every STAMP_TTL_MS, at once after a fitxes or councils hook), get the
 * same bytes. When the stamp moves, everything kept is dropped, so an unpublish shows on the next
 * request. The pages are rendered for an anonymous visitor (they read as nobody, whoever asks), and a
 * response that sets a cookie or is not a 200 is never kept. Bounded by entries and bytes (LRU), and
 * only addresses in the page's own canonical form are kept (`sitePageKey`).
 */

export const PAGE_CACHE_LIMITS = { maxEntries: 300, maxBytes: 32 * 1024 * 1024 }

type CachedPage = { headers: [string, OutgoingHttpHeader][]; body: Buffer; gzip?: Buffer }

/** Set by Node or by the transfer itself, never replayed. */
const NOT_REPLAYED = new Set(['content-length', 'transfer-encoding', 'content-encoding', 'connection', 'keep-alive', 'date'])

type Handle<Req extends IncomingMessage, Res extends ServerResponse> = (req: Req, res: Res) => unknown

/** Whether the client takes gzip (a q of 0 refuses it). */
function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '')
  return value.split(',').some((part) => {
    const [name, ...options] = part.trim().toLowerCase().split(';')
    if (name.trim() !== 'gzip' && name.trim() !== '*') return false
    const q = options.map((option) => option.trim()).find((option) => option.startsWith('q='))
    return q === undefined || Number(q.slice(2)) > 0
  })
}

export function cacheSitePages<Req extends IncomingMessage, Res extends ServerResponse>(
  payload: Payload,
  handle: Handle<Req, Res>,
  limits = PAGE_CACHE_LIMITS,
): Handle<Req, Res> {
  const pages = new BoundedCache<CachedPage>(limits, (page) => page.body.length + (page.gzip?.length ?? 0) + 2048)
  let cachedStamp: string | undefined
  // Requests that arrive together for a page not kept yet wait for the first one's render.
  const rendering = new Map<string, Promise<void>>()

  const send = (req: Req, res: Res, key: string, page: CachedPage) => {
    for (const [name, value] of page.headers) if (!res.hasHeader(name)) res.setHeader(name, value)
    const vary = String(res.getHeader('vary') ?? '')
    if (!/accept-encoding/i.test(vary)) res.setHeader('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding')
    let body = page.body
    if (acceptsGzip(req.headers['accept-encoding'])) {
      if (!page.gzip) {
        page.gzip = gzipSync(page.body)
        pages.update(key, page)
      }
      body = page.gzip
      res.setHeader('content-encoding', 'gzip')
    }
    res.setHeader('content-length', body.length)
    res.statusCode = 200
    res.end(body)
  }

  const renderAndKeep = async (req: Req, res: Res, key: string, stamp: string) => {
    const out: ServerResponse = res
    const before = new Set(res.getHeaderNames())
    const chunks: Buffer[] = []
    const write = res.write.bind(res) as (...args: unknown[]) => boolean
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse
    const keep = (chunk: unknown, encoding: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : Buffer.from(chunk as Uint8Array))
    }
    out.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
      keep(chunk, encoding)
      return write(chunk, encoding, callback)
    }) as ServerResponse['write']
    out.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
      keep(chunk, encoding)
      return end(chunk, encoding, callback)
    }) as ServerResponse['end']
    // The copy kept is plain; each client gets it compressed or not (send), so Next must not compress it.
    delete req.headers['accept-encoding']
    const finished = new Promise<boolean>((resolve) => {
      res.once('finish', () => resolve(true))
      res.once('close', () => resolve(res.writableFinished))
    })
    await handle(req, res)
    if (!(await finished) || res.statusCode !== 200 || res.hasHeader('set-cookie')) return
    // Kept only if nothing was published or withdrawn while it rendered.
    if ((await siteStamp(payload)) !== stamp || cachedStamp !== stamp) return
    const headers = Object.entries(res.getHeaders())
      .filter(([name, value]) => !before.has(name) && !NOT_REPLAYED.has(name) && value !== undefined)
      .map(([name, value]) => [name, value] as [string, OutgoingHttpHeader])
    pages.set(key, { headers, body: Buffer.concat(chunks) })
  }

  return async (req, res) => {
    const page = sitePageKey(req.method, req.url, req.headers)
    if (!page) return handle(req, res)
    // Next streams the metadata to browsers but puts it in <head> for crawlers that need it there.
    const key = `${page} ${getBotType(String(req.headers['user-agent'] ?? '')) ?? 'browser'}`
    let stamp: string
    try {
      stamp = await siteStamp(payload)
    } catch {
      return handle(req, res)
    }
    if (stamp !== cachedStamp) {
      pages.clear()
      cachedStamp = stamp
    }
    const waiting = rendering.get(key)
    if (waiting) await waiting
    const kept = cachedStamp === stamp ? pages.get(key) : undefined
    if (kept) return send(req, res, key, kept)
    if (rendering.has(key)) return handle(req, res)
    const render = renderAndKeep(req, res, key, stamp).finally(() => rendering.delete(key))
    rendering.set(
      key,
      render.catch(() => undefined),
    )
    return render
  }
}
