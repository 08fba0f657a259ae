import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { loadMyMentoring } from '../../src/admin/my-mentoring/data'
import { type ID, memoryEmail, type Programme, setupProgramme } from '../helpers/fixtures'
import { type HttpApp, startHttpApp } from '../helpers/http'

/**
 * Certificates of participation, over HTTP through the real Express app: each party of a completed
 * pairing finds theirs on their page; `/certificat/<code>` shows it to anyone with the code (nothing
 * more), counting the hours of held meetings only; an unknown or forged code, a pairing not completed,
 * or a person erased is a 404 that says so in Catalan.
 */
let web: HttpApp
let p: Programme
let completed: { id: ID }
let active: { id: ID }
const urls: Record<string, string> = {}

const pathOf = (url: string) => new URL(url).pathname
const viewAs = async (userId: ID, pairing: ID) => {
  const user = await web.app.payload.findByID({ collection: 'users', id: userId, depth: 0 })
  const [view] = await loadMyMentoring(
    await createLocalReq({ user: { ...user, collection: 'users' } as never }, web.app.payload),
    String(pairing),
  )
  return view
}

beforeAll(async () => {
  web = await startHttpApp({ email: memoryEmail().adapter })
  p = await setupProgramme(web.app, { mentorCapacity: 3 })
  const { db } = web.app.payload
  const base = {
    edition: p.edition.id,
    mentor: p.mentor.id,
    agreement: { objectives: 'Pla', activities: 'Visites', calendar: 'Tot el curs' },
  }
  completed = await db.create({
    collection: 'pairings',
    data: {
      ...base,
      candidate: p.candidate.id,
      status: 'completed',
      title: 'Laia → Pau',
      startDate: '2026-11-10T12:00:00.000Z',
      endDate: '2027-09-30T12:00:00.000Z',
      closing: {
        closingDate: '2027-06-20T12:00:00.000Z',
        menteeEvaluation: { rating: 5, comments: 'Molt útil' },
      },
    },
  })
  active = await db.create({
    collection: 'pairings',
    data: {
      ...base,
      candidate: p.otherCandidate.id,
      status: 'active',
      title: 'Laia → Marta',
      startDate: '2026-11-10T12:00:00.000Z',
      endDate: '2027-09-30T12:00:00.000Z',
    },
  })
  const meeting = (data: Record<string, unknown>) =>
    db.create({
      collection: 'meetings',
      data: { pairing: completed.id, modality: 'in_person', ...data },
    })
  await meeting({ status: 'held', date: '2026-12-01T09:00:00.000Z', durationMinutes: 90 })
  await meeting({
    status: 'held',
    date: '2027-02-01T09:00:00.000Z',
    durationMinutes: 60,
    modality: 'online',
  })
  await meeting({ status: 'held', date: '2027-03-01T09:00:00.000Z', durationMinutes: 45 })
  // Neither counts: one never happened, one is still only planned.
  await meeting({ status: 'cancelled', date: '2027-04-01T09:00:00.000Z', durationMinutes: 120 })
  await meeting({ status: 'planned', date: '2027-06-25T09:00:00.000Z', durationMinutes: 240 })
  await db.create({
    collection: 'meetings',
    data: {
      pairing: active.id,
      modality: 'in_person',
      status: 'held',
      date: '2026-12-02T09:00:00.000Z',
      durationMinutes: 600,
    },
  })
})

afterAll(async () => {
  await web?.close()
})

describe('certificate of participation', () => {
  it('each party of a completed pairing finds theirs on their page; an active pairing has none', async () => {
    const mentorView = await viewAs(p.users.mentorUser.id, completed.id)
    const menteeView = await viewAs(p.users.menteeUser.id, completed.id)
    expect(mentorView.certificateUrl).toMatch(/\/certificat\/[^/]+-m-[A-Za-z0-9_-]{24}$/)
    expect(menteeView.certificateUrl).toMatch(/\/certificat\/[^/]+-e-[A-Za-z0-9_-]{24}$/)
    urls.mentor = String(mentorView.certificateUrl)
    urls.mentee = String(menteeView.certificateUrl)
    expect((await viewAs(p.users.mentorUser.id, active.id)).certificateUrl).toBeUndefined()
  })

  it('shows name, role, both councils, period, held meetings and their hours (held only), printable on A4, and nothing more', async () => {
    const answer = await web.request('GET', pathOf(urls.mentee))
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toMatch(/^text\/html/)
    const html = answer.text
    expect(html).toContain('<html lang="ca">')
    expect(html).toContain('Certificat de participació')
    expect(html).toContain('Pau Mentorat')
    expect(html).toContain('persona mentorada')
    expect(html).toContain('Ajuntament de Vilafranca del Penedès')
    expect(html).toContain('Ajuntament de Sabadell')
    expect(html).toContain('del 10 de novembre del 2026 al 20 de juny del 2027')
    // 90 + 60 + 45 minutes held; the cancelled and the planned meetings do not add up.
    expect(html).toMatch(/Trobades fetes<\/dt><dd>3<\/dd>/)
    expect(html).toContain('3,25 hores')
    expect(html).toContain('@page { size: A4')
    // Nothing but the certificate: not the other person, no contact data, no evaluation.
    for (const secret of [
      'Laia',
      'laia@sabadell.example',
      'pau@vilafranca.example',
      '600000002',
      'Molt útil',
    ])
      expect(html).not.toContain(secret)
    const mentor = await web.request('GET', pathOf(urls.mentor))
    expect(mentor.text).toContain('Laia Mentora')
    expect(mentor.text).toContain('persona mentora')
    expect(mentor.text).not.toContain('Pau')
  })

  // The person's language (`language` on mentors and candidates) decides by default; Catalan without one.
  it('in the person’s language, or another on request', async () => {
    const english = await web.request('GET', `${pathOf(urls.mentee)}?lang=en`)
    expect(english.text).toContain('<html lang="en">')
    expect(english.text).toContain('Certificate of participation')
    expect(english.text).toContain('3.25 hours')
    const spanish = await web.request('GET', `${pathOf(urls.mentee)}?lang=es`)
    expect(spanish.text).toContain('3,25 horas')
  })

  it('an unknown, forged or not completed code says so (404, in Catalan)', async () => {
    const [id, , mac] = decodeURIComponent(pathOf(urls.mentor).split('/').pop() as string).split(
      '-',
    )
    const forged = `${active.id}-m-${mac}`
    for (const code of [
      'no-existeix',
      `${id}-m-${'A'.repeat(24)}`,
      forged,
      `${id}-x-${mac}`,
      `${id}-m-${mac}x`,
    ]) {
      const answer = await web.request('GET', `/certificat/${code}`)
      expect(answer.status, code).toBe(404)
      expect(answer.text).toContain('No hi ha cap certificat vàlid amb aquest codi')
    }
  })

  it('erasing the person voids their certificate; the other party’s stays', async () => {
    const erase = await web.request(
      'POST',
      '/api/mentoria/people/erase',
      { email: 'pau@vilafranca.example' },
      { token: p.tokens.secretariat },
    )
    expect(erase.status, JSON.stringify(erase.body)).toBe(200)
    const voided = await web.request('GET', pathOf(urls.mentee))
    expect(voided.status).toBe(404)
    expect(voided.text).toContain('el certificat s’ha anul·lat')
    expect((await web.request('GET', pathOf(urls.mentor))).status).toBe(200)
  })
})
