import { afterEach, describe, expect, it, vi } from 'vitest'

import { seed } from '../../seed'
import { startTestApp, type TestApp } from '../helpers/payload'

/**
 * `npm run demo` works whatever today is (the README's first command). The demo's accompaniments are
 * placed around the current edition; seeded in September or October, this year's first meeting and
 * last year's closing fell in the future and the rules refused them, so the demo failed from 1
 * September to 20 November. The clock the rules read is set to each day here (only `Date` is faked).
 */
const DAYS = [
  '2027-09-01T07:30:00Z', // the day applications open
  '2027-10-14T12:00:00Z', // matching time: last year's accompaniments not ended yet
  '2027-11-15T09:00:00Z', // this year's accompaniments starting
  '2028-02-29T10:00:00Z', // the leap day
]

let app: TestApp | undefined
afterEach(async () => {
  vi.useRealTimers()
  await app?.close()
  app = undefined
})

describe('the demo data, seeded on any day of the year', () => {
  for (const day of DAYS) {
    it(`seeds on ${day.slice(0, 10)}`, async () => {
      vi.useFakeTimers({ toFake: ['Date'] })
      vi.setSystemTime(new Date(day))
      app = await startTestApp()
      const summary = await seed(app.payload)
      expect(summary.created).toBeGreaterThan(30)
      const meetings = await app.payload.find({ collection: 'meetings', pagination: false })
      expect(meetings.docs.length).toBeGreaterThan(0)
      for (const meeting of meetings.docs) expect(Date.parse(meeting.date)).toBeLessThan(Date.now())
    }, 120_000)
  }
})
