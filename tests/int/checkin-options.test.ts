import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { memoryEmail, type Programme, setupProgramme } from '../helpers/fixtures'
import { type HttpApp, startHttpApp } from '../helpers/http'

/**
 * The check-in days are plugin options (README): with `checkins.firstContactDays: 3` the secretariat's
 * «send now» asks the mentor about the first contact 3 days after accepting, not 10. Clock fixed.
 */
let web: HttpApp
let p: Programme
const email = memoryEmail()

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2027-03-20T09:00:00Z'))
  web = await startHttpApp({ email: email.adapter, plugin: { checkins: { firstContactDays: 3 } } })
  p = await setupProgramme(web.app, { mentorCapacity: 3 })
  await web.app.payload.db.create({
    collection: 'pairings',
    data: {
      edition: p.edition.id,
      mentor: p.mentor.id,
      candidate: p.candidate.id,
      status: 'accepted',
      title: 'Laia → Pau',
      answeredAt: '2027-03-16T10:00:00.000Z',
    },
  })
})

afterAll(async () => {
  await web?.close()
  vi.useRealTimers()
})

describe('checkins.firstContactDays', () => {
  it('asks about the first contact after the configured days', async () => {
    const run = await web.request(
      'POST',
      '/api/mentoria/reminders/run',
      {},
      { token: p.tokens.secretariat },
    )
    expect(run.status, run.text).toBe(200)
    expect(run.body.checkins).toBe(1)
    const { docs } = await web.app.payload.find({ collection: 'checkins', depth: 0 })
    expect(docs.map((doc) => `${doc.kind}:${doc.party}`)).toEqual(['first-contact:mentor'])
  })
})
