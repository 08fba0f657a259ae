import { describe, expect, it } from 'vitest'

import {
  actionsFor,
  agreedUntil,
  bothAgreed,
  checkExtensionProposal,
  checkPlausibleDates,
  closingChecklist,
  daysLeft,
  extensionTermsChanged,
} from '../../src/rules/accompaniment'
import { checkMeetingDate } from '../../src/rules/meetings'

const now = new Date('2027-03-10T10:00:00Z')
const options = { requiredMeetings: 2, countingModalities: ['in_person'] }

describe('R7 meeting dates', () => {
  it('refuses a meeting in the future or before the start, allows today', () => {
    expect(checkMeetingDate('2027-03-10T18:00:00Z', '2026-11-15', now).ok).toBe(true)
    expect(checkMeetingDate('2027-03-11T08:00:00Z', '2026-11-15', now)).toMatchObject({
      ok: false,
      rule: 'R7',
      field: 'date',
    })
    expect(checkMeetingDate('2026-11-14T10:00:00Z', '2026-11-15', now)).toMatchObject({
      ok: false,
      rule: 'R7',
    })
    expect(checkMeetingDate('', '2026-11-15', now).ok).toBe(false)
  })
})

describe('R8 extension', () => {
  it('is a new proposal when the date or the reason changes, not when only an agreement does', () => {
    const before = { proposedEndDate: '2027-12-01T12:00:00Z', reason: 'Cal acabar el pla' }
    expect(extensionTermsChanged(before, { ...before, mentor: { agreed: true } })).toBe(false)
    expect(
      extensionTermsChanged(before, { ...before, proposedEndDate: '2027-12-02T12:00:00Z' }),
    ).toBe(true)
    expect(extensionTermsChanged(before, { ...before, reason: 'Un altre motiu' })).toBe(true)
    // The same day at another time is the same date.
    expect(
      extensionTermsChanged(before, { ...before, proposedEndDate: '2027-12-01T00:00:00Z' }),
    ).toBe(false)
  })

  it('needs an active accompaniment, a later date and a reason', () => {
    const current = { startDate: '2026-11-15', endDate: '2027-11-15' }
    expect(
      checkExtensionProposal('active', { proposedEndDate: '2028-02-01', reason: 'x' }, current).ok,
    ).toBe(true)
    expect(
      checkExtensionProposal('accepted', { proposedEndDate: '2028-02-01', reason: 'x' }, current),
    ).toMatchObject({ ok: false, status: 409 })
    expect(
      checkExtensionProposal('active', { proposedEndDate: '2027-11-15', reason: 'x' }, current),
    ).toMatchObject({ field: 'extension.proposedEndDate' })
    expect(
      checkExtensionProposal('active', { proposedEndDate: '2028-02-01', reason: ' ' }, current),
    ).toMatchObject({ field: 'extension.reason' })
  })

  it('takes effect only with both agreements, up to the latest agreed date', () => {
    expect(bothAgreed({ proposedEndDate: '2028-02-01', mentor: { agreed: true } })).toBe(false)
    expect(
      bothAgreed({
        proposedEndDate: '2028-02-01',
        mentor: { agreed: true },
        mentee: { agreed: true },
      }),
    ).toBe(true)
    expect(bothAgreed({ mentor: { agreed: true }, mentee: { agreed: true } })).toBe(false)
    expect(
      agreedUntil([
        { endDate: '2028-02-01' },
        { endDate: '2028-05-01' },
        { endDate: '2028-03-01' },
      ]),
    ).toBe('2028-05-01')
    expect(agreedUntil([])).toBeNull()
  })
})

describe('«Les meves mentories»', () => {
  it('counts the days left of the year', () => {
    expect(daysLeft('2027-03-20T00:00:00Z', now)).toBe(10)
    expect(daysLeft('2027-03-08T00:00:00Z', now)).toBe(-2)
    expect(daysLeft(null, now)).toBeNull()
  })

  it('lists what is missing to close: agreement, meetings that count, the mentee’s evaluation, the fitxa', () => {
    const meetings = [
      { date: '2026-12-01T10:00:00Z', modality: 'in_person' },
      { date: '2027-01-10T10:00:00Z', modality: 'online' },
    ]
    const list = closingChecklist({
      status: 'active',
      startDate: '2026-11-15',
      menteeEvaluated: false,
      meetings,
      fitxa: 'none',
      options,
      now,
    })
    expect(list.map((item) => [item.key, item.done])).toEqual([
      ['agreement', true],
      ['meetings', false],
      ['evaluation', false],
      ['fitxa', false],
    ])
    expect(list[1].detail).toBe('1 de 2.')
    const done = closingChecklist({
      status: 'completed',
      startDate: '2026-11-15',
      closingDate: '2027-03-01',
      menteeEvaluated: true,
      meetings: [...meetings, { date: '2027-02-01T10:00:00Z', modality: 'in_person' }],
      fitxa: 'published',
      options,
      now,
    })
    expect(done.every((item) => item.done)).toBe(true)
  })

  it("tells the mentor where the mentee's fitxa stands, never that it is theirs to start", () => {
    const facts = {
      status: 'active' as const,
      startDate: '2026-11-15',
      menteeEvaluated: false,
      meetings: [],
      fitxa: 'none' as const,
      options,
      now,
    }
    const mentor = closingChecklist({ ...facts, side: 'mentor' }).find(
      (item) => item.key === 'fitxa',
    )
    expect(mentor?.detail).toBe("La redacta la persona mentorada; encara no l'ha començada.")
    expect(mentor?.detail).not.toContain("l'heu")
    expect(
      closingChecklist({ ...facts, side: 'mentee' }).find((item) => item.key === 'fitxa')?.detail,
    ).toBe("Encara no l'heu començada.")
  })

  it('offers each party only the actions they may take now', () => {
    expect(actionsFor('mentee', { status: 'proposed' }).answer).toBe(false)
    expect(actionsFor('mentor', { status: 'proposed' }).answer).toBe(true)
    expect(actionsFor('mentor', { status: 'accepted' })).toMatchObject({
      start: true,
      recordMeeting: false,
      withdraw: true,
    })
    const active = actionsFor('mentee', {
      status: 'active',
      extension: { proposedEndDate: '2028-01-01', mentor: { agreed: true } },
    })
    expect(active).toMatchObject({
      recordMeeting: true,
      close: true,
      agreeExtension: true,
      evaluate: true,
    })
    expect(
      actionsFor('mentor', {
        status: 'active',
        extension: { proposedEndDate: '2028-01-01', mentor: { agreed: true } },
      }).agreeExtension,
    ).toBe(false)
    // Final: read-only, except the mentor's evaluation after closing.
    const completed = actionsFor('mentee', { status: 'completed' })
    expect(Object.values(completed).some(Boolean)).toBe(false)
    expect(actionsFor('mentor', { status: 'completed', mentorEvaluated: false }).evaluate).toBe(
      true,
    )
    expect(actionsFor('mentor', { status: 'completed', mentorEvaluated: true }).evaluate).toBe(
      false,
    )
    expect(Object.values(actionsFor('mentor', { status: 'cancelled' })).some(Boolean)).toBe(false)
  })
})

describe('R8 plausible dates: what a party may record (issue 18)', () => {
  const now = new Date('2026-12-06T10:00:00Z')
  const base = { party: 'mentor' as const, starting: true, changed: [] as string[], now }
  it('a start at most 90 days back and an end still to come; the secretariat beyond', () => {
    expect(
      checkPlausibleDates({ ...base, pairing: { startDate: '2026-09-07', endDate: '2027-06-01' } })
        .ok,
    ).toBe(true)
    expect(
      checkPlausibleDates({ ...base, pairing: { startDate: '2026-09-06', endDate: '2027-06-01' } }),
    ).toMatchObject({ ok: false, field: 'startDate' })
    expect(
      checkPlausibleDates({ ...base, pairing: { startDate: '2026-11-01', endDate: '2026-12-05' } }),
    ).toMatchObject({ ok: false, field: 'endDate' })
    expect(
      checkPlausibleDates({ ...base, pairing: { startDate: '2026-11-01', endDate: '2026-12-06' } })
        .ok,
    ).toBe(true)
    expect(
      checkPlausibleDates({
        ...base,
        party: 'secretariat',
        pairing: { startDate: '2025-11-01', endDate: '2026-10-01' },
      }).ok,
    ).toBe(true)
  })
  it('after the start, only the dates that change are judged', () => {
    const old = { startDate: '2026-01-10', endDate: '2026-12-01' }
    expect(
      checkPlausibleDates({ ...base, starting: false, changed: ['agreement'], pairing: old }).ok,
    ).toBe(true)
    expect(
      checkPlausibleDates({ ...base, starting: false, changed: ['endDate'], pairing: old }),
    ).toMatchObject({ ok: false, field: 'endDate' })
    expect(
      checkPlausibleDates({
        ...base,
        starting: false,
        changed: ['startDate'],
        pairing: { ...old, endDate: '2027-01-01' },
      }),
    ).toMatchObject({ ok: false, field: 'startDate' })
  })
})
