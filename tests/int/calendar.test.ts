import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { type ID, memoryEmail, PASSWORD, type Programme, setupProgramme } from '../helpers/fixtures'
import { type HttpApp, startHttpApp } from '../helpers/http'

/**
 * A person's private calendar, `/calendari/<token>.ics`, over HTTP through the real Express app: made
 * and renewed from the person's own session, read with no session (the token is the key), parsed with
 * a real iCalendar parser; it shows only the person's own pairings, and a renewed token's old link is
 * gone at once (404). The clock is fixed (Date only).
 */
let web: HttpApp
let p: Programme
let own: { id: ID }
let foreign: { id: ID }
let ownMeeting: ID
let foreignMeeting: ID
const as = (token: string) => ({ token })

const tokenOf = (url: string) => {
  const match = url.match(/\/calendari\/([A-Za-z0-9_-]+)\.ics$/)
  if (!match) throw new Error(`not a calendar address: ${url}`)
  return match[1]
}

function eventsOf(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  const vtimezone = calendar.getFirstSubcomponent('vtimezone')
  if (vtimezone) ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone))
  return calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent))
}

const newAddress = async (token: string) => {
  const answer = await web.request('POST', '/api/mentoria/calendari-nou', undefined, as(token))
  expect(answer.status, JSON.stringify(answer.body)).toBe(200)
  return String(answer.body.url)
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2027-03-20T09:00:00Z'))
  web = await startHttpApp({ email: memoryEmail().adapter })
  p = await setupProgramme(web.app, { mentorCapacity: 3 })
  const { payload } = web.app
  const other = await payload.create({
    collection: 'mentors',
    data: {
      name: 'Aliena Mentora',
      email: 'aliena@olot.example',
      municipality: p.councils.sabadell.id,
      topics: ['estrategia-ess'],
      capacity: 3,
      available: true,
    } as never,
  })
  const active = (mentor: ID, candidate: ID, title: string) =>
    payload.db.create({
      collection: 'pairings',
      data: {
        edition: p.edition.id,
        mentor,
        candidate,
        status: 'active',
        title,
        startDate: '2027-02-01T12:00:00.000Z',
        endDate: '2027-12-31T12:00:00.000Z',
        agreement: { objectives: 'Pla', activities: 'Visites', calendar: 'Març–desembre' },
      },
    })
  own = await active(p.mentor.id, p.candidate.id, 'Laia → Pau')
  foreign = await active(other.id, p.otherCandidate.id, 'Aliena → Marta')
  const plan = (pairing: ID, date: string, place: string) =>
    payload.create({
      collection: 'meetings',
      data: {
        pairing,
        status: 'planned',
        date,
        modality: 'in_person',
        place,
        durationMinutes: 90,
      } as never,
    })
  ownMeeting = (await plan(own.id, '2027-03-28T08:00:00.000Z', 'Ajuntament de Sabadell')).id
  foreignMeeting = (
    await plan(foreign.id, '2027-04-02T08:00:00.000Z', 'Ajuntament d’Olot, lloc confidencial')
  ).id
})

afterAll(async () => {
  await web?.close()
  vi.useRealTimers()
})

describe('/calendari/<token>.ics', () => {
  let mentorUrl: string

  it('a person gets their address from their session; without one, no address', async () => {
    const anonymous = await web.request('POST', '/api/mentoria/calendari-nou')
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.errors[0].message).toMatch(/Cal iniciar la sessió/)
    mentorUrl = await newAddress(p.tokens.mentor)
    expect(mentorUrl).toMatch(/\/calendari\/[A-Za-z0-9_-]{43}\.ics$/)
    // Only the hash is kept.
    const stored = await web.app.payload.db.findOne<{ id: ID; calendarTokenHash?: string }>({
      collection: 'users',
      where: { id: { equals: p.users.mentorUser.id } },
    })
    expect(stored?.calendarTokenHash).toMatch(/^[0-9a-f]{64}$/)
    expect(stored?.calendarTokenHash).not.toContain(tokenOf(mentorUrl))
  })

  it('shows the person’s planned meetings (10:00 in Madrid), the agreed end and the evaluation due date, and nobody else’s', async () => {
    const answer = await web.request('GET', `/calendari/${tokenOf(mentorUrl)}.ics`)
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toMatch(/^text\/calendar/)
    expect(answer.headers.get('cache-control')).toBe('no-store')
    const events = eventsOf(answer.text)
    const meeting = events.find((event) => event.uid.startsWith(`trobada-${ownMeeting}@`))
    expect(meeting?.startDate.toString()).toBe('2027-03-28T10:00:00')
    expect(meeting?.startDate.toJSDate().toISOString()).toBe('2027-03-28T08:00:00.000Z')
    expect(meeting?.location).toBe('Ajuntament de Sabadell')
    const end = events.find((event) => event.uid.startsWith(`final-${own.id}@`))
    expect(end?.startDate.toString()).toBe('2027-12-31')
    expect(end?.summary).toContain('Pau Mentorat')
    expect(events.some((event) => event.uid.startsWith(`valoracio-${own.id}-mentor@`))).toBe(true)
    // Nothing of the other pairing.
    expect(
      events.some(
        (event) =>
          event.uid.includes(`-${foreign.id}@`) ||
          event.uid.startsWith(`trobada-${foreignMeeting}@`),
      ),
    ).toBe(false)
    expect(answer.text).not.toContain('confidencial')
    expect(answer.text).not.toContain('Marta')
  })

  it('the other pairing’s mentee sees only theirs; the pairing’s mentee sees the same meeting as the mentor', async () => {
    const otherToken = await web.login('altra@xmess.example', PASSWORD)
    const otherEvents = eventsOf(
      (await web.request('GET', new URL(await newAddress(otherToken)).pathname)).text,
    )
    expect(
      otherEvents.map((event) => event.uid).filter((uid) => uid.startsWith('trobada-')),
    ).toEqual([expect.stringMatching(new RegExp(`^trobada-${foreignMeeting}@`))])
    const menteeEvents = eventsOf(
      (await web.request('GET', new URL(await newAddress(p.tokens.mentee)).pathname)).text,
    )
    expect(menteeEvents.some((event) => event.uid.startsWith(`trobada-${ownMeeting}@`))).toBe(true)
    expect(menteeEvents.some((event) => event.uid.startsWith(`valoracio-${own.id}-mentee@`))).toBe(
      true,
    )
    expect(menteeEvents.some((event) => event.uid.startsWith(`trobada-${foreignMeeting}@`))).toBe(
      false,
    )
  })

  it('renewing stops the old address at once (404, in Catalan); the new one works', async () => {
    const renewed = await newAddress(p.tokens.mentor)
    const old = await web.request('GET', `/calendari/${tokenOf(mentorUrl)}.ics`)
    expect(old.status).toBe(404)
    expect(old.text).toMatch(/Aquest calendari no existeix o el seu enllaç s'ha renovat/)
    expect((await web.request('GET', `/calendari/${tokenOf(renewed)}.ics`)).status).toBe(200)
  })

  it('an unknown or malformed token is a 404, never a 500', async () => {
    for (const path of [
      '/calendari/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics',
      '/calendari/x.ics',
      '/api/mentoria/calendari/x',
      '/api/mentoria/calendari/%2e%2e.ics',
    ]) {
      const answer = await web.request('GET', path)
      expect(answer.status, path).toBe(404)
    }
  })
})
