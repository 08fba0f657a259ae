import { once } from 'node:events'
import type { Server, ServerResponse } from 'node:http'
import net, { type AddressInfo } from 'node:net'
import { gunzipSync } from 'node:zlib'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { publishedFitxes } from '../../src/services/public-fitxes'
import { STAMP_TTL_MS } from '../../src/services/site-cache'
import { createApp } from '../../src/host/server/app'
import { cacheSitePages } from '../../src/host/server/page-cache'
import { closingData, type ID, setupProgramme, startData } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

/**
 * The production server's page cache (src/host/server/page-cache.ts) over real HTTP, in front of a
 * stand-in for Next that renders the published fitxes as the real pages do (through
 * publishedFitxes) and counts its renders: a page kept is served without rendering, and a
 * publication or a withdrawal shows on the very next request, in every language.
 */
let app: TestApp
let server: Server
let base: string
let fitxaId: ID
const renders: string[] = []

beforeAll(async () => {
  app = await startTestApp()
  const p = await setupProgramme(app)
  const pairing = await app.payload.db.create({
    collection: 'pairings',
    data: {
      edition: p.edition.id,
      mentor: p.mentor.id,
      candidate: p.candidate.id,
      status: 'completed',
      title: 'Parella',
      ...startData(),
      ...closingData(),
    },
  })
  const fitxa = await app.payload.create({
    collection: 'fitxes',
    data: {
      pairing: pairing.id,
      _status: 'published',
      title: 'Fitxa de Vilafranca',
      summary: 'Resum',
      objectives: 'O',
      activities: 'A',
      results: 'R',
      topics: ['estrategia-ess'],
    } as never,
  })
  fitxaId = fitxa.id
  const stamp = (await publishedFitxes(app.payload)).length // warms the data cache as the pages would
  expect(stamp).toBe(1)

  const standInForNext = async (
    req: { url?: string; headers?: Record<string, unknown> },
    res: import('node:http').ServerResponse,
  ) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    renders.push(url.pathname + url.search)
    if (url.searchParams.get('q') === 'galeta') res.setHeader('set-cookie', 'x=1')
    const titles = (await publishedFitxes(app.payload)).map((item) => item.title)
    res.statusCode = url.pathname === '/fitxes/no-hi-es' ? 404 : 200
    res.setHeader('content-type', 'text/html; charset=utf-8')
    res.setHeader('cache-control', 'private, no-cache, no-store, max-age=0, must-revalidate')
    // Streamed in pieces, as Next does.
    // Next puts the metadata in <head> for crawlers that need it there, and streams it to browsers.
    const crawler = /facebookexternalhit|Slackbot/i.test(String(req.headers?.['user-agent'] ?? ''))
    res.write(
      `<html lang="${url.searchParams.get('lang') ?? 'ca'}"><head>${crawler ? '<meta property="og:title">' : ''}</head><body>`,
    )
    res.write(`<ol>${titles.map((title) => `<li>${title}</li>`).join('')}</ol>`)
    res.end(`<p>${url.searchParams.get('q') ?? ''}</p></body></html>`)
  }
  const express = createApp({
    env: { production: true, serverURL: 'http://localhost', embedOrigins: [], trustProxy: 0 },
    checkDatabase: async () => undefined,
    handle: cacheSitePages(app.payload, standInForNext, {
      pages: { maxEntries: 5, maxBytes: 1024 * 1024 },
      variants: { maxEntries: 5, maxBytes: 1024 * 1024 },
    }),
  })
  server = await new Promise<Server>((resolve) => {
    const listening = express.listen(0, '127.0.0.1', () => resolve(listening))
  })
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve))
  await app?.close()
})

/** The cache in front of `next`, on its own Express server (base URL and a stop function). */
async function serveWith(
  next: (req: { url?: string }, res: ServerResponse) => Promise<void>,
  renderWaitMs?: number,
) {
  const big = { maxEntries: 50, maxBytes: 64 * 1024 * 1024 }
  const express = createApp({
    env: { production: true, serverURL: 'http://localhost', embedOrigins: [], trustProxy: 0 },
    checkDatabase: async () => undefined,
    handle: cacheSitePages(app.payload, next, { pages: big, variants: big }, renderWaitMs),
  })
  const listening = await new Promise<Server>((resolve) => {
    const started = express.listen(0, '127.0.0.1', () => resolve(started))
  })
  return {
    base: `http://127.0.0.1:${(listening.address() as AddressInfo).port}`,
    stop: () => {
      listening.closeAllConnections()
      return new Promise((resolve) => listening.close(resolve))
    },
  }
}

/** A client that sends its request and then reads nothing at all (its socket stays paused). */
async function neverReads(base: string, path: string) {
  const { port } = new URL(base)
  const socket = net.connect(Number(port), '127.0.0.1')
  await once(socket, 'connect')
  socket.pause()
  socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nAccept-Encoding: identity\r\n\r\n`)
  return socket
}

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(base + path, { headers: { 'accept-encoding': 'identity', ...headers } })
const rendersOf = async (paths: string[]) => {
  renders.length = 0
  const bodies = []
  for (const path of paths) bodies.push(await (await get(path)).text())
  return { renders: [...renders], bodies }
}

describe('the page cache of the public fitxes pages', () => {
  it('renders a page once and serves the same bytes and headers after, each language on its own', async () => {
    const first = await get('/fitxes?lang=es')
    const firstBody = await first.text()
    renders.length = 0
    const again = await get('/fitxes?lang=es')
    expect(await again.text()).toBe(firstBody)
    expect(renders).toEqual([])
    expect(again.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(again.headers.get('cache-control')).toContain('no-store')
    // Express's own headers are set on each answer, not replayed from the first.
    expect(again.headers.get('content-security-policy')).toMatch(/default-src 'self'/)
    const catalan = await rendersOf(['/fitxes', '/fitxes?lang=ca', '/fitxes?lang=en'])
    expect(catalan.renders).toEqual(['/fitxes', '/fitxes?lang=en'])
    expect(catalan.bodies.map((body) => /lang="(\w+)"/.exec(body)?.[1])).toEqual(['ca', 'ca', 'en'])
  })

  it('keeps the page for crawlers that read only <head> apart from the one for browsers', async () => {
    await get('/fitxes?pagina=2')
    const crawler = await (
      await get('/fitxes?pagina=2', { 'user-agent': 'facebookexternalhit/1.1' })
    ).text()
    expect(crawler).toContain('og:title')
    const browser = await (
      await get('/fitxes?pagina=2', {
        'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0',
      })
    ).text()
    expect(browser).not.toContain('og:title')
  })

  it('gives a gzip copy to clients that take it, the same page once unpacked', async () => {
    const plain = await (await get('/fitxes')).text()
    const response = await fetch(`${base}/fitxes`, { headers: { 'accept-encoding': 'gzip' } })
    expect(response.headers.get('content-encoding')).toBe('gzip')
    expect(response.headers.get('vary')).toMatch(/accept-encoding/i)
    // fetch unpacks it itself; a raw read shows the bytes were gzip.
    expect(await response.text()).toBe(plain)
    const raw = await new Promise<Buffer>((resolve, reject) => {
      import('node:http').then(({ get: httpGet }) =>
        httpGet(`${base}/fitxes`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('end', () => resolve(Buffer.concat(chunks)))
        }).on('error', reject),
      )
    })
    expect(gunzipSync(raw).toString('utf8')).toBe(plain)
  })

  it('shows a withdrawal and a new publication on the very next request, in every language', async () => {
    const before = await rendersOf(['/fitxes', '/fitxes?lang=es', `/fitxes?lang=en`])
    for (const body of before.bodies) expect(body).toContain('Fitxa de Vilafranca')
    // The secretariat unpublishes (Local API, hooks run: the stamp moves at once).
    await app.payload.update({
      collection: 'fitxes',
      id: fitxaId,
      data: { _status: 'draft' } as never,
    })
    const after = await rendersOf(['/fitxes', '/fitxes?lang=es', '/fitxes?lang=en'])
    for (const body of after.bodies) expect(body).not.toContain('Fitxa de Vilafranca')
    expect(after.renders).toHaveLength(3)
    await app.payload.update({
      collection: 'fitxes',
      id: fitxaId,
      data: { _status: 'published' } as never,
    })
    const again = await rendersOf(['/fitxes', '/fitxes?lang=es'])
    for (const body of again.bodies) expect(body).toContain('Fitxa de Vilafranca')
  })

  it('follows a write made without hooks (another server, a script) within STAMP_TTL_MS', async () => {
    await get('/fitxes')
    await app.payload.db.updateOne({
      collection: 'fitxes',
      id: fitxaId,
      data: { _status: 'draft' },
    })
    await new Promise((resolve) => setTimeout(resolve, STAMP_TTL_MS + 50))
    expect(await (await get('/fitxes')).text()).not.toContain('Fitxa de Vilafranca')
    await app.payload.db.updateOne({
      collection: 'fitxes',
      id: fitxaId,
      data: { _status: 'published' },
    })
    await new Promise((resolve) => setTimeout(resolve, STAMP_TTL_MS + 50))
    expect(await (await get('/fitxes')).text()).toContain('Fitxa de Vilafranca')
  })

  it('never keeps an answer that is not a 200 or that sets a cookie, nor an address the page might read otherwise', async () => {
    const again = await rendersOf([
      '/fitxes/no-hi-es',
      '/fitxes/no-hi-es',
      '/fitxes?q=galeta',
      '/fitxes?q=galeta',
      '/fitxes?utm_source=butlleti',
      '/fitxes?utm_source=butlleti',
    ])
    expect(again.renders).toEqual([
      '/fitxes/no-hi-es',
      '/fitxes/no-hi-es',
      '/fitxes?q=galeta',
      '/fitxes?q=galeta',
      '/fitxes?utm_source=butlleti',
      '/fitxes?utm_source=butlleti',
    ])
  })

  it('stays within its bounds when a stranger sends endless different searches', async () => {
    await rendersOf(['/fitxes?q=primera'])
    const searches = Array.from({ length: 40 }, (_, index) => `/fitxes?q=cerca+${index}`)
    await Promise.all(searches.map((path) => get(path).then((response) => response.text())))
    // Bounded at 5 entries here: the oldest search was forgotten and is rendered again.
    const after = await rendersOf(['/fitxes?q=primera', searches[39]])
    expect(after.renders).toEqual(['/fitxes?q=primera'])
  })

  it('renders once for requests that arrive together for a page not kept yet', async () => {
    await app.payload.update({
      collection: 'fitxes',
      id: fitxaId,
      data: { summary: 'Resum nou' } as never,
    })
    renders.length = 0
    const bodies = await Promise.all(
      Array.from({ length: 10 }, () => get('/fitxes?pagina=3').then((response) => response.text())),
    )
    expect(new Set(bodies).size).toBe(1)
    expect(renders).toEqual(['/fitxes?pagina=3'])
  })

  it('does not let a visitor who never reads hold back the next visitor of the same page', async () => {
    // Large enough that the first client's socket fills long before the page is all sent; the
    // stand-in waits for room as Next does (write → false → 'drain').
    const piece = `<p>${'x'.repeat(64 * 1024)}</p>`
    let rendered = 0
    const slowPage = async (_req: { url?: string }, res: ServerResponse) => {
      rendered++
      res.statusCode = 200
      res.setHeader('content-type', 'text/html; charset=utf-8')
      for (let i = 0; i < 256; i++) if (!res.write(piece)) await once(res, 'drain')
      res.end('</html>')
    }
    const site = await serveWith(slowPage, 60_000)
    const first = await neverReads(site.base, '/fitxes/fitxa-de-vilafranca')
    try {
      await new Promise((resolve) => setTimeout(resolve, 200))
      const since = Date.now()
      const second = await fetch(`${site.base}/fitxes/fitxa-de-vilafranca`, {
        headers: { 'accept-encoding': 'identity' },
        signal: AbortSignal.timeout(10_000),
      })
      const body = await second.text()
      expect(second.status).toBe(200)
      expect(body.length).toBe(256 * piece.length + '</html>'.length)
      expect(Date.now() - since).toBeLessThan(5000)
      // The second visitor got the copy the first render made, and the first client is still there, reading nothing.
      expect(rendered).toBe(1)
      expect(first.destroyed).toBe(false)
    } finally {
      first.destroy()
      await site.stop()
    }
  })

  it('waits a bounded time for a render that does not finish, then renders for the next visitor', async () => {
    let calls = 0
    const stuckOnce = async (_req: { url?: string }, res: ServerResponse) => {
      calls++
      res.statusCode = 200
      if (calls === 1) {
        res.write('<html>') // …and nothing more: this render never ends
        return
      }
      res.end('<html><p>Fitxa</p></html>')
    }
    const site = await serveWith(stuckOnce, 300)
    const first = await neverReads(site.base, '/fitxes/fitxa-penjada')
    try {
      await new Promise((resolve) => setTimeout(resolve, 100))
      const since = Date.now()
      const second = await fetch(`${site.base}/fitxes/fitxa-penjada`, {
        headers: { 'accept-encoding': 'identity' },
        signal: AbortSignal.timeout(10_000),
      })
      expect(second.status).toBe(200)
      expect(await second.text()).toContain('Fitxa')
      expect(Date.now() - since).toBeLessThan(3000)
      expect(calls).toBe(2)
    } finally {
      first.destroy()
      await site.stop()
    }
  })

  it('keeps /fitxes and each fitxa page however many different searches strangers send', async () => {
    const canonical = ['/fitxes', '/fitxes/fitxa-de-vilafranca', '/fitxes?lang=es']
    await rendersOf(canonical)
    expect((await rendersOf(canonical)).renders).toEqual([])
    // Five entries at most for each kind here: 40 searches, filters and page numbers push out only each other.
    const variants = Array.from(
      { length: 40 },
      (_, index) =>
        [
          `/fitxes?q=paraula${index}`,
          `/fitxes?ambit=ambit-${index}`,
          `/fitxes?pagina=${index + 2}`,
        ][index % 3],
    )
    for (const path of variants) await (await get(path)).text()
    expect((await rendersOf(canonical)).renders).toEqual([])
  })
})
