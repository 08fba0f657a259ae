import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { runCheckinsRound } from '../../src/jobs/checkins'
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
 * Check-ins (DOMAIN.md): the daily round asks the mentor «has the mentee contacted you?» 10 days after
 * accepting, and both «how is it going?» halfway; each goes out once however many rounds run at once;
 * a click on the signed link opens the answer page and its button stores the answer, once; a forged or
 * reused link is refused; the answers are the secretariat's alone (R13) on every path. Over HTTP
 * through the real Express app; the clock is fixed (Date only).
 */
let web: HttpApp
let p: Programme
const email = memoryEmail()
let accepted: { id: ID }
let halfway: { id: ID }
const as = (token: string) => ({ token })

const linksIn = (text: string) =>
  [...text.matchAll(/https?:\/\/\S+\/seguiment\?token=(\S+)/g)].map((match) =>
    decodeURIComponent(match[1]),
  )
const mailTo = (address: string, subject: RegExp) =>
  email.sent.filter((sent) => String(sent.to) === address && subject.test(String(sent.subject)))

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2027-03-20T09:00:00Z'))
  web = await startHttpApp({ email: email.adapter })
  p = await setupProgramme(web.app, { mentorCapacity: 3 })
  const { db } = web.app.payload
  // Accepted 11 days ago, not started yet: the mentor is asked about the first contact.
  accepted = await db.create({
    collection: 'pairings',
    data: {
      edition: p.edition.id,
      mentor: p.mentor.id,
      candidate: p.otherCandidate.id,
      status: 'accepted',
      title: 'Laia → Marta',
      answeredAt: '2027-03-09T10:00:00.000Z',
    },
  })
  // Active, started in November, ends in July: halfway has come; accepted long ago (no first-contact any more).
  halfway = await db.create({
    collection: 'pairings',
    data: {
      edition: p.edition.id,
      mentor: p.mentor.id,
      candidate: p.candidate.id,
      status: 'active',
      title: 'Laia → Pau',
      answeredAt: '2026-10-20T10:00:00.000Z',
      startDate: '2026-11-01T12:00:00.000Z',
      endDate: '2027-07-01T12:00:00.000Z',
      agreement: { objectives: 'Pla', activities: 'Visites', calendar: 'Curs' },
    },
  })
})

afterAll(async () => {
  await web?.close()
  vi.useRealTimers()
})

describe('check-ins', () => {
  it('go out once per occasion, even with two rounds at the same time', async () => {
    const [first, second] = await Promise.all([
      runCheckinsRound(web.app.payload),
      runCheckinsRound(web.app.payload),
    ])
    expect(first.sent + second.sent).toBe(3)
    expect((await runCheckinsRound(web.app.payload)).sent).toBe(0)
    await deliverMail(web.app)
    const { docs } = await web.app.payload.find({ collection: 'checkins', depth: 0, sort: 'key' })
    expect(docs.map((doc) => `${doc.pairing}:${doc.kind}:${doc.party}`).sort()).toEqual(
      [
        `${accepted.id}:first-contact:mentor`,
        `${halfway.id}:midterm:mentee`,
        `${halfway.id}:midterm:mentor`,
      ].sort(),
    )
    expect(mailTo('laia@sabadell.example', /Ja us ha contactat/)).toHaveLength(1)
    expect(mailTo('laia@sabadell.example', /Com va la mentoria/)).toHaveLength(1)
    expect(mailTo('pau@vilafranca.example', /Com va la mentoria/)).toHaveLength(1)
    expect(
      linksIn(String(mailTo('laia@sabadell.example', /Ja us ha contactat/)[0].text)),
    ).toHaveLength(2)
    expect(
      linksIn(String(mailTo('pau@vilafranca.example', /Com va la mentoria/)[0].text)),
    ).toHaveLength(5)
    // The stored copy of the email keeps no working link.
    await new Promise((resolve) => setTimeout(resolve, 50))
    const stored = await web.app.payload.find({
      collection: 'sent-emails' as never,
      where: { subject: { contains: 'Ja us ha contactat' } } as never,
    })
    expect(JSON.stringify(stored.docs)).not.toContain(
      linksIn(String(mailTo('laia@sabadell.example', /Ja us ha contactat/)[0].text))[0],
    )
  })

  it('a click opens the page (nothing stored yet); its button stores the answer, once', async () => {
    const notYet = linksIn(String(mailTo('laia@sabadell.example', /Ja us ha contactat/)[0].text))[1]
    const page = await web.request('GET', `/seguiment?token=${encodeURIComponent(notYet)}`)
    expect(page.status).toBe(200)
    expect(page.text).toContain('Encara no')
    expect(page.text).toContain('Envia la resposta')
    const before = await web.app.payload.find({
      collection: 'checkins',
      where: { kind: { equals: 'first-contact' } },
    })
    expect(before.docs[0].answer ?? null).toBeNull()

    const answer = await web.request(
      'POST',
      '/seguiment',
      `token=${encodeURIComponent(notYet)}&comment=${encodeURIComponent('Encara no ha trucat')}`,
      {
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      },
    )
    expect(answer.status, answer.text).toBe(200)
    expect(answer.text).toContain('Hem rebut la vostra resposta')
    const stored = (
      await web.app.payload.find({
        collection: 'checkins',
        where: { kind: { equals: 'first-contact' } },
      })
    ).docs[0]
    expect([stored.answer, stored.comment]).toEqual(['not-yet', 'Encara no ha trucat'])
    expect(stored.answeredAt).toBeTruthy()

    // The same link, or the other answer's link, again: refused, nothing changes.
    const yes = linksIn(String(mailTo('laia@sabadell.example', /Ja us ha contactat/)[0].text))[0]
    for (const token of [notYet, yes]) {
      const again = await web.request('POST', '/seguiment', { token, comment: 'canvio' })
      expect(again.status).toBe(409)
      expect(again.text).toContain('Aquesta pregunta ja té resposta')
    }
    expect(
      (
        await web.app.payload.find({
          collection: 'checkins',
          where: { kind: { equals: 'first-contact' } },
        })
      ).docs[0].answer,
    ).toBe('not-yet')
  })

  it('a forged link is refused, in Catalan', async () => {
    const link = linksIn(String(mailTo('pau@vilafranca.example', /Com va la mentoria/)[0].text))[3]
    const [body, signature] = link.split('.')
    const other = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
    const forgedBody = Buffer.from(JSON.stringify({ ...other, a: '5' })).toString('base64url')
    for (const token of [
      `${forgedBody}.${signature}`,
      `${body}.${signature.slice(0, -2)}AA`,
      'res',
      '',
    ]) {
      const get = await web.request('GET', `/seguiment?token=${encodeURIComponent(token)}`)
      expect(get.status, token).toBe(400)
      expect(get.text).toContain('enllaç no és vàlid')
      expect((await web.request('POST', '/seguiment', { token })).status).toBe(400)
    }
    const real = await web.request('POST', '/seguiment', { token: link })
    expect(real.status).toBe(200)
  })

  it('the answers reach the secretariat only: never a party, on REST, GraphQL or their pages', async () => {
    for (const token of [p.tokens.mentor, p.tokens.mentee, p.tokens.otherMentee]) {
      const list = await web.request('GET', '/api/checkins', undefined, as(token))
      expect(list.status).toBe(403)
      const byPairing = await web.request(
        'GET',
        `/api/checkins?where[pairing][equals]=${halfway.id}`,
        undefined,
        as(token),
      )
      expect(byPairing.status).toBe(403)
      const gql = await web.graphql('{ Checkins { docs { answer comment } } }', { token })
      expect(JSON.stringify(gql.body)).not.toContain('not-yet')
      expect(JSON.stringify(gql.body)).not.toContain('Encara no ha trucat')
      const pairing = await web.request(
        'GET',
        `/api/pairings/${accepted.id}?depth=2`,
        undefined,
        as(token),
      )
      expect(pairing.text).not.toContain('Encara no ha trucat')
    }
    expect((await web.request('GET', '/api/checkins', undefined)).status).toBe(403)
    const secretariat = await web.request(
      'GET',
      `/api/checkins?where[kind][equals]=first-contact`,
      undefined,
      as(p.tokens.secretariat),
    )
    expect(secretariat.status).toBe(200)
    expect(secretariat.body.docs[0].answer).toBe('not-yet')
    expect(secretariat.body.docs[0].nonce).toBeUndefined()
    // Nobody, not even the secretariat, writes an answer by hand.
    expect(
      (
        await web.request(
          'PATCH',
          `/api/checkins/${secretariat.body.docs[0].id}`,
          { answer: 'yes' },
          as(p.tokens.secretariat),
        )
      ).status,
    ).toBe(403)
  })

  it("the console's at-risk list shows the pairing whose mentor answered «not yet», to the secretariat only", async () => {
    const work = await web.request(
      'GET',
      '/api/editions/open-work',
      undefined,
      as(p.tokens.secretariat),
    )
    expect(work.status, work.text).toBe(200)
    const risky = (
      work.body.atRisk as { id: ID; title: string; risks: { reason: string; party: string }[] }[]
    ).find((pairing) => String(pairing.id) === String(accepted.id))
    expect(risky?.title).toBe('Laia → Marta')
    expect(risky?.risks).toEqual([
      expect.objectContaining({ reason: 'no-first-contact', party: 'mentor' }),
    ])
    // A halfway answer of 4 is no risk; the mentor's unanswered halfway question is one only once `noAnswerDays` (7) have passed.
    expect(
      (work.body.atRisk as { id: ID }[]).some(
        (pairing) => String(pairing.id) === String(halfway.id),
      ),
    ).toBe(false)
    vi.setSystemTime(new Date('2027-03-28T09:00:00Z'))
    try {
      // A week later the morning's session has expired: signed in again.
      const later = await web.request(
        'GET',
        '/api/editions/open-work',
        undefined,
        as(await web.login('secretaria@xmess.example', PASSWORD)),
      )
      expect(later.status, later.text).toBe(200)
      const silent = (
        later.body.atRisk as { id: ID; risks: { reason: string; party: string }[] }[]
      ).find((pairing) => String(pairing.id) === String(halfway.id))
      expect(silent?.risks).toEqual([
        expect.objectContaining({ reason: 'no-answer', party: 'mentor' }),
      ])
    } finally {
      vi.setSystemTime(new Date('2027-03-20T09:00:00Z'))
      // Signing in a week later swept the morning's session away: a fresh one for the tests that follow.
      p.tokens.secretariat = await web.login('secretaria@xmess.example', PASSWORD)
    }
    for (const token of [p.tokens.mentor, p.tokens.mentee]) {
      const refused = await web.request('GET', '/api/editions/open-work', undefined, as(token))
      expect(refused.status).toBe(403)
      expect(refused.text).not.toContain('no-first-contact')
    }
  })

  it("each person's data export has their own check-in answers, never the other party's", async () => {
    const mentor = await web.request(
      'GET',
      '/api/mentoria/people/export?email=laia@sabadell.example',
      undefined,
      as(p.tokens.secretariat),
    )
    expect(mentor.status, mentor.text).toBe(200)
    const theirs = (
      mentor.body.checkins as { kind: string; party: string; answer?: string | null }[]
    )
      .map((checkin) => `${checkin.kind}:${checkin.party}:${checkin.answer ?? ''}`)
      .sort()
    expect(theirs).toEqual(['first-contact:mentor:not-yet', 'midterm:mentor:'])
    const mentee = await web.request(
      'GET',
      '/api/mentoria/people/export?email=pau@vilafranca.example',
      undefined,
      as(p.tokens.secretariat),
    )
    expect(
      (mentee.body.checkins as { party: string; answer?: string }[]).map(
        (checkin) => `${checkin.party}:${checkin.answer}`,
      ),
    ).toEqual(['mentee:4'])
    expect(mentee.text).not.toContain('Encara no ha trucat')
  })

  it('erasing a person takes their address and comment out of their check-ins; the answers stay counted', async () => {
    const theirs = await web.app.payload.find({
      collection: 'checkins',
      where: { to: { equals: 'pau@vilafranca.example' } },
    })
    expect(theirs.docs).toHaveLength(1)
    const erase = await web.request(
      'POST',
      '/api/mentoria/people/erase',
      { email: 'pau@vilafranca.example' },
      as(p.tokens.secretariat),
    )
    expect(erase.status, JSON.stringify(erase.body)).toBe(200)
    const after = await web.app.payload.findByID({ collection: 'checkins', id: theirs.docs[0].id })
    expect(after.to).not.toContain('pau@')
    expect(after.answer).toBe('4')
    expect(await web.app.payload.count({ collection: 'checkins' })).toEqual({ totalDocs: 3 })
  })
})
