import ICAL from 'ical.js'
import type { SendEmailOptions } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import {
  deliverMail,
  type ID,
  memoryEmail,
  PASSWORD,
  type Programme,
  setupProgramme,
} from '../helpers/fixtures'
import { type HttpApp, startHttpApp } from '../helpers/http'

/**
 * R7 with planned meetings, over HTTP as each party: a meeting planned ahead reaches both people as a
 * calendar invitation (RFC 5545, parsed here as a calendar application would), moved and cancelled
 * with the same UID and a higher SEQUENCE; it never counts until, once its day has come, either party
 * marks it held in one step. The clock is fixed (Date only) around the change to summer time.
 */
let web: HttpApp
let p: Programme
const email = memoryEmail()
let pairingId: ID
const as = (token: string) => ({ token })
const message = (answer: { body: { errors?: { message: string }[] } }) =>
  answer.body?.errors?.[0]?.message ?? ''
const setNow = (iso: string) => vi.setSystemTime(new Date(iso))

type Attachment = { filename: string; content: string; contentType: string }
const invitationsSince = (from: number) =>
  email.sent.slice(from).map((sent: SendEmailOptions) => ({
    to: String(sent.to),
    subject: String(sent.subject),
    text: String(sent.text),
    ics: ((sent.attachments ?? []) as Attachment[]).find((attachment) =>
      attachment.filename.endsWith('.ics'),
    ),
  }))

function parsed(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics))
  const vtimezone = calendar.getFirstSubcomponent('vtimezone')
  if (vtimezone) ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone))
  const vevent = calendar.getFirstSubcomponent('vevent')
  if (!vevent) throw new Error('no VEVENT')
  const event = new ICAL.Event(vevent)
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate,
    status: vevent.getFirstPropertyValue('status'),
  }
}

const counted = async () =>
  (await web.app.payload.findByID({ collection: 'pairings', id: pairingId, depth: 0 }))
    .countedMeetings ?? 0

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  setNow('2027-03-20T09:00:00Z')
  web = await startHttpApp({ email: email.adapter })
  p = await setupProgramme(web.app, { mentorCapacity: 3 })
  const pairing = await web.app.payload.db.create({
    collection: 'pairings',
    data: {
      edition: p.edition.id,
      mentor: p.mentor.id,
      candidate: p.candidate.id,
      status: 'active',
      title: 'Laia → Pau',
      startDate: '2027-02-01T12:00:00.000Z',
      endDate: '2027-12-31T12:00:00.000Z',
      agreement: { objectives: 'Pla', activities: 'Visites', calendar: 'Març–desembre' },
    },
  })
  pairingId = pairing.id
})

afterAll(async () => {
  await web?.close()
  vi.useRealTimers()
})

describe('planned meetings (R7) and their calendar invitations', () => {
  let meetingId: ID
  let uid: string

  it('a party plans a meeting: both people get the .ics invitation, 10:00 in Madrid after the change to summer time', async () => {
    const before = email.sent.length
    const answer = await web.request(
      'POST',
      '/api/meetings',
      {
        pairing: pairingId,
        status: 'planned',
        date: '2027-03-28T08:00:00.000Z',
        modality: 'in_person',
        place: 'Ajuntament de Sabadell, sala 3',
        durationMinutes: 90,
      },
      as(p.tokens.mentor),
    )
    expect(answer.status, JSON.stringify(answer.body)).toBe(201)
    meetingId = answer.body.doc.id
    await deliverMail(web.app)
    const sent = invitationsSince(before)
    expect(sent.map((mail) => mail.to).sort()).toEqual([
      'laia@sabadell.example',
      'pau@vilafranca.example',
    ])
    for (const mail of sent) {
      expect(mail.subject).toBe('[Mentoria XMESS] Trobada prevista')
      expect(mail.text).toContain('diumenge, 28 de març del 2027, a les 10:00')
      expect(mail.ics?.contentType).toContain('method=REQUEST')
      const event = parsed(String(mail.ics?.content))
      expect(event.method).toBe('REQUEST')
      expect(event.sequence).toBe(0)
      expect(event.start.toString()).toBe('2027-03-28T10:00:00')
      expect(event.start.toJSDate().toISOString()).toBe('2027-03-28T08:00:00.000Z')
      uid = event.uid
    }
    expect(sent.find((mail) => mail.to === 'pau@vilafranca.example')?.text).toContain(
      'Laia Mentora ha previst una trobada',
    )
    expect(sent.find((mail) => mail.to === 'laia@sabadell.example')?.text).toContain(
      'Heu previst una trobada',
    )
    // A planned meeting never counts for R7.
    expect(await counted()).toBe(0)
  })

  it('the stored copy of the email names the attachment and keeps nothing of it', async () => {
    await new Promise((resolve) => setTimeout(resolve, 50))
    const { docs } = await web.app.payload.find({
      collection: 'sent-emails' as never,
      where: { subject: { equals: '[Mentoria XMESS] Trobada prevista' } } as never,
    })
    expect(docs.length).toBe(2)
    for (const doc of docs as unknown as { text: string }[]) {
      expect(doc.text).toContain('[Adjunt: trobada-mentoria-xmess.ics]')
      expect(doc.text).not.toContain('BEGIN:VCALENDAR')
    }
  })

  it('only who planned it moves it: the other party is refused, the data unchanged', async () => {
    const answer = await web.request(
      'PATCH',
      `/api/meetings/${meetingId}`,
      { date: '2027-03-29T08:00:00.000Z' },
      as(p.tokens.mentee),
    )
    expect(answer.status).toBe(403)
    expect(message(answer)).toMatch(/Només qui ha previst la trobada/)
    const stored = await web.app.payload.findByID({ collection: 'meetings', id: meetingId })
    expect(stored.date).toBe('2027-03-28T08:00:00.000Z')
    expect(stored.sequence).toBe(0)
  })

  it('moved: the same UID, SEQUENCE 1, METHOD:REQUEST, to both', async () => {
    const before = email.sent.length
    const answer = await web.request(
      'PATCH',
      `/api/meetings/${meetingId}`,
      { date: '2027-03-29T15:30:00.000Z' },
      as(p.tokens.mentor),
    )
    expect(answer.status, JSON.stringify(answer.body)).toBe(200)
    await deliverMail(web.app)
    const sent = invitationsSince(before)
    expect(sent).toHaveLength(2)
    for (const mail of sent) {
      const event = parsed(String(mail.ics?.content))
      expect([mail.subject, event.method, event.uid, event.sequence]).toEqual([
        '[Mentoria XMESS] Trobada canviada',
        'REQUEST',
        uid,
        1,
      ])
      expect(event.start.toString()).toBe('2027-03-29T17:30:00')
    }
  })

  it('cannot be marked held before its day; a planned meeting cannot be set in the past', async () => {
    const early = await web.request(
      'PATCH',
      `/api/meetings/${meetingId}`,
      { status: 'held' },
      as(p.tokens.mentee),
    )
    expect(early.status).toBe(409)
    expect(message(early)).toMatch(/la podreu marcar com a feta a partir d'aquell dia/)
    const past = await web.request(
      'POST',
      '/api/meetings',
      {
        pairing: pairingId,
        status: 'planned',
        date: '2027-03-10T08:00:00.000Z',
        modality: 'in_person',
      },
      as(p.tokens.mentee),
    )
    expect(past.status).toBe(400)
    expect(message(past)).toMatch(/d'avui endavant/)
  })

  it('cancelled: the same UID, SEQUENCE raised again, METHOD:CANCEL', async () => {
    const planned = await web.request(
      'POST',
      '/api/meetings',
      {
        pairing: pairingId,
        status: 'planned',
        date: '2027-04-15T07:00:00.000Z',
        modality: 'online',
      },
      as(p.tokens.mentee),
    )
    expect(planned.status).toBe(201)
    await deliverMail(web.app)
    const moved = await web.request(
      'PATCH',
      `/api/meetings/${planned.body.doc.id}`,
      { place: 'Videotrucada' },
      as(p.tokens.mentee),
    )
    expect(moved.status).toBe(200)
    await deliverMail(web.app)
    const before = email.sent.length
    // Either party cancels it in one step (the mentor did not plan it).
    const cancelled = await web.request(
      'PATCH',
      `/api/meetings/${planned.body.doc.id}`,
      { status: 'cancelled' },
      as(p.tokens.mentor),
    )
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200)
    await deliverMail(web.app)
    const sent = invitationsSince(before)
    expect(sent).toHaveLength(2)
    for (const mail of sent) {
      const event = parsed(String(mail.ics?.content))
      expect([mail.subject, event.method, event.sequence, event.status]).toEqual([
        '[Mentoria XMESS] Trobada anul·lada',
        'CANCEL',
        2,
        'CANCELLED',
      ])
      expect(event.uid).not.toBe(uid)
      expect(mail.ics?.contentType).toContain('method=CANCEL')
    }
    const again = await web.request(
      'PATCH',
      `/api/meetings/${planned.body.doc.id}`,
      { status: 'planned' },
      as(p.tokens.mentee),
    )
    expect(again.status).toBe(409)
  })

  it('once its day has come, the other party marks it held in one step, and only then it counts', async () => {
    setNow('2027-03-30T09:00:00Z')
    // Ten days on, the sessions of the 20th have expired: both sign in again.
    p.tokens.mentee = await web.login('mentorada@xmess.example', PASSWORD)
    p.tokens.mentor = await web.login('mentora@xmess.example', PASSWORD)
    const meddling = await web.request(
      'PATCH',
      `/api/meetings/${meetingId}`,
      { status: 'held', summary: 'Canvio el resum' },
      as(p.tokens.mentee),
    )
    expect(meddling.status).toBe(403)
    const held = await web.request(
      'PATCH',
      `/api/meetings/${meetingId}`,
      { status: 'held' },
      as(p.tokens.mentee),
    )
    expect(held.status, JSON.stringify(held.body)).toBe(200)
    expect(held.body.doc.status).toBe('held')
    expect(await counted()).toBe(1)
    const back = await web.request(
      'PATCH',
      `/api/meetings/${meetingId}`,
      { status: 'planned' },
      as(p.tokens.mentor),
    )
    expect(back.status).toBe(409)
    expect(await counted()).toBe(1)
  })
})
