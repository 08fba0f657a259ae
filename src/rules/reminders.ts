import { dayOf } from './dates'

/**
 * Reminders and notices (DOMAIN.md «Reminders and notices»): which reminder is due for a pairing on a
 * day of the programme's calendar, and under which occasion. Pure: the job (src/jobs/reminders.ts)
 * gathers the facts, sends and records; the record's unique key (pairing, kind, occasion, recipient)
 * is what makes each one go out once, however often or wherever the round runs.
 */

/** R8: an active pairing whose agreed end date has passed. */
export const isOverdue = (
  pairing: { status?: string | null; endDate?: string | null },
  now: Date,
): boolean =>
  pairing.status === 'active' &&
  Boolean(pairing.endDate) &&
  dayOf(pairing.endDate as string) < dayOf(now)

/** The collection of reminder records (collections/Reminders.ts). */
export const REMINDERS_SLUG = 'reminders'

export const REMINDER_KINDS = [
  'proposalUnanswered',
  'notStarted',
  'noMeeting',
  'endApproaching',
  'overdue',
  'evaluationMissing',
  'fitxaMissing',
] as const
export type ReminderKind = (typeof REMINDER_KINDS)[number]

export const REMINDER_AUDIENCES = ['mentor', 'mentee', 'secretariat'] as const
export type ReminderAudience = (typeof REMINDER_AUDIENCES)[number]

/** How the secretariat reads each kind (admin, the run button, the README). */
export const REMINDER_KIND_LABELS: Record<ReminderKind, string> = {
  proposalUnanswered: 'Proposta sense resposta',
  notStarted: 'Acompanyament sense començar',
  noMeeting: 'Encara cap trobada',
  endApproaching: "S'acosta la data de finalització",
  overdue: 'Data de finalització passada',
  evaluationMissing: 'Falta la valoració de la persona mentora',
  fitxaMissing: 'Falta la fitxa',
}

export const REMINDER_AUDIENCE_LABELS: Record<ReminderAudience, string> = {
  mentor: 'Persona mentora',
  mentee: 'Persona mentorada',
  secretariat: 'Secretaria tècnica',
}

/** Every number of days of the table; plugin options (src/lib/options.ts) with these defaults. */
export type ReminderDays = {
  proposalUnansweredDays: number
  proposalUnansweredAgainDays: number
  notStartedDays: number
  noMeetingDays: number
  endApproachingDays: number
  overdueDays: number
  evaluationMissingDays: number
  fitxaMissingDays: number
  fitxaMissingEveryDays: number
  fitxaMissingTimes: number
}

export const DEFAULT_REMINDER_DAYS: ReminderDays = {
  proposalUnansweredDays: 7,
  proposalUnansweredAgainDays: 14,
  notStartedDays: 7,
  noMeetingDays: 60,
  endApproachingDays: 30,
  overdueDays: 1,
  evaluationMissingDays: 7,
  fitxaMissingDays: 15,
  fitxaMissingEveryDays: 14,
  fitxaMissingTimes: 4,
}

export const PROGRAMME_TIME_ZONE = 'Europe/Madrid'

const dayParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: PROGRAMME_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
})

function madridParts(value: Date | string) {
  const parts = Object.fromEntries(
    dayParts.formatToParts(new Date(value)).map((part) => [part.type, part.value]),
  )
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) }
}

/** The calendar day in Catalonia (YYYY-MM-DD), whatever the server's time zone. */
export const programmeDay = (value: Date | string): string => madridParts(value).day

/** The hour of the day in Catalonia (0–23). */
export const programmeHour = (value: Date | string): number => madridParts(value).hour

/** The scheduled round sends from `hour` (Catalonia) on; earlier in the day it waits. */
export const isRoundTime = (now: Date, hour: number): boolean => programmeHour(now) >= hour

/** A calendar day plus `days` (calendar arithmetic on YYYY-MM-DD, no time zone involved). */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number)
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10)
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export const daysFrom = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)

/** What the round knows of one pairing. Dates as stored (ISO); `countingMeetings` only where asked for. */
export type ReminderFacts = {
  id: string | number
  status: string
  mentor?: string | number | null
  createdAt?: string | null
  startDate?: string | null
  endDate?: string | null
  closingDate?: string | null
  editionStartBy?: string | null
  mentorEvaluated?: boolean
  fitxaPublished?: boolean
  /** The mentee submitted the fitxa and waits for the secretariat: nothing for them to do. */
  fitxaWaitingForReview?: boolean
  /** Meetings that count for R7 so far; `undefined` when not known yet (see `needsMeetingCount`). */
  countingMeetings?: number
}

export type DueReminder = {
  pairing: string | number
  kind: ReminderKind
  /** What makes this reminder a new one: the date it hangs on (a new end date is a new occasion), and the stage. */
  occasion: string
  to: ReminderAudience[]
  /** The date the email talks about (proposal, startBy, start, end, closing), YYYY-MM-DD. */
  date: string
  /** 1-based for repeated reminders (proposal, fitxa). */
  stage: number
  /** The last of a series (the fitxa's after the last reminder; the proposal's second one). */
  last: boolean
}

const noMeetingWindow = (facts: ReminderFacts, today: string, days: ReminderDays) =>
  facts.status === 'active' &&
  Boolean(facts.startDate) &&
  today >= addDays(programmeDay(facts.startDate as string), days.noMeetingDays)

/** Whether the round must count this pairing's meetings (only pairings in the «no meeting yet» window). */
export const needsMeetingCount = (
  facts: ReminderFacts,
  today: string,
  days: ReminderDays,
): boolean => noMeetingWindow(facts, today, days)

/**
 * The reminders due for one pairing on `today` (a programme day). A round that did not run on the exact
 * day catches up later while the reminder still makes sense; a repeated reminder yields only its latest
 * stage, so a late round never sends two stages at once.
 */
export function dueReminders(
  facts: ReminderFacts,
  today: string,
  days: ReminderDays = DEFAULT_REMINDER_DAYS,
): DueReminder[] {
  const due: DueReminder[] = []
  const add = (
    kind: ReminderKind,
    date: string,
    occasion: string,
    to: ReminderAudience[],
    stage = 1,
    last = true,
  ) => due.push({ pairing: facts.id, kind, occasion, to, date, stage, last })

  if (facts.status === 'proposed' && facts.createdAt) {
    const proposed = programmeDay(facts.createdAt)
    // A proposal repointed to another mentor is a new proposal for that mentor.
    const base = `${facts.mentor ?? '-'}@${proposed}`
    if (today >= addDays(proposed, days.proposalUnansweredAgainDays)) {
      add(
        'proposalUnanswered',
        proposed,
        `${base}/${days.proposalUnansweredAgainDays}`,
        ['mentor', 'secretariat'],
        2,
        true,
      )
    } else if (today >= addDays(proposed, days.proposalUnansweredDays)) {
      add(
        'proposalUnanswered',
        proposed,
        `${base}/${days.proposalUnansweredDays}`,
        ['mentor'],
        1,
        false,
      )
    }
  }

  if (facts.status === 'accepted' && facts.editionStartBy) {
    const startBy = programmeDay(facts.editionStartBy)
    if (today >= addDays(startBy, days.notStartedDays))
      add('notStarted', startBy, startBy, ['mentor', 'mentee'])
  }

  if (noMeetingWindow(facts, today, days) && facts.countingMeetings === 0) {
    const start = programmeDay(facts.startDate as string)
    add('noMeeting', start, start, ['mentor', 'mentee'])
  }

  if (facts.status === 'active' && facts.endDate) {
    const end = programmeDay(facts.endDate)
    if (today >= addDays(end, -days.endApproachingDays) && today < end)
      add('endApproaching', end, end, ['mentor', 'mentee'])
    if (today >= addDays(end, days.overdueDays))
      add('overdue', end, end, ['secretariat', 'mentor', 'mentee'])
  }

  if (facts.status === 'completed' && facts.closingDate) {
    const closing = programmeDay(facts.closingDate)
    if (!facts.mentorEvaluated && today >= addDays(closing, days.evaluationMissingDays)) {
      add('evaluationMissing', closing, closing, ['mentor'])
    }
    if (!facts.fitxaPublished && !facts.fitxaWaitingForReview) {
      const first = addDays(closing, days.fitxaMissingDays)
      const afterLast = addDays(first, days.fitxaMissingTimes * days.fitxaMissingEveryDays)
      if (today >= afterLast) {
        add(
          'fitxaMissing',
          closing,
          `${closing}/secretaria`,
          ['secretariat'],
          days.fitxaMissingTimes + 1,
          true,
        )
      } else if (today >= first) {
        const stage = Math.min(
          days.fitxaMissingTimes,
          Math.floor(daysFrom(first, today) / days.fitxaMissingEveryDays) + 1,
        )
        add('fitxaMissing', closing, `${closing}/${stage}`, ['mentee'], stage, false)
      }
    }
  }
  return due
}

/** The unique key of one reminder email: the same pairing, kind, occasion and recipient never twice. */
export const reminderKey = (
  reminder: Pick<DueReminder, 'pairing' | 'kind' | 'occasion'>,
  audience: ReminderAudience,
): string => `${reminder.pairing}:${reminder.kind}:${reminder.occasion}:${audience}`

/** Counts per kind, every kind present (what the run endpoint and the button show). */
export const emptyCounts = (): Record<ReminderKind, number> =>
  Object.fromEntries(REMINDER_KINDS.map((kind) => [kind, 0])) as Record<ReminderKind, number>

/** Placeholders an email text may use; anything else in braces is a mistake in the options. */
export const TEMPLATE_PLACEHOLDERS = [
  'nom',
  'parella',
  'mentora',
  'mentorada',
  'data',
  'dies',
  'enllac',
  'vegada',
  'vegades',
] as const
export type TemplateValues = Partial<Record<(typeof TEMPLATE_PLACEHOLDERS)[number], string>>

export const unknownPlaceholders = (template: string): string[] =>
  [...template.matchAll(/\{([^{}\s]+)\}/g)]
    .map((match) => match[1])
    .filter((name) => !(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name))

/** Fills `{nom}`, `{enllac}`… in a text from the options. */
export const fillTemplate = (template: string, values: TemplateValues): string =>
  template.replace(/\{([a-z]+)\}/g, (whole, name: string) =>
    name in values ? String(values[name as keyof TemplateValues] ?? '') : whole,
  )
