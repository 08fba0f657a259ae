import type { IncomingMessage, OutgoingHttpHeader, ServerResponse } from 'node:http'
import { gzipSync } from 'node:zlib'

import { getBotType } from 'next/dist/shared/lib/router/utils/is-bot.js'
import type { Payload } from 'payload'

import { BoundedCache } from '../../lib/bounded-cache'
import { siteStamp } from '../../services/site-cache'
import { sitePageKey } from '../../site/fitxes/page-key'

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
 *
 * Two bounds, so that a stranger's addresses never push out the pages people come for: the pages
 * (`/fitxes` itself and each `/fitxes/<slug>`, in each language; a slug is kept only when it answered
 * 200, so they are as many as the published fitxes) and the variants (a search, a filter, a page
 * number: anyone can invent endless ones), each in its own LRU.
 *
 * A render fills the cache whatever the speed of the client that asked for it: the page is captured
 * as Next writes it, Next is never held back by that client's socket (its writes always report room),
 * and the copy is kept when Next ends the response, not when the client has read it. Requests that
 * arrive meanwhile wait for that copy at most RENDER_WAIT_MS, then have their own render.
 */

export const PAGE_CACHE_LIMITS = {
  pages: { maxEntries: 300, maxBytes: 32 * 1024 * 1024 },
  variants: { maxEntries: 200, maxBytes: 16 * 1024 * 1024 },
}

export type PageCacheLimits = typeof PAGE_CACHE_LIMITS

/** How long a request waits for the same page's render in progress before rendering its own. */
export const RENDER_WAIT_MS = 5000

/** A list page with a search, a filter or a page number: an address anyone can vary without end. */
const isVariant = (page: string) =>
  page.startsWith('/fitxes?') && /[?&](?:ambit|ens|any|q|pagina)=/.test(page)

type CachedPage = { headers: [string, OutgoingHttpHeader][]; body: Buffer; gzip?: Buffer }

/** Set by Node or by the transfer itself, never replayed. */
const NOT_REPLAYED = new Set([
  'content-length',
  'transfer-encoding',
  'content-encoding',
  'connection',
  'keep-alive',
  'date',
])

type Handle<Req extends IncomingMessage, Res extends ServerResponse> = (
  req: Req,
  res: Res,
) => unknown

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
  limits: PageCacheLimits = PAGE_CACHE_LIMITS,
  renderWaitMs = RENDER_WAIT_MS,
): Handle<Req, Res> {
  const sizeOf = (page: CachedPage) => page.body.length + (page.gzip?.length ?? 0) + 2048
  const pages = new BoundedCache<CachedPage>(limits.pages, sizeOf)
  const variants = new BoundedCache<CachedPage>(limits.variants, sizeOf)
  const cacheOf = (key: string) => (isVariant(key) ? variants : pages)
  let cachedStamp: string | undefined
  // Requests that arrive together for a page not kept yet wait (bounded) for the first one's copy.
  const rendering = new Map<string, Promise<void>>()

  const send = (req: Req, res: Res, key: string, page: CachedPage) => {
    for (const [name, value] of page.headers) if (!res.hasHeader(name)) res.setHeader(name, value)
    const vary = String(res.getHeader('vary') ?? '')
    if (!/accept-encoding/i.test(vary))
      res.setHeader('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding')
    let body = page.body
    if (acceptsGzip(req.headers['accept-encoding'])) {
      if (!page.gzip) {
        page.gzip = gzipSync(page.body)
        cacheOf(key).update(key, page)
      }
      body = page.gzip
      res.setHeader('content-encoding', 'gzip')
    }
    res.setHeader('content-length', body.length)
    res.statusCode = 200
    res.end(body)
  }

  /**
   * Next renders into `res` as usual, while the bytes are copied aside; `kept` settles once Next has
   * ended the response (or the client left first), however slowly the client reads.
   */
  const renderAndKeep = (req: Req, res: Res, key: string, stamp: string) => {
    const out: ServerResponse = res
    const before = new Set(res.getHeaderNames())
    const chunks: Buffer[] = []
    const write = res.write.bind(res) as (...args: unknown[]) => boolean
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse
    const keep = (chunk: unknown, encoding: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return
      chunks.push(
        typeof chunk === 'string'
          ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
          : Buffer.from(chunk as Uint8Array),
      )
    }
    let ended!: (complete: boolean) => void
    const whole = new Promise<boolean>((resolve) => (ended = resolve))
    out.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
      keep(chunk, encoding)
      write(chunk, encoding, callback)
      // Always room: Next must not wait for this client to read before the copy is whole (the
      // page, ~100 kB, waits in memory for a slow reader instead).
      return true
    }) as ServerResponse['write']
    out.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
      keep(chunk, encoding)
      ended(!res.destroyed)
      return end(chunk, encoding, callback)
    }) as ServerResponse['end']
    // Closed before Next ended it: the copy is not whole.
    res.once('close', () => ended(false))
    // The copy kept is plain; each client gets it compressed or not (send), so Next must not compress it.
    delete req.headers['accept-encoding']
    const handled = Promise.resolve().then(() => handle(req, res))
    const kept = (async () => {
      // Next's handler settles after the client has read everything: by then the copy is whole or never will be.
      const complete = await Promise.race([
        whole,
        handled.then(
          () => Promise.race([whole, false]),
          () => false,
        ),
      ])
      if (!complete || res.statusCode !== 200 || res.hasHeader('set-cookie')) return
      // Kept only if nothing was published or withdrawn while it rendered.
      if ((await siteStamp(payload)) !== stamp || cachedStamp !== stamp) return
      const headers = Object.entries(res.getHeaders())
        .filter(
          ([name, value]) => !before.has(name) && !NOT_REPLAYED.has(name) && value !== undefined,
        )
        .map(([name, value]) => [name, value] as [string, OutgoingHttpHeader])
      cacheOf(key).set(key, { headers, body: Buffer.concat(chunks) })
    })().catch(() => undefined)
    return { handled, kept }
  }

  /** Resolves when `waiting` does, or after `ms`, whichever comes first. */
  const atMost = (waiting: Promise<void>, ms: number) => {
    let timer: NodeJS.Timeout | undefined
    return Promise.race([
      waiting,
      new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))),
    ]).finally(() => clearTimeout(timer))
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
      variants.clear()
      cachedStamp = stamp
    }
    const waiting = rendering.get(key)
    if (waiting) await atMost(waiting, renderWaitMs)
    const kept = cachedStamp === stamp ? cacheOf(key).get(key) : undefined
    if (kept) return send(req, res, key, kept)
    // Another render of this page is still going (or waited for too long): this one renders on its own.
    if (rendering.has(key)) return handle(req, res)
    const render = renderAndKeep(req, res, key, stamp)
    const done = render.kept.finally(() => rendering.delete(key))
    rendering.set(key, done)
    return render.handled
  }
}
