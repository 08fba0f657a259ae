import fs from 'node:fs'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import {
  apiAs,
  axeViolations,
  fitsWidth,
  oursOnly,
  pageText,
  setPasswordPath,
  VIEWPORTS,
  type ViewportKey,
} from '../helpers/journey'
import { type RunningServer, startProductionServer } from '../helpers/server'
import { startSmtpServer, type TestSmtp } from '../helpers/smtp'

/**
 * The secretariat's year in the browser, through the UI only once the data is there: sign in → the
 * console («Què us necessita») → the matching (calculate, confirm with the second look) → the pairings
 * it created, from the link it gives → the fitxa a mentee sent for review, from the email the
 * secretariat gets → publish it → it is on /fitxes/<slug>. On a phone and on a desktop; after each step
 * the API says it was stored, and axe finds nothing serious or critical on any page. Screenshots of the
 * console and the matching go to docs/img/ (secretaria-…-<width>.png).
 */
let server: RunningServer
let smtp: TestSmtp
let browser: Browser
let secretariat: string
const PASSWORD = 'una-contrasenya-llarga'
const DAY = 86_400_000
const api = apiAs(() => server.url)
const noon = (offsetDays: number) =>
  new Date(Math.floor((Date.now() + offsetDays * DAY) / DAY) * DAY + 12 * 3_600_000).toISOString()

type Journey = {
  candidate: string | number
  candidateName: string
  mentorName: string
  fitxaTitle: string
  fitxa: string | number
}
const journeys = {} as Record<ViewportKey, Journey>
let editionId: string | number

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
  const council = async (name: string, latitude: number, longitude: number) =>
    (
      await api(
        'POST',
        '/api/municipalities',
        { name, member: true, latitude, longitude },
        secretariat,
      )
    ).doc.id
  editionId = (
    await api(
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
  ).doc.id
  const mentor = async (name: string, email: string, municipality: string | number) =>
    (
      await api(
        'POST',
        '/api/mentors',
        {
          name,
          email,
          phone: '600 000 101',
          position: "Tècnica d'ESS",
          municipality,
          topics: ['estrategia-ess'],
          capacity: 2,
          available: true,
        },
        secretariat,
      )
    ).doc.id
  const candidate = async (
    name: string,
    email: string,
    municipality: string | number,
    status: string,
  ) =>
    (
      await api(
        'POST',
        '/api/candidates',
        {
          name,
          email,
          phone: '600 000 201',
          position: 'Tècnic de promoció econòmica',
          municipality,
          edition: editionId,
          topics: ['estrategia-ess'],
          needs: "Volem redactar el primer pla municipal d'ESS.",
          status,
          consents: { dataProcessing: true, commitment: true },
        },
        secretariat,
      )
    ).doc.id

  const sabadell = await council('Ajuntament de Sabadell', 41.546, 2.109)
  const manresa = await council('Ajuntament de Manresa', 41.728, 1.824)
  const laia = await mentor('Laia Puig', 'laia@sabadell.example', sabadell)
  const jordi = await mentor('Jordi Vila', 'jordi@manresa.example', manresa)
  const people = {
    phone: {
      matched: [
        'Pau Martí',
        'pau@vilafranca.example',
        'Ajuntament de Vilafranca del Penedès',
        41.346,
        1.7,
      ],
      writer: ['Anna Serra', 'anna@vic.example', 'Ajuntament de Vic', 41.93, 2.254],
      mentor: laia,
      mentorName: 'Laia Puig',
      mentorEmail: 'laia@sabadell.example',
    },
    desktop: {
      matched: ['Marta Soler', 'marta@olot.example', "Ajuntament d'Olot", 42.181, 2.49],
      writer: ['Quim Roca', 'quim@reus.example', 'Ajuntament de Reus', 41.155, 1.107],
      mentor: jordi,
      mentorName: 'Jordi Vila',
      mentorEmail: 'jordi@manresa.example',
    },
  } as const
  for (const key of ['phone', 'desktop'] as const) {
    const { matched, writer } = people[key]
    // To be matched in this run: received, not yet admitted (the phone's run must not match the desktop's).
    const toMatch = await candidate(
      matched[0],
      matched[1],
      await council(matched[2], matched[3], matched[4]),
      'submitted',
    )
    // A mentee whose accompaniment is under way and who has sent the fitxa for review.
    const writerId = await candidate(
      writer[0],
      writer[1],
      await council(writer[2], writer[3], writer[4]),
      'eligible',
    )
    const pairing = (
      await api(
        'POST',
        '/api/pairings',
        { mentor: people[key].mentor, candidate: writerId },
        secretariat,
      )
    ).doc.id
    const proposal = await smtp.waitFor(
      (mail) =>
        mail.to.includes(people[key].mentorEmail) && /Proposta de mentoria/.test(mail.subject),
      30_000,
    )
    const mentorToken = (
      await api(
        'POST',
        '/api/users/reset-password',
        { token: setPasswordPath(proposal).split('/').pop(), password: `${key}-mentora-1` },
        '',
      )
    ).token
    await api('PATCH', `/api/pairings/${pairing}`, { status: 'accepted' }, mentorToken)
    await api(
      'PATCH',
      `/api/pairings/${pairing}`,
      {
        status: 'active',
        startDate: noon(-60),
        endDate: noon(300),
        agreement: { objectives: 'El pla', activities: 'Visites', calendar: 'Una al mes' },
      },
      mentorToken,
    )
    const welcome = await smtp.waitFor(
      (mail) => mail.to.includes(writer[1]) && /Ja teniu persona mentora/.test(mail.subject),
      30_000,
    )
    const writerToken = (
      await api(
        'POST',
        '/api/users/reset-password',
        { token: setPasswordPath(welcome).split('/').pop(), password: `${key}-mentorada-1` },
        '',
      )
    ).token
    // Completed (R10: a fitxa is published once its accompaniment is): two meetings, the evaluation, the closing.
    for (const days of [-45, -20]) {
      await api(
        'POST',
        '/api/meetings',
        {
          pairing,
          date: noon(days),
          modality: 'in_person',
          durationMinutes: 60,
          summary: 'Visita',
        },
        mentorToken,
      )
    }
    await api(
      'PATCH',
      `/api/pairings/${pairing}`,
      { closing: { menteeEvaluation: { rating: 5, comments: 'Molt útil.' } } },
      writerToken,
    )
    await api(
      'PATCH',
      `/api/pairings/${pairing}`,
      { status: 'completed', closing: { closingDate: noon(-1) } },
      writerToken,
    )
    const fitxaTitle = `Un mercat d'ESS a ${writer[2].replace('Ajuntament de ', '')}`
    const fitxa = (await api('POST', '/api/fitxes', { pairing }, writerToken)).doc.id
    // As the mentee's fitxa page saves and sends it.
    await api(
      'PATCH',
      `/api/fitxes/${fitxa}?draft=true`,
      {
        title: fitxaTitle,
        summary: 'Com vam obrir un mercat de proximitat amb la mentoria.',
        objectives: 'Obrir el mercat.',
        activities: 'Tres visites.',
        results: 'El mercat, cada dissabte.',
        topics: ['estrategia-ess'],
        reviewStatus: 'submitted',
      },
      writerToken,
    )
    journeys[key] = {
      candidate: toMatch,
      candidateName: matched[0],
      mentorName: people[key].mentorName,
      fitxaTitle,
      fitxa,
    }
  }
  browser = await launchBrowser()
}, 240_000)

afterAll(async () => {
  await browser?.close()
  if (process.env.E2E_SERVER_LOG) console.log(server?.output())
  await server?.stop()
  await smtp?.close()
})

describe("the secretariat's year, in the browser only", () => {
  for (const key of ['phone', 'desktop'] as const) {
    const width = VIEWPORTS[key].width
    it(`at ${width} px: console, matching with its second look, the pairings created, a fitxa reviewed and published`, async () => {
      const journey = journeys[key]
      // Admitted now: this run's application to match (the other viewport's waits).
      await api(
        'PATCH',
        `/api/candidates/${journey.candidate}`,
        { status: 'eligible' },
        secretariat,
      )
      const context = await browser.newContext({ viewport: VIEWPORTS[key], locale: 'ca-ES' })
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(error.message))
      const shot = (name: string, target: Page = page) =>
        target.screenshot({ path: `docs/img/secretaria-${name}-${width}.png`, fullPage: true })
      // Every page's findings, said together at the end (one run shows them all).
      const problems: string[] = []
      const checkPage = async (target: Page = page) => {
        // Payload's generic list and edit views: its own components' known findings aside (tests/helpers/journey.ts).
        problems.push(...oursOnly(await axeViolations(target)))
        if (!(await fitsWidth(target))) problems.push(`${target.url()} scrolls sideways`)
      }

      // 1. Sign in: the console.
      await page.goto(`${server.url}/admin/login`)
      await page.fill('#field-email', 'secretaria@xmess.example')
      await page.fill('#field-password', PASSWORD)
      await page.click('button[type=submit]')
      await page.waitForURL((url) => url.pathname === '/admin' || url.pathname === '/admin/', {
        timeout: 60_000,
      })
      await page.waitForSelector('.console', { timeout: 60_000 })
      const work = (await api('GET', '/api/editions/open-work', undefined, secretariat)).items as {
        key: string
        total: number
      }[]
      expect(Number(await page.locator('[data-work=proposals] strong').first().textContent())).toBe(
        work.find((item) => item.key === 'proposals')?.total,
      )
      await checkPage()
      await shot('consola')

      // 2. The matching, from the console: calculate, then confirm with a second look.
      await page.locator('.console-actions a', { hasText: 'Aparellament' }).click()
      await page.waitForURL(/\/admin\/aparellament$/)
      await page.getByRole('button', { name: 'Calcula la proposta' }).click()
      const row = page.getByRole('row', { name: new RegExp(journey.candidateName) })
      await expect.poll(() => row.textContent(), { timeout: 20_000 }).toContain(journey.mentorName)
      await checkPage()
      await shot('aparellament')
      await page.getByRole('button', { name: /Confirma 1 parella/ }).click()
      const second = page.getByRole('group', { name: "Confirmeu l'aparellament" })
      expect(await second.textContent()).toMatch(
        /Es crearà 1 parella en estat «proposada» i la persona mentora rebrà ara mateix un correu/,
      )
      const before = await api(
        'GET',
        `/api/pairings?where[candidate][equals]=${journey.candidate}&depth=0`,
        undefined,
        secretariat,
      )
      expect(before.totalDocs).toBe(0)
      await checkPage()
      await shot('aparellament-confirmacio')
      await second.getByRole('button', { name: 'Sí, proposa la parella' }).click()
      await expect
        .poll(() => page.locator('.mentoria-matching [role=status]').textContent(), {
          timeout: 20_000,
        })
        .toMatch(
          /S'ha proposat 1 parella\. La persona mentora rebrà un correu per acceptar-la o declinar-la\./,
        )
      const created = await api(
        'GET',
        `/api/pairings?where[candidate][equals]=${journey.candidate}&depth=1`,
        undefined,
        secretariat,
      )
      expect(created.docs).toEqual([
        expect.objectContaining({
          status: 'proposed',
          mentor: expect.objectContaining({ name: journey.mentorName }),
        }),
      ])
      await checkPage()
      await shot('aparellament-fet')

      // 3. The link to what was created: the list of the pairing proposed.
      await page.getByRole('link', { name: 'Vegeu la parella proposada' }).click()
      await page.waitForURL(/\/admin\/collections\/pairings\?/)
      await expect.poll(() => page.locator('.table tbody tr').count(), { timeout: 30_000 }).toBe(1)
      expect(await page.locator('.table tbody').textContent()).toContain(
        `${journey.mentorName} → ${journey.candidateName}`,
      )
      await checkPage()
      await shot('parelles-creades')

      // 4. The fitxa a mentee sent: from the secretariat's email, review it and publish it.
      const told = await smtp.waitFor(
        (mail) =>
          mail.to.includes('avisos@xmess.example') && mail.subject.includes(journey.fitxaTitle),
        30_000,
      )
      const link = /(http\S+\/admin\/collections\/fitxes\/\S+)/.exec(told.text)?.[1] as string
      expect(link).toBeTruthy()
      await page.goto(link.replace(/^https?:\/\/[^/]+/, server.url))
      await page
        .getByRole('button', { name: /^Publica/ })
        .first()
        .waitFor({ timeout: 30_000 })
      expect(await pageText(page)).toContain(journey.fitxaTitle)
      await checkPage()
      await shot('fitxa-revisio')
      const draft = await api(
        'GET',
        `/api/fitxes/${journey.fitxa}?draft=true&depth=0`,
        undefined,
        secretariat,
      )
      expect(draft).toMatchObject({ reviewStatus: 'submitted', _status: 'draft' })
      await page
        .getByRole('button', { name: /^Publica/ })
        .first()
        .click()
      await expect
        .poll(
          async () =>
            (await api('GET', `/api/fitxes/${journey.fitxa}?depth=0`, undefined, secretariat))
              ._status,
          { timeout: 20_000 },
        )
        .toBe('published')
        .catch(async (error: unknown) => {
          await shot('fitxa-no-publicada')
          throw new Error(
            `The fitxa was not published; the page said: «${(await pageText(page)).slice(0, 400)}»; toasts: «${await page
              .locator('.payload-toast-container, [data-sonner-toaster]')
              .innerText()
              .catch(() => '')}»`,
            { cause: error },
          )
        })
      const published = await api(
        'GET',
        `/api/fitxes/${journey.fitxa}?depth=0`,
        undefined,
        secretariat,
      )
      expect(published.reviewStatus).toBe('published')
      expect(published.slug).toBeTruthy()

      // 5. On the public site.
      const site = await context.newPage()
      await site.goto(`${server.url}/fitxes/${published.slug}`)
      await expect
        .poll(() => site.locator('h1').first().textContent(), { timeout: 20_000 })
        .toBe(journey.fitxaTitle)
      await checkPage(site)
      expect(problems).toEqual([])
      expect(errors).toEqual([])
      await context.close()
    })
  }
})
