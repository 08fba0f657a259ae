import fs from 'node:fs'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { type RunningServer, startProductionServer } from '../helpers/server'
import { type ReceivedMail, startSmtpServer, type TestSmtp } from '../helpers/smtp'

/**
 * The accompaniment in the browser, as its people: the mentor chooses a password from the invitation
 * link, lands on «Les meves mentories», sees only their pairing, accepts, records the start and the
 * meetings; the mentee does the same from theirs and completes the closing checklist. Screenshots go
 * to test-results/ (kept by CI as artefacts; the README shows them).
 */
let server: RunningServer
let smtp: TestSmtp
let browser: Browser
let token: string
const PASSWORD = 'una-contrasenya-llarga'
const DAY = 86_400_000
const SHOTS = 'test-results'

async function api(method: string, url: string, body?: unknown) {
  const response = await fetch(`${server.url}${url}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = await response.json()
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(json)}`)
  return json
}

const resetPath = (mail: ReceivedMail) => {
  const found = mail.text.match(/\/admin\/reset\/[0-9a-f]+/)?.[0]
  if (!found) throw new Error(`No invitation link in:\n${mail.text}`)
  return found
}

/** Opens the invitation link, chooses a password and lands where a person lands after signing in. */
async function acceptInvitation(page: Page, mail: ReceivedMail, password: string) {
  // Payload's reset form is a React form: typed and submitted before the page has hydrated (a loaded
  // machine), the click is a plain form submission that reloads the same page with the fields empty
  // (seen in CI: the page «stayed at /admin/reset/<token>»). Wait until its scripts have loaded, and
  // check that what was typed is still there before submitting.
  await page.goto(`${server.url}${resetPath(mail)}`, { waitUntil: 'networkidle' })
  const fields = [page.locator('#field-password'), page.locator('#field-confirm-password')]
  await expect
    .poll(
      async () => {
        for (const field of fields)
          if ((await field.inputValue()) !== password) await field.fill(password)
        return Promise.all(fields.map((field) => field.inputValue()))
      },
      { timeout: 30_000 },
    )
    .toEqual([password, password])
  await page.click('button[type=submit]')
  // Under a loaded machine the reset, the sign-in and the first admin render can take a while; if it
  // never arrives, say where the page stayed and what it said (the cause, not only a timeout).
  await page
    .waitForURL(/\/admin\/les-meves-mentories/, { timeout: 60_000 })
    .catch(async (error: unknown) => {
      const said = (
        (await page
          .locator('main, form, body')
          .first()
          .innerText()
          .catch(() => '')) ?? ''
      )
        .replace(/\s+/g, ' ')
        .slice(0, 600)
      throw new Error(`After choosing a password the page stayed at ${page.url()}: «${said}»`, {
        cause: error,
      })
    })
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true })

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true })
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
      name: 'Secretaria tècnica',
    }),
  })
  token = (await first.json()).token
  const council = async (name: string) =>
    (await api('POST', '/api/municipalities', { name, member: true })).doc.id
  const sabadell = await council('Ajuntament de Sabadell')
  const vilafranca = await council('Ajuntament de Vilafranca del Penedès')
  const olot = await council("Ajuntament d'Olot")
  const manresa = await council('Ajuntament de Manresa')
  const edition = await api('POST', '/api/editions', {
    year: new Date().getUTCFullYear(),
    name: 'Convocatòria de prova',
    applicationsOpenAt: new Date(Date.now() - 20 * DAY).toISOString(),
    applicationsCloseAt: new Date(Date.now() + 5 * DAY).toISOString(),
  })
  const mentor = async (name: string, email: string, municipality: string) =>
    (
      await api('POST', '/api/mentors', {
        name,
        email,
        phone: '600 000 101',
        position: "Tècnica d'ESS",
        municipality,
        topics: ['estrategia-ess'],
        capacity: 1,
        available: true,
      })
    ).doc.id
  const candidate = async (name: string, email: string, municipality: string) =>
    (
      await api('POST', '/api/candidates', {
        name,
        email,
        phone: '600 000 201',
        position: 'Tècnic de promoció econòmica',
        municipality,
        edition: edition.doc.id,
        topics: ['estrategia-ess'],
        status: 'eligible',
        consents: { dataProcessing: true, commitment: true },
      })
    ).doc.id
  const laia = await mentor('Laia Puig', 'laia@sabadell.example', sabadell)
  const jordi = await mentor('Jordi Vila', 'jordi@manresa.example', manresa)
  const pau = await candidate('Pau Martí', 'pau@vilafranca.example', vilafranca)
  const marta = await candidate('Marta Soler', 'marta@olot.example', olot)
  await api('POST', '/api/pairings', { mentor: laia, candidate: pau })
  await api('POST', '/api/pairings', { mentor: jordi, candidate: marta })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  // E2E_SERVER_LOG=1 prints what the server said (a page that "couldn’t load" is explained there).
  if (process.env.E2E_SERVER_LOG) console.log(server?.output())
  await server?.stop()
  await smtp?.close()
})

describe('«Les meves mentories» in the browser', () => {
  it('the mentor signs in from the invitation, sees only their pairing, starts it and records a meeting', async () => {
    const invitation = await smtp.waitFor(
      (mail) => mail.to.includes('laia@sabadell.example'),
      30_000,
    )
    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 } })
    ).newPage()
    await acceptInvitation(page, invitation, 'laia-tria-la-seva-1')

    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Les meves mentories')
    const cards = page.locator('article.mm-card')
    expect(await cards.count()).toBe(1)
    const text = (await page.locator('main, body').first().textContent()) ?? ''
    expect(text).toContain('Acompanyament amb Pau Martí')
    expect(text).toContain('Proposta: espera la vostra resposta')
    expect(text).not.toContain('Marta Soler')
    // R12: no contact data before accepting.
    expect(text).not.toContain('pau@vilafranca.example')
    // No raw status select anywhere on the page.
    expect(await page.locator('select[name=status], #field-status').count()).toBe(0)
    await shot(page, 'mentora-les-meves-mentories')

    await page.getByRole('link', { name: "Obre l'acompanyament" }).click()
    await page.waitForURL(/\/admin\/les-meves-mentories\/\w+/)
    // Before answering, the mentor sees what the mentee needs.
    expect(await page.getByRole('region', { name: 'Què necessita' }).textContent()).toMatch(
      /Estratègia|ESS/i,
    )
    await page.getByRole('button', { name: 'Accepto la proposta' }).click()
    const second = page.getByRole('group', { name: 'Segur que accepteu la proposta?' })
    expect(await second.textContent()).toContain('Pau Martí rebrà un correu')
    await second.getByRole('button', { name: "Sí, l'accepto" }).click()
    await expect
      .poll(() => page.locator('.mm-status').first().textContent(), { timeout: 15_000 })
      .toMatch(/Acceptada/)
    await expect.poll(() => page.locator('body').textContent()).toContain('pau@vilafranca.example')

    const start = page.getByRole('form', { name: "Comença l'acompanyament" })
    await start.getByLabel('Objectius pactats').fill("Redactar el primer pla municipal d'ESS")
    await start.getByLabel('Activitats principals').fill('Dues visites i la revisió del document')
    await start.getByLabel('Calendari').fill('Una trobada al mes')
    await start.getByRole('button', { name: "Registra l'inici" }).click()
    await expect
      .poll(() => page.locator('.mm-status').first().textContent(), { timeout: 15_000 })
      .toBe('En curs')

    for (const place of ['Ajuntament de Vilafranca', 'Ajuntament de Sabadell']) {
      const meeting = page.getByRole('form', { name: 'Registra una trobada' })
      await meeting.getByLabel('Lloc').fill(place)
      await meeting.getByLabel('Què hi vau fer').fill(`Visita a ${place}`)
      await meeting.getByRole('button', { name: 'Registra la trobada' }).click()
      await expect
        .poll(() => page.locator('.mm-list').first().textContent(), { timeout: 15_000 })
        .toContain(place)
    }
    expect(await page.locator('body').textContent()).toMatch(/2 trobades fetes, 2 presencials/)
    await shot(page, 'mentora-acompanyament-en-curs')

    const told = await smtp.waitFor(
      (mail) => mail.to.includes('pau@vilafranca.example') && /Nova trobada/.test(mail.subject),
      30_000,
    )
    expect(told.text).toContain('/admin/les-meves-mentories/')
  })

  it('the mentee signs in from their invitation and completes the closing checklist', async () => {
    const invitation = await smtp.waitFor(
      (mail) =>
        mail.to.includes('pau@vilafranca.example') && /Ja teniu persona mentora/.test(mail.subject),
      30_000,
    )
    expect(invitation.text).toContain('laia@sabadell.example')
    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 } })
    ).newPage()
    await acceptInvitation(page, invitation, 'pau-tria-la-seva-1')
    await expect.poll(() => page.locator('article.mm-card').count()).toBe(1)
    const checklist = page.getByRole('region', { name: 'Què falta per tancar' })
    expect(await checklist.textContent()).toMatch(
      /La valoració de la persona mentorada: Encara no s'ha fet/,
    )
    await shot(page, 'mentorada-les-meves-mentories')

    await checklist.getByRole('link', { name: 'Fes la valoració' }).click()
    await page.waitForURL(/\/admin\/les-meves-mentories\/\w+/)
    const evaluation = page.getByRole('form', { name: 'La vostra valoració' })
    await evaluation.getByLabel('5').check()
    await evaluation.getByLabel('Comentaris').fill("Molt útil: ja tenim l'esborrany del pla.")
    await evaluation.getByRole('button', { name: 'Desa la valoració' }).click()
    await expect
      .poll(() => page.getByRole('region', { name: 'Què falta per tancar' }).textContent(), {
        timeout: 15_000,
      })
      .toMatch(/persona mentorada: Feta/)

    await page
      .getByRole('form', { name: "Tanca l'acompanyament" })
      .getByRole('button', { name: "Tanca l'acompanyament" })
      .click()
    await page.getByRole('button', { name: "Sí, tanca'l" }).click()
    await expect
      .poll(() => page.locator('.mm-status').first().textContent(), { timeout: 15_000 })
      .toBe('Completada')
    const done =
      (await page.getByRole('region', { name: 'Què falta per tancar' }).textContent()) ?? ''
    expect(done).toMatch(/L'acord d'inici.*Registrat/)
    expect(done).toMatch(/2 de 2/)
    expect(done).toMatch(/Feta/)
    expect(done).toMatch(/La fitxa de la mentoria/)
    expect(await page.getByRole('button', { name: 'Comença la fitxa' }).count()).toBeGreaterThan(0)
    // Final: read-only, no forms left but the way to the fitxa.
    expect(await page.getByRole('form').count()).toBe(0)
    await shot(page, 'mentorada-tancament')

    // The fitxa is the mentee's own page, with the pairing already set; never Payload's generic form.
    await page.getByRole('button', { name: 'Comença la fitxa' }).first().click()
    await page.waitForURL(/\/admin\/les-meves-mentories\/\w+\/fitxa$/)
    await page.getByRole('form', { name: 'La fitxa de la mentoria' }).waitFor({ timeout: 20_000 })
    expect(await page.getByRole('button', { name: /^Publica/ }).count()).toBe(0)
    await shot(page, 'mentorada-fitxa')

    const ask = await smtp.waitFor(
      (mail) => mail.to.includes('laia@sabadell.example') && /valoració/.test(mail.subject),
      30_000,
    )
    expect(ask.text).toContain('/admin/les-meves-mentories/')
  })

  it('the secretariat follows the same pairing in the admin and can send an invitation again', async () => {
    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 } })
    ).newPage()
    await page.goto(`${server.url}/admin/login`)
    await page.fill('#field-email', 'secretaria@xmess.example')
    await page.fill('#field-password', PASSWORD)
    await page.click('button[type=submit]')
    await page.waitForURL((url) => url.pathname === '/admin' || url.pathname === '/admin/')
    const pairings = (await api('GET', '/api/pairings?depth=0&where[status][equals]=completed'))
      .docs
    expect(pairings).toHaveLength(1)
    await page.goto(`${server.url}/admin/collections/pairings/${pairings[0].id}`)
    await expect
      .poll(() => page.locator('body').textContent(), { timeout: 20_000 })
      .toContain('Laia Puig → Pau Martí')
    await shot(page, 'secretaria-parella')

    const pau = (await api('GET', '/api/users?where[email][equals]=pau@vilafranca.example')).docs[0]
    await page.goto(`${server.url}/admin/collections/users/${pau.id}`)
    await page.getByRole('button', { name: 'Envia la invitació de nou' }).click()
    await page
      .getByText(/S'ha enviat un enllaç nou per triar la contrasenya/)
      .waitFor({ timeout: 15_000 })
    await shot(page, 'secretaria-invitacio')
    const again = await smtp.waitFor(
      (mail) =>
        mail.to.includes('pau@vilafranca.example') && /entrada a l'aplicació/.test(mail.subject),
      30_000,
    )
    expect(again.text).toMatch(/\/admin\/reset\//)
  })
})
