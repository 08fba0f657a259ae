import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_PASSWORD } from '../../seed/data'
import { certificateCode } from '../../src/notifications/certificates'
import { AXE_TAGS, seriousAxeViolations } from '../helpers/axe'
import { launchBrowser } from '../helpers/browser'
import { type RunningServer, startProductionServer } from '../helpers/server'
import { startSmtpServer, type TestSmtp } from '../helpers/smtp'

/**
 * The assessment the accessibility statement (/accessibilitat) describes, on the production build with
 * the demo data: axe-core (WCAG 2.0, 2.1 and 2.2 A/AA rules and best practices) finds no serious or
 * critical issue on any public page or custom admin view, at 320 px and at 1280 px, each visited as the
 * person who uses it; and a person with only a keyboard (Tab, Shift+Tab, Space, Enter and typing) sends
 * the application form and accepts a proposal, seeing where the focus is at every step.
 * docs/accessibility.md says what is covered and how to run it.
 */

let server: RunningServer
let smtp: TestSmtp
let browser: Browser
let token: string
const secret = crypto.randomBytes(24).toString('hex')
const databaseFile = path.join(
  os.tmpdir(),
  `mentoria-e2e-a11y-${crypto.randomBytes(6).toString('hex')}.db`,
)
const DAY = 86_400_000
const VIEWPORTS = [
  { width: 320, height: 720 },
  { width: 1280, height: 900 },
] as const

/** What the run found out: addresses the public pages and the parties' pages need. */
const found = {
  fitxaSlug: '',
  certificate: '',
  proposalAccept: '',
  proposalDecline: '',
  checkin: '',
  laiaPairing: '' as string | number,
  proposalPairing: '' as string | number,
  fitxaId: '' as string | number,
  mentorUser: '' as string | number,
}

async function api(method: string, url: string, body?: unknown, as = token) {
  const response = await fetch(`${server.url}${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...(as ? { authorization: `JWT ${as}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = await response.json()
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(json)}`)
  return json
}

const AXE_TAGS_22 = [...AXE_TAGS, 'wcag22aa']

type Findings = { ours: string[]; payload: string[] }

/**
 * Serious and critical axe-core findings on the page at rest, split in two: inside `ours` (CSS
 * selectors of our own components; the whole page when not given), and elsewhere (Payload's own
 * screen around them: its header, navigation and cards), which the statement lists instead.
 */
async function axeViolations(page: Page, ours?: string[]): Promise<Findings> {
  const violations = await seriousAxeViolations(page, AXE_TAGS_22)
  return page.evaluate(
    ([violations, roots]) => {
      const findings: { ours: string[]; payload: string[] } = { ours: [], payload: [] }
      for (const violation of violations) {
        const split: { ours: string[]; payload: string[] } = { ours: [], payload: [] }
        for (const node of violation.nodes) {
          const element = document.querySelector(node.target[0])
          const mine = !roots || Boolean(element && roots.some((root) => element.closest(root)))
          split[mine ? 'ours' : 'payload'].push(node.target.join(' '))
        }
        for (const key of ['ours', 'payload'] as const) {
          if (split[key].length)
            findings[key].push(`${violation.id} (${violation.impact}): ${split[key].join(', ')}`)
        }
      }
      return findings
    },
    [violations, ours ?? null] as const,
  )
}

/** What axe found in Payload's own screens around our views (not ours to fix; the statement lists it). */
const payloadFindings: Record<string, string[]> = {}

/** Each role's signed-in browser state, reused by every page it visits. */
const sessions: Record<string, Awaited<ReturnType<BrowserContext['storageState']>>> = {}

async function signIn(email: string) {
  if (sessions[email]) return sessions[email]
  const context = await browser.newContext({
    locale: 'ca-ES',
    viewport: { width: 1280, height: 900 },
  })
  const page = await context.newPage()
  await page.goto(`${server.url}/admin/login`)
  await page.fill('#field-email', email)
  await page.fill('#field-password', DEMO_PASSWORD)
  await page.click('button[type=submit]')
  await page.waitForURL((url) => !url.pathname.endsWith('/login'), { timeout: 60_000 })
  sessions[email] = await context.storageState()
  await context.close()
  return sessions[email]
}

type Visit = {
  /** Where, relative to the server. */
  path: () => string
  /** Who: nobody (public) or a demo account. */
  as?: string
  /** What shows that the page is there (admin views render after their data). */
  ready: string
  /** Only these parts are ours (our components inside one of Payload's screens). */
  ours?: string[]
  /** Instead of a page: an HTML fragment, placed in a host page as the XMESS website does. */
  fragment?: boolean
  /** Something to do before the check (open a panel, compute a proposal). */
  then?: (page: Page) => Promise<void>
}

const SECRETARIAT = 'secretaria@xmess.example'
const MENTOR = 'laia.puig@mentora.xmess.example'
const MENTEE = 'pau.marti@sollicitant.xmess.example'

const PAGES: Record<string, Visit> = {
  'the application form (/sollicitud)': { path: () => '/sollicitud', ready: 'form' },
  'the application form in Spanish, with its errors shown': {
    path: () => '/sollicitud?lang=es',
    ready: 'form',
    then: async (page) => {
      await page.locator('form button[type=submit]').click()
      await page.locator('.error-summary').waitFor({ timeout: 15_000 })
    },
  },
  'the confirmation (/sollicitud/enviada)': { path: () => '/sollicitud/enviada', ready: 'h1' },
  'the call for mentors (/oferta-mentoria)': { path: () => '/oferta-mentoria', ready: 'form' },
  'the call for mentors in Spanish, with its errors shown': {
    path: () => '/oferta-mentoria?lang=es',
    ready: 'form',
    then: async (page) => {
      await page.locator('form button[type=submit]').click()
      await page.locator('.error-summary').waitFor({ timeout: 15_000 })
    },
  },
  'the published fitxes (/fitxes)': { path: () => '/fitxes', ready: 'h1' },
  'the published fitxes, filtered with no result': {
    path: () => '/fitxes?q=cap-resultat-aixi',
    ready: 'h1',
  },
  'one fitxa (/fitxes/<slug>)': { path: () => `/fitxes/${found.fitxaSlug}`, ready: 'h1' },
  'the embeddable widget (/fitxes/widget)': { path: () => '/fitxes/widget', ready: 'body' },
  'the WordPress fragment (/fitxes/<slug>/fragment.html)': {
    path: () => `/fitxes/${found.fitxaSlug}/fragment.html`,
    ready: 'body',
    fragment: true,
  },
  'the privacy notice (/privacitat)': { path: () => '/privacitat', ready: 'h1' },
  'the accessibility statement (/accessibilitat)': { path: () => '/accessibilitat', ready: 'h1' },
  'the accessibility statement in English': { path: () => '/accessibilitat?lang=en', ready: 'h1' },
  'a proposal to decline (/proposta?token=…)': {
    path: () => `/proposta?token=${encodeURIComponent(found.proposalDecline)}`,
    ready: 'h1',
  },
  'a proposal link that is not valid': {
    path: () => '/proposta?token=no-val',
    ready: '[role=alert]',
  },
  'the answer to a proposal (/proposta/resposta)': {
    path: () => '/proposta/resposta?resultat=accepted',
    ready: 'main',
  },
  'a check-in question (/seguiment?token=…)': {
    path: () => `/seguiment?token=${encodeURIComponent(found.checkin)}`,
    ready: 'form',
  },
  'a check-in link that is not valid': { path: () => '/seguiment?token=no-val', ready: 'h1' },
  'a certificate (/certificat/<code>)': {
    path: () => `/certificat/${found.certificate}`,
    ready: 'h1',
  },
  'a certificate code that is not valid': { path: () => '/certificat/no-existeix', ready: 'h1' },
}

/** Our views inside Payload's frame (src/admin/AdminPage.tsx), and our links in its side menu. */
const OUR_VIEW = ['.mentoria-view', '.mentoria-nav-link']

const ADMIN_VIEWS: Record<string, Visit> = {
  "the secretariat's console (/admin)": {
    path: () => '/admin',
    as: SECRETARIAT,
    ready: '.console',
    ours: ['.console', '.mentoria-reminders', '.mentoria-nav-link'],
  },
  'the annual report (/admin/informe-anual)': {
    path: () => '/admin/informe-anual',
    as: SECRETARIAT,
    ready: '.console-report',
    ours: OUR_VIEW,
  },
  "a period's report (/admin/informe-periode)": {
    path: () =>
      `/admin/informe-periode?des=${new Date(Date.now() - 365 * DAY).toISOString().slice(0, 10)}&fins=${new Date().toISOString().slice(0, 10)}`,
    as: SECRETARIAT,
    ready: '[data-figure=completed]',
    ours: OUR_VIEW,
  },
  'the matching view, with a proposal computed (/admin/aparellament)': {
    path: () => '/admin/aparellament',
    as: SECRETARIAT,
    ready: '.mentoria-matching',
    ours: OUR_VIEW,
    then: async (page) => {
      await page.getByRole('button', { name: 'Calcula la proposta' }).click()
      await page
        .locator('.mentoria-matching table, .mentoria-matching [role=status]')
        .first()
        .waitFor({ timeout: 20_000 })
    },
  },
  'the personal-data tools (/admin/dades)': {
    path: () => '/admin/dades',
    as: SECRETARIAT,
    ready: 'h1',
    ours: OUR_VIEW,
  },
  "«Les meves mentories», the mentor's": {
    path: () => '/admin/les-meves-mentories',
    as: MENTOR,
    ready: 'h1',
    ours: OUR_VIEW,
  },
  "a pairing's page, the mentor's": {
    path: () => `/admin/les-meves-mentories/${found.laiaPairing}`,
    as: MENTOR,
    ready: 'h1',
    ours: OUR_VIEW,
  },
  "«Les meves mentories», the mentee's": {
    path: () => '/admin/les-meves-mentories',
    as: MENTEE,
    ready: 'h1',
    ours: OUR_VIEW,
  },
  "a pairing's page, the mentee's": {
    path: () => `/admin/les-meves-mentories/${found.laiaPairing}`,
    as: MENTEE,
    ready: 'h1',
    ours: OUR_VIEW,
  },
  "the mentee's fitxa, started (/admin/les-meves-mentories/<id>/fitxa)": {
    path: () => `/admin/les-meves-mentories/${found.laiaPairing}/fitxa`,
    as: MENTEE,
    ready: 'h1',
    ours: OUR_VIEW,
    then: async (page) => {
      const start = page.getByRole('button', { name: 'Comença la fitxa' })
      if (await start.count()) await start.first().click()
      await page.getByRole('form', { name: 'La fitxa de la mentoria' }).waitFor({ timeout: 30_000 })
    },
  },
}

/**
 * Payload's own screens the secretariat uses, with our components inside them: what is ours must be
 * clean; what axe finds in Payload's part is written down (payload-findings.json) for the statement.
 */
const PAYLOAD_SCREENS: Record<string, Visit> = {
  "Payload's sign-in page (/admin/login), with the XMESS logo": {
    path: () => '/admin/login',
    ready: '#field-email',
    ours: ['img[src="/xmess-logo.svg"]'],
  },
  "Payload's «forgot password» page": {
    path: () => '/admin/forgot',
    ready: 'form',
    ours: ['img[src="/xmess-logo.svg"]'],
  },
  "Payload's list of pairings": {
    path: () => '/admin/collections/pairings',
    as: SECRETARIAT,
    ready: '.table',
    ours: ['.mentoria-nav-link'],
  },
  "Payload's edit view of a pairing": {
    path: () => `/admin/collections/pairings/${found.laiaPairing}`,
    as: SECRETARIAT,
    ready: 'form',
    ours: ['.mentoria-nav-link'],
  },
  "Payload's edit view of a published fitxa, with «Copia per al web de la XMESS»": {
    path: () => `/admin/collections/fitxes/${found.fitxaId}`,
    as: SECRETARIAT,
    ready: '.mentoria-copy',
    ours: ['.mentoria-copy', '.mentoria-nav-link'],
  },
  "Payload's edit view of a person's account, with «Envia la invitació de nou»": {
    path: () => `/admin/collections/users/${found.mentorUser}`,
    as: SECRETARIAT,
    ready: '.mentoria-invite',
    ours: ['.mentoria-invite', '.mentoria-nav-link'],
  },
  "Payload's «Avís legal i accessibilitat» settings": {
    path: () => '/admin/globals/legal-settings',
    as: SECRETARIAT,
    ready: 'form',
    ours: ['.mentoria-nav-link'],
  },
}

beforeAll(async () => {
  const seeded = spawnSync(process.execPath, ['--import', 'tsx', 'seed/run.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URI: `file:${databaseFile}`,
      PAYLOAD_SECRET: secret,
      JOBS_AUTORUN: 'false',
    },
    encoding: 'utf8',
    timeout: 230_000,
  })
  if (seeded.status !== 0) throw new Error(`seed failed: ${seeded.stdout}\n${seeded.stderr}`)
  smtp = await startSmtpServer()
  server = await startProductionServer({
    DATABASE_URI: `file:${databaseFile}`,
    PAYLOAD_SECRET: secret,
    SMTP_HOST: smtp.host,
    SMTP_PORT: String(smtp.port),
    SMTP_SECURE: 'false',
  })
  token = (
    await api('POST', '/api/users/login', { email: SECRETARIAT, password: DEMO_PASSWORD }, '')
  ).token

  // This year's applications open again (the demo's closed in September), so that the form takes one.
  const year = new Date().getUTCFullYear()
  const editions = await api('GET', `/api/editions?where[year][equals]=${year}&depth=0`)
  const edition = editions.docs[0].id
  await api('PATCH', `/api/editions/${edition}`, {
    applicationsOpenAt: new Date(Date.now() - 10 * DAY).toISOString(),
    applicationsCloseAt: new Date(Date.now() + 10 * DAY).toISOString(),
  })

  const fitxa = (
    await api('GET', '/api/fitxes?where[_status][equals]=published&depth=0&limit=1', undefined, '')
  ).docs[0]
  found.fitxaSlug = fitxa.slug
  found.fitxaId = fitxa.id
  found.mentorUser = (
    await api('GET', `/api/users?where[email][equals]=${encodeURIComponent(MENTOR)}&depth=0`)
  ).docs[0].id
  // Payload signs with the SHA-256 of PAYLOAD_SECRET (its first 32 hex digits), as `payload.secret`.
  const payloadSecret = crypto.createHash('sha256').update(secret).digest('hex').slice(0, 32)
  const completed = (
    await api('GET', '/api/pairings?where[status][equals]=completed&depth=0&limit=1')
  ).docs[0].id
  found.certificate = certificateCode(payloadSecret, completed, 'mentee')
  const laiaMentor = (
    await api('GET', `/api/mentors?where[email][equals]=${encodeURIComponent(MENTOR)}&depth=0`)
  ).docs[0].id
  const pauCandidate = (
    await api('GET', `/api/candidates?where[email][equals]=${encodeURIComponent(MENTEE)}&depth=0`)
  ).docs[0].id
  found.laiaPairing = (
    await api(
      'GET',
      `/api/pairings?where[mentor][equals]=${laiaMentor}&where[candidate][equals]=${pauCandidate}&where[status][equals]=active&depth=0`,
    )
  ).docs[0].id

  // Two new people: one proposal for a new mentor (its email's links), one accompaniment at its halfway (a check-in).
  const [council, otherCouncil] = (
    await api('GET', '/api/municipalities?limit=2&depth=0')
  ).docs.map((doc: { id: string | number }) => doc.id)
  const person = async (key: string) => {
    const mentor = (
      await api('POST', '/api/mentors', {
        name: `Mentora ${key}`,
        email: `mentora.${key}@a11y.example`,
        phone: '600 000 101',
        position: "Tècnica d'ESS",
        municipality: council,
        topics: ['estrategia-ess'],
        capacity: 2,
        available: true,
      })
    ).doc.id
    const candidate = (
      await api('POST', '/api/candidates', {
        name: `Sol·licitant ${key}`,
        email: `sollicitant.${key}@a11y.example`,
        phone: '600 000 201',
        position: 'Tècnic de promoció econòmica',
        municipality: otherCouncil,
        edition,
        topics: ['estrategia-ess'],
        needs: "Volem redactar el primer pla municipal d'ESS.",
        status: 'eligible',
        consents: { dataProcessing: true, commitment: true },
      })
    ).doc.id
    return (await api('POST', '/api/pairings', { mentor, candidate })).doc.id
  }
  found.proposalPairing = await person('proposta')
  const proposal = await smtp.waitFor(
    (mail) =>
      mail.to.includes('mentora.proposta@a11y.example') &&
      /Proposta de mentoria/.test(mail.subject),
    60_000,
  )
  found.proposalAccept =
    new URL(/Acceptar la proposta: (\S+)/.exec(proposal.text)?.[1] ?? '').searchParams.get(
      'token',
    ) ?? ''
  found.proposalDecline =
    new URL(/No la puc acceptar: (\S+)/.exec(proposal.text)?.[1] ?? '').searchParams.get('token') ??
    ''
  const halfway = await person('meitat')
  await api('PATCH', `/api/pairings/${halfway}`, { status: 'accepted' })
  await api('PATCH', `/api/pairings/${halfway}`, {
    status: 'active',
    startDate: new Date(Date.now() - 200 * DAY).toISOString(),
    endDate: new Date(Date.now() + 100 * DAY).toISOString(),
    agreement: { objectives: 'El pla', activities: 'Visites', calendar: 'Una al mes' },
  })
  await api('POST', '/api/mentoria/reminders/run', {})
  const checkin = await smtp.waitFor(
    (mail) =>
      mail.to.includes('mentora.meitat@a11y.example') && /Com va la mentoria/.test(mail.subject),
    60_000,
  )
  found.checkin =
    new URL(/: (\S+\/seguiment\?token=\S+)/.exec(checkin.text)?.[1] ?? '').searchParams.get(
      'token',
    ) ?? ''

  browser = await launchBrowser()
  fs.mkdirSync('test-results/accessibility', { recursive: true })
}, 420_000)

afterAll(async () => {
  fs.writeFileSync(
    'test-results/accessibility/payload-findings.json',
    `${JSON.stringify(payloadFindings, null, 2)}\n`,
  )
  await browser?.close()
  if (process.env.E2E_SERVER_LOG) console.log(server?.output())
  await server?.stop()
  await smtp?.close()
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(databaseFile + suffix, { force: true })
})

/** Visits one page at each width and returns what axe finds, with the width in front. */
async function check(name: string, visit: Visit): Promise<string[]> {
  const findings: string[] = []
  const storageState = visit.as ? await signIn(visit.as) : undefined
  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({ locale: 'ca-ES', viewport, storageState })
    const page = await context.newPage()
    const address = `${server.url}${visit.path()}`
    if (visit.fragment) {
      // The XMESS website places the fragment inside its own page: a language, a title and a main.
      const fragment = await (await fetch(address)).text()
      await page.goto(`${server.url}/privacitat`)
      await page.setContent(
        `<!doctype html><html lang="ca"><head><title>Fitxa · XMESS</title></head><body><main>${fragment}</main></body></html>`,
      )
    } else {
      await page.goto(address)
    }
    await page.locator(visit.ready).first().waitFor({ timeout: 60_000 })
    if (visit.then) await visit.then(page)
    const result = await axeViolations(page, visit.ours)
    for (const finding of result.ours) findings.push(`${viewport.width} px: ${finding}`)
    if (result.payload.length) payloadFindings[`${name}, ${viewport.width} px`] = result.payload
    // Captures of every page at both widths, to look at: not in CI, where nobody opens them (~80 full pages).
    if (!process.env.CI) {
      const slug = name
        .replace(/[^a-z0-9]+/gi, '-')
        .replace(/^-|-$/g, '')
        .toLowerCase()
      await page.screenshot({
        path: `test-results/accessibility/${slug}-${viewport.width}.png`,
        fullPage: true,
      })
    }
    await context.close()
  }
  return findings
}

describe('axe-core finds no serious or critical issue, at 320 px and at 1280 px', () => {
  for (const [name, visit] of Object.entries(PAGES)) {
    it(`on ${name}`, async () => {
      expect(await check(name, visit)).toEqual([])
    })
  }
  for (const [name, visit] of Object.entries(ADMIN_VIEWS)) {
    it(`on ${name}`, async () => {
      expect(await check(name, visit)).toEqual([])
    })
  }
  for (const [name, visit] of Object.entries(PAYLOAD_SCREENS)) {
    it(`on our parts of ${name} (Payload's own findings are written down)`, async () => {
      expect(await check(name, visit)).toEqual([])
    })
  }
})

/**
 * Whether the focused element shows it: an outline, a box shadow, or a border its ::before or ::after
 * draws, that the same element without the focus does not have (a copy of it beside it, measured and
 * removed at once: a shadow every button has is not a focus indicator).
 */
async function focusIsVisible(page: Page): Promise<{ visible: boolean; what: string }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null
    if (!element || element === document.body) return { visible: false, what: 'nothing' }
    const look = (node: Element) => {
      const style = getComputedStyle(node)
      const marks: string[] = []
      if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
        marks.push(`outline ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`)
      if (style.boxShadow !== 'none' && style.boxShadow !== '')
        marks.push(`shadow ${style.boxShadow}`)
      for (const pseudo of ['::before', '::after']) {
        const box = getComputedStyle(node, pseudo)
        if (box.content === 'none') continue
        if (box.borderStyle !== 'none' && parseFloat(box.borderWidth) > 0)
          marks.push(`${pseudo} border ${box.borderStyle} ${box.borderWidth} ${box.borderColor}`)
        if (box.outlineStyle !== 'none' && parseFloat(box.outlineWidth) > 0)
          marks.push(
            `${pseudo} outline ${box.outlineStyle} ${box.outlineWidth} ${box.outlineColor}`,
          )
      }
      return marks
    }
    const focused = look(element)
    const copy = element.cloneNode(false) as HTMLElement
    copy.removeAttribute('id')
    element.after(copy)
    const unfocused = new Set(look(copy))
    copy.remove()
    const attribute = (name: string) =>
      element.getAttribute(name) ? `[${name}=${element.getAttribute(name)}]` : ''
    const what = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${attribute('name')}${attribute('href')}${attribute('class')} «${element.innerText?.trim().slice(0, 40) ?? ''}»`
    return { visible: focused.some((mark) => !unfocused.has(mark)), what }
  })
}

/** Where the focus should go: an element's id, a CSS selector, or a button's text. */
type Target = { id?: string; selector?: string; text?: string }

/**
 * Tab (or Shift+Tab) until the focus is on `target`, checking at every stop that the focus shows;
 * fails after `limit` presses. Returns the stops that showed no focus.
 */
async function tabTo(
  page: Page,
  target: Target,
  { back = false, limit = 60 } = {},
): Promise<string[]> {
  const unseen: string[] = []
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
    const focus = await focusIsVisible(page)
    if (!focus.visible) unseen.push(focus.what)
    const there = await page.evaluate(({ id, selector, text }) => {
      const element = document.activeElement as HTMLElement | null
      if (!element) return false
      if (id) return element.id === id
      if (selector) return element.matches(selector)
      return element.innerText?.trim() === text
    }, target)
    if (there) return unseen
  }
  throw new Error(`The focus never got to ${JSON.stringify(target)} by keyboard.`)
}

const byId = (id: string): Target => ({ id })
const byText = (text: string): Target => ({ text })

describe('with only a keyboard, the focus visible at every step', () => {
  it('a person sends the application form (Tab, Shift+Tab, Space, Enter and typing), and it is stored', async () => {
    const context = await browser.newContext({
      locale: 'ca-ES',
      viewport: { width: 1280, height: 900 },
    })
    const page = await context.newPage()
    await page.goto(`${server.url}/sollicitud`)
    // Once React has taken the form over (until then it is the plain HTML form, which works too).
    await page.waitForFunction(() => {
      const form = document.querySelector('form.application')
      return Boolean(form && Object.keys(form).some((key) => key.startsWith('__reactProps')))
    })
    const unseen: string[] = []
    const idOf = async (label: string | RegExp, exact = false) =>
      (await page.getByLabel(label, { exact }).getAttribute('id')) as string
    const type = async (label: string, text: string) => {
      unseen.push(...(await tabTo(page, byId(await idOf(label)))))
      await page.keyboard.type(text)
    }
    // A select: typing its option's first letters picks it, as in any browser (the letters a keyboard
    // types as keys: an accented one is inserted as text, which a select does not take).
    const choose = async (label: string, option: string, exact = false) => {
      unseen.push(...(await tabTo(page, byId(await idOf(label, exact)))))
      await page.keyboard.type(/^[\x20-\x7e]*/.exec(option)?.[0] ?? '')
      expect(
        await page
          .getByLabel(label, { exact })
          .evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent),
      ).toBe(option)
    }
    const tick = async (label: string | RegExp) => {
      unseen.push(...(await tabTo(page, byId(await idOf(label)))))
      await page.keyboard.press('Space')
      expect(await page.getByLabel(label).isChecked()).toBe(true)
    }
    const email = 'teclat@a11y.example'
    await type('Nom i cognoms', 'Rosa Teclat Vives')
    await type('Càrrec', 'Tècnica de promoció econòmica')
    const council = (await page
      .getByLabel('Ens', { exact: true })
      .locator('option')
      .nth(1)
      .textContent()) as string
    await choose('Ens', council, true)
    await type('Correu electrònic', email)
    // Back with Shift+Tab to fix the name, then on again.
    unseen.push(...(await tabTo(page, byId(await idOf('Nom i cognoms')), { back: true })))
    await page.keyboard.press('End')
    await page.keyboard.type('-Puig')
    await type('Telèfon', '938 000 000')
    const topic = (await page
      .getByLabel('Primera prioritat')
      .locator('option')
      .nth(1)
      .textContent()) as string
    await choose('Primera prioritat', topic)
    await type('Expliqueu què necessiteu', 'Volem començar un pla municipal d’economia social.')
    await type('Disponibilitat i desplaçaments', 'Dimarts al matí.')
    await tick('Castellà')
    await tick(/^Accepto que la XMESS tracti/)
    await tick(/^Em comprometo/)
    unseen.push(...(await tabTo(page, { selector: 'form button[type=submit]' })))
    await page.screenshot({ path: 'test-results/accessibility/keyboard-submit-focus.png' })
    await page.keyboard.press('Enter')
    // The confirmation takes the focus, and shows it.
    await page.locator('.confirmation, .error-summary').first().waitFor({ timeout: 30_000 })
    if (await page.locator('.error-summary').count()) {
      const fields = await page.evaluate(() =>
        [...document.querySelectorAll('[aria-invalid=true]')].map(
          (field) => `${field.id}=${(field as HTMLInputElement).value}`,
        ),
      )
      throw new Error(
        `The form refused it: ${await page.locator('.error-summary').innerText()} ${fields.join('; ')}`,
      )
    }
    await page
      .getByRole('heading', { name: 'Hem rebut la vostra sol·licitud' })
      .waitFor({ timeout: 30_000 })
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('confirmation-title')
    expect((await focusIsVisible(page)).visible).toBe(true)
    await page.screenshot({ path: 'test-results/accessibility/keyboard-confirmation-focus.png' })
    expect(unseen).toEqual([])

    const stored = await api(
      'GET',
      `/api/candidates?where[email][equals]=${encodeURIComponent(email)}&depth=0`,
    )
    expect(stored.totalDocs).toBe(1)
    expect(stored.docs[0]).toMatchObject({
      name: 'Rosa Teclat Vives-Puig',
      phone: '938 000 000',
      languages: expect.arrayContaining(['es']),
    })
    expect(stored.docs[0].topics[0]).toBeTruthy()
    await context.close()
  })

  it('a mentor accepts a proposal with the keyboard, and the pairing is accepted', async () => {
    const context = await browser.newContext({
      locale: 'ca-ES',
      viewport: { width: 390, height: 844 },
    })
    const page = await context.newPage()
    await page.goto(`${server.url}/proposta?token=${encodeURIComponent(found.proposalAccept)}`)
    await page.locator('h1').waitFor()
    const unseen = await tabTo(page, byText('Sí, accepto la proposta'))
    await page.screenshot({ path: 'test-results/accessibility/keyboard-proposal-focus.png' })
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/proposta\/resposta/, { timeout: 30_000 })
    expect(unseen).toEqual([])
    expect(await page.locator('main [role=status]').textContent()).toMatch(
      /Heu acceptat la proposta/,
    )
    expect((await api('GET', `/api/pairings/${found.proposalPairing}?depth=0`)).status).toBe(
      'accepted',
    )
    await context.close()
  })
})

describe('with only a keyboard, in the application', () => {
  it('the mentee writes the fitxa and sends it for review (focus visible at every stop), and the server has it submitted', async () => {
    const context = await browser.newContext({
      locale: 'ca-ES',
      viewport: { width: 1280, height: 900 },
      storageState: await signIn(MENTEE),
    })
    const page = await context.newPage()
    await page.goto(`${server.url}/admin/les-meves-mentories/${found.laiaPairing}/fitxa`)
    await page.locator('h1').first().waitFor({ timeout: 60_000 })
    const unseen: string[] = []
    const start = page.getByRole('button', { name: 'Comença la fitxa' })
    if (await start.count()) {
      await page.waitForFunction(() =>
        [...document.querySelectorAll('button')].some((button) =>
          Object.keys(button).some((key) => key.startsWith('__reactProps')),
        ),
      )
      unseen.push(...(await tabTo(page, byText('Comença la fitxa'), { limit: 200 })))
      await page.keyboard.press('Enter')
    }
    const form = page.getByRole('form', { name: 'La fitxa de la mentoria' })
    await form.waitFor({ timeout: 60_000 })
    // Once React has taken the form over.
    await page.waitForFunction(() => {
      const element = document.querySelector('form.mm-fitxa')
      return Boolean(element && Object.keys(element).some((key) => key.startsWith('__reactProps')))
    })
    const type = async (label: string, text: string) => {
      const id = (await form.getByLabel(label).first().getAttribute('id')) as string
      unseen.push(...(await tabTo(page, byId(id), { limit: 200 })))
      await page.keyboard.press('ControlOrMeta+A')
      await page.keyboard.type(text)
    }
    await type('Títol', 'Un pla municipal fet amb teclat')
    await type('Descripció', 'Com vam fer el primer pla municipal amb la mentoria.')
    await type('Objectius', 'Tenir un pla aprovat pel ple.')
    await type('Activitats', 'Dues visites i la revisió del document.')
    await type('Resultats i aprenentatges', 'El pla, i una taula amb les entitats.')
    const topic = form.getByRole('checkbox', { name: "Estratègia i pla municipal d'ESS" })
    if (!(await topic.isChecked())) {
      unseen.push(
        ...(await tabTo(
          page,
          { selector: 'input[name=topics][value="estrategia-ess"]' },
          { limit: 200 },
        )),
      )
      await page.keyboard.press('Space')
      expect(await topic.isChecked()).toBe(true)
    }
    unseen.push(...(await tabTo(page, byText('Envia a revisió'), { limit: 200 })))
    await page.screenshot({ path: 'test-results/accessibility/keyboard-fitxa-focus.png' })
    await page.keyboard.press('Enter')
    await expect
      .poll(() => page.getByRole('region', { name: 'Estat de la fitxa' }).textContent(), {
        timeout: 20_000,
      })
      .toContain('A revisió de la secretaria')
    expect(unseen).toEqual([])

    const stored = await api(
      'GET',
      `/api/fitxes?where[pairing][equals]=${found.laiaPairing}&draft=true&depth=0`,
    )
    expect(stored.docs[0]).toMatchObject({
      reviewStatus: 'submitted',
      title: 'Un pla municipal fet amb teclat',
      topics: expect.arrayContaining(['estrategia-ess']),
    })
    await context.close()
  })
})

/** The parts this assessment changed, at 390 px and at 1280 px, for docs/accessibility.md (docs/img/). */
const CHANGED: { name: string; path: () => string; as?: string; part: string }[] = [
  {
    name: 'accessibilitat-contingut-no-accessible',
    path: () => '/accessibilitat',
    part: 'section[aria-labelledby=content]',
  },
  {
    name: 'accessibilitat-avaluacio',
    path: () => '/accessibilitat',
    part: 'section[aria-labelledby=preparation]',
  },
  {
    name: 'consola-que-us-necessita',
    path: () => '/admin',
    as: SECRETARIAT,
    part: '.console-grid[aria-labelledby=console-work-title]',
  },
  {
    name: 'mentora-targeta-acompanyament',
    path: () => '/admin/les-meves-mentories',
    as: MENTOR,
    part: '.mm-card',
  },
  {
    name: 'mentorada-fitxa-persona-referencia',
    path: () => `/admin/les-meves-mentories/${found.laiaPairing}/fitxa`,
    as: MENTEE,
    part: 'fieldset:has(input[name=referenceConsent])',
  },
  {
    name: 'dades-exportar',
    path: () => '/admin/dades',
    as: SECRETARIAT,
    part: 'section[aria-labelledby=exportar]',
  },
]

describe('screenshots of what changed', () => {
  it('at 390 px and at 1280 px, in docs/img/', async () => {
    fs.mkdirSync('docs/img', { recursive: true })
    for (const shot of CHANGED) {
      for (const viewport of [
        { width: 390, height: 844 },
        { width: 1280, height: 900 },
      ]) {
        const context = await browser.newContext({
          locale: 'ca-ES',
          viewport,
          storageState: shot.as ? await signIn(shot.as) : undefined,
        })
        const page = await context.newPage()
        await page.goto(`${server.url}${shot.path()}`)
        const part = page.locator(shot.part).first()
        await part.waitFor({ timeout: 60_000 })
        await part.screenshot({ path: `docs/img/${shot.name}-${viewport.width}.png` })
        await context.close()
      }
    }
  })
})
