import fs from 'node:fs'

import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { axeViolations } from '../helpers/axe'
import { launchBrowser } from '../helpers/browser'
import { type RunningServer, startProductionServer } from '../helpers/server'
import { type ReceivedMail, startSmtpServer, type TestSmtp } from '../helpers/smtp'

/**
 * The mentee's fitxa in the browser, through the UI only once the year is set up: sign in, open the
 * accompaniment, «Comença la fitxa», fill it in, save, «Envia a revisió»; the page says where it stands
 * and the server has it as submitted. On a phone and on a desktop, with axe on every page visited.
 * Screenshots of the fitxa page go to docs/img/.
 */
let server: RunningServer
let smtp: TestSmtp
let browser: Browser
let token: string
const PASSWORD = 'una-contrasenya-llarga'
const DAY = 86_400_000
const noon = (offsetDays: number) =>
  new Date(Math.floor((Date.now() + offsetDays * DAY) / DAY) * DAY + 12 * 3_600_000).toISOString()

async function api(method: string, url: string, body?: unknown, as = token) {
  const response = await fetch(`${server.url}${url}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `JWT ${as}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = await response.json()
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(json)}`)
  return json
}

/** Chooses a password from an invitation email (the same call Payload's reset page makes) and signs in. */
async function passwordFrom(mail: ReceivedMail, password: string): Promise<string> {
  const resetToken = mail.text.match(/\/admin\/reset\/([0-9a-f]+)/)?.[1]
  if (!resetToken) throw new Error(`No invitation link in:\n${mail.text}`)
  const json = await api('POST', '/api/users/reset-password', { token: resetToken, password }, '')
  return json.token as string
}

type Journey = {
  pairing: string | number
  menteeEmail: string
  menteePassword: string
  mentorName: string
}
const journeys: Record<'phone' | 'desktop', Journey> = {} as never

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
  token = (await first.json()).token
  const council = async (name: string) =>
    (await api('POST', '/api/municipalities', { name, member: true })).doc.id
  const edition = await api('POST', '/api/editions', {
    year: new Date().getUTCFullYear(),
    name: 'Convocatòria de prova',
    applicationsOpenAt: new Date(Date.now() - 20 * DAY).toISOString(),
    applicationsCloseAt: new Date(Date.now() + 5 * DAY).toISOString(),
  })
  const people = [
    {
      key: 'phone',
      mentor: ['Laia Puig', 'laia@sabadell.example', 'Ajuntament de Sabadell'],
      mentee: ['Pau Martí', 'pau@vilafranca.example', 'Ajuntament de Vilafranca del Penedès'],
    },
    {
      key: 'desktop',
      mentor: ['Jordi Vila', 'jordi@manresa.example', 'Ajuntament de Manresa'],
      mentee: ['Marta Soler', 'marta@olot.example', "Ajuntament d'Olot"],
    },
  ] as const
  for (const { key, mentor, mentee } of people) {
    const mentorId = (
      await api('POST', '/api/mentors', {
        name: mentor[0],
        email: mentor[1],
        phone: '600 000 101',
        position: "Tècnica d'ESS",
        municipality: await council(mentor[2]),
        topics: ['estrategia-ess'],
        capacity: 1,
        available: true,
      })
    ).doc.id
    const candidateId = (
      await api('POST', '/api/candidates', {
        name: mentee[0],
        email: mentee[1],
        phone: '600 000 201',
        position: 'Tècnic de promoció econòmica',
        municipality: await council(mentee[2]),
        edition: edition.doc.id,
        topics: ['estrategia-ess'],
        needs: "Volem redactar el primer pla municipal d'ESS.",
        status: 'eligible',
        consents: { dataProcessing: true, commitment: true },
      })
    ).doc.id
    const pairing = (
      await api('POST', '/api/pairings', { mentor: mentorId, candidate: candidateId })
    ).doc.id
    const mentorToken = await passwordFrom(
      await smtp.waitFor((mail) => mail.to.includes(mentor[1]), 30_000),
      `${key}-mentora-tria-1`,
    )
    await api('PATCH', `/api/pairings/${pairing}`, { status: 'accepted' }, mentorToken)
    await api(
      'PATCH',
      `/api/pairings/${pairing}`,
      {
        status: 'active',
        startDate: noon(-30),
        endDate: noon(300),
        agreement: { objectives: 'El pla', activities: 'Visites', calendar: 'Una al mes' },
      },
      mentorToken,
    )
    const menteePassword = `${key}-mentorada-tria-1`
    await passwordFrom(
      await smtp.waitFor(
        (mail) => mail.to.includes(mentee[1]) && /Ja teniu persona mentora/.test(mail.subject),
        30_000,
      ),
      menteePassword,
    )
    journeys[key] = { pairing, menteeEmail: mentee[1], menteePassword, mentorName: mentor[0] }
  }
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  if (process.env.E2E_SERVER_LOG) console.log(server?.output())
  await server?.stop()
  await smtp?.close()
})

const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 900 },
} as const

describe('the mentee writes the fitxa and sends it for review, in the browser only', () => {
  for (const key of ['phone', 'desktop'] as const) {
    it(`at ${VIEWPORTS[key].width} px: from «Comença la fitxa» to «A revisió de la secretaria»`, async () => {
      const journey = journeys[key]
      const context = await browser.newContext({ viewport: VIEWPORTS[key] })
      const page = await context.newPage()
      const clicks = { count: 0 }
      const click = async (locator: { click: () => Promise<void> }) => {
        clicks.count++
        await locator.click()
      }

      await page.goto(`${server.url}/admin/login`)
      await page.fill('#field-email', journey.menteeEmail)
      await page.fill('#field-password', journey.menteePassword)
      await page.click('button[type=submit]')
      await page.waitForURL(/\/admin\/les-meves-mentories$/, { timeout: 30_000 })
      expect(await axeViolations(page)).toEqual([])

      await page.getByRole('link', { name: "Obre l'acompanyament" }).click()
      await page.waitForURL(new RegExp(`/admin/les-meves-mentories/${journey.pairing}$`))
      // The closing checklist: the fitxa is the mentee's to write.
      expect(
        await page.getByRole('region', { name: 'Què falta per tancar' }).textContent(),
      ).toContain("Encara no l'heu començada")
      expect(await axeViolations(page)).toEqual([])

      // From here on, every click counts: at most five, plus typing.
      await click(page.getByRole('button', { name: 'Comença la fitxa' }).first())
      await page.waitForURL(new RegExp(`/admin/les-meves-mentories/${journey.pairing}/fitxa$`), {
        timeout: 20_000,
      })
      const form = page.getByRole('form', { name: 'La fitxa de la mentoria' })
      await form.waitFor({ timeout: 20_000 })
      expect(await page.getByRole('region', { name: 'Estat de la fitxa' }).textContent()).toContain(
        'Esborrany',
      )
      // Nothing the mentee may not do: no publishing, no address, no API tab, no raw state select.
      const text = await page.locator('body').innerText()
      for (const absent of ['Publicada', 'slug', 'Adreça', 'API', 'Creant', '[Sense títol]'])
        expect(text).not.toContain(absent)
      expect(await page.getByRole('button', { name: /Publica/ }).count()).toBe(0)
      expect(await page.locator('select').count()).toBe(0)
      expect(await axeViolations(page)).toEqual([])

      await form.getByLabel('Títol').fill("Un pla d'ESS per al municipi")
      await form
        .getByLabel('Descripció')
        .fill('Com vam fer el primer pla municipal amb la mentoria.\n\nEl procés va durar un any.')
      await form.getByLabel('Objectius').fill('Tenir un pla aprovat pel ple.')
      await form.getByLabel('Activitats').fill('Dues visites i la revisió del document.')
      await form
        .getByLabel('Resultats i aprenentatges')
        .fill('El pla, i una taula amb les entitats.')
      await click(form.getByRole('checkbox', { name: "Estratègia i pla municipal d'ESS" }))
      await click(form.getByRole('button', { name: "Desa l'esborrany" }))
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: 'Esborrany desat.' }).count(), {
          timeout: 15_000,
        })
        .toBe(1)
      await page.screenshot({
        path: `docs/img/mentorada-fitxa-${VIEWPORTS[key].width}.png`,
        fullPage: true,
      })
      // No sideways scrolling on a phone.
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      ).toBe(true)

      await click(page.getByRole('button', { name: 'Envia a revisió' }))
      await expect
        .poll(() => page.getByRole('region', { name: 'Estat de la fitxa' }).textContent(), {
          timeout: 15_000,
        })
        .toContain('A revisió de la secretaria')
      expect(clicks.count).toBeLessThanOrEqual(5)
      expect(await page.getByRole('button', { name: 'Envia a revisió' }).count()).toBe(0)
      expect(await axeViolations(page)).toEqual([])
      if (key === 'desktop')
        await page.screenshot({
          path: 'docs/img/mentorada-fitxa-enviada-1280.png',
          fullPage: false,
        })

      // What the server holds: the fitxa of this pairing, submitted, with what was typed.
      const stored = await api(
        'GET',
        `/api/fitxes?where[pairing][equals]=${journey.pairing}&draft=true&depth=0`,
      )
      expect(stored.totalDocs).toBe(1)
      expect(stored.docs[0]).toMatchObject({
        reviewStatus: 'submitted',
        title: "Un pla d'ESS per al municipi",
        topics: ['estrategia-ess'],
        _status: 'draft',
      })
      const told = await smtp.waitFor(
        (mail) =>
          mail.to.includes('avisos@xmess.example') && /Fitxa per revisar/.test(mail.subject),
        30_000,
      )
      expect(told.text).toContain("Un pla d'ESS per al municipi")
      await context.close()
    })
  }
})
