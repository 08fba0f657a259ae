import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { countingMeetingsOf } from '../../src/jobs/reminders'
import { mentoriaOptionsOf } from '../../src/plugin'
import { countQualifyingMeetings, type MeetingFact } from '../../src/rules/meetings'
import { programmeDay } from '../../src/rules/reminders'
import { type ID, memoryEmail, type Programme, setupProgramme } from '../helpers/fixtures'
import { type HttpApp, startHttpApp } from '../helpers/http'

/**
 * R7 said once (issue 19): on the same meetings, recorded over HTTP by the mentor, the counter stored on
 * the pairing (what the console's summary filters on), the daily round's count (the «no meeting yet»
 * reminder) and the summary's «in progress without the required meetings» all agree with the rule's
 * `countQualifyingMeetings`: a held in-person meeting counts; a held online one, a planned one and a
 * cancelled one do not. The clock is fixed (Date only).
 */
let web: HttpApp
let p: Programme
let pairingId: ID
const email = memoryEmail()
const NOW = '2027-03-20T09:00:00Z'
const as = (token: string) => ({ token })
const START = '2027-02-01T12:00:00.000Z'

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date(NOW))
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
      startDate: START,
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

const options = () => mentoriaOptionsOf(web.app.config)

async function record(data: Record<string, unknown>): Promise<ID> {
  const answer = await web.request(
    'POST',
    '/api/meetings',
    { pairing: pairingId, ...data },
    as(p.tokens.mentor),
  )
  expect(answer.status, JSON.stringify(answer.body)).toBe(201)
  return answer.body.doc.id
}

/** The four figures: the rule on the stored meetings, the stored counter, the round's count, and the summary's figure. */
async function figures() {
  const { docs } = await web.app.payload.find({
    collection: 'meetings',
    where: { pairing: { equals: pairingId } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const today = programmeDay(new Date())
  const rule = countQualifyingMeetings(
    docs as unknown as MeetingFact[],
    { startDate: START, closingDate: today },
    options().countingModalities,
  )
  const stored =
    (await web.app.payload.findByID({ collection: 'pairings', id: pairingId, depth: 0 }))
      .countedMeetings ?? 0
  const reminders = (
    await countingMeetingsOf(
      web.app.payload,
      options(),
      [{ id: pairingId, startDate: START }],
      today,
    )
  ).get(String(pairingId))
  const summary = await web.request(
    'GET',
    `/api/editions/${p.edition.id}/summary`,
    undefined,
    as(p.tokens.secretariat),
  )
  expect(summary.status, JSON.stringify(summary.body)).toBe(200)
  return {
    rule,
    stored,
    reminders,
    withoutRequired: summary.body.pairings.activeWithoutRequiredMeetings as number,
  }
}

describe('R7: the counter, the reminders and the summary count as the rule does', () => {
  it('a held in-person meeting counts; a held online one, a planned one and a cancelled one do not', async () => {
    expect(options().countingModalities).toEqual(['in_person'])
    expect(options().requiredMeetings).toBe(2)
    await record({ status: 'held', date: '2027-02-20T10:00:00.000Z', modality: 'in_person' })
    await record({ status: 'held', date: '2027-03-01T10:00:00.000Z', modality: 'online' })
    await record({ status: 'planned', date: '2027-04-10T10:00:00.000Z', modality: 'in_person' })
    const cancelled = await record({
      status: 'planned',
      date: '2027-04-20T10:00:00.000Z',
      modality: 'in_person',
    })
    const answer = await web.request(
      'PATCH',
      `/api/meetings/${cancelled}`,
      { status: 'cancelled' },
      as(p.tokens.mentor),
    )
    expect(answer.status, JSON.stringify(answer.body)).toBe(200)

    expect(await figures()).toEqual({ rule: 1, stored: 1, reminders: 1, withoutRequired: 1 })
  })

  it('a second held in-person meeting: all say two, and the pairing leaves the summary’s «without the required meetings»', async () => {
    await record({ status: 'held', date: '2027-03-15T10:00:00.000Z', modality: 'in_person' })
    expect(await figures()).toEqual({ rule: 2, stored: 2, reminders: 2, withoutRequired: 0 })
  })

  it('a meeting on the first day counts for the round too, whatever the hour the start was stored at', async () => {
    // Stored late in the (UTC) day, as a REST client may send it; the rule compares calendar days.
    const start = '2027-02-01T23:30:00.000Z'
    const other = await web.app.payload.db.create({
      collection: 'pairings',
      data: {
        edition: p.edition.id,
        mentor: p.mentor.id,
        candidate: p.otherCandidate.id,
        status: 'active',
        title: 'Laia → Marta',
        startDate: start,
        endDate: '2027-12-31T12:00:00.000Z',
      },
    })
    const answer = await web.request(
      'POST',
      '/api/meetings',
      {
        pairing: other.id,
        status: 'held',
        date: '2027-02-01T12:00:00.000Z',
        modality: 'in_person',
      },
      as(p.tokens.secretariat),
    )
    expect(answer.status, JSON.stringify(answer.body)).toBe(201)
    const { docs } = await web.app.payload.find({
      collection: 'meetings',
      where: { pairing: { equals: other.id } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    const today = programmeDay(new Date())
    const rule = countQualifyingMeetings(
      docs as unknown as MeetingFact[],
      { startDate: start, closingDate: today },
      options().countingModalities,
    )
    const stored =
      (await web.app.payload.findByID({ collection: 'pairings', id: other.id, depth: 0 }))
        .countedMeetings ?? 0
    const reminders = (
      await countingMeetingsOf(
        web.app.payload,
        options(),
        [{ id: other.id, startDate: start }],
        today,
      )
    ).get(String(other.id))
    expect({ rule, stored, reminders }).toEqual({ rule: 1, stored: 1, reminders: 1 })
    // The first pairing has its two meetings; this one has one of two.
    expect((await figures()).withoutRequired).toBe(1)
  })
})
