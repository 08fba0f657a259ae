import fs from 'node:fs'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import {
  apiAs,
  axeViolations,
  fitsWidth,
  pageText,
  setPasswordPath,
  VIEWPORTS,
  type ViewportKey,
} from '../helpers/journey'
import { type RunningServer, startProductionServer } from '../helpers/server'
import { startSmtpServer, type TestSmtp } from '../helpers/smtp'

/**
 * The mentor's year in the browser, through the UI only once the secretariat has proposed the pairing:
 * the proposal email's link → choose a password → «Les meves mentories» → read the mentee's needs and
 * accept (with the second look) → record the start agreement → record two meetings and plan one →
 * evaluate → close (with the second look) → the certificate. On a phone and on a desktop; after each
 * step the API says it was stored, and axe finds nothing serious or critical on any page.
 * The only step not taken in this browser is the mentee's own evaluation (theirs to make, from their
 * account, before anybody can close). Screenshots go to docs/img/ (mentora-…-<width>.png).
 */
let server: RunningServer
let smtp: TestSmtp
let browser: Browser
let secretariat: string
const PASSWORD = 'una-contrasenya-llarga'
const api = apiAs(() => server.url)

type Journey = {
  pairing: string | number
  mentorName: string
  mentorEmail: string
  mentee: { name: string; email: string; needs: string }
}
const journeys = {} as Record<ViewportKey, Journey>

beforeAll(async () => {
  fs.mkdirSync('docs/img', { recursive: true })
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
  secretariat = (await first.json()).token
  const council = async (name: string) =>
    (await api('POST', '/api/municipalities', { name, member: true }, secretariat)).doc.id
  const DAY = 86_400_000
  const edition = await api(
    'POST',
    '/api/editions',
    {
      year: new Date().getUTCFullYear(),
      name: 'Convocatòria de prova',
      applicationsOpenAt: new Date(Date.now() - 20 * DAY).toISOString(),
      applicationsCloseAt: new Date(Date.now() + 5 * DAY).toISOString(),
    },
    secretariat,
  )
  const people = {
    phone: {
      mentor: ['Laia Puig', 'laia@sabadell.example', 'Ajuntament de Sabadell'],
      mentee: ['Pau Martí', 'pau@vilafranca.example', 'Ajuntament de Vilafranca del Penedès'],
    },
    desktop: {
      mentor: ['Jordi Vila', 'jordi@manresa.example', 'Ajuntament de Manresa'],
      mentee: ['Marta Soler', 'marta@olot.example', "Ajuntament d'Olot"],
    },
  } as const
  for (const key of ['phone', 'desktop'] as const) {
    const { mentor, mentee } = people[key]
    const needs = `Volem redactar el primer pla municipal d'ESS de ${mentee[2].replace('Ajuntament de ', '').replace("Ajuntament d'", '')}.`
    const mentorId = (
      await api(
        'POST',
        '/api/mentors',
        {
          name: mentor[0],
          email: mentor[1],
          phone: '600 000 101',
          position: "Tècnica d'ESS",
          municipality: await council(mentor[2]),
          topics: ['estrategia-ess'],
          capacity: 1,
          available: true,
        },
        secretariat,
      )
    ).doc.id
    const candidateId = (
      await api(
        'POST',
        '/api/candidates',
        {
          name: mentee[0],
          email: mentee[1],
          phone: '600 000 201',
          position: 'Tècnic de promoció econòmica',
          municipality: await council(mentee[2]),
          edition: edition.doc.id,
          topics: ['estrategia-ess'],
          needs,
          status: 'eligible',
          consents: { dataProcessing: true, commitment: true },
        },
        secretariat,
      )
    ).doc.id
    // The secretariat proposes the pairing: the mentor gets the proposal with the link to choose a password.
    const pairing = (
      await api('POST', '/api/pairings', { mentor: mentorId, candidate: candidateId }, secretariat)
    ).doc.id
    journeys[key] = {
      pairing,
      mentorName: mentor[0],
      mentorEmail: mentor[1],
      mentee: { name: mentee[0], email: mentee[1], needs },
    }
  }
  browser = await launchBrowser()
}, 180_000)

afterAll(async () => {
  await browser?.close()
  if (process.env.E2E_SERVER_LOG) console.log(server?.output())
  await server?.stop()
  await smtp?.close()
})

const stored = async (pairing: string | number) =>
  api('GET', `/api/pairings/${pairing}?depth=0`, undefined, secretariat)

describe("the mentor's year, in the browser only", () => {
  for (const key of ['phone', 'desktop'] as const) {
    const width = VIEWPORTS[key].width
    it(`at ${width} px: from the proposal email to the closed accompaniment and its certificate`, async () => {
      const journey = journeys[key]
      const context = await browser.newContext({ viewport: VIEWPORTS[key], locale: 'ca-ES' })
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(error.message))
      const shot = (name: string) =>
        page.screenshot({ path: `docs/img/mentora-${name}-${width}.png`, fullPage: true })
      // Every page's findings, said together at the end (one run shows them all).
      const problems: string[] = []
      const checkPage = async (target: Page = page) => {
        problems.push(...(await axeViolations(target)))
        if (!(await fitsWidth(target))) problems.push(`${target.url()} scrolls sideways`)
      }

      // 1. The proposal email: what the proposal is, and the link to choose a password.
      const invitation = await smtp.waitFor(
        (mail) =>
          mail.to.includes(journey.mentorEmail) && /Proposta de mentoria/.test(mail.subject),
        30_000,
      )
      expect(invitation.text).toContain(journey.mentee.name)
      // Once its scripts have loaded: a submit before hydration reloads the page (accompaniment.test.ts).
      await page.goto(`${server.url}${setPasswordPath(invitation)}`, { waitUntil: 'networkidle' })
      await page.locator('#field-password').waitFor({ timeout: 30_000 })
      await checkPage()
      const password = `${key}-la-meva-contrasenya-1`
      await page.fill('#field-password', password)
      await page.fill('#field-confirm-password', password)
      await page.click('button[type=submit]')
      await page
        .waitForURL(/\/admin\/les-meves-mentories$/, { timeout: 60_000 })
        .catch(async (error: unknown) => {
          throw new Error(
            `After choosing a password the page stayed at ${page.url()}: «${(await pageText(page)).slice(0, 600)}»`,
            { cause: error },
          )
        })
      // Stored: the password signs in.
      const signIn = await api(
        'POST',
        '/api/users/login',
        { email: journey.mentorEmail, password },
        '',
      )
      const mentor = signIn.token as string

      // 2. «Les meves mentories»: one proposal, waiting for them; no contact data yet (R12).
      await expect.poll(() => page.locator('h1').first().textContent()).toBe('Les meves mentories')
      const card = page.locator('article.mm-card')
      expect(await card.count()).toBe(1)
      expect(await card.textContent()).toContain('Proposta: espera la vostra resposta')
      expect(await page.locator('body').textContent()).not.toContain(journey.mentee.email)
      await checkPage()
      await shot('les-meves-mentories-proposta')

      // 3. The proposal: the needs, then accept with a second look.
      await page.getByRole('link', { name: "Obre l'acompanyament" }).click()
      await page.waitForURL(new RegExp(`/admin/les-meves-mentories/${journey.pairing}$`))
      const needs = page.getByRole('region', { name: 'Què necessita' })
      await needs.waitFor()
      expect(await needs.textContent()).toContain(journey.mentee.needs)
      expect(await needs.textContent()).toContain("Estratègia i pla municipal d'ESS")
      await checkPage()
      await shot('proposta')
      await page.getByRole('button', { name: 'Accepto la proposta' }).click()
      const second = page.getByRole('group', { name: 'Segur que accepteu la proposta?' })
      expect(await second.textContent()).toContain(`${journey.mentee.name} rebrà un correu`)
      expect((await stored(journey.pairing)).status).toBe('proposed')
      await checkPage()
      await second.getByRole('button', { name: "Sí, l'accepto" }).click()
      await expect
        .poll(() => page.locator('.mm-status').first().textContent(), { timeout: 15_000 })
        .toMatch(/Acceptada/)
      expect((await stored(journey.pairing)).status).toBe('accepted')
      await expect.poll(() => page.locator('body').textContent()).toContain(journey.mentee.email)
      await checkPage()
      await shot('acompanyament-acceptat')

      // 4. The start agreement.
      const start = page.getByRole('form', { name: "Comença l'acompanyament" })
      await start.getByLabel('Objectius pactats').fill("Redactar el primer pla municipal d'ESS")
      await start.getByLabel('Activitats principals').fill('Dues visites i la revisió del document')
      await start.getByLabel('Calendari').fill('Una trobada al mes')
      await start.getByRole('button', { name: "Registra l'inici" }).click()
      await expect
        .poll(() => page.locator('.mm-status').first().textContent(), { timeout: 15_000 })
        .toBe('En curs')
      expect(await stored(journey.pairing)).toMatchObject({
        status: 'active',
        agreement: {
          objectives: "Redactar el primer pla municipal d'ESS",
          calendar: 'Una trobada al mes',
        },
      })
      await checkPage()

      // 5. Two meetings held, and one planned ahead (a calendar invitation to both).
      for (const place of ['Ajuntament', 'Casal de la vila']) {
        const meeting = page.getByRole('form', { name: 'Registra una trobada' })
        await meeting.getByLabel('Lloc').fill(place)
        await meeting.getByLabel('Què hi vau fer').fill(`Treball del pla: ${place}`)
        await meeting.getByRole('button', { name: 'Registra la trobada' }).click()
        await expect
          .poll(() => page.locator('#trobades .mm-list').textContent(), { timeout: 15_000 })
          .toContain(place)
      }
      const meetings = async () =>
        (
          await api(
            'GET',
            `/api/meetings?where[pairing][equals]=${journey.pairing}&depth=0&sort=date`,
            undefined,
            secretariat,
          )
        ).docs as { status: string; modality: string; place?: string }[]
      expect(
        (await meetings()).filter(
          (meeting) => meeting.status === 'held' && meeting.modality === 'in_person',
        ),
      ).toHaveLength(2)
      const plan = page.getByRole('form', { name: 'Preveu una trobada' })
      const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10)
      await plan.getByLabel('Dia').fill(inAWeek)
      await plan.getByLabel('Hora').fill('17:30')
      await plan.getByLabel('Lloc (o enllaç de la videotrucada)').fill('Sala de plens')
      await plan.getByRole('button', { name: 'Preveu la trobada' }).click()
      await expect
        .poll(() => page.locator('#trobades .mm-list').textContent(), { timeout: 15_000 })
        .toContain('prevista a les 17:30')
      expect((await meetings()).filter((meeting) => meeting.status === 'planned')).toEqual([
        expect.objectContaining({ place: 'Sala de plens' }),
      ])
      // Held and planned apart: a planned meeting is not a meeting yet.
      expect(await page.locator('.mm-facts').first().textContent()).toMatch(
        /2 trobades fetes, 2 presencials \(2 de 2 que compten per tancar\) · 1 prevista/,
      )
      // The mentor's checklist does not ask them for the fitxa: it is the mentee's.
      expect(
        await page.getByRole('region', { name: 'Què falta per tancar' }).textContent(),
      ).not.toMatch(/Encara no l'heu començada/)
      await checkPage()
      await shot('acompanyament-en-curs')

      // 6. The mentor's own evaluation.
      const evaluation = page.getByRole('form', { name: 'La vostra valoració' })
      await evaluation.getByLabel('4').check()
      await evaluation.getByLabel('Comentaris').fill('Un equip molt implicat.')
      await evaluation.getByRole('button', { name: 'Desa la valoració' }).click()
      await expect
        .poll(async () => (await stored(journey.pairing)).closing?.mentorEvaluation?.rating, {
          timeout: 15_000,
        })
        .toBe(4)

      // The mentee evaluates from their own account (theirs to do; the mentor cannot close without it).
      const welcome = await smtp.waitFor(
        (mail) =>
          mail.to.includes(journey.mentee.email) && /Ja teniu persona mentora/.test(mail.subject),
        30_000,
      )
      // The other side's pages, for the record (docs/img/mentorada-…): their list and the accompaniment under way.
      // The mentee chooses their password from the welcome email's link, in their own browser.
      const menteeContext = await browser.newContext({ viewport: VIEWPORTS[key], locale: 'ca-ES' })
      const menteePage = await menteeContext.newPage()
      await menteePage.goto(`${server.url}${setPasswordPath(welcome)}`, {
        waitUntil: 'networkidle',
      })
      await menteePage.locator('#field-password').waitFor({ timeout: 30_000 })
      await menteePage.fill('#field-password', `${key}-mentorada-1`)
      await menteePage.fill('#field-confirm-password', `${key}-mentorada-1`)
      await menteePage.click('button[type=submit]')
      await menteePage.waitForURL(/\/admin\/les-meves-mentories$/, { timeout: 60_000 })
      // Stored: the password they chose signs them in.
      expect(
        (
          await api(
            'POST',
            '/api/users/login',
            { email: journey.mentee.email, password: `${key}-mentorada-1` },
            '',
          )
        ).user.email,
      ).toBe(journey.mentee.email)
      await menteePage.locator('article.mm-card').waitFor()
      await checkPage(menteePage)
      await menteePage.screenshot({
        path: `docs/img/mentorada-les-meves-mentories-${width}.png`,
        fullPage: true,
      })
      // Once its scripts have loaded: the evaluation is sent by them (a submit before hydration reloads).
      await menteePage.goto(`${server.url}/admin/les-meves-mentories/${journey.pairing}`, {
        waitUntil: 'networkidle',
      })
      await menteePage.getByRole('form', { name: 'La vostra valoració' }).waitFor()
      await checkPage(menteePage)
      await menteePage.screenshot({
        path: `docs/img/mentorada-acompanyament-en-curs-${width}.png`,
        fullPage: true,
      })
      // Their evaluation, in their own browser: saved, and the mentor may close now.
      const menteeEvaluation = menteePage.getByRole('form', { name: 'La vostra valoració' })
      await menteeEvaluation.getByLabel('5', { exact: true }).check()
      await menteeEvaluation.getByLabel('Comentaris').fill('Molt útil.')
      await menteeEvaluation.getByRole('button', { name: 'Desa la valoració' }).click()
      await expect
        .poll(async () => (await stored(journey.pairing)).closing?.menteeEvaluation, {
          timeout: 15_000,
        })
        .toMatchObject({ rating: 5, comments: 'Molt útil.' })
      await menteePage.getByText('Valoració desada.').first().waitFor()

      // 7. Close, with the second look.
      await page.reload()
      const close = page.getByRole('form', { name: "Tanca l'acompanyament" })
      await close.waitFor()
      expect(
        await page.getByRole('region', { name: 'Què falta per tancar' }).textContent(),
      ).toMatch(/persona mentorada: Feta/)
      await close.getByRole('button', { name: "Tanca l'acompanyament" }).click()
      const closing = page.getByRole('group', { name: "Segur que voleu tancar l'acompanyament?" })
      expect(await closing.textContent()).toMatch(/ja no canviar/)
      await checkPage()
      await shot('tancament-confirmacio')
      expect((await stored(journey.pairing)).status).toBe('active')
      await closing.getByRole('button', { name: "Sí, tanca'l" }).click()
      await expect
        .poll(() => page.locator('.mm-status').first().textContent(), { timeout: 15_000 })
        .toBe('Completada')
      const closed = await stored(journey.pairing)
      expect(closed.status).toBe('completed')
      expect(closed.closing.closingDate.slice(0, 10)).toBe(new Date().toISOString().slice(0, 10))
      // Read-only now: no form left, and the dates end on the closing day.
      expect(await page.getByRole('form').count()).toBe(0)
      expect(await page.locator('.mm-facts').first().textContent()).toMatch(/data de tancament/)
      // The meeting planned for next week did not happen: the page says why, not «prevista».
      expect(await page.locator('#trobades .mm-list').textContent()).toContain(
        "prevista a les 17:30; l'acompanyament es va tancar abans",
      )
      await checkPage()
      await shot('tancament')

      // 8. The certificate, from the accompaniment page.
      const certificateLink = page.getByRole('link', { name: 'Obre el certificat' })
      const href = (await certificateLink.getAttribute('href')) as string
      expect(href).toMatch(/\/certificat\//)
      const certificate = await context.newPage()
      await certificate.goto(href.startsWith('http') ? href : `${server.url}${href}`)
      const certified = await pageText(certificate)
      expect(certified).toContain(
        `certifica que ${journey.mentorName} ha participat com a persona mentora`,
      )
      expect(certified).toMatch(/Trobades fetes 2 Hores de mentoria 2 hores/i)
      await checkPage(certificate)
      await certificate.screenshot({
        path: `docs/img/mentora-certificat-${width}.png`,
        fullPage: true,
      })

      // The mentee's side once closed: the way to the fitxa, and their certificate.
      await menteePage.reload()
      await expect
        .poll(() => menteePage.locator('.mm-status').first().textContent())
        .toBe('Completada')
      expect(
        await menteePage.getByRole('button', { name: 'Comença la fitxa' }).count(),
      ).toBeGreaterThan(0)
      await checkPage(menteePage)
      await menteePage.screenshot({
        path: `docs/img/mentorada-tancament-${width}.png`,
        fullPage: true,
      })
      const menteeCertificate = (await menteePage
        .getByRole('link', { name: 'Obre el certificat' })
        .getAttribute('href')) as string
      await menteePage.goto(
        menteeCertificate.startsWith('http')
          ? menteeCertificate
          : `${server.url}${menteeCertificate}`,
      )
      expect(await pageText(menteePage)).toContain(
        `certifica que ${journey.mentee.name} ha participat com a persona mentorada`,
      )
      await checkPage(menteePage)
      await menteePage.screenshot({
        path: `docs/img/mentorada-certificat-${width}.png`,
        fullPage: true,
      })
      await menteeContext.close()

      // 9. Back on «Les meves mentories»: the accompaniment, completed.
      await page.goto(`${server.url}/admin/les-meves-mentories`)
      await expect
        .poll(() => page.locator('article.mm-card .mm-status').first().textContent())
        .toBe('Completada')
      await checkPage()
      await shot('les-meves-mentories-completada')
      expect((await api('GET', '/api/users/me', undefined, mentor)).user.email).toBe(
        journey.mentorEmail,
      )
      expect(problems).toEqual([])
      expect(errors).toEqual([])
      await context.close()
    })
  }
})
