import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_PASSWORD } from '../../seed/data'
import { WEBSITE_HEADINGS_CA } from '../../src/site/fitxes/sheet'
import { axeViolations } from '../helpers/axe'
import { launchBrowser } from '../helpers/browser'
import { freePort, type RunningServer, startProductionServer } from '../helpers/server'

/**
 * The public fitxes in Chromium, on the production build with the demo data: the list and its map,
 * a filter (without JavaScript), a fitxa, the feed and open data, the widget on another website,
 * axe-core, screenshots (test-results/), and a fitxa whose stored text tries to run code.
 */

let server: RunningServer
let browser: Browser
let token: string
let hostOrigin: string
const databaseFile = path.join(
  os.tmpdir(),
  `mentoria-e2e-fitxes-${crypto.randomBytes(6).toString('hex')}.db`,
)
const hosts: http.Server[] = []

async function api(method: string, url: string, body?: unknown) {
  const response = await fetch(`${server.url}${url}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `JWT ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, body: await response.json() }
}

/** Every request a page makes; the public pages must make none to another site. */
function watchRequests(page: Page) {
  const urls: string[] = []
  page.on('request', (request) => urls.push(request.url()))
  return urls
}

beforeAll(async () => {
  const secret = crypto.randomBytes(24).toString('hex')
  const seeded = spawnSync(process.execPath, ['--import', 'tsx', 'seed/run.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URI: `file:${databaseFile}`,
      PAYLOAD_SECRET: secret,
      JOBS_AUTORUN: 'false',
    },
    encoding: 'utf8',
    timeout: 110_000,
  })
  if (seeded.status !== 0) throw new Error(`seed failed: ${seeded.stdout}\n${seeded.stderr}`)
  const hostPort = await freePort()
  hostOrigin = `http://127.0.0.1:${hostPort}`
  server = await startProductionServer({
    DATABASE_URI: `file:${databaseFile}`,
    PAYLOAD_SECRET: secret,
    EMBED_ORIGINS: hostOrigin,
  })
  const site = http.createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8')
    res.end(`<!doctype html><html lang="ca"><head><title>XMESS</title></head><body>
<h1>Xarxa de Municipis per l'Economia Social i Solidària</h1>
<script src="${server.url}/embed.js" data-mentoria-fitxes data-lang="ca"></script>
</body></html>`)
  })
  await new Promise<void>((resolve) => site.listen(hostPort, '127.0.0.1', () => resolve()))
  hosts.push(site)
  token = (
    await api('POST', '/api/users/login', {
      email: 'secretaria@xmess.example',
      password: DEMO_PASSWORD,
    })
  ).body.token
  browser = await launchBrowser()
  fs.mkdirSync('test-results', { recursive: true })
}, 240_000)

afterAll(async () => {
  await browser?.close()
  for (const host of hosts) host.close()
  await server?.stop()
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(databaseFile + suffix, { force: true })
})

describe('/fitxes, the public list', () => {
  it('shows the published fitxes, newest first, with the map of the network; accessible; nothing from other sites', async () => {
    const context = await browser.newContext({
      locale: 'en-GB',
      viewport: { width: 1200, height: 900 },
    })
    const page = await context.newPage()
    const requests = watchRequests(page)
    const response = await page.goto(`${server.url}/fitxes`)
    expect(response?.status()).toBe(200)
    expect(await page.locator('h1').textContent()).toBe('Fitxes de mentoria')
    expect(await page.locator('html').getAttribute('lang')).toBe('ca')
    const titles = await page.locator('.fitxa-card h3').allTextContents()
    expect(titles).toHaveLength(4)
    expect(titles).toContain('Una comunitat energètica als equipaments de Granollers')
    // The map: Catalonia, one line per mentoring, a dot per council.
    const map = page.locator('.fitxes-map svg')
    expect(await map.getAttribute('role')).toBe('img')
    expect(await map.locator('.map-land').getAttribute('d')).toMatch(/^M[\d.]+/)
    expect(await map.locator('.map-links path').count()).toBe(4)
    expect(await map.locator('circle').count()).toBe(8)
    expect((await map.boundingBox())!.height).toBeGreaterThan(300)
    expect(
      await page
        .getByText("Límits: © Instituto Geográfico Nacional (IGN), CC BY 4.0, a través d'es-atlas.")
        .count(),
    ).toBe(1)
    expect(await axeViolations(page)).toEqual([])
    await page.screenshot({ path: 'test-results/fitxes-list.png', fullPage: true })
    expect(
      requests.filter((url) => !url.startsWith(server.url) && !url.startsWith('data:')),
    ).toEqual([])
    await context.close()
  })

  it('reads well on a phone: nothing wider than the screen', async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    })
    const page = await context.newPage()
    await page.goto(`${server.url}/fitxes`)
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true)
    expect(await axeViolations(page)).toEqual([])
    await page.screenshot({ path: 'test-results/fitxes-list-phone.png', fullPage: true })
    await context.close()
  })

  it('filters with the GET form and with plain links, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${server.url}/fitxes`)
    await page.getByRole('combobox', { name: 'Àmbit' }).selectOption('energia-comunitaria')
    await page.getByRole('button', { name: 'Cerca' }).click()
    await page.waitForURL(/ambit=energia-comunitaria/)
    expect(await page.locator('.fitxa-card h3').allTextContents()).toEqual([
      'Una comunitat energètica als equipaments de Granollers',
    ])
    expect(await page.locator('#results-heading').textContent()).toBe('1 fitxa')

    await page.goto(`${server.url}/fitxes?q=MERCAT+pages`)
    expect(await page.locator('.fitxa-card h3').allTextContents()).toEqual([
      'Un mercat de pagès a Tortosa',
    ])
    await page.getByRole('link', { name: 'Treu els filtres' }).click()
    await page
      .locator('.topic-links')
      .getByRole('link', { name: 'Contractació pública responsable' })
      .click()
    expect(await page.locator('.fitxa-card h3').allTextContents()).toEqual([
      'Clàusules socials als contractes de Mataró',
    ])
    await page.screenshot({ path: 'test-results/fitxes-filtered.png', fullPage: true })

    await page.goto(`${server.url}/fitxes?lang=es&any=1999&ambit=<b>`)
    expect(await page.locator('h1').textContent()).toBe('Fichas de mentoría')
    expect(await page.locator('.fitxa-card').count()).toBe(4)
    await context.close()
  })
})

describe('/fitxes/<slug>', () => {
  it('shows one fitxa with its title, description and Open Graph data', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const requests = watchRequests(page)
    await page.goto(`${server.url}/fitxes`)
    await page.getByRole('link', { name: 'Un mercat de pagès a Tortosa' }).click()
    await page.waitForURL(/\/fitxes\/un-mercat-de-pages-a-tortosa-/)
    expect(await page.locator('h1').textContent()).toBe('Un mercat de pagès a Tortosa')
    expect(await page.title()).toBe('Un mercat de pagès a Tortosa · Fitxes de mentoria · XMESS')
    const meta = (selector: string) => page.locator(selector).getAttribute('content')
    expect(await meta('meta[name="description"]')).toMatch(/^L'Ajuntament de Tortosa/)
    expect(await meta('meta[property="og:title"]')).toBe('Un mercat de pagès a Tortosa')
    expect(await meta('meta[property="og:type"]')).toBe('article')
    expect(await meta('meta[property="og:url"]')).toBe(page.url())
    expect(await page.locator('.fitxa-meta--detail').textContent()).toContain(
      'Ajuntament de Sabadell',
    )
    expect(await page.getByRole('heading', { name: 'Resultats i aprenentatges' }).count()).toBe(1)
    expect(await axeViolations(page)).toEqual([])
    await page.screenshot({ path: 'test-results/fitxa-detail.png', fullPage: true })
    expect(
      requests.filter((url) => !url.startsWith(server.url) && !url.startsWith('data:')),
    ).toEqual([])

    const missing = await page.goto(`${server.url}/fitxes/no-existeix-999`)
    expect(missing?.status()).toBe(404)
    expect(await page.locator('h1').textContent()).toBe('Aquesta fitxa no existeix')
    await context.close()
  })

  it('a stored <script>, event handler or javascript: link does nothing on the page', async () => {
    const list = await api(
      'GET',
      '/api/fitxes?where[title][equals]=Un%20mercat%20de%20pag%C3%A8s%20a%20Tortosa&depth=0',
    )
    const fitxa = list.body.docs[0]
    const text = (value: string) => ({
      type: 'text',
      text: value,
      format: 0,
      detail: 0,
      mode: 'normal',
      style: '',
      version: 1,
    })
    const paragraph = (...children: unknown[]) => ({
      type: 'paragraph',
      format: '',
      indent: 0,
      version: 1,
      direction: 'ltr',
      textFormat: 0,
      children,
    })
    const link = (url: string, label: string) => ({
      type: 'link',
      format: '',
      indent: 0,
      version: 3,
      direction: 'ltr',
      fields: { linkType: 'custom', url, newTab: false },
      children: [text(label)],
    })
    const body = {
      root: {
        type: 'root',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        children: [
          paragraph(
            text('<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">'),
          ),
          paragraph(
            link('javascript:window.__xss=3', 'enllaç maliciós'),
            text(' '),
            link('data:text/html,<script>alert(1)</script>', 'dades'),
          ),
          paragraph(link('https://xmess.cat', 'la XMESS')),
        ],
      },
    }
    const draft = await api('PATCH', `/api/fitxes/${fitxa.id}?draft=true`, {
      body,
      summary: '<img src=x onerror="window.__xss=4"> Resum',
      area: '" onmouseover="window.__xss=5',
    })
    expect(draft.status, JSON.stringify(draft.body)).toBe(200)
    const published = await api('PATCH', `/api/fitxes/${fitxa.id}`, { _status: 'published' })
    expect(published.status).toBe(200)

    const context = await browser.newContext()
    const page = await context.newPage()
    const dialogs: string[] = []
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message())
      await dialog.dismiss()
    })
    await page.goto(`${server.url}/fitxes/${fitxa.slug}`)
    await expect.poll(() => page.locator('h1').textContent()).toBe('Un mercat de pagès a Tortosa')
    const article = page.locator('article.fitxa')
    expect(await article.locator('script, img, [onerror], [onmouseover]').count()).toBe(0)
    expect(await article.textContent()).toContain('<script>window.__xss = 1</script>')
    expect(await article.getByText('enllaç maliciós').count()).toBe(1)
    const hrefs = await article
      .locator('a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
    expect(hrefs.some((href) => /^\s*(javascript|data):/i.test(href))).toBe(false)
    expect(hrefs).toContain('https://xmess.cat/')
    await page.getByText('enllaç maliciós').click()
    await page.hover('.fitxa-meta--detail')
    await page.waitForTimeout(300)
    expect(
      await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
    ).toBeUndefined()
    expect(dialogs).toEqual([])
    await page.screenshot({ path: 'test-results/fitxa-stored-script.png', fullPage: true })
    await context.close()
  })
})

describe('feed, open data and widget', () => {
  it('serves the Atom feed and the open data, naming no person', async () => {
    const feed = await fetch(`${server.url}/fitxes/feed.xml`)
    expect(feed.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8')
    const xml = await feed.text()
    expect(xml.match(/<entry>/g)).toHaveLength(4)
    const csv = await fetch(`${server.url}/fitxes/dades.csv`)
    expect(csv.headers.get('link')).toContain('creativecommons.org/licenses/by/4.0')
    const bytes = Buffer.from(await csv.arrayBuffer())
    // A byte order mark first, so that spreadsheets read UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const csvText = bytes.toString('utf8')
    expect(csvText.split('\r\n')[0]).toMatch(/^\uFEFFslug,url,titol,descripcio,any,/)
    const json = await (await fetch(`${server.url}/fitxes/dades.json`)).json()
    expect(json.total).toBe(4)
    expect(json.llicencia.name).toMatch(/CC BY 4.0/)
    // The DCAT-AP metadata a portal harvests, linked from /fitxes.
    const dcat = await fetch(`${server.url}/fitxes/dcat.jsonld`)
    expect(dcat.status).toBe(200)
    expect(dcat.headers.get('content-type')).toMatch(/^application\/ld\+json/)
    const graph = (await dcat.json())['@graph'] as { '@type': string }[]
    expect(graph.filter((node) => node['@type'] === 'dcat:Distribution')).toHaveLength(4)
    const people = await api('GET', '/api/mentors?limit=100&depth=0')
    const candidates = await api('GET', '/api/candidates?limit=100&depth=0')
    const contacts = [...people.body.docs, ...candidates.body.docs]
      .flatMap((person: { name: string; email: string; phone?: string }) => [
        person.name,
        person.email,
        person.phone,
      ])
      .filter(Boolean)
    expect(contacts.length).toBeGreaterThan(10)
    for (const output of [
      xml,
      csvText,
      JSON.stringify(json),
      await (await fetch(`${server.url}/fitxes`)).text(),
      await (await fetch(`${server.url}/api/fitxes?depth=2&limit=100`)).text(),
    ]) {
      for (const contact of contacts) expect(output).not.toContain(contact)
    }
  })

  it('shows the latest fitxes inside an allowed website (embed.js), and nowhere else', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(hostOrigin)
    const iframe = page.locator('iframe[data-mentoria-frame]')
    await iframe.waitFor()
    expect(await iframe.getAttribute('title')).toBe('Darreres fitxes de mentoria de la XMESS')
    const frame = page.frameLocator('iframe[data-mentoria-frame]')
    expect(await frame.locator('h1').textContent()).toBe('Darreres fitxes de mentoria')
    expect(await frame.locator('li a').count()).toBe(4)
    expect(await frame.locator('li a').first().getAttribute('target')).toBe('_top')
    await page.screenshot({ path: 'test-results/fitxes-widget-embedded.png', fullPage: true })
    const widget = await fetch(`${server.url}/fitxes/widget`)
    expect(widget.headers.get('content-security-policy')).toContain(
      `frame-ancestors 'self' ${hostOrigin}`,
    )
    const list = await fetch(`${server.url}/fitxes`)
    expect(list.headers.get('content-security-policy')).toContain("frame-ancestors 'self'")
    expect(list.headers.get('content-security-policy')).not.toContain(hostOrigin)
    await context.close()
  })
})

describe("«Copia per al web de la XMESS», on the secretariat's fitxa page", () => {
  it("puts the published fitxa on the clipboard as clean HTML, with the website's headings in order", async () => {
    const published = (
      await api('GET', '/api/fitxes?where[_status][equals]=published&limit=1&depth=0')
    ).body.docs[0] as { id: number; slug: string; title: string }
    const context = await browser.newContext({
      locale: 'ca-ES',
      viewport: { width: 1280, height: 900 },
    })
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
    const page = await context.newPage()
    await page.goto(`${server.url}/admin/login`)
    await page.fill('#field-email', 'secretaria@xmess.example')
    await page.fill('#field-password', DEMO_PASSWORD)
    await page.click('button[type=submit]')
    await page.waitForURL((url) => !url.pathname.endsWith('/login'), { timeout: 30_000 })
    await page.goto(`${server.url}/admin/collections/fitxes/${published.id}`)
    await page.getByRole('button', { name: 'Copia per al web de la XMESS' }).click()
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Copiada' }).count(), {
        timeout: 15_000,
      })
      .toBe(1)
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    const fragment = await (
      await fetch(`${server.url}/fitxes/${published.slug}/fragment.html`)
    ).text()
    // What the editor receives: the fragment's article, headings in the website's order, nothing that runs.
    expect(copied.length).toBeGreaterThan(100)
    const headingsOf = (html: string) =>
      [...html.matchAll(/<h[23][^>]*>([^<]+)<\/h[23]>/g)].map((match) => match[1].trim())
    const headings = headingsOf(copied)
    expect(copied).toContain(`<h1>${published.title}</h1>`)
    expect(headings).toEqual(headingsOf(fragment))
    const websiteOnes = headings.filter((heading) => WEBSITE_HEADINGS_CA.includes(heading))
    expect(websiteOnes, headings.join(' · ')).toEqual(
      WEBSITE_HEADINGS_CA.filter((heading) => websiteOnes.includes(heading)),
    )
    expect(websiteOnes).toEqual(
      expect.arrayContaining(['Ajuntament o Consell Comarcal', 'Descripció', 'Objectius']),
    )
    // Stored markup stays text (&lt;script&gt;): no tag that runs or styles, no handler inside a tag.
    expect(copied).not.toMatch(/<script|<style|<[^>]*\son\w+=/i)
    await page.screenshot({ path: 'test-results/fitxa-copia-per-al-web-1280.png' })
    await context.close()
  })
})

describe('the pages kept by the production server (src/host/server/page-cache.ts)', () => {
  it('show a withdrawal and a new publication on the very next request, in every language', async () => {
    const fitxa = (await api('GET', '/api/fitxes?sort=-publishedAt&limit=1&depth=0')).body.docs[0]
    const pages = [
      '/fitxes',
      '/fitxes?lang=es',
      '/fitxes?lang=en',
      `/fitxes/${fitxa.slug}`,
      `/fitxes/${fitxa.slug}?lang=en`,
    ]
    const read = () =>
      Promise.all(
        pages.map(async (url) => {
          const response = await fetch(server.url + url)
          // Served whole from memory: a known length instead of Next's stream.
          return {
            url,
            status: response.status,
            whole: response.headers.has('content-length'),
            html: await response.text(),
          }
        }),
      )
    // Twice, so that the second answers come from what the server kept.
    await read()
    const kept = await read()
    for (const page of kept)
      expect([page.url, page.whole, page.html.includes(fitxa.title)]).toEqual([
        page.url,
        true,
        true,
      ])
    expect(kept.find((page) => page.url === '/fitxes?lang=es')?.html).toContain('lang="es"')

    expect((await api('PATCH', `/api/fitxes/${fitxa.id}`, { _status: 'draft' })).status).toBe(200)
    const withdrawn = await read()
    for (const page of withdrawn.slice(0, 3)) expect(page.html, page.url).not.toContain(fitxa.title)
    expect(withdrawn.slice(3).map((page) => page.status)).toEqual([404, 404])

    expect((await api('PATCH', `/api/fitxes/${fitxa.id}`, { _status: 'published' })).status).toBe(
      200,
    )
    const back = await read()
    for (const page of back)
      expect([page.url, page.status, page.html.includes(fitxa.title)]).toEqual([
        page.url,
        200,
        true,
      ])
  })
})
