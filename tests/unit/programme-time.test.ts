import { describe, expect, it } from 'vitest'

import { programmeTimeToISO, programmeToday } from '../../src/rules/programme-time'

describe('programme time (Europe/Madrid), whatever the computer’s zone', () => {
  it('reads a typed hour as Catalan time, in winter and in summer', () => {
    expect(programmeTimeToISO('2026-12-13', '17:30')).toBe('2026-12-13T16:30:00.000Z')
    expect(programmeTimeToISO('2026-07-01', '09:00')).toBe('2026-07-01T07:00:00.000Z')
  })

  it('on the days the clocks change', () => {
    // 29 March 2026: 02:00 → 03:00; 25 October 2026: 03:00 → 02:00.
    expect(programmeTimeToISO('2026-03-29', '01:30')).toBe('2026-03-29T00:30:00.000Z')
    expect(programmeTimeToISO('2026-03-29', '10:00')).toBe('2026-03-29T08:00:00.000Z')
    expect(programmeTimeToISO('2026-10-25', '10:00')).toBe('2026-10-25T09:00:00.000Z')
  })

  it('today is Catalonia’s day, not UTC’s', () => {
    expect(programmeToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01')
    expect(programmeToday(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30')
  })
})
