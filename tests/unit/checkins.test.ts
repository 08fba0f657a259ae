import { describe, expect, it } from 'vitest'

import { dueCheckins, halfwayDay } from '../../src/rules/checkins'

describe('which check-ins are due (Europe/Madrid days)', () => {
  const accepted = { id: 1, status: 'accepted', answeredAt: '2027-03-09T22:30:00.000Z' }
  it('first contact: to the mentor from 10 days after accepting (the day in Catalonia), for two weeks', () => {
    // Accepted at 23:30 in Madrid on 9 March: the tenth day after is 19 March.
    expect(dueCheckins(accepted, '2027-03-18')).toEqual([])
    expect(dueCheckins(accepted, '2027-03-19')).toEqual([
      { pairing: 1, kind: 'first-contact', party: 'mentor' },
    ])
    expect(dueCheckins(accepted, '2027-04-01')).toHaveLength(1)
    expect(dueCheckins(accepted, '2027-04-02')).toEqual([])
    expect(dueCheckins({ ...accepted, status: 'proposed' }, '2027-03-20')).toEqual([])
  })
  it('halfway: to both, from halfway between start and end until the end, only while active', () => {
    const active = {
      id: 2,
      status: 'active',
      startDate: '2026-11-01T12:00:00.000Z',
      endDate: '2027-07-01T12:00:00.000Z',
    }
    expect(halfwayDay(active.startDate, active.endDate)).toBe('2027-03-02')
    expect(dueCheckins(active, '2027-03-01')).toEqual([])
    expect(dueCheckins(active, '2027-03-02').map((due) => due.party)).toEqual(['mentor', 'mentee'])
    expect(dueCheckins(active, '2027-07-01')).toEqual([])
    expect(dueCheckins({ ...active, status: 'completed' }, '2027-04-01')).toEqual([])
  })
})

describe('the check-in days are plugin options (checkins.firstContactDays, windowDays, noAnswerDays, lowAnswer)', () => {
  it('default to 10 and 14 days, move the first contact when set, and refuse nonsense in Catalan', async () => {
    const { parseMentoriaOptions } = await import('../../src/lib/options')
    expect(parseMentoriaOptions({}).checkins).toEqual({
      firstContactDays: 10,
      windowDays: 14,
      noAnswerDays: 7,
      lowAnswer: 2,
    })
    const days = parseMentoriaOptions({ checkins: { firstContactDays: 3, windowDays: 2 } }).checkins
    const accepted = { id: 1, status: 'accepted', answeredAt: '2027-03-09T10:00:00.000Z' }
    expect(dueCheckins(accepted, '2027-03-11', days)).toEqual([])
    expect(dueCheckins(accepted, '2027-03-12', days)).toHaveLength(1)
    expect(dueCheckins(accepted, '2027-03-14', days)).toEqual([])
    expect(() => parseMentoriaOptions({ checkins: { firstContactDays: 0 } })).toThrow(
      'mentoriaPlugin: opció checkins.firstContactDays: ha de ser com a mínim 1 dia',
    )
  })
})
