import { dayOf, formatDateCa } from './dates'
import { MODALITY_LABELS } from './modalities'
import { PAIRING_STATUS_LABELS, type PairingStatus } from './pairing-status'
import { allowed, refuse, type RuleResult } from './result'

/**
 * R7, the one place that states it: which meetings count (held, of a counting modality, between the
 * start and the closing date), the words that name the counting modalities, how many a pairing needs
 * to close, and each meeting's status and dates. The stored counter (`pairings.countedMeetings`,
 * src/services/meeting-count.ts), the reminders (src/jobs/reminders.ts), the console's summary
 * (src/rules/summary.ts) and every view count with `countQualifyingMeetings` and say
 * `countingModalitiesLabel`.
 */

/**
 * R7 counts only `held` meetings: a `planned` one (a date the two agreed) or a `cancelled` one never
 * does; every caller must read it. A meeting stored before meetings had a status (none on MongoDB)
 * was recorded after it happened, so it counts as held.
 */
export type MeetingFact = { date: string; modality: string; status?: string | null }

export const isHeld = (meeting: { status?: string | null }): boolean =>
  (meeting.status ?? 'held') === 'held'

/** The meeting statuses a query leaves out to keep only the held meetings (and those stored before statuses). */
export const NOT_HELD: readonly string[] = ['planned', 'cancelled']

/** R7: enough held meetings of a counting modality between the start and the closing date. */
export function countQualifyingMeetings(
  meetings: readonly MeetingFact[],
  window: { startDate: string; closingDate: string },
  countingModalities: readonly string[],
): number {
  const from = dayOf(window.startDate)
  const to = dayOf(window.closingDate)
  return meetings.filter((meeting) => {
    const day = dayOf(meeting.date)
    return (
      isHeld(meeting) && countingModalities.includes(meeting.modality) && day >= from && day <= to
    )
  }).length
}

/** The counting modalities in words, as in "dues trobades presencials" ("presencials o en línia"). */
export const countingModalitiesLabel = (countingModalities: readonly string[]): string =>
  countingModalities.map((modality) => MODALITY_LABELS[modality] ?? modality).join(' o ')

/** R7 to close: at least `requiredMeetings` meetings that count. */
export function checkRequiredMeetings(
  counted: number,
  options: { requiredMeetings: number; countingModalities: readonly string[] },
): RuleResult {
  if (counted >= options.requiredMeetings) return allowed
  return refuse(
    'R7',
    `Per completar calen com a mínim ${options.requiredMeetings} trobades ${countingModalitiesLabel(options.countingModalities)} entre l'inici i el tancament; n'hi ha ${counted}.`,
    { field: 'status' },
  )
}

/**
 * The meetings that count so far, as stored on the pairing (`countedMeetings`) and as the reminders read
 * it: held ones of a counting modality from the start (none is later than today: a held meeting is never
 * in the future), up to `until` (a day, YYYY-MM-DD, or an ISO date; no end when not given).
 */
export const countMeetingsSoFar = (
  meetings: readonly MeetingFact[],
  startDate: string | null | undefined,
  countingModalities: readonly string[],
  until = '9999-12-31',
): number =>
  countQualifyingMeetings(
    meetings,
    { startDate: startDate ?? '1970-01-01', closingDate: until },
    countingModalities,
  )

/** Held meetings of a counting modality, whatever their date (the views' «N presencials»). */
export const countHeldCountingMeetings = (
  meetings: readonly MeetingFact[],
  countingModalities: readonly string[],
): number =>
  meetings.filter((meeting) => isHeld(meeting) && countingModalities.includes(meeting.modality))
    .length

/** A query for the meetings that may count (the rule above still judges the dates). */
export const countingMeetingsWhere = (countingModalities: readonly string[]) => ({
  modality: { in: [...countingModalities] },
  status: { not_in: [...NOT_HELD] },
})

/** R7: a meeting happened already, and not before the accompaniment started. */
export function checkMeetingDate(
  date: string | null | undefined,
  startDate: string | null | undefined,
  now: Date = new Date(),
): RuleResult {
  if (!date || Number.isNaN(new Date(date).getTime()))
    return refuse('R7', 'Cal la data de la trobada.', { field: 'date' })
  if (dayOf(date) > dayOf(now)) {
    return refuse('R7', "Una trobada no pot tenir data futura: registreu-la quan s'hagi fet.", {
      field: 'date',
    })
  }
  if (startDate && dayOf(date) < dayOf(startDate)) {
    return refuse(
      'R7',
      `Una trobada no pot ser anterior a l'inici de l'acompanyament (${formatDateCa(startDate)}).`,
      { field: 'date' },
    )
  }
  return allowed
}

/** R7: meetings are recorded (and changed or deleted) while the accompaniment is active. */
export const OPEN_FOR_MEETINGS: readonly PairingStatus[] = ['active']

/** R7: not before the start is recorded; once a pairing is closed its meetings are the evidence, and stay as they were. */
export function checkOpenForMeetings(status: PairingStatus | null | undefined): RuleResult {
  const current = status ?? 'proposed'
  if (current === 'accepted') {
    return refuse(
      'R7',
      "Primer cal registrar l'inici de l'acompanyament (dates i acord); després, les trobades.",
      { field: 'pairing', status: 409 },
    )
  }
  return OPEN_FOR_MEETINGS.includes(current)
    ? allowed
    : refuse(
        'R7',
        `L'acompanyament està ${PAIRING_STATUS_LABELS[current]}: les trobades només es registren mentre és en curs.`,
        {
          field: 'pairing',
          status: 409,
        },
      )
}

/** R7: a meeting is changed or deleted only by whoever recorded it, or the secretariat. */
export function checkRecordedBy(party: string, recordedByMe: boolean): RuleResult {
  return party === 'secretariat' || recordedByMe
    ? allowed
    : refuse(
        'R7',
        'Només qui ha registrat la trobada (o la secretaria tècnica) la pot canviar o esborrar.',
        { status: 403 },
      )
}

/** A meeting is `planned` (a date the two agreed), then `held` (it counts for R7) or `cancelled`. */
export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const
export type MeetingStatus = (typeof MEETING_STATUSES)[number]

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: 'prevista',
  held: 'feta',
  cancelled: 'anul·lada',
}

/** The fields whose change moves a planned meeting in people's calendars (a new SEQUENCE, a new invitation). */
export const CALENDAR_FIELDS = ['date', 'modality', 'place', 'durationMinutes'] as const

/**
 * R7: who changes a meeting. Whoever recorded it, or the secretariat, changes anything; the other party
 * only marks a planned meeting held or cancelled, in one step (the status and nothing else).
 */
export function checkMeetingEditor(args: {
  party: string
  recordedByMe: boolean
  from: MeetingStatus
  to: MeetingStatus
  otherChanges: readonly string[]
}): RuleResult {
  if (args.party === 'secretariat' || args.recordedByMe) return allowed
  if (args.from === 'planned' && args.to !== 'planned' && args.otherChanges.length === 0)
    return allowed
  return refuse(
    'R7',
    args.from === 'planned'
      ? 'Només qui ha previst la trobada (o la secretaria tècnica) la pot canviar; vós la podeu marcar com a feta o anul·lada un cop passat el dia.'
      : 'Només qui ha registrat la trobada (o la secretaria tècnica) la pot canviar o esborrar.',
    { status: 403 },
  )
}

/**
 * R7: a meeting's status and date. A new meeting is planned (from today on, not before the start) or
 * held (not in the future, not before the start). A planned meeting becomes held once its day has
 * come, or cancelled at any time; a held or cancelled meeting never goes back to planned, and a
 * cancelled one stays cancelled.
 */
export function checkMeetingStatus(args: {
  /** undefined when the meeting is new. */
  from?: MeetingStatus | null
  to: MeetingStatus
  date: string | null | undefined
  startDate: string | null | undefined
  dateChanged: boolean
  now?: Date
}): RuleResult {
  const { from, to, date, startDate, now = new Date() } = args
  if (!MEETING_STATUSES.includes(to))
    return refuse('R7', "L'estat de la trobada ha de ser prevista, feta o anul·lada.", {
      field: 'status',
    })
  if (!from && to === 'cancelled')
    return refuse('R7', 'Una trobada nova és prevista o feta; no es pot registrar ja anul·lada.', {
      field: 'status',
    })
  if (from === 'held' && to !== 'held') {
    return refuse(
      'R7',
      'Una trobada feta no pot tornar a ser prevista ni anul·lar-se; si no es va fer, esborreu-la.',
      { field: 'status', status: 409 },
    )
  }
  if (from === 'cancelled' && to !== 'cancelled') {
    return refuse('R7', 'Una trobada anul·lada no es recupera: preveieu-ne una de nova.', {
      field: 'status',
      status: 409,
    })
  }
  if (to === 'held') {
    if (from === 'planned' && date && dayOf(date) > dayOf(now)) {
      return refuse(
        'R7',
        `La trobada és prevista per al ${formatDateCa(date)}: la podreu marcar com a feta a partir d'aquell dia.`,
        { field: 'status', status: 409 },
      )
    }
    return checkMeetingDate(date, startDate, now)
  }
  if (to === 'planned') {
    if (!date || Number.isNaN(new Date(date).getTime()))
      return refuse('R7', 'Cal la data de la trobada.', { field: 'date' })
    if ((!from || args.dateChanged) && dayOf(date) < dayOf(now)) {
      return refuse(
        'R7',
        "Una trobada prevista ha de ser d'avui endavant; si ja s'ha fet, registreu-la com a feta.",
        { field: 'date' },
      )
    }
    if (startDate && dayOf(date) < dayOf(startDate)) {
      return refuse(
        'R7',
        `Una trobada no pot ser anterior a l'inici de l'acompanyament (${formatDateCa(startDate)}).`,
        { field: 'date' },
      )
    }
  }
  return allowed
}

/** A meeting's title in lists: "Trobada presencial · 2026-11-20". */
export const meetingTitle = (modality: string, date: string): string =>
  `Trobada ${MODALITY_LABELS[modality]?.replace(/s$/, '') ?? modality} · ${date}`
