import fs from 'node:fs'
import path from 'node:path'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { type RunningServer, startProductionServer } from '../helpers/server'
import { startSmtpServer, type TestSmtp } from '../helpers/smtp'

/**
 * The call for mentors at /oferta-mentoria in Chromium, on the production build: a new mentor offers
 * with JavaScript and without, the offer is stored for the open edition (waiting for review), with
 * screenshots at 390 and 1280 px for the docs (docs/img/oferta-mentoria-*.png).
 */
const DAY = 86_400_000
let server: RunningServer
let smtp: TestSmtp
let browser: Browser
let token: string
let editionId: number | string
let counter = 0

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

async function storedOffer(email: string) {
  const mentors = await api(
    'GET',
    `/api/mentors?depth=0&where[email][equals]=${encodeURIComponent(email)}`,
  )
  const mentor = mentors.body.docs[0]
  if (!mentor) return undefined
  const offers = await api('GET', `/api/mentor-offers?depth=0&where[mentor][equals]=${mentor.id}`)
  return offers.body.docs[0] as Record<string, unknown> | undefined
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

const hydrated = (page: Page) =>
  page.waitForFunction(() => {
    const form = document.querySelector('form.offer')
    return Boolean(form && Object.keys(form).some((key) => key.startsWith('__reactProps')))
  })

async function fill(page: Page, email: string) {
  await page.getByLabel('Nom i cognoms').fill('Núria Vidal i Soler')
  await page.getByLabel('Càrrec').fill("Tècnica d'economia social")
  await page.getByLabel('Ens', { exact: true }).selectOption({ label: 'Ajuntament de Sabadell' })
  await page.getByLabel('Correu electrònic').fill(email)
  await page.getByLabel('Cooperativisme i emprenedoria col·lectiva').check()
  await page.getByLabel('Finances ètiques').check()
  await page.getByLabel('Quants acompanyaments podeu fer en aquesta convocatòria').fill('2')
  await page
    .getByLabel('Disponibilitat', { exact: true })
    .fill('Dimecres a la tarda; em puc desplaçar a tot el Vallès.')
  await page.getByLabel(/^Accepto que la XMESS tracti/).check()
}

beforeAll(async () => {
  smtp = await startSmtpServer()
  server = await startProductionServer({
    SECRETARIAT_EMAIL: 'secretaria@xmess.example',
    SMTP_HOST: smtp.host,
    SMTP_PORT: String(smtp.port),
    SMTP_SECURE: 'false',
  })
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
  })
  expect(edition.status).toBe(201)
  editionId = edition.body.doc.id
  for (const [name, member] of [
    ['Ajuntament de Sabadell', true],
    ['Ajuntament de Manresa', true],
    ['Ajuntament de Fora', false],
  ] as const) {
    expect((await api('POST', '/api/municipalities', { name, member })).status).toBe(201)
  }
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await smtp?.close()
})

describe('the mentor offer form at /oferta-mentoria', () => {
  it('takes an offer with JavaScript, stores it for the open edition to review, and is accessible at 390 and 1280 px', async () => {
    fs.mkdirSync('docs/img', { recursive: true })
    for (const width of [390, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } })
      const page = await context.newPage()
      const response = await page.goto(`${server.url}/oferta-mentoria`)
      expect(response?.status()).toBe(200)
      expect(await page.title()).toBe('Oferta de mentoria · XMESS')
      expect(await page.locator('h1').textContent()).toBe('Oferiu-vos com a persona mentora')
      await hydrated(page)
      expect(await axeViolations(page)).toEqual([])
      // Errors first, named by field, then the whole offer.
      await page.getByRole('button', { name: "Envia l'oferta" }).click()
      await page.locator('.error-summary').waitFor()
      expect(await page.locator('.error-summary').textContent()).toContain(
        'Marqueu com a mínim un àmbit.',
      )
      expect(await axeViolations(page)).toEqual([])
      const email = `nuria.${++counter}@sabadell.example`
      await fill(page, email)
      // Each error went as its field was put right.
      expect(await page.locator('.error-summary').count()).toBe(0)
      await page.screenshot({ path: `docs/img/oferta-mentoria-${width}.png`, fullPage: true })
      await page.getByRole('button', { name: "Envia l'oferta" }).click()
      await page.getByRole('heading', { name: 'Hem rebut la vostra oferta' }).waitFor()
      const offer = await storedOffer(email)
      expect(offer).toMatchObject({
        edition: editionId,
        capacity: 2,
        review: 'submitted',
        source: 'form',
        topics: ['cooperativisme', 'finances-etiques'],
      })
      await context.close()
    }
  })

  it('takes an offer without JavaScript too, and shows the errors on the page', async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1000, height: 900 },
    })
    const page = await context.newPage()
    await page.goto(`${server.url}/oferta-mentoria?lang=es`)
    expect(await page.locator('h1').textContent()).toBe('Ofrézcase como persona mentora')
    await page.goto(`${server.url}/oferta-mentoria`)
    await page.getByLabel('Nom i cognoms').fill('Sense JavaScript')
    await page.getByRole('button', { name: "Envia l'oferta" }).click()
    await page.locator('.error-summary').waitFor()
    expect(await page.locator('.error-summary').textContent()).toContain(
      'Trieu el vostre ens de la llista.',
    )
    expect(await page.getByLabel('Nom i cognoms').inputValue()).toBe('Sense JavaScript')
    const email = `sense.js.${++counter}@sabadell.example`
    await fill(page, email)
    await page.getByRole('button', { name: "Envia l'oferta" }).click()
    await page.getByRole('heading', { name: 'Hem rebut la vostra oferta' }).waitFor()
    expect(await storedOffer(email)).toMatchObject({
      edition: editionId,
      capacity: 2,
      review: 'submitted',
    })
    await context.close()
  })

  it("opens a returning mentor's emailed link with last year's offer filled in, and one click renews it", async () => {
    const now = Date.now()
    const last = await api('POST', '/api/editions', {
      year: new Date().getUTCFullYear() - 1,
      name: 'Convocatòria passada',
      applicationsOpenAt: new Date(now - 400 * DAY).toISOString(),
      applicationsCloseAt: new Date(now - 370 * DAY).toISOString(),
    })
    const councils = await api(
      'GET',
      '/api/municipalities?depth=0&where[name][equals]=Ajuntament%20de%20Manresa',
    )
    const mentor = await api('POST', '/api/mentors', {
      name: 'Jordi Tornaria',
      email: 'jordi@manresa.example',
      municipality: councils.body.docs[0].id,
      topics: ['cooperativisme'],
    })
    expect(mentor.status).toBe(201)
    const offer = await api('POST', '/api/mentor-offers', {
      mentor: mentor.body.doc.id,
      edition: last.body.doc.id,
      topics: ['habitatge-cooperatiu', 'energia-comunitaria'],
      capacity: 3,
      availability: 'Dijous al matí.',
    })
    expect(offer.status).toBe(201)
    // «Send today's reminders now»: the call for mentors goes out with them.
    const run = await api('POST', '/api/mentoria/reminders/run', {})
    expect(run.body.mentorCall).toBe(1)
    const mail = await smtp.waitFor(
      (message) => message.to.includes('jordi@manresa.example'),
      30_000,
    )
    const link = /https?:\/\/\S+\/oferta-mentoria\?\S+/.exec(mail.text)?.[0]
    expect(link).toBeTruthy()

    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } })
    const page = await context.newPage()
    await page.goto(String(link).replace(/^https?:\/\/localhost:\d+/, server.url))
    await hydrated(page)
    expect(await page.locator('.lead').textContent()).toContain('Jordi Tornaria')
    expect(await page.getByLabel('Habitatge cooperatiu').isChecked()).toBe(true)
    expect(await page.getByLabel('Energia comunitària').isChecked()).toBe(true)
    expect(await page.getByLabel('Cooperativisme i emprenedoria col·lectiva').isChecked()).toBe(
      false,
    )
    expect(
      await page.getByLabel('Quants acompanyaments podeu fer en aquesta convocatòria').inputValue(),
    ).toBe('3')
    expect(await page.getByLabel('Disponibilitat', { exact: true }).inputValue()).toBe(
      'Dijous al matí.',
    )
    expect(await page.getByLabel('Nom i cognoms').count()).toBe(0)
    await page.getByRole('button', { name: "Confirma l'oferta" }).click()
    await page.getByRole('heading', { name: 'Hem rebut la vostra oferta' }).waitFor()
    const renewed = await api(
      'GET',
      `/api/mentor-offers?depth=0&where[mentor][equals]=${mentor.body.doc.id}&where[edition][equals]=${editionId}`,
    )
    expect(renewed.body.docs).toEqual([
      expect.objectContaining({
        capacity: 3,
        review: 'accepted',
        source: 'renewal',
        topics: ['habitatge-cooperatiu', 'energia-comunitaria'],
      }),
    ])
    // The same link again: said at once, on the page.
    await page.goto(String(link).replace(/^https?:\/\/localhost:\d+/, server.url))
    expect(await page.locator('main .notice[role=alert]').textContent()).toContain(
      "Aquest enllaç de renovació ja s'ha fet servir",
    )
    await context.close()
  })
})
