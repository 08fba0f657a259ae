import fs from 'node:fs'

import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { type RunningServer, startProductionServer } from '../helpers/server'
import { startSmtpServer, type TestSmtp } from '../helpers/smtp'

/**
 * October in the browser: the secretariat runs the matching in the admin and confirms; the mentor
 * gets the email, opens the link (which changes nothing), accepts with the button, and the link
 * does not work a second time.
 */
let server: RunningServer
let smtp: TestSmtp
let browser: Browser
let token: string
const PASSWORD = 'una-contrasenya-llarga'
const DAY = 86_400_000

async function api(method: string, url: string, body?: unknown) {
  const response = await fetch(`${server.url}${url}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, body: await response.json() }
}

beforeAll(async () => {
  smtp = await startSmtpServer()
  server = await startProductionServer({
    SMTP_HOST: smtp.host,
    SMTP_PORT: String(smtp.port),
    SMTP_SECURE: 'false',
    SECRETARIAT_EMAIL: 'avisos@xmess.example',
  })
  const first = await fetch(`${server.url}/api/users/first-register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: 'secretaria@xmess.example',
      password: PASSWORD,
      confirmPassword: PASSWORD,
    }),
  })
  token = (await first.json()).token
  const council = async (name: string, latitude: number, longitude: number) =>
    (await api('POST', '/api/municipalities', { name, member: true, latitude, longitude })).body.doc
      .id
  const sabadell = await council('Ajuntament de Sabadell', 41.546, 2.109)
  const vilafranca = await council('Ajuntament de Vilafranca del Penedès', 41.346, 1.7)
  const edition = await api('POST', '/api/editions', {
    year: new Date().getUTCFullYear(),
    name: 'Convocatòria de prova',
    applicationsOpenAt: new Date(Date.now() - 20 * DAY).toISOString(),
    applicationsCloseAt: new Date(Date.now() + 5 * DAY).toISOString(),
  })
  // No account yet: the proposal opens one and invites her (R14: nobody chooses her password).
  await api('POST', '/api/mentors', {
    name: 'Laia Puig',
    email: 'laia@sabadell.example',
    phone: '600 000 101',
    municipality: sabadell,
    topics: ['estrategia-ess', 'contractacio-responsable'],
    capacity: 1,
    available: true,
  })
  const candidate = await api('POST', '/api/candidates', {
    name: 'Pau Martí',
    email: 'pau@vilafranca.example',
    phone: '600 000 201',
    municipality: vilafranca,
    edition: edition.body.doc.id,
    topics: ['estrategia-ess'],
    needs: "Volem redactar el primer pla municipal d'ESS.",
    status: 'eligible',
    consents: { dataProcessing: true, commitment: true },
  })
  expect(candidate.status).toBe(201)
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await smtp?.close()
})

describe('matching and answering a proposal', () => {
  it('runs in the admin, and the mentor accepts from the email link, once', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${server.url}/admin/login`)
    await page.fill('#field-email', 'secretaria@xmess.example')
    await page.fill('#field-password', PASSWORD)
    await page.click('button[type=submit]')
    await page.waitForURL((url) => url.pathname === '/admin' || url.pathname === '/admin/')

    // The side menu links to it (the menu is folded away at this width, so go there directly).
    expect(await page.locator('a[href="/admin/aparellament"]').count()).toBeGreaterThan(0)
    await page.goto(`${server.url}/admin/aparellament`)
    await page.getByRole('button', { name: 'Calcula la proposta' }).click()
    const row = page.getByRole('row', { name: /Pau Martí/ })
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toMatch(/Laia Puig/)
    expect(await row.textContent()).toMatch(/Coincideixen/)
    fs.mkdirSync('test-results', { recursive: true })
    await page.screenshot({ path: 'test-results/aparellament.png', fullPage: true })
    await page.getByRole('button', { name: /Confirma 1 parella/ }).click()
    // A second look: what will happen, before anything is created or emailed.
    const second = page.getByRole('group', { name: "Confirmeu l'aparellament" })
    expect(await second.textContent()).toMatch(/rebrà ara mateix un correu/)
    expect(await smtp.messages.length).toBe(0)
    await second.getByRole('button', { name: 'Sí, proposa la parella' }).click()
    await expect
      .poll(() => page.locator('.mentoria-matching [role=status]').textContent())
      .toMatch(/S'ha proposat 1 parella\./)
    // And afterwards, a link to what was created.
    expect(
      await page.getByRole('link', { name: 'Vegeu la parella proposada' }).getAttribute('href'),
    ).toMatch(/^\/admin\/collections\/pairings\?where/)

    const mail = await smtp.waitFor(
      (message) =>
        message.to.includes('laia@sabadell.example') &&
        /Proposta de mentoria/.test(message.subject),
      30_000,
    )
    expect(mail.subject).toMatch(/Proposta de mentoria/)
    expect(mail.text).not.toContain('pau@vilafranca.example')
    const acceptUrl = /Acceptar la proposta: (\S+)/.exec(mail.text)?.[1] ?? ''
    expect(acceptUrl).toContain('/proposta?token=')

    // Opening the link (as a mail scanner would) changes nothing.
    const mentorPage = await (await browser.newContext()).newPage()
    await mentorPage.goto(acceptUrl)
    await expect
      .poll(() => mentorPage.locator('h1').textContent())
      .toBe('Accepteu aquesta proposta de mentoria?')
    expect(await mentorPage.locator('body').textContent()).toContain('Pau Martí')
    const before = await api('GET', '/api/pairings?depth=0')
    expect(before.body.docs[0].status).toBe('proposed')

    await mentorPage.getByRole('button', { name: 'Sí, accepto la proposta' }).click()
    await mentorPage.waitForURL(/\/proposta\/resposta/)
    expect(await mentorPage.locator('main [role=status]').textContent()).toMatch(
      /Heu acceptat la proposta/,
    )
    expect((await api('GET', '/api/pairings?depth=0')).body.docs[0].status).toBe('accepted')

    const toMentee = await smtp.waitFor(
      (message) => message.to.includes('pau@vilafranca.example'),
      30_000,
    )
    expect(toMentee.text).toContain('laia@sabadell.example')

    await mentorPage.goto(acceptUrl)
    expect(await mentorPage.locator('main [role=alert]').textContent()).toMatch(
      /ja s'ha fet servir/,
    )
  })
})
