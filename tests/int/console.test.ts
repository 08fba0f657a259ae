import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seedConsoleDemo } from '../../seed/demo-console'
import { ConsoleDashboard } from '../../src/admin/console/ConsoleDashboard'
import { PeriodReportContent } from '../../src/admin/console/PeriodReport'
import { parsePeriod } from '../../src/rules/period-report'
import type { OpenWorkItem } from '../../src/services/open-work'
import {
  deliverMail,
  type ID,
  memoryEmail,
  type Programme,
  setupProgramme,
} from '../helpers/fixtures'
import { type HttpServer, httpClient, startHttpServer } from '../helpers/http-server'
import { startTestApp, testDatabase, type TestApp } from '../helpers/payload'

/**
 * The secretariat's console figures (GET /api/editions/:id/summary) against counts made here, from the
 * stored records, without the code under test: the console demo's year (an extended pairing, one past its
 * end, one ending soon, one whose second meeting was online, one completed without its fitxa, a withdrawal,
 * proposals waiting, incidents, reminders) over two editions.
 */
const DAY = 86_400_000
let app: TestApp
let p: Programme
let server: HttpServer
let api: ReturnType<typeof httpClient>
let demo: Awaited<ReturnType<typeof seedConsoleDemo>>
const email = memoryEmail()

const day = (value: string | Date) => new Date(value).toISOString().slice(0, 10)
const all = async (
  collection: 'candidates' | 'pairings' | 'meetings' | 'incidents' | 'sent-emails' | 'reminders',
) =>
  (await app.payload.find({ collection, pagination: false, depth: 0, overrideAccess: true }))
    .docs as unknown as Record<string, any>[]
const idOf = (value: unknown) =>
  String(typeof value === 'object' && value ? (value as { id: ID }).id : value)

beforeAll(async () => {
  app = await startTestApp({
    email: email.adapter,
    plugin: { secretariatEmail: 'avisos@xmess.example' },
  })
  p = await setupProgramme(app)
  const more = await Promise.all(
    ['Ajuntament de Manresa', 'Ajuntament de Reus', 'Ajuntament de Lleida'].map((name) =>
      app.payload.create({ collection: 'municipalities', data: { name, member: true } as never }),
    ),
  )
  const councils = [
    p.councils.sabadell.id,
    p.councils.vilafranca.id,
    p.councils.olot.id,
    ...more.map((council) => council.id),
  ]
  demo = await seedConsoleDemo(app.payload, {
    edition: p.edition.id,
    longRunningEdition: p.closedEdition.id,
    councils,
  })
  await deliverMail(app)
  // A reminder of eight days ago is not "this week".
  const anyPairing = (await app.payload.find({ collection: 'pairings', limit: 1, depth: 0 }))
    .docs[0]
  await app.payload.db.create({
    collection: 'reminders',
    data: {
      key: `${anyPairing.id}:fitxaMissing:vella:mentee`,
      pairing: anyPairing.id,
      kind: 'fitxaMissing',
      occasion: 'vella',
      audience: 'mentee',
      to: 'pau@vilafranca.example',
      subject: 'Una fitxa',
      sentAt: new Date(Date.now() - 8 * DAY).toISOString(),
    },
  })
  // The sent-email records are written just after delivery.
  for (let tries = 0; (await all('sent-emails')).length < email.sent.length && tries < 100; tries++)
    await new Promise((resolve) => setTimeout(resolve, 50))
  server = await startHttpServer(app)
  api = httpClient(server.url)
})

afterAll(async () => {
  await server?.close()
  await app?.close()
})

/** The figures as a person with a spreadsheet of the records would count them. */
async function countedByHand(edition: ID) {
  const now = new Date()
  const today = day(now)
  const in30 = day(new Date(now.getTime() + 30 * DAY))
  const [candidates, pairingDocs, meetings, incidents, reminders] = await Promise.all([
    all('candidates'),
    all('pairings'),
    all('meetings'),
    all('incidents'),
    all('reminders'),
  ])
  const pairings = pairingDocs.filter((pairing) => idOf(pairing.edition) === String(edition))
  const inEdition = new Set(pairings.map((pairing) => String(pairing.id)))
  const tally = (docs: Record<string, any>[], statuses: string[]) =>
    Object.fromEntries(
      statuses.map((status) => [status, docs.filter((doc) => doc.status === status).length]),
    )
  const active = pairings.filter((pairing) => pairing.status === 'active')
  const proposed = pairings.filter((pairing) => pairing.status === 'proposed')
  const oldest = proposed
    .map((pairing) => new Date(pairing.createdAt).getTime())
    .sort((a, b) => a - b)[0]
  const ofEdition = candidates.filter((candidate) => idOf(candidate.edition) === String(edition))
  return {
    candidates: {
      total: ofEdition.length,
      byStatus: tally(ofEdition, [
        'submitted',
        'eligible',
        'ineligible',
        'matched',
        'completed',
        'withdrawn',
      ]),
    },
    pairings: {
      total: pairings.length,
      byStatus: tally(pairings, [
        'proposed',
        'accepted',
        'declined',
        'active',
        'completed',
        'cancelled',
      ]),
      activeWithoutRequiredMeetings: active.filter(
        (pairing) =>
          meetings.filter(
            (meeting) =>
              idOf(meeting.pairing) === String(pairing.id) &&
              meeting.modality === 'in_person' &&
              day(meeting.date) >= day(pairing.startDate),
          ).length < 2,
      ).length,
      endingSoon: active.filter(
        (pairing) => day(pairing.endDate) >= today && day(pairing.endDate) <= in30,
      ).length,
      overdue: active.filter((pairing) => day(pairing.endDate) < today).length,
      fitxaMissing: pairings.filter(
        (pairing) => pairing.status === 'completed' && !pairing.fitxaPublished,
      ).length,
    },
    proposals: {
      waiting: proposed.length,
      oldestWaitingDays: oldest === undefined ? null : Math.floor((now.getTime() - oldest) / DAY),
    },
    incidents: {
      open: incidents.filter(
        (incident) => inEdition.has(idOf(incident.pairing)) && incident.status === 'open',
      ).length,
    },
    reminders: {
      sentLast7Days: reminders.filter(
        (record) =>
          inEdition.has(idOf(record.pairing)) &&
          record.sentAt &&
          now.getTime() - new Date(record.sentAt).getTime() < 7 * DAY,
      ).length,
    },
  }
}

const summaryOf = (edition: ID, token = p.tokens.secretariat) =>
  api.get(`/api/editions/${edition}/summary`, { token })

describe('GET /api/editions/:id/summary', () => {
  it('is for the secretariat only, and says why in Catalan', async () => {
    const anonymous = await api.get(`/api/editions/${p.edition.id}/summary`)
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.errors[0].message).toBe(
      "Cal iniciar la sessió per veure el resum d'una convocatòria.",
    )
    for (const token of [p.tokens.mentor, p.tokens.mentee]) {
      const refused = await summaryOf(p.edition.id, token)
      expect(refused.status).toBe(403)
      expect(refused.body.errors[0].message).toBe(
        "Només la secretaria tècnica pot veure el resum d'una convocatòria.",
      )
    }
  })

  it('answers a malformed id with a 400 and an unknown one with a 404, in Catalan', async () => {
    const malformed = await summaryOf('abc')
    expect(malformed.status).toBe(400)
    expect(malformed.body.errors[0].message).toMatch(/identificador «abc» no és vàlid/)
    // An id of this database's shape (a number on SQLite, an ObjectId on MongoDB) that is no edition.
    const missing = testDatabase() === 'mongodb' ? '0123456789abcdef01234567' : 987654
    const unknown = await summaryOf(missing)
    expect(unknown.status).toBe(404)
    expect(unknown.body.errors[0].message).toBe(`La convocatòria ${missing} no existeix.`)
  })

  it("equals the counts made by hand from the records, for this year's edition and last year's", async () => {
    for (const edition of [p.edition, p.closedEdition]) {
      const answer = await summaryOf(edition.id)
      expect(answer.status).toBe(200)
      const { edition: about, ...figures } = answer.body
      expect(about.id).toBe(edition.id)
      expect(figures).toEqual(await countedByHand(edition.id))
    }
  })

  it('counts the edge cases as the secretariat expects', async () => {
    if (!demo.created) throw new Error('demo not created')
    const last = (await summaryOf(p.closedEdition.id)).body
    const current = (await summaryOf(p.edition.id)).body
    // Extended past the first end (which was within 30 days): neither ending soon nor overdue.
    const extended = await app.payload.findByID({
      collection: 'pairings',
      id: demo.pairings.extended,
      depth: 0,
    })
    expect(extended.extensionHistory).toHaveLength(1)
    expect(
      day(extended.extensionHistory?.[0]?.previousEndDate as string) <=
        day(new Date(Date.now() + 30 * DAY)),
    ).toBe(true)
    expect(last.pairings.byStatus.active).toBe(3)
    expect(last.pairings.endingSoon).toBe(1)
    expect(last.pairings.overdue).toBe(1)
    // The overdue one has one meeting; the extended and the ending one two in person (one online besides).
    expect(last.pairings.activeWithoutRequiredMeetings).toBe(1)
    expect(last.pairings.fitxaMissing).toBe(1)
    // The online meeting does not count for R7; the withdrawal is cancelled, not active.
    expect(current.pairings.byStatus).toMatchObject({ active: 1, cancelled: 1, proposed: 2 })
    expect(current.pairings.activeWithoutRequiredMeetings).toBe(1)
    expect(current.proposals).toEqual({ waiting: 2, oldestWaitingDays: 12 })
    expect(current.incidents.open).toBe(1)
    expect(last.incidents.open).toBe(0)
    // This week's reminders of the daily round, not the invitations nor last week's reminder.
    expect(current.reminders.sentLast7Days).toBeGreaterThan(0)
    expect(email.sent.length).toBeGreaterThan(current.reminders.sentLast7Days)
    // Each edition counts the reminders of its own pairings: together, every one sent this week.
    const sentThisWeek = (
      await app.payload.count({
        collection: 'reminders',
        where: { sentAt: { greater_than_equal: new Date(Date.now() - 7 * DAY).toISOString() } },
      })
    ).totalDocs
    expect(last.reminders.sentLast7Days).toBeGreaterThan(0)
    expect(current.reminders.sentLast7Days + last.reminders.sentLast7Days).toBe(sentThisWeek)
  })

  it('gives the phase: applications while they are open, the accompaniment while pairings are active', async () => {
    expect((await summaryOf(p.edition.id)).body.edition.phase).toBe('applications')
    expect((await summaryOf(p.closedEdition.id)).body.edition.phase).toBe('accompaniment')
    // The phase is public like the dates, and nobody can set it.
    const read = await api.get(`/api/editions/${p.closedEdition.id}`)
    expect(read.body.phase).toBe('accompaniment')
    const set = await api.patch(
      `/api/editions/${p.edition.id}`,
      { phase: 'closed' },
      { token: p.tokens.secretariat },
    )
    expect((await api.get(`/api/editions/${p.edition.id}`)).body.phase).toBe('applications')
    expect(set.status).toBeLessThan(500)
  })
})

describe('«Què us necessita» of every edition (GET /api/editions/open-work and the console)', () => {
  const openWork = async (token = p.tokens.secretariat) =>
    api.get('/api/editions/open-work', { token })
  /** How many records the admin list behind a link shows: the same `where`, read through the REST API. */
  const listed = async (href: string) => {
    const [path, query] = href.split('?')
    const collection = path.replace('/admin/collections/', '')
    const answer = await api.get(`/api/${collection}?${query}&limit=1&depth=0`, {
      token: p.tokens.secretariat,
    })
    expect(answer.status).toBe(200)
    return answer.body.totalDocs as number
  }

  it('is for the secretariat only, and says why in Catalan', async () => {
    const anonymous = await api.get('/api/editions/open-work')
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.errors[0].message).toMatch(/^Cal iniciar la sessió/)
    for (const token of [p.tokens.mentor, p.tokens.mentee]) {
      const refused = await openWork(token)
      expect(refused.status).toBe(403)
      expect(refused.body.errors[0].message).toMatch(/^Només la secretaria tècnica/)
    }
  })

  it("adds up every edition's figures, and says which edition each comes from", async () => {
    const answer = await openWork()
    expect(answer.status).toBe(200)
    const items = answer.body.items as OpenWorkItem[]
    const [current, last] = [
      (await summaryOf(p.edition.id)).body,
      (await summaryOf(p.closedEdition.id)).body,
    ]
    const figure = (summary: typeof current, key: OpenWorkItem['key']): number =>
      ({
        proposals: summary.proposals.waiting,
        withoutRequiredMeetings: summary.pairings.activeWithoutRequiredMeetings,
        endingSoon: summary.pairings.endingSoon,
        overdue: summary.pairings.overdue,
        openIncidents: summary.incidents.open,
        fitxaMissing: summary.pairings.fitxaMissing,
        remindersSent: summary.reminders.sentLast7Days,
      })[key]
    expect(items.map((item) => item.key)).toEqual([
      'proposals',
      'withoutRequiredMeetings',
      'endingSoon',
      'overdue',
      'openIncidents',
      'fitxaMissing',
      'remindersSent',
    ])
    for (const item of items) {
      expect(item.total, item.key).toBe(figure(current, item.key) + figure(last, item.key))
      const byEdition = Object.fromEntries(
        item.editions.map((entry) => [String(entry.edition.id), entry.count]),
      )
      const expected = Object.fromEntries(
        [p.edition, p.closedEdition]
          .filter((edition) => figure(edition.id === p.edition.id ? current : last, item.key) > 0)
          .map((edition) => [
            String(edition.id),
            figure(edition.id === p.edition.id ? current : last, item.key),
          ]),
      )
      expect(byEdition, item.key).toEqual(expected)
    }
    // Last year's accompaniments still need the secretariat while this year's applications are open.
    const overdue = items.find((item) => item.key === 'overdue')
    expect(overdue?.editions.map((entry) => entry.edition.name)).toEqual(['Convocatòria passada'])
    const proposals = items.find((item) => item.key === 'proposals')
    expect(proposals?.oldestWaitingDays).toBe(12)
  })

  it('links every figure to an admin list that shows the same records, filtered on fields the list can show', async () => {
    const items = (await openWork()).body.items as OpenWorkItem[]
    for (const item of items) {
      for (const [href, count] of [
        [item.href, item.total],
        ...item.editions.map((entry) => [entry.href, entry.count] as const),
      ] as const) {
        // A filter on a relationship's field (`pairing.edition`) makes the admin's list view throw.
        const fields = [
          ...decodeURIComponent(href).matchAll(
            /\]\[([^\]\d][^\]]*)\]\[(?:equals|in|less_than|greater_than_equal|not_equals)\]/g,
          ),
        ].map((match) => match[1])
        expect(
          fields.filter((field) => field.includes('.')),
          href,
        ).toEqual([])
        expect(await listed(href), `${item.key}: ${href}`).toBe(count)
      }
    }
    const incidents = items.find((item) => item.key === 'openIncidents')
    expect(incidents?.editions).toHaveLength(1)
    expect(decodeURIComponent(incidents?.editions[0]?.href ?? '')).toContain('[pairing][in]')
  })

  it("shows last year's open work on the console while this year's edition is on screen", async () => {
    const secretariat = (
      await app.payload.find({
        collection: 'users',
        where: { email: { equals: 'secretaria@xmess.example' } },
        depth: 0,
        overrideAccess: true,
      })
    ).docs[0]
    const page = await ConsoleDashboard({
      payload: app.payload,
      user: { ...secretariat, collection: 'users' },
      searchParams: { edicio: String(p.edition.id) },
    } as never)
    const html = renderToStaticMarkup(createElement('div', null, page))
    expect(html).toContain(`data-edition="${p.edition.id}"`)
    const work = (key: string) =>
      html.match(
        new RegExp(
          `<li[^>]*data-work="${key}"[^>]*>(.*?)</ul></li>|<li[^>]*data-work="${key}"[^>]*>(.*?)</a></li>`,
        ),
      )?.[0] ?? ''
    const last = (await summaryOf(p.closedEdition.id)).body
    expect(work('overdue')).toContain(`Convocatòria passada: ${last.pairings.overdue}`)
    expect(work('fitxaMissing')).toContain(`Convocatòria passada: ${last.pairings.fitxaMissing}`)
    expect(work('openIncidents')).toContain('Convocatòria de prova: 1')
    expect(work('proposals')).toContain('Convocatòria de prova: 2')
  })
})

describe('The report of any period (GET /api/mentoria/report)', () => {
  const report = (query: string, token: string | null = p.tokens.secretariat) =>
    api.get(`/api/mentoria/report?${query}`, token ? { token } : {})
  const daysAgo = (days: number) => day(new Date(Date.now() - days * DAY))

  /** The figures as a person with the records in a spreadsheet would count them for the days from..to. */
  async function byHand(from: string, to: string) {
    const inside = (value: unknown) =>
      typeof value === 'string' && day(value) >= from && day(value) <= to
    const [candidates, pairings, meetings, incidents] = await Promise.all([
      all('candidates'),
      all('pairings'),
      all('meetings'),
      all('incidents'),
    ])
    const completed = pairings.filter(
      (pairing) => pairing.status === 'completed' && inside(pairing.closing?.closingDate),
    )
    const underWay = pairings.filter((pairing) => {
      if (
        !['active', 'completed', 'cancelled'].includes(pairing.status) ||
        !pairing.startDate ||
        day(pairing.startDate) > to
      )
        return false
      const ended =
        pairing.status === 'active'
          ? null
          : pairing.status === 'completed'
            ? (pairing.closing?.closingDate ?? pairing.statusChangedAt)
            : pairing.statusChangedAt
      return !ended || day(ended) >= from
    })
    const rated = (side: string) =>
      completed
        .map((pairing) => pairing.closing?.[side]?.rating)
        .filter((rating) => typeof rating === 'number') as number[]
    const mean = (values: number[]) =>
      values.length
        ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10
        : null
    const mentors = (
      await app.payload.find({
        collection: 'mentors',
        pagination: false,
        depth: 0,
        overrideAccess: true,
      })
    ).docs as unknown as Record<string, any>[]
    const councilOf = (id: unknown, people: Record<string, any>[]) =>
      people.find((person) => String(person.id) === idOf(id))?.municipality
    return {
      applications: candidates.filter((candidate) => inside(candidate.createdAt)).length,
      made: pairings.filter(
        (pairing) =>
          ['accepted', 'active', 'completed', 'cancelled'].includes(pairing.status) &&
          inside(pairing.answeredAt),
      ).length,
      inProgress: underWay.length,
      completed: completed.length,
      cancelled: pairings.filter(
        (pairing) =>
          pairing.status === 'cancelled' && pairing.answeredAt && inside(pairing.statusChangedAt),
      ).length,
      meetings: {
        total: meetings.filter((meeting) => inside(meeting.date)).length,
        inPerson: meetings.filter(
          (meeting) => inside(meeting.date) && meeting.modality === 'in_person',
        ).length,
      },
      incidents: incidents.filter((incident) => inside(incident.createdAt)).length,
      councils: new Set(
        underWay
          .flatMap((pairing) => [
            councilOf(pairing.mentor, mentors),
            councilOf(pairing.candidate, candidates),
          ])
          .filter(Boolean)
          .map(String),
      ).size,
      evaluations: {
        mentee: {
          average: mean(rated('menteeEvaluation')),
          count: rated('menteeEvaluation').length,
        },
        mentor: {
          average: mean(rated('mentorEvaluation')),
          count: rated('mentorEvaluation').length,
        },
      },
    }
  }

  it('is for the secretariat only, and refuses a wrong period with a sentence naming the field', async () => {
    expect((await report(`from=${daysAgo(30)}&to=${daysAgo(0)}`, null)).status).toBe(401)
    for (const token of [p.tokens.mentor, p.tokens.mentee])
      expect((await report(`from=${daysAgo(30)}&to=${daysAgo(0)}`, token)).status).toBe(403)
    const cases: [string, RegExp][] = [
      [`to=${daysAgo(0)}`, /Cal indicar la data «Des de»/],
      ['from=2026-02-30&to=2026-03-01', /La data «Des de» \(2026-02-30\) no és una data vàlida/],
      ['from=2026-03-01', /Cal indicar la data «Fins a»/],
      ['from=2026-03-01&to=ahir', /La data «Fins a» \(ahir\) no és una data vàlida/],
      ['from=2026-03-01&to=2026-02-01', /«Fins a» ha de ser el mateix dia que «Des de» o després/],
    ]
    for (const [query, message] of cases) {
      const refused = await report(query)
      expect(refused.status, query).toBe(400)
      expect(refused.body.errors[0].message).toMatch(message)
    }
  })

  it('counts what happened between two days, over every edition, as counted by hand', async () => {
    // The whole demo year (both editions), a window in the middle, and a single day.
    for (const [from, to] of [
      [daysAgo(500), daysAgo(0)],
      [daysAgo(120), daysAgo(20)],
      [daysAgo(0), daysAgo(0)],
    ]) {
      const answer = await report(`from=${from}&to=${to}`)
      expect(answer.status).toBe(200)
      const { period, topics, ...figures } = answer.body
      expect(period).toEqual({ from, to })
      expect(figures, `${from}..${to}`).toEqual(await byHand(from, to))
      expect(topics.length).toBeGreaterThan(0)
    }
    // Something of both editions happened in the demo year.
    const whole = (await report(`from=${daysAgo(500)}&to=${daysAgo(0)}`)).body
    expect(whole.inProgress).toBeGreaterThanOrEqual(4)
    expect(whole.made).toBeGreaterThan(0)
    expect(whole.completed).toBeGreaterThan(0)
    expect(whole.councils).toBeGreaterThan(1)
    expect(whole.meetings.total).toBeGreaterThan(0)
  })

  it("counts the mentors who offer each àmbit from their offer for the current call, not from the profile's flag", async () => {
    const topic = 'contractacio-responsable'
    const offered = async () =>
      (
        (await report(`from=${daysAgo(30)}&to=${daysAgo(0)}`)).body.topics as {
          value: string
          offered: number
        }[]
      ).find((row) => row.value === topic)?.offered
    const before = await offered()
    expect(before).toBeTypeOf('number')
    // Available on their profile, but they offered only in last year's call: not offering now.
    const mentor = await app.payload.create({
      collection: 'mentors',
      data: {
        name: 'Joan Només Abans',
        email: 'joan.abans@reus.example',
        phone: '600000009',
        municipality: p.councils.olot.id,
        topics: [topic],
        capacity: 2,
        available: true,
      } as never,
    })
    const offer = (edition: ID, review: string) =>
      app.payload.create({
        collection: 'mentor-offers',
        data: { mentor: mentor.id, edition, topics: [topic], capacity: 1, available: true, review },
      } as never) as Promise<{ id: ID }>
    await offer(p.closedEdition.id, 'accepted')
    expect(await offered()).toBe(before)
    // This call's offer counts once the secretariat has accepted it.
    const current = await offer(p.edition.id, 'submitted')
    expect(await offered()).toBe(before)
    await app.payload.update({
      collection: 'mentor-offers',
      id: current.id,
      data: { review: 'accepted' },
    } as never)
    expect(await offered()).toBe((before as number) + 1)
  })

  it('downloads the same figures as a CSV for a spreadsheet', async () => {
    const [from, to] = [daysAgo(500), daysAgo(0)]
    const json = (await report(`from=${from}&to=${to}`)).body
    const csv = await fetch(`${server.url}/api/mentoria/report?from=${from}&to=${to}&format=csv`, {
      headers: { Authorization: `JWT ${p.tokens.secretariat}` },
    })
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(csv.headers.get('content-disposition')).toBe(
      `attachment; filename="informe-mentoria-${from}-${to}.csv"`,
    )
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines.slice(0, 3)).toEqual(['Indicador,Valor', `Des de,${from}`, `Fins a,${to}`])
    expect(lines).toContain(`Sol·licituds rebudes,${json.applications}`)
    expect(lines).toContain(`Mentories completades,${json.completed}`)
    expect(lines).toContain(`Acompanyaments en curs en algun moment del període,${json.inProgress}`)
    expect(lines).toContain(`Trobades fetes,${json.meetings.total}`)
  })

  it('shows the figures on a printable admin page with the CSV link, or says which date is wrong', async () => {
    const [from, to] = [daysAgo(500), daysAgo(0)]
    const json = (await report(`from=${from}&to=${to}`)).body
    const html = renderToStaticMarkup(
      createElement(PeriodReportContent, { asked: { from, to }, report: json, now: new Date() }),
    )
    expect(html).toContain('Informe d&#x27;un període')
    expect(html).toMatch(
      new RegExp(
        `data-figure="completed"><th scope="row">Mentories completades</th><td class="number">${json.completed}</td>`,
      ),
    )
    expect(html).toMatch(
      new RegExp(`data-figure="inProgress">.*?<td class="number">${json.inProgress}</td>`),
    )
    expect(html).toContain(`href="/api/mentoria/report?from=${from}&amp;to=${to}&amp;format=csv"`)
    expect(html).toContain('Imprimeix o desa en PDF')
    const wrong = parsePeriod('2026-03-01', '2026-02-01')
    if (wrong.ok) throw new Error('expected a refusal')
    const refused = renderToStaticMarkup(
      createElement(PeriodReportContent, {
        asked: { from: '2026-03-01', to: '2026-02-01' },
        error: wrong.message,
        now: new Date(),
      }),
    )
    expect(refused).toContain('role="alert"')
    expect(refused).toContain('«Fins a» ha de ser el mateix dia que «Des de» o després')
    expect(refused).not.toContain('data-figure=')
  })
})
