import { describe, expect, it } from 'vitest'

import { parseMentoriaOptions } from '../../src/lib/options'
import {
  addDays,
  DEFAULT_REMINDER_DAYS,
  dueReminders,
  fillTemplate,
  isRoundTime,
  programmeDay,
  programmeHour,
  type ReminderFacts,
  reminderKey,
  unknownPlaceholders,
} from '../../src/rules/reminders'

const days = DEFAULT_REMINDER_DAYS
/** Noon in Catalonia on a given day: the date fields as the admin stores them. */
const at = (day: string) => `${day}T11:00:00.000Z`
const kinds = (facts: ReminderFacts, today: string) =>
  dueReminders(facts, today, days).map((due) => `${due.kind}:${due.occasion}:${due.to.join('+')}`)

describe('the programme calendar is Catalonia’s', () => {
  it('a day and an hour are those of Europe/Madrid, whatever the server’s zone', () => {
    // 23:30 UTC on 31 December is already New Year in Barcelona (winter, UTC+1).
    expect(programmeDay(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01')
    expect(programmeHour(new Date('2026-12-31T23:30:00Z'))).toBe(0)
    // Summer time: UTC+2.
    expect(programmeDay(new Date('2027-06-30T22:30:00Z'))).toBe('2027-07-01')
    expect(programmeHour(new Date('2027-06-30T06:00:00Z'))).toBe(8)
    // A date picked as «1 de novembre» at local midnight is stored as the day before in UTC.
    expect(programmeDay('2026-10-31T23:00:00.000Z')).toBe('2026-11-01')
  })
  it('the scheduled round waits until the hour in Catalonia, whatever the server’s zone', () => {
    // 06:30 UTC in winter is 07:30 in Barcelona: not yet 8; 07:00 UTC is 8:00.
    expect(isRoundTime(new Date('2027-01-15T06:30:00Z'), 8)).toBe(false)
    expect(isRoundTime(new Date('2027-01-15T07:00:00Z'), 8)).toBe(true)
    // Summer: 06:00 UTC is already 8:00 in Barcelona.
    expect(isRoundTime(new Date('2027-07-15T06:00:00Z'), 8)).toBe(true)
    expect(isRoundTime(new Date('2027-07-15T05:59:00Z'), 8)).toBe(false)
  })
  it('adds calendar days across months, years and the change of time', () => {
    expect(addDays('2026-12-25', 7)).toBe('2027-01-01')
    expect(addDays('2027-03-27', 2)).toBe('2027-03-29')
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28')
  })
})

describe('each kind on its day, to its people', () => {
  const proposal: ReminderFacts = {
    id: 1,
    status: 'proposed',
    mentor: 7,
    createdAt: '2026-10-01T09:00:00.000Z',
  }
  it('proposal unanswered: the mentor at 7 days, the mentor and the secretariat at 14', () => {
    expect(kinds(proposal, '2026-10-07')).toEqual([])
    expect(kinds(proposal, '2026-10-08')).toEqual(['proposalUnanswered:7@2026-10-01/7:mentor'])
    expect(kinds(proposal, '2026-10-14')).toEqual(['proposalUnanswered:7@2026-10-01/7:mentor'])
    expect(kinds(proposal, '2026-10-15')).toEqual([
      'proposalUnanswered:7@2026-10-01/14:mentor+secretariat',
    ])
    // Repointed to another mentor: a new proposal, a new occasion.
    expect(kinds({ ...proposal, mentor: 8 }, '2026-10-08')).toEqual([
      'proposalUnanswered:8@2026-10-01/7:mentor',
    ])
    expect(kinds({ ...proposal, status: 'accepted' }, '2026-10-08')).toEqual([])
  })
  it('not started: 7 days after the edition’s start-by, still accepted', () => {
    const accepted: ReminderFacts = { id: 1, status: 'accepted', editionStartBy: at('2026-11-30') }
    expect(kinds(accepted, '2026-12-06')).toEqual([])
    expect(kinds(accepted, '2026-12-07')).toEqual(['notStarted:2026-11-30:mentor+mentee'])
    expect(kinds({ ...accepted, status: 'active' }, '2026-12-07')).toEqual([])
    expect(kinds({ ...accepted, editionStartBy: null }, '2026-12-07')).toEqual([])
  })
  it('no meeting yet: 60 days after the start with no meeting that counts', () => {
    const active: ReminderFacts = {
      id: 1,
      status: 'active',
      startDate: at('2026-11-01'),
      endDate: at('2027-10-31'),
      countingMeetings: 0,
    }
    expect(kinds(active, addDays('2026-11-01', 59))).toEqual([])
    expect(kinds(active, addDays('2026-11-01', 60))).toEqual(['noMeeting:2026-11-01:mentor+mentee'])
    expect(kinds({ ...active, countingMeetings: 1 }, addDays('2026-11-01', 60))).toEqual([])
    // Not counted yet: the round must count first, never guess «none».
    expect(kinds({ ...active, countingMeetings: undefined }, addDays('2026-11-01', 60))).toEqual([])
  })
  it('end approaching 30 days before; overdue the day after, to the secretariat and both parties', () => {
    const active: ReminderFacts = {
      id: 1,
      status: 'active',
      startDate: at('2026-11-01'),
      endDate: at('2027-06-30'),
      countingMeetings: 2,
    }
    expect(kinds(active, '2027-05-30')).toEqual([])
    expect(kinds(active, '2027-05-31')).toEqual(['endApproaching:2027-06-30:mentor+mentee'])
    expect(kinds(active, '2027-06-30')).toEqual([])
    expect(kinds(active, '2027-07-01')).toEqual(['overdue:2027-06-30:secretariat+mentor+mentee'])
    // A new end date is a new occasion for both.
    const extended = { ...active, endDate: at('2027-09-30') }
    expect(kinds(extended, '2027-07-01')).toEqual([])
    expect(kinds(extended, '2027-08-31')).toEqual(['endApproaching:2027-09-30:mentor+mentee'])
    expect(kinds(extended, '2027-10-01')).toEqual(['overdue:2027-09-30:secretariat+mentor+mentee'])
    expect(kinds({ ...active, status: 'completed' }, '2027-07-01')).toEqual([])
  })
  it('evaluation missing: the mentor, 7 days after closing, unless evaluated', () => {
    const completed: ReminderFacts = {
      id: 1,
      status: 'completed',
      closingDate: at('2027-06-01'),
      fitxaPublished: true,
    }
    expect(kinds(completed, '2027-06-07')).toEqual([])
    expect(kinds(completed, '2027-06-08')).toEqual(['evaluationMissing:2027-06-01:mentor'])
    expect(kinds({ ...completed, mentorEvaluated: true }, '2027-06-08')).toEqual([])
  })
  it('fitxa missing: 15 days after closing, then every 14 days, 4 times; then the secretariat', () => {
    const completed: ReminderFacts = {
      id: 1,
      status: 'completed',
      closingDate: at('2027-06-01'),
      mentorEvaluated: true,
    }
    const closing = '2027-06-01'
    expect(kinds(completed, addDays(closing, 14))).toEqual([])
    expect(kinds(completed, addDays(closing, 15))).toEqual(['fitxaMissing:2027-06-01/1:mentee'])
    expect(kinds(completed, addDays(closing, 28))).toEqual(['fitxaMissing:2027-06-01/1:mentee'])
    expect(kinds(completed, addDays(closing, 29))).toEqual(['fitxaMissing:2027-06-01/2:mentee'])
    expect(kinds(completed, addDays(closing, 15 + 14 * 3))).toEqual([
      'fitxaMissing:2027-06-01/4:mentee',
    ])
    expect(kinds(completed, addDays(closing, 15 + 14 * 4 - 1))).toEqual([
      'fitxaMissing:2027-06-01/4:mentee',
    ])
    expect(kinds(completed, addDays(closing, 15 + 14 * 4))).toEqual([
      'fitxaMissing:2027-06-01/secretaria:secretariat',
    ])
    expect(kinds(completed, addDays(closing, 400))).toEqual([
      'fitxaMissing:2027-06-01/secretaria:secretariat',
    ])
    expect(kinds({ ...completed, fitxaPublished: true }, addDays(closing, 15))).toEqual([])
    // Submitted and waiting for the secretariat: nothing for the mentee to do.
    expect(kinds({ ...completed, fitxaWaitingForReview: true }, addDays(closing, 15))).toEqual([])
  })
  it('nothing at all for declined, cancelled or completed-and-done pairings', () => {
    for (const status of ['declined', 'cancelled']) {
      const facts: ReminderFacts = {
        id: 1,
        status,
        mentor: 7,
        createdAt: at('2026-01-01'),
        startDate: at('2026-01-01'),
        endDate: at('2026-02-01'),
        closingDate: at('2026-03-01'),
        editionStartBy: at('2026-01-01'),
        countingMeetings: 0,
      }
      expect(kinds(facts, '2027-01-01')).toEqual([])
    }
    expect(
      kinds(
        {
          id: 1,
          status: 'completed',
          closingDate: at('2026-03-01'),
          mentorEvaluated: true,
          fitxaPublished: true,
        },
        '2027-01-01',
      ),
    ).toEqual([])
  })
  it('every number of days is an option', () => {
    const custom = {
      ...days,
      noMeetingDays: 30,
      endApproachingDays: 10,
      fitxaMissingTimes: 2,
      fitxaMissingEveryDays: 7,
      fitxaMissingDays: 5,
    }
    const active: ReminderFacts = {
      id: 1,
      status: 'active',
      startDate: at('2026-11-01'),
      endDate: at('2027-06-30'),
      countingMeetings: 0,
    }
    expect(dueReminders(active, '2026-12-01', custom).map((due) => due.kind)).toEqual(['noMeeting'])
    expect(dueReminders(active, '2027-06-19', custom).map((due) => due.kind)).toEqual(['noMeeting'])
    expect(dueReminders(active, '2027-06-20', custom).map((due) => due.kind)).toEqual([
      'noMeeting',
      'endApproaching',
    ])
    const completed: ReminderFacts = {
      id: 1,
      status: 'completed',
      closingDate: at('2027-06-01'),
      mentorEvaluated: true,
    }
    expect(dueReminders(completed, '2027-06-20', custom).map((due) => due.occasion)).toEqual([
      '2027-06-01/secretaria',
    ])
  })
})

describe('keys and texts', () => {
  it('one key per pairing, kind, occasion and recipient', () => {
    const [due] = dueReminders(
      { id: 5, status: 'active', endDate: at('2027-06-30') },
      '2027-07-01',
      days,
    )
    expect(due.to.map((audience) => reminderKey(due, audience))).toEqual([
      '5:overdue:2027-06-30:secretariat',
      '5:overdue:2027-06-30:mentor',
      '5:overdue:2027-06-30:mentee',
    ])
  })
  it('fills the placeholders and the options refuse unknown ones, naming the option', () => {
    expect(fillTemplate('Hola, {nom}: {enllac}', { nom: 'Laia', enllac: 'https://x/y' })).toBe(
      'Hola, Laia: https://x/y',
    )
    expect(unknownPlaceholders('Hola {nom} {nomm}')).toEqual(['nomm'])
    expect(() =>
      parseMentoriaOptions({
        reminders: { texts: { overdue: { mentor: { subject: 'Ep {nomm}' } } } },
      }),
    ).toThrow(/reminders\.texts\.overdue\.mentor\.subject: \{nomm\} no existeix/)
    expect(() =>
      parseMentoriaOptions({
        reminders: { texts: { evaluationMissing: { mentee: { subject: 'x' } } } },
      }),
    ).toThrow(/no va a aquesta persona/)
    expect(() => parseMentoriaOptions({ reminders: { proposalUnansweredAgainDays: 5 } })).toThrow(
      /proposalUnansweredAgainDays/,
    )
    expect(() => parseMentoriaOptions({ reminders: { noMeetingDays: 0 } })).toThrow(
      /reminders\.noMeetingDays/,
    )
  })
  it('defaults: the table of DOMAIN.md, and an override replaces only what it names', () => {
    const options = parseMentoriaOptions({
      reminders: {
        noMeetingDays: 45,
        texts: { noMeeting: { mentee: { subject: 'Quan us veieu?' } } },
      },
    })
    expect(options.reminders).toMatchObject({
      ...DEFAULT_REMINDER_DAYS,
      noMeetingDays: 45,
      hour: 8,
    })
    expect(options.reminders.texts.noMeeting.mentee?.subject).toBe('Quan us veieu?')
    expect(options.reminders.texts.noMeeting.mentee?.body).toMatch(/\{enllac\}/)
    expect(parseMentoriaOptions().reminders.texts.fitxaMissing.mentee?.body).not.toMatch(
      /publiqueu|publicar-la/,
    )
    // Every default text says what to do and where: it has the link.
    for (const byAudience of Object.values(parseMentoriaOptions().reminders.texts)) {
      for (const text of Object.values(byAudience)) expect(text?.body).toContain('{enllac}')
    }
  })
  it('per-language overrides: Spanish and English texts of their own, on top of the translated defaults; Catalan untouched', () => {
    const options = parseMentoriaOptions({
      reminders: {
        texts: { noMeeting: { mentee: { subject: 'Quan us veieu?' } } },
        textsByLanguage: {
          es: { noMeeting: { mentee: { subject: '¿Cuándo os veis?' } } },
          en: { overdue: { mentor: { body: 'Hello {nom}: {enllac}' } } },
        },
      },
    })
    expect(options.reminders.texts.noMeeting.mentee?.subject).toBe('Quan us veieu?')
    expect(options.reminders.textsByLanguage.es.noMeeting.mentee?.subject).toBe('¿Cuándo os veis?')
    // The body not named stays the translated default.
    expect(options.reminders.textsByLanguage.es.noMeeting.mentee?.body).toMatch(/^Hola, \{nom\}:/)
    expect(options.reminders.textsByLanguage.en.overdue.mentor?.body).toBe('Hello {nom}: {enllac}')
    expect(options.reminders.textsByLanguage.en.noMeeting.mentee?.subject).toMatch(
      /^\[Mentoria XMESS\] /,
    )
    expect(options.reminders.textsByLanguage.en.noMeeting.mentee?.subject).not.toBe(
      '¿Cuándo os veis?',
    )
    // The same checks as Catalan's, naming the option.
    expect(() =>
      parseMentoriaOptions({
        reminders: { textsByLanguage: { es: { overdue: { mentor: { subject: 'Ep {nomm}' } } } } },
      }),
    ).toThrow(/reminders\.textsByLanguage\.es\.overdue\.mentor\.subject: \{nomm\} no existeix/)
    expect(() =>
      parseMentoriaOptions({
        reminders: { textsByLanguage: { en: { evaluationMissing: { mentee: { subject: 'x' } } } } },
      }),
    ).toThrow(/no va a aquesta persona/)
    expect(() =>
      parseMentoriaOptions({ reminders: { textsByLanguage: { fr: {} } } as never }),
    ).toThrow(/textsByLanguage/)
  })
})
