import { describe, expect, it } from 'vitest'

import {
  checkApplicationWindow,
  checkConsents,
  checkMemberCouncil,
  checkOneOpenApplication,
  normaliseEmail,
} from '../../src/rules/applications'
import { addMonths } from '../../src/rules/dates'
import {
  checkDifferentCouncils,
  checkDuration,
  checkMentorCapacity,
  checkReadyToComplete,
  checkReadyToStart,
  checkSamePeople,
  checkTransition,
  PAIRING_STATUSES,
  PAIRING_TRANSITIONS,
} from '../../src/rules/pairings'
import { countQualifyingMeetings } from '../../src/rules/meetings'

const options = { requiredMeetings: 2, countingModalities: ['in_person'] }

describe('R2 application window', () => {
  const edition = {
    applicationsOpenAt: '2026-09-01T07:00:00Z',
    applicationsCloseAt: '2026-09-30T21:59:00Z',
  }
  it('is open between the two dates and says when otherwise', () => {
    expect(checkApplicationWindow(edition, new Date('2026-09-15T10:00:00Z')).ok).toBe(true)
    const before = checkApplicationWindow(edition, new Date('2026-08-20T10:00:00Z'))
    expect(before.ok || before.message).toBe(
      "Les sol·licituds encara no són obertes: s'obren l'1 de setembre del 2026 i es tanquen el 30 de setembre del 2026.",
    )
    const after = checkApplicationWindow(edition, new Date('2026-10-02T10:00:00Z'))
    expect(after.ok || after.message).toMatch(/es va tancar el 30 de setembre del 2026/)
    expect(checkApplicationWindow(undefined, new Date()).ok).toBe(false)
  })
})

describe('R1 and R3 applications', () => {
  it('needs both consents and a member council', () => {
    expect(checkConsents({ dataProcessing: true, commitment: true }).ok).toBe(true)
    expect(checkConsents({ dataProcessing: false, commitment: true })).toMatchObject({
      ok: false,
      field: 'consents.dataProcessing',
    })
    expect(checkConsents({ dataProcessing: true })).toMatchObject({
      ok: false,
      field: 'consents.commitment',
    })
    expect(checkMemberCouncil({ name: 'Ajuntament de Cadaqués', member: false })).toMatchObject({
      ok: false,
      rule: 'R3',
    })
    expect(checkMemberCouncil({ name: 'Ajuntament de Sabadell', member: true }).ok).toBe(true)
  })
  it('allows one open application per email', () => {
    expect(checkOneOpenApplication(0).ok).toBe(true)
    expect(checkOneOpenApplication(1)).toMatchObject({ ok: false, status: 409, rule: 'R1' })
    expect(normaliseEmail('  Laia.Puig@Sabadell.CAT ')).toBe('laia.puig@sabadell.cat')
  })
})

describe('R6 pairing transitions', () => {
  it('allows exactly the transitions of the table, to whom it names', () => {
    for (const from of PAIRING_STATUSES) {
      for (const to of PAIRING_STATUSES) {
        if (from === to) continue
        for (const party of ['secretariat', 'mentor', 'mentee'] as const) {
          const listed = PAIRING_TRANSITIONS.some(
            (t) => t.from === from && t.to === to && t.by.includes(party),
          )
          expect(checkTransition(from, to, party).ok, `${from}→${to} by ${party}`).toBe(listed)
        }
      }
    }
    expect(checkTransition('proposed', 'accepted', null).ok).toBe(false)
  })
  it('says in Catalan that final states are final', () => {
    const result = checkTransition('completed', 'active', 'secretariat')
    expect(result.ok || result.message).toBe("Una parella completada ja no pot canviar d'estat.")
  })
})

describe('R4 and R5', () => {
  it('counts proposed, accepted and active pairings against capacity', () => {
    expect(checkMentorCapacity({ available: true, capacity: 2 }, 1).ok).toBe(true)
    expect(checkMentorCapacity({ available: true, capacity: 2 }, 2)).toMatchObject({
      ok: false,
      rule: 'R4',
      status: 409,
    })
    expect(checkMentorCapacity({ available: false, capacity: 2 }, 0)).toMatchObject({
      ok: false,
      rule: 'R4',
    })
  })
  it('refuses the same council whatever the id type', () => {
    expect(checkDifferentCouncils(3, '3').ok).toBe(false)
    expect(checkDifferentCouncils('65f0a', '65f0b').ok).toBe(true)
  })
  it('fixes the two people once accepted (R1)', () => {
    expect(
      checkSamePeople('proposed', { mentor: 1, candidate: 2 }, { mentor: 3, candidate: 2 }).ok,
    ).toBe(true)
    expect(
      checkSamePeople('accepted', { mentor: 1, candidate: 2 }, { mentor: 3, candidate: 2 }),
    ).toMatchObject({ ok: false, field: 'mentor' })
    expect(
      checkSamePeople('active', { mentor: 1, candidate: 2 }, { mentor: '1', candidate: '2' }).ok,
    ).toBe(true)
  })
})

describe('R8 one year', () => {
  it('adds calendar months, clamping to the end of the month', () => {
    expect(addMonths('2026-11-15T00:00:00Z', 12).toISOString().slice(0, 10)).toBe('2027-11-15')
    expect(addMonths('2027-01-31T00:00:00Z', 1).toISOString().slice(0, 10)).toBe('2027-02-28')
  })
  it('allows up to twelve months, more only with both agreements', () => {
    const base = { startDate: '2026-11-15T00:00:00Z' }
    expect(checkDuration({ ...base, endDate: '2027-11-15T00:00:00Z' }, 12).ok).toBe(true)
    expect(checkDuration({ ...base, endDate: '2027-11-16T00:00:00Z' }, 12)).toMatchObject({
      ok: false,
      rule: 'R8',
      field: 'endDate',
    })
    // Past the year only up to a date both parties agreed in an extension.
    expect(
      checkDuration({ ...base, endDate: '2028-03-01T00:00:00Z' }, 12, '2028-03-01T00:00:00Z').ok,
    ).toBe(true)
    expect(
      checkDuration({ ...base, endDate: '2028-03-02T00:00:00Z' }, 12, '2028-03-01T00:00:00Z'),
    ).toMatchObject({ ok: false, rule: 'R8' })
    expect(checkDuration({ ...base, endDate: '2026-10-01T00:00:00Z' }, 12).ok).toBe(false)
  })
  it('needs dates and the agreement to start', () => {
    const agreement = { objectives: 'a', activities: 'b', calendar: 'c' }
    expect(
      checkReadyToStart({ startDate: '2026-11-15', endDate: '2027-06-01', agreement }, 12).ok,
    ).toBe(true)
    expect(
      checkReadyToStart(
        {
          startDate: '2026-11-15',
          endDate: '2027-06-01',
          agreement: { ...agreement, calendar: ' ' },
        },
        12,
      ),
    ).toMatchObject({ field: 'agreement.calendar' })
    expect(checkReadyToStart({ endDate: '2027-06-01', agreement }, 12)).toMatchObject({
      field: 'startDate',
    })
  })
})

describe('R7 and R9 completion', () => {
  const pairing = {
    startDate: '2026-11-15',
    closing: { closingDate: '2027-10-01', menteeEvaluation: { rating: 4, comments: 'Bé' } },
  }
  const meetings = [
    { date: '2026-12-01T10:00:00Z', modality: 'in_person' },
    { date: '2027-03-01T10:00:00Z', modality: 'online' },
    { date: '2026-11-01T10:00:00Z', modality: 'in_person' },
    { date: '2027-10-02T10:00:00Z', modality: 'in_person' },
  ]
  it('counts only meetings of a counting modality inside the window', () => {
    expect(
      countQualifyingMeetings(meetings, { startDate: '2026-11-15', closingDate: '2027-10-01' }, [
        'in_person',
      ]),
    ).toBe(1)
    expect(
      countQualifyingMeetings(meetings, { startDate: '2026-11-15', closingDate: '2027-10-01' }, [
        'in_person',
        'online',
      ]),
    ).toBe(2)
  })
  const now = new Date('2027-10-05T12:00:00Z')
  it('needs the meetings, a closing date and the mentee evaluation', () => {
    expect(checkReadyToComplete(pairing, meetings, options, now)).toMatchObject({
      ok: false,
      rule: 'R7',
    })
    expect(
      checkReadyToComplete(
        pairing,
        [...meetings, { date: '2027-05-05', modality: 'in_person' }],
        options,
        now,
      ).ok,
    ).toBe(true)
    expect(
      checkReadyToComplete(
        { ...pairing, closing: { ...pairing.closing, closingDate: null } },
        meetings,
        options,
        now,
      ),
    ).toMatchObject({ rule: 'R9' })
    expect(
      checkReadyToComplete(
        { ...pairing, closing: { ...pairing.closing, menteeEvaluation: { rating: 4 } } },
        meetings,
        options,
        now,
      ),
    ).toMatchObject({ rule: 'R9' })
    // A plugin option may count online meetings too.
    expect(
      checkReadyToComplete(
        pairing,
        meetings,
        { requiredMeetings: 2, countingModalities: ['in_person', 'online'] },
        now,
      ).ok,
    ).toBe(true)
    // The closing date cannot be in the future.
    expect(
      checkReadyToComplete(pairing, meetings, options, new Date('2027-09-30T12:00:00Z')),
    ).toMatchObject({ rule: 'R9', field: 'closing.closingDate' })
  })
})
