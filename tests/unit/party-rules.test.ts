import { describe, expect, it } from 'vitest'

import { checkConfidentialWrites } from '../../src/rules/confidentiality'
import { checkFitxaChange, slugify } from '../../src/rules/fitxes'
import { checkOpenForMeetings, meetingTitle } from '../../src/rules/meetings'
import {
  checkExtensionOnBehalf,
  checkNewPairing,
  checkPartyFields,
  checkProposalHistory,
  checkProposalParties,
} from '../../src/rules/pairings'
import { isOverdue } from '../../src/rules/reminders'

const refusal = (result: { ok: boolean }) => (result.ok ? undefined : result)

describe('R6 what each party may write', () => {
  it('lets each party change its own fields, and names the first foreign one', () => {
    expect(
      checkPartyFields('mentor', [
        'startDate',
        'extension.mentor.agreed',
        'closing.mentorEvaluation.rating',
      ]).ok,
    ).toBe(true)
    expect(
      refusal(checkPartyFields('mentor', ['startDate', 'closing.menteeEvaluation'])),
    ).toMatchObject({
      rule: 'R6',
      field: 'closing.menteeEvaluation',
      status: 403,
      message: 'La persona mentora no pot canviar la valoració de la persona mentorada.',
    })
    expect(refusal(checkPartyFields('mentee', ['mentor']))).toMatchObject({
      field: 'mentor',
      message: 'La persona mentorada no pot canviar la persona mentora.',
    })
    expect(checkPartyFields('secretariat', ['mentor', 'matching', 'cancellationReason']).ok).toBe(
      true,
    )
  })

  it('lets only the secretariat propose, always as proposed', () => {
    expect(checkNewPairing('secretariat', true, undefined).ok).toBe(true)
    expect(checkNewPairing(null, false, 'proposed').ok).toBe(true)
    expect(refusal(checkNewPairing('mentor', true, 'proposed'))).toMatchObject({
      rule: 'R6',
      status: 403,
    })
    expect(refusal(checkNewPairing('secretariat', true, 'active'))).toMatchObject({
      rule: 'R6',
      field: 'status',
    })
  })
})

describe('proposal prerequisites (R1, R3, R4, R5)', () => {
  const mentor = { municipality: 1 }
  const candidate = { status: 'eligible', municipality: 2 }

  it('needs both records, the same edition, an admitted application and two councils', () => {
    expect(checkProposalParties({ mentor, candidate, sameEdition: true }).ok).toBe(true)
    expect(
      refusal(checkProposalParties({ mentor: undefined, candidate, sameEdition: true })),
    ).toMatchObject({ rule: 'R4', field: 'mentor' })
    expect(
      refusal(checkProposalParties({ mentor, candidate: undefined, sameEdition: false })),
    ).toMatchObject({ rule: 'R3', field: 'candidate' })
    expect(refusal(checkProposalParties({ mentor, candidate, sameEdition: false }))).toMatchObject({
      rule: 'R6',
      field: 'edition',
    })
    expect(
      refusal(
        checkProposalParties({
          mentor,
          candidate: { ...candidate, status: 'submitted' },
          sameEdition: true,
        }),
      ),
    ).toMatchObject({
      rule: 'R3',
      status: 409,
      message:
        'Només es poden proposar parelles per a sol·licituds admeses; aquesta és «submitted».',
    })
    expect(
      refusal(checkProposalParties({ mentor: { municipality: 2 }, candidate, sameEdition: true })),
    ).toMatchObject({ rule: 'R5' })
  })

  it('never proposes again after a decline, nor a second open pairing for one application', () => {
    expect(
      checkProposalHistory({
        mentorName: 'Anna',
        declinedBefore: false,
        candidateHasOpenPairing: false,
      }).ok,
    ).toBe(true)
    expect(
      refusal(
        checkProposalHistory({
          mentorName: 'Anna',
          declinedBefore: true,
          candidateHasOpenPairing: true,
        }),
      ),
    ).toMatchObject({
      rule: 'R4',
      message: 'Anna ja va declinar aquesta parella; no es torna a proposar.',
    })
    expect(
      refusal(checkProposalHistory({ declinedBefore: false, candidateHasOpenPairing: true })),
    ).toMatchObject({ rule: 'R1', field: 'candidate' })
  })
})

describe('R8 an extension agreed on a party’s behalf', () => {
  it('needs a note when the secretariat records it, and none when the party does', () => {
    expect(checkExtensionOnBehalf('mentor', 'mentor', undefined).ok).toBe(true)
    expect(checkExtensionOnBehalf('secretariat', 'mentee', 'Ho va dir per telèfon').ok).toBe(true)
    expect(refusal(checkExtensionOnBehalf('secretariat', 'mentee', '  '))).toMatchObject({
      rule: 'R8',
      field: 'extension.mentee.note',
    })
  })
})

describe('R7 meetings while the pairing is open', () => {
  it('records meetings only while active (after the start is recorded)', () => {
    expect(checkOpenForMeetings('active').ok).toBe(true)
    expect(checkOpenForMeetings('accepted')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Primer cal registrar l'inici/),
    })
    for (const status of ['proposed', 'accepted', 'declined', 'completed', 'cancelled'] as const) {
      expect(refusal(checkOpenForMeetings(status))).toMatchObject({
        rule: 'R7',
        status: 409,
        field: 'pairing',
      })
    }
    expect(meetingTitle('in_person', '2026-11-20')).toBe('Trobada presencial · 2026-11-20')
  })
})

describe('R10 the fitxa', () => {
  it('is written by the mentee while active or completed, and published by the secretariat once completed', () => {
    expect(
      checkFitxaChange({ party: 'mentee', pairingStatus: 'active', publishing: false }).ok,
    ).toBe(true)
    expect(
      refusal(checkFitxaChange({ party: 'mentor', pairingStatus: 'active', publishing: false })),
    ).toMatchObject({ rule: 'R10', status: 403 })
    expect(
      refusal(checkFitxaChange({ party: 'mentee', pairingStatus: 'accepted', publishing: false })),
    ).toMatchObject({ field: 'pairing', status: 409 })
    expect(
      refusal(checkFitxaChange({ party: 'mentee', pairingStatus: 'completed', publishing: true })),
    ).toMatchObject({ field: '_status', status: 403 })
    expect(
      refusal(
        checkFitxaChange({ party: 'secretariat', pairingStatus: 'active', publishing: true }),
      ),
    ).toMatchObject({ field: '_status', status: 409 })
    expect(
      checkFitxaChange({ party: 'secretariat', pairingStatus: 'completed', publishing: true }).ok,
    ).toBe(true)
    expect(slugify('Economia social a l’Alt Empordà · 2026')).toBe(
      'economia-social-a-l-alt-emporda-2026',
    )
  })
})

describe('R8 overdue, decided once', () => {
  it('counts calendar days: an end date of today is not overdue yet, yesterday is', () => {
    const now = new Date('2026-06-10T15:00:00Z')
    expect(isOverdue({ status: 'active', endDate: '2026-06-10T08:00:00.000Z' }, now)).toBe(false)
    expect(isOverdue({ status: 'active', endDate: '2026-06-09T23:00:00.000Z' }, now)).toBe(true)
    expect(isOverdue({ status: 'completed', endDate: '2026-01-01T00:00:00.000Z' }, now)).toBe(false)
  })
})

describe('R13: the other party’s evaluation is refused whatever is written in it (issue 18)', () => {
  it('refuses any path into, or above, what is confidential from the party; allows the rest', () => {
    expect(checkConfidentialWrites('mentee', ['closing.mentorEvaluation.rating']).ok).toBe(false)
    expect(checkConfidentialWrites('mentee', ['closing.mentorEvaluation']).ok).toBe(false)
    expect(checkConfidentialWrites('mentee', ['closing']).ok).toBe(false)
    expect(checkConfidentialWrites('mentor', ['closing.menteeEvaluation.comments']).ok).toBe(false)
    expect(
      checkConfidentialWrites('mentee', ['closing.menteeEvaluation.rating', 'status']).ok,
    ).toBe(true)
    expect(checkConfidentialWrites('mentor', ['closing.mentorEvaluation.rating']).ok).toBe(true)
    expect(checkConfidentialWrites('secretariat', ['closing.mentorEvaluation.rating']).ok).toBe(
      true,
    )
  })
})
