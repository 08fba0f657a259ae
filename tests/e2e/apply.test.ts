import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'

import type { Browser, Frame, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { freePort, type RunningServer, startProductionServer } from '../helpers/server'
import { startSmtpServer, type TestSmtp } from '../helpers/smtp'

/**
 * The application form in Chromium, on the production build: with and without JavaScript, inside an
 * iframe on another (allowed) website, fixing a field after an error, axe-core, and a screenshot.
 */

const SECRETARIAT = 'secretaria@xmess.example'
const DAY = 24 * 60 * 60 * 1000

let server: RunningServer
let smtp: TestSmtp
let browser: Browser
let token: string
let hostOrigin: string
let strangerOrigin: string
let editionId: number | string
const hosts: http.Server[] = []
let counter = 0

const email = (prefix: string) => `${prefix}.${++counter}@ajuntament.example`

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

async function storedCandidates(address: string) {
  const response = await api(
    'GET',
    `/api/candidates?depth=0&where[email][equals]=${encodeURIComponent(address)}`,
  )
  return response.body.docs as Record<string, any>[]
}

/** A tiny website on another origin (127.0.0.1, another port) that embeds the form with embed.js. */
async function hostSite(scriptOrigin: string, port: number): Promise<string> {
  const site = http.createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8')
    res.end(`<!doctype html><html lang="ca"><head><title>XMESS</title></head><body>
<h1>Xarxa de Municipis per l'Economia Social i Solidària</h1>
<p>Mentoria: feu la sol·licitud aquí sota.</p>
<script src="${scriptOrigin}/embed.js" data-mentoria-form data-lang="ca"></script>
<p id="after">Peu de pàgina</p>
</body></html>`)
  })
  await new Promise<void>((resolve) => site.listen(port, '127.0.0.1', () => resolve()))
  hosts.push(site)
  return `http://127.0.0.1:${port}`
}

/** Waits until React has hydrated the form (until then it is the plain HTML form). */
const hydrated = (page: Page) =>
  page.waitForFunction(() => {
    const form = document.querySelector('form.application')
    return Boolean(form && Object.keys(form).some((key) => key.startsWith('__reactProps')))
  })

beforeAll(async () => {
  smtp = await startSmtpServer()
  const hostPort = await freePort()
  hostOrigin = `http://127.0.0.1:${hostPort}`
  server = await startProductionServer({
    EMBED_ORIGINS: hostOrigin,
    SMTP_HOST: smtp.host,
    SMTP_PORT: String(smtp.port),
    SMTP_SECURE: 'false',
    SECRETARIAT_EMAIL: SECRETARIAT,
  })

  // The secretariat (first user), an open edition and some councils, through the REST API.
  const first = await api('POST', '/api/users/first-register', {
    email: 'primera@xmess.example',
    password: 'una-contrasenya-llarga',
    confirmPassword: 'una-contrasenya-llarga',
  })
  token = first.body.token
  const now = Date.now()
  const edition = await api('POST', '/api/editions', {
    year: new Date().getUTCFullYear(),
    name: `Convocatòria ${new Date().getUTCFullYear()}`,
    applicationsOpenAt: new Date(now - DAY).toISOString(),
    applicationsCloseAt: new Date(now + 20 * DAY).toISOString(),
    // As a real edition: matching by the end of October, start by the end of November.
    matchingBy: new Date(Date.UTC(new Date().getUTCFullYear() + 1, 9, 31, 12)).toISOString(),
    startBy: new Date(Date.UTC(new Date().getUTCFullYear() + 1, 10, 30, 12)).toISOString(),
  })
  expect(edition.status).toBe(201)
  editionId = edition.body.doc.id
  for (const [name, member] of [
    ['Ajuntament de Sabadell', true],
    ['Ajuntament de Manresa', true],
    ['Consell Comarcal del Bages', true],
    ['Ajuntament de Fora', false],
  ] as const) {
    expect(
      (await api('POST', '/api/municipalities', { name, member, province: 'Barcelona' })).status,
    ).toBe(201)
  }

  // The website EMBED_ORIGINS allows, and another one that it does not.
  expect(await hostSite(server.url, hostPort)).toBe(hostOrigin)
  strangerOrigin = await hostSite(server.url, await freePort())

  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  for (const host of hosts) await new Promise((resolve) => host.close(resolve))
  await server?.stop()
  await smtp?.close()
})

type Person = { name: string; email: string; council: string; topics: string[] }

/** Fills the whole form the way a person does, through labels. */
async function fillForm(page: Page | Frame, person: Person) {
  await page.getByLabel('Nom i cognoms').fill(person.name)
  await page.getByLabel('Càrrec').fill('Tècnica de promoció econòmica')
  await page.getByLabel('Ens', { exact: true }).selectOption({ label: person.council })
  await page.getByLabel('Correu electrònic').fill(person.email)
  await page.getByLabel('Telèfon').fill('938 000 000')
  const priorities = ['Primera prioritat', 'Segona prioritat', 'Tercera prioritat']
  for (const [index, topic] of person.topics.entries()) {
    await page.getByLabel(priorities[index]).selectOption({ label: topic })
  }
  await page
    .getByLabel('Expliqueu què necessiteu')
    .fill('Volem començar un pla municipal d’economia social.')
  await page
    .getByLabel('Disponibilitat i desplaçaments')
    .fill('Dimarts al matí; em puc desplaçar a tota la província.')
  await page.getByLabel('Castellà').check()
  await page.getByLabel(/^Accepto que la XMESS tracti/).check()
  await page.getByLabel(/^Em comprometo/).check()
}

async function axeViolations(page: Page) {
  await page.addScriptTag({ path: path.resolve('node_modules/axe-core/axe.min.js') })
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<any> } }
    ).axe
    return axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
    })
  })
  return (result.violations as { id: string; impact: string; nodes: { target: string[] }[] }[])
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    )
}

describe('the application form at /sollicitud', () => {
  it('is in Catalan, accessible (axe: no serious violations, also with errors shown), and gets a screenshot', async () => {
    const context = await browser.newContext({
      locale: 'en-GB',
      viewport: { width: 1000, height: 900 },
    })
    const page = await context.newPage()
    const response = await page.goto(`${server.url}/sollicitud`)
    expect(response?.status()).toBe(200)
    expect(await page.title()).toBe('Sol·licitud de mentoria · XMESS')
    expect(await page.locator('h1').textContent()).toBe('Sol·licitud de mentoria')
    // Only member councils are offered.
    const councils = await page
      .getByLabel('Ens', { exact: true })
      .locator('option')
      .allTextContents()
    expect(councils).toEqual([
      'Trieu el vostre ens',
      'Ajuntament de Manresa',
      'Ajuntament de Sabadell',
      'Consell Comarcal del Bages',
    ])
    expect(await page.locator('fieldset legend').first().textContent()).toBe(
      'Àmbits en què voleu acompanyament',
    )

    expect(await axeViolations(page)).toEqual([])
    fs.mkdirSync('test-results', { recursive: true })
    await page.screenshot({ path: 'test-results/sollicitud-form.png', fullPage: true })

    await page.getByRole('button', { name: 'Envia la sol·licitud' }).click()
    await page.locator('.error-summary').waitFor()
    expect(await axeViolations(page)).toEqual([])
    await page.screenshot({ path: 'test-results/sollicitud-errors.png', fullPage: true })

    await page.goto(`${server.url}/sollicitud?lang=es`)
    expect(await page.locator('h1').textContent()).toBe('Solicitud de mentoría')
    expect(await page.getAttribute('.site', 'lang')).toBe('es')
    expect(await axeViolations(page)).toEqual([])
    await context.close()
  })

  it('links the privacy notice and the accessibility statement, which render from the settings, accessible at 320 and 1280 px, in ca/es/en', async () => {
    const saved = await api('POST', '/api/globals/legal-settings', {
      controller: {
        name: 'Consorci XMESS de prova',
        address: 'Plaça Major, 1, 08240 Manresa',
        email: 'responsable@xmess.example',
      },
      dpo: { email: 'dpd@xmess.example' },
      accessibility: {
        status: 'partial',
        assessedAt: '2026-11-20T12:00:00.000Z',
        contactEmail: 'barreres@xmess.example',
      },
    })
    expect(saved.status).toBe(200)
    for (const width of [320, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } })
      const page = await context.newPage()
      await page.goto(`${server.url}/sollicitud`)
      await page
        .getByRole('navigation', { name: 'Avisos legals' })
        .getByRole('link', { name: 'Privacitat' })
        .click()
      await page.waitForURL(/\/privacitat$/)
      for (const [path, titles] of [
        [
          '/privacitat',
          { ca: 'Avís de privacitat', es: 'Aviso de privacidad', en: 'Privacy notice' },
        ],
        [
          '/accessibilitat',
          {
            ca: "Declaració d'accessibilitat",
            es: 'Declaración de accesibilidad',
            en: 'Accessibility statement',
          },
        ],
      ] as const) {
        for (const lang of ['ca', 'es', 'en'] as const) {
          const response = await page.goto(
            `${server.url}${path}${lang === 'ca' ? '' : `?lang=${lang}`}`,
          )
          expect(response?.status()).toBe(200)
          expect(await page.locator('h1').textContent()).toBe(titles[lang])
          expect(await page.getAttribute('.site', 'lang')).toBe(lang)
          expect(await page.locator('main').textContent()).toContain('Consorci XMESS de prova')
          expect(await axeViolations(page), `${path} ${lang} ${width}px`).toEqual([])
        }
      }
      fs.mkdirSync('test-results', { recursive: true })
      await page.screenshot({ path: `test-results/accessibilitat-${width}.png`, fullPage: true })
      await context.close()
    }
  })

  it('applies with JavaScript, by keyboard only: checks fields as they are left, then sends JSON to the endpoint', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const posts: string[] = []
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(new URL(request.url()).pathname)
    })
    await page.goto(`${server.url}/sollicitud`)
    await hydrated(page)

    const focused = () => page.evaluate(() => document.activeElement?.id ?? '')
    const tabTo = async (id: string) => {
      for (let step = 0; step < 80 && (await focused()) !== id; step++)
        await page.keyboard.press('Tab')
      expect(await focused()).toBe(id)
    }
    const address = email('teclat')
    await tabTo('field-name')
    await page.keyboard.type('Núria Vila')
    await tabTo('field-position')
    await page.keyboard.type('Agent d’ocupació')
    await tabTo('field-municipality')
    await page.keyboard.press('ArrowDown')
    await tabTo('field-email')
    // A wrong email is pointed out as soon as the person leaves the field…
    await page.keyboard.type('nuria.vila@')
    await page.keyboard.press('Tab')
    const emailError = page.locator('#field-email-error')
    await emailError.waitFor()
    expect(await emailError.textContent()).toContain('Escriviu una adreça de correu vàlida')
    expect(await page.getAttribute('#field-email', 'aria-invalid')).toBe('true')
    // …and goes as soon as it is right.
    await page.keyboard.press('Shift+Tab')
    expect(await focused()).toBe('field-email')
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type(address)
    await emailError.waitFor({ state: 'detached' })

    await tabTo('field-topics-1')
    await page.keyboard.press('ArrowDown')
    await tabTo('field-needs')
    await page.keyboard.type('Ens cal ajuda amb la contractació pública responsable.')
    await tabTo('field-availability')
    await page.keyboard.type('Dijous a la tarda.')
    await tabTo('field-consents-dataProcessing')
    await page.keyboard.press('Space')
    await tabTo('field-consents-commitment')
    await page.keyboard.press('Space')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Envia la sol·licitud',
    )
    await page.keyboard.press('Enter')

    const confirmation = page.getByRole('heading', { name: 'Hem rebut la vostra sol·licitud' })
    await confirmation.waitFor()
    expect(await focused()).toBe('confirmation-title')
    const text = (await page.locator('.confirmation').textContent()) ?? ''
    expect(text).toContain(address)
    expect(text).toMatch(/Aparellament: com a tard el 31 d.octubre/)
    expect(text).toMatch(/Inici, abans del 30 de novembre/)
    expect(posts).toEqual(['/api/candidates/apply'])

    const [stored] = await storedCandidates(address)
    expect(stored).toMatchObject({
      name: 'Núria Vila',
      status: 'submitted',
      topics: ['estrategia-ess'],
    })
    const mail = await smtp.waitFor((message) => message.to.includes(address))
    expect(mail.subject).toBe('Hem rebut la vostra sol·licitud de mentoria XMESS')
    await smtp.waitFor(
      (message) => message.to.includes(SECRETARIAT) && message.text.includes(address),
    )
    await context.close()
  })

  it('fixes a wrong field after the server refuses it (an email that already applied)', async () => {
    const address = email('duplicat')
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${server.url}/sollicitud`)
    await fillForm(page, {
      name: 'Marc Soler',
      email: address,
      council: 'Ajuntament de Manresa',
      topics: ['Finances ètiques'],
    })
    await page.getByRole('button', { name: 'Envia la sol·licitud' }).click()
    await page.getByRole('heading', { name: 'Hem rebut la vostra sol·licitud' }).waitFor()

    // The same email again: the server says so on the email field; the summary links to it.
    await page.goto(`${server.url}/sollicitud`)
    await fillForm(page, {
      name: 'Marc Soler',
      email: address,
      council: 'Ajuntament de Manresa',
      topics: ['Finances ètiques'],
    })
    await page.getByRole('button', { name: 'Envia la sol·licitud' }).click()
    const summary = page.locator('.error-summary')
    await summary.waitFor()
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className))
      .toBe('error-summary')
    const link = summary.getByRole('link', { name: /ja té una sol·licitud oberta/ })
    await link.click()
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-email')
    await page.getByLabel('Correu electrònic').fill(email('corregit'))
    await page.getByRole('button', { name: 'Envia la sol·licitud' }).click()
    await page.getByRole('heading', { name: 'Hem rebut la vostra sol·licitud' }).waitFor()
    expect(await storedCandidates(address)).toHaveLength(1)
    await context.close()
  })

  it('applies without JavaScript: a plain POST, errors rendered by the server with the values kept, then the confirmation', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    const posts: string[] = []
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(new URL(request.url()).pathname)
    })
    await page.goto(`${server.url}/sollicitud`)
    const address = email('sensejs')
    await fillForm(page, {
      name: 'Pere Roca',
      email: 'pere.roca@',
      council: 'Consell Comarcal del Bages',
      topics: ['Energia comunitària', 'Habitatge cooperatiu'],
    })
    await page.getByLabel(/^Em comprometo/).uncheck()
    await page.getByRole('button', { name: 'Envia la sol·licitud' }).click()
    await page.waitForLoadState('load')

    const summary = page.locator('.error-summary')
    expect(await summary.locator('h2').textContent()).toBe('Cal corregir 2 camps')
    expect(await summary.locator('a').allTextContents()).toEqual([
      'Escriviu una adreça de correu vàlida, com ara nom@ajuntament.cat.',
      "Cal comprometre's a fer l'acompanyament, comunicar les incidències i documentar la fitxa.",
    ])
    expect(await summary.locator('a').first().getAttribute('href')).toBe('#field-email')
    // What the person typed is still there.
    expect(await page.getByLabel('Nom i cognoms').inputValue()).toBe('Pere Roca')
    expect(await page.getByLabel('Correu electrònic').inputValue()).toBe('pere.roca@')
    expect(await page.getByLabel('Segona prioritat').inputValue()).toBe('habitatge-cooperatiu')
    expect(await page.getByLabel('Castellà').isChecked()).toBe(true)
    expect(await page.getByLabel(/^Accepto que la XMESS tracti/).isChecked()).toBe(true)

    await page.getByLabel('Correu electrònic').fill(address)
    await page.getByLabel(/^Em comprometo/).check()
    await page.getByRole('button', { name: 'Envia la sol·licitud' }).click()
    await page.waitForURL(/\/sollicitud\/enviada/)
    expect(await page.locator('h2').first().textContent()).toBe('Hem rebut la vostra sol·licitud')
    expect(await page.locator('.steps').textContent()).toMatch(
      /Aparellament: com a tard el 31 d.octubre/,
    )
    expect(posts).toEqual(['/sollicitud', '/sollicitud'])

    const [stored] = await storedCandidates(address)
    expect(stored).toMatchObject({
      name: 'Pere Roca',
      status: 'submitted',
      topics: ['energia-comunitaria', 'habitatge-cooperatiu'],
      languages: ['ca', 'es'],
    })
    await smtp.waitFor((message) => message.to.includes(address))
    await context.close()
  })

  it('applies inside an iframe on an allowed website (embed.js), which follows the form’s height', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(hostOrigin)
    const iframe = page.locator('iframe[data-mentoria-frame]')
    await iframe.waitFor()
    expect(await iframe.getAttribute('title')).toBe(
      'Formulari de sol·licitud de mentoria de la XMESS',
    )
    const frame = page.frameLocator('iframe[data-mentoria-frame]')
    await frame.locator('h1').waitFor()
    expect(await frame.locator('.site-header').count()).toBe(0)

    const heightOfFrame = () =>
      iframe.evaluate((element) => (element as HTMLIFrameElement).getBoundingClientRect().height)
    const inside = (await (await iframe.elementHandle())!.contentFrame())!
    const heightInside = () =>
      inside.evaluate(() => document.documentElement.getBoundingClientRect().height)
    // embed.js starts at 1600 px; the form reports its real height.
    await expect
      .poll(async () => Math.abs((await heightOfFrame()) - (await heightInside())), {
        timeout: 10_000,
      })
      .toBeLessThan(2)
    const formHeight = await heightOfFrame()
    expect(formHeight).toBeGreaterThan(1000)

    const address = email('iframe')
    await fillForm(inside, {
      name: 'Anna Ferrer',
      email: address,
      council: 'Ajuntament de Sabadell',
      topics: ['Béns comuns i gestió comunitària'],
    })
    await inside.getByRole('button', { name: 'Envia la sol·licitud' }).click()
    await inside.getByRole('heading', { name: 'Hem rebut la vostra sol·licitud' }).waitFor()
    // Shorter now: the iframe shrinks with it, and the host page is not scrolled inside a scrolled box.
    await expect.poll(heightOfFrame, { timeout: 10_000 }).toBeLessThan(formHeight)
    await expect
      .poll(async () => Math.abs((await heightOfFrame()) - (await heightInside())), {
        timeout: 10_000,
      })
      .toBeLessThan(2)
    expect(await storedCandidates(address)).toHaveLength(1)
    await page.screenshot({ path: 'test-results/sollicitud-embedded.png', fullPage: true })
    await context.close()
  })

  it('is refused inside an iframe on a website that is not allowed, and the rest of the app is never framed', async () => {
    const page = await (await browser.newContext()).newPage()
    await page.goto(strangerOrigin)
    const iframe = page.locator('iframe[data-mentoria-frame]')
    await iframe.waitFor()
    await page.waitForTimeout(1500)
    expect(await iframe.contentFrame().locator('form').count()).toBe(0)

    const form = await fetch(`${server.url}/sollicitud`)
    expect(form.headers.get('content-security-policy')).toContain(
      `frame-ancestors 'self' ${hostOrigin}`,
    )
    expect(form.headers.get('x-frame-options')).toBeNull()
    const admin = await fetch(`${server.url}/admin/login`)
    expect(admin.headers.get('content-security-policy')).toContain("frame-ancestors 'self';")
    expect(admin.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    const script = await fetch(`${server.url}/embed.js`)
    expect(script.status).toBe(200)
    expect(script.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    await page.context().close()
  })

  it('shows no form outside the application window, and says when it opens', async () => {
    const before = (await api('GET', `/api/editions/${editionId}?depth=0`)).body
    const opens = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 8, 1, 7))
    const closes = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 8, 30, 20))
    expect(
      (
        await api('PATCH', `/api/editions/${editionId}`, {
          applicationsOpenAt: opens.toISOString(),
          applicationsCloseAt: closes.toISOString(),
        })
      ).status,
    ).toBe(200)
    try {
      const page = await (await browser.newContext()).newPage()
      await page.goto(`${server.url}/sollicitud`)
      expect(await page.locator('form.application').count()).toBe(0)
      expect(await page.locator('.notice h2').textContent()).toBe(
        'Ara no es poden enviar sol·licituds',
      )
      expect(await page.locator('.notice').textContent()).toMatch(
        /encara no són obertes: s'obren l'1 de setembre/,
      )
      await page.goto(`${server.url}/sollicitud?lang=en`)
      expect(await page.locator('.notice').textContent()).toMatch(/they open on 1 September/)
      await page.context().close()
    } finally {
      await api('PATCH', `/api/editions/${editionId}`, {
        applicationsOpenAt: before.applicationsOpenAt,
        applicationsCloseAt: before.applicationsCloseAt,
      })
    }
  })
})
