import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_PASSWORD } from '../../seed/data'
import { launchBrowser } from '../helpers/browser'
import { type RunningServer, startProductionServer } from '../helpers/server'

/**
 * The secretariat's console in Chromium, on the production build with the demo data: the dashboard
 * (its figures are the JSON summary's, and a figure opens the list behind it), the timeline, the
 * annual report on screen and as printed. Screenshots in test-results/.
 */

let server: RunningServer
let browser: Browser
const databaseFile = path.join(
  os.tmpdir(),
  `mentoria-e2e-console-${crypto.randomBytes(6).toString('hex')}.db`,
)
const shots = 'test-results'

async function signIn(email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: 'ca-ES',
    viewport: { width: 1400, height: 1000 },
  })
  const page = await context.newPage()
  await page.goto(`${server.url}/admin/login`)
  await page.fill('#field-email', email)
  await page.fill('#field-password', DEMO_PASSWORD)
  await page.click('button[type=submit]')
  await page.waitForURL((url) => !url.pathname.endsWith('/login'), { timeout: 30_000 })
  return { context, page }
}

/** What the JSON endpoints give the secretariat (`editions/<id>/summary`, `editions/open-work`). */
async function asSecretariat(path: string) {
  const login = await fetch(`${server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'secretaria@xmess.example', password: DEMO_PASSWORD }),
  })
  const { token } = await login.json()
  const response = await fetch(`${server.url}/api/${path}`, {
    headers: { authorization: `JWT ${token}` },
  })
  expect(response.status).toBe(200)
  return response.json()
}
const summaryOf = (edition: string | null) => asSecretariat(`editions/${edition}/summary`)
type Work = {
  key: string
  total: number
  editions: { edition: { id: string | number; name: string }; count: number }[]
}
const openWork = async () => (await asSecretariat('editions/open-work')).items as Work[]

/** The number on the dashboard's figure whose label starts with `label`. */
const figure = (page: Page, label: string) =>
  page
    .locator('.console-figure', { hasText: label })
    .first()
    .locator('strong')
    .textContent()
    .then((text) => Number(text))

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
    timeout: 170_000,
  })
  if (seeded.status !== 0) throw new Error(`seed failed: ${seeded.stdout}\n${seeded.stderr}`)
  server = await startProductionServer({
    DATABASE_URI: `file:${databaseFile}`,
    PAYLOAD_SECRET: secret,
  })
  browser = await launchBrowser()
  fs.mkdirSync(shots, { recursive: true })
}, 240_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(databaseFile + suffix, { force: true })
})

describe("the secretariat's console", () => {
  it('opens the admin on the current edition, with the figures of its summary, and each opens its list', async () => {
    const { context, page } = await signIn('secretaria@xmess.example')
    await page.waitForSelector('.console', { timeout: 60_000 })
    const editionId = await page.locator('.console').getAttribute('data-edition')
    const summary = await summaryOf(editionId)
    // «Què us necessita» counts every edition's open work.
    const work = Object.fromEntries((await openWork()).map((item) => [item.key, item]))
    expect(await figure(page, 'propostes sense resposta')).toBe(work.proposals.total)
    expect(await figure(page, 'en curs sense les 2 trobades presencials')).toBe(
      work.withoutRequiredMeetings.total,
    )
    expect(await figure(page, 'incidències obertes')).toBe(work.openIncidents.total)
    expect(work.overdue.total).toBeGreaterThan(0)
    expect(await figure(page, 'han passat la data de finalització')).toBe(work.overdue.total)
    expect(await figure(page, 'sol·licituds en total')).toBe(summary.candidates.total)
    expect(await figure(page, 'parelles en total')).toBe(summary.pairings.total)
    expect(summary.pairings.activeWithoutRequiredMeetings).toBeGreaterThan(0)

    // The timeline: a titled drawing (a group: its labels link to the pairings) with a bar per started pairing, meetings in person and online.
    const timeline = page.locator('.console-timeline svg[role=group]')
    expect(await timeline.locator('title#timeline-title').textContent()).toMatch(
      /Cronologia dels acompanyaments/,
    )
    expect(await timeline.locator('.timeline-bar').count()).toBeGreaterThan(1)
    expect(await timeline.locator('.timeline-meeting--in-person').count()).toBeGreaterThan(0)
    expect(await timeline.locator('.timeline-meeting--remote').count()).toBeGreaterThan(0)
    await page.screenshot({ path: `${shots}/console-dashboard.png`, fullPage: true })

    // Last year's edition, by the picker: the extended and the overdue accompaniments are there.
    const pickerValue = await page
      .locator('#console-edicio option', { hasText: String(new Date().getUTCFullYear() - 1) })
      .first()
      .getAttribute('value')
    await page.selectOption('#console-edicio', pickerValue as string)
    await page.click('.console-picker button[type=submit]')
    await page.waitForURL(/edicio=/)
    await page.waitForSelector(`.console[data-edition="${pickerValue}"]`)
    const last = await summaryOf(pickerValue)
    expect(last.pairings.overdue).toBeGreaterThan(0)
    expect(await page.locator('.console-timeline .timeline-extension').count()).toBeGreaterThan(0)
    await page.screenshot({ path: `${shots}/console-dashboard-last-year.png`, fullPage: true })

    // A figure's edition opens the admin list behind it, filtered to the same pairings.
    const lastName = work.overdue.editions.find((entry) => String(entry.edition.id) === pickerValue)
      ?.edition.name as string
    await page
      .locator('.console-figure', { hasText: 'han passat la data de finalització' })
      .locator('.console-by-edition a', { hasText: lastName })
      .click()
    await page.waitForURL(/collections\/pairings/)
    await expect
      .poll(() => page.locator('.table tbody tr').count(), { timeout: 30_000 })
      .toBe(last.pairings.overdue)
    await page.screenshot({ path: `${shots}/console-overdue-list.png`, fullPage: true })

    // The open incidents' list opens without a script error, showing them (it filtered on pairing.edition and threw).
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(`${server.url}/admin`)
    await page.waitForSelector('.console')
    const incidents = page.locator('.console-figure', { hasText: 'incidències obertes' })
    expect(work.openIncidents.total).toBeGreaterThan(0)
    const lists: [string, number][] = [
      [
        (await incidents.locator(':scope > a').getAttribute('href')) as string,
        work.openIncidents.total,
      ],
      [
        (await incidents.locator('.console-by-edition a').first().getAttribute('href')) as string,
        work.openIncidents.editions[0].count,
      ],
    ]
    for (const [href, count] of lists) {
      await page.goto(`${server.url}${href}`)
      await page.waitForSelector('.table tbody tr', { timeout: 30_000 })
      await expect
        .poll(() => page.locator('.table tbody tr').count(), { timeout: 30_000 })
        .toBe(count)
    }
    await page.screenshot({ path: `${shots}/console-incidents-list.png`, fullPage: true })
    expect(errors).toEqual([])
    await context.close()
  })

  it('prints the annual report clean: no navigation, the figures, the map and the timeline', async () => {
    const { context, page } = await signIn('secretaria@xmess.example')
    await page.goto(`${server.url}/admin/informe-anual`)
    await page.waitForSelector('.console-report', { timeout: 60_000 })
    expect(await page.locator('h1').first().textContent()).toMatch(/^Informe anual · Convocatòria/)
    expect(await page.locator('.console-report .fitxes-map svg[role=img]').count()).toBe(1)
    expect(await page.locator('.console-report').textContent()).toMatch(
      /Els menys coberts per les persones mentores/,
    )
    await page.screenshot({ path: `${shots}/console-report.png`, fullPage: true })
    await page.emulateMedia({ media: 'print' })
    expect(
      await page
        .locator('.nav')
        .first()
        .isVisible()
        .catch(() => false),
    ).toBe(false)
    expect(await page.locator('.console-actions').isVisible()).toBe(false)
    expect(await page.locator('.console-report .timeline-bar').first().isVisible()).toBe(true)
    await page.screenshot({ path: `${shots}/console-report-print.png`, fullPage: true })
    await page.pdf({ path: `${shots}/console-report.pdf`, format: 'A4' })
    await context.close()
  })

  it('is not for mentors: they land on «Les meves mentories», and the report says it is the secretariat’s', async () => {
    const { context, page } = await signIn('laia.puig@mentora.xmess.example')
    await page.goto(`${server.url}/admin`)
    await page.waitForURL(/les-meves-mentories/)
    expect(await page.locator('.console').count()).toBe(0)
    await page.goto(`${server.url}/admin/informe-anual`)
    await expect
      .poll(() => page.locator('body').textContent(), { timeout: 30_000 })
      .toContain("Només la secretaria tècnica pot veure l'informe anual.")
    expect(await page.locator('.console-report').count()).toBe(0)
    await context.close()
  })

  it("signs in on the XMESS's page: its logo and name, «vós», nothing of Payload's", async () => {
    const context = await browser.newContext({
      locale: 'ca-ES',
      viewport: { width: 390, height: 844 },
    })
    const page = await context.newPage()
    await page.goto(`${server.url}/admin/login`)
    const logo = page.locator('img[src="/xmess-logo.svg"]')
    await logo.waitFor({ timeout: 30_000 })
    expect(await logo.getAttribute('alt')).toBe('Mentoria XMESS')
    // Served by this site (the CSP allows no other), and drawn.
    expect(
      await logo.evaluate((image) => (image as HTMLImageElement).naturalWidth),
    ).toBeGreaterThan(0)
    const text = (await page.locator('body').innerText()) ?? ''
    expect(text).toContain('Heu oblidat la contrasenya?')
    expect(text).not.toMatch(/Has oblidat|Payload/)
    expect(await page.locator('link[rel=icon]').first().getAttribute('href')).toBe(
      '/xmess-icon.svg',
    )
    await page.screenshot({ path: `${shots}/sign-in-390.png`, fullPage: true })
    await context.close()
  })

  it('gives the report of any period on a page that prints, with its CSV', async () => {
    const { context, page } = await signIn('secretaria@xmess.example')
    await page.goto(`${server.url}/admin`)
    await page.waitForSelector('.console')
    await page.locator('.console-actions a', { hasText: "Informe d'un període" }).click()
    await page.waitForURL(/informe-periode/)
    const today = new Date().toISOString().slice(0, 10)
    const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10)
    await page.fill('input[name=des]', yearAgo)
    await page.fill('input[name=fins]', today)
    await page.click('.console-picker button[type=submit]')
    await page.waitForSelector('[data-figure=completed]', { timeout: 30_000 })
    const json = await asSecretariat(`mentoria/report?from=${yearAgo}&to=${today}`)
    expect(Number(await page.locator('[data-figure=inProgress] td').textContent())).toBe(
      json.inProgress,
    )
    // As a person clicks it: the browser sends the session cookie (same origin) and saves the file.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.console-actions a', { hasText: 'CSV' }).click(),
    ])
    expect(download.suggestedFilename()).toBe(`informe-mentoria-${yearAgo}-${today}.csv`)
    expect(fs.readFileSync((await download.path()) as string, 'utf8')).toContain(
      `Acompanyaments en curs en algun moment del període,${json.inProgress}`,
    )
    await page.screenshot({ path: `${shots}/period-report.png`, fullPage: true })
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.console-actions').isVisible()).toBe(false)
    expect(await page.locator('[data-figure=completed]').isVisible()).toBe(true)
    await context.close()
  })
})
