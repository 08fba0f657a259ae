import { addDays, daysFrom, programmeDay } from './reminders'

/**
 * Check-ins (DOMAIN.md, «Reminders and notices»): one short question by email to one party of one
 * pairing, answered with one signed link; answers are read by the secretariat only (R13). Pure: which
 * check-ins are due on a programme day (Europe/Madrid).
 */
export const CHECKINS_SLUG = 'checkins'

export const CHECKIN_KINDS = ['first-contact', 'midterm'] as const
export type CheckinKind = (typeof CHECKIN_KINDS)[number]
export type CheckinParty = 'mentor' | 'mentee'

export const CHECKIN_KIND_LABELS: Record<CheckinKind, { ca: string; es: string; en: string }> = {
  'first-contact': { ca: 'Primer contacte', es: 'Primer contacto', en: 'First contact' },
  midterm: { ca: 'Meitat del camí', es: 'Mitad del camino', en: 'Halfway' },
}

/** The answers a link can carry: «yes» / «not yet» to the first contact; 1–5 halfway. */
export const CHECKIN_ANSWERS = ['yes', 'not-yet', '1', '2', '3', '4', '5'] as const
export type CheckinAnswer = (typeof CHECKIN_ANSWERS)[number]

export const answersFor = (kind: CheckinKind): readonly CheckinAnswer[] =>
  kind === 'first-contact' ? ['yes', 'not-yet'] : ['1', '2', '3', '4', '5']

export const CHECKIN_ANSWER_LABELS: Record<CheckinAnswer, string> = {
  yes: 'Sí, ja ens hem posat en contacte',
  'not-yet': 'Encara no',
  '1': '1 — Malament',
  '2': '2 — Amb dificultats',
  '3': '3 — Regular',
  '4': '4 — Bé',
  '5': '5 — Molt bé',
}

/** Days after the mentor accepts when the mentor is asked «has the mentee contacted you?». */
export const FIRST_CONTACT_DAYS = 10
/** How long a due check-in may still go out (a round missed, a server down): not months later. */
export const CHECKIN_WINDOW_DAYS = 14

export type CheckinFacts = {
  id: string | number
  status: string
  /** When the mentor accepted (`pairings.answeredAt`). */
  answeredAt?: string | null
  startDate?: string | null
  endDate?: string | null
}

export type DueCheckin = { pairing: string | number; kind: CheckinKind; party: CheckinParty }

/** Each check-in goes out once per pairing, kind and person: its key, unique in `checkins`. */
export const checkinKey = (checkin: DueCheckin): string =>
  `${String(checkin.pairing)}:${checkin.kind}:${checkin.party}`

/** Halfway between the start and the agreed end (a calendar day). */
export function halfwayDay(startDate: string, endDate: string): string {
  const start = programmeDay(startDate)
  return addDays(start, Math.floor(daysFrom(start, programmeDay(endDate)) / 2))
}

/**
 * What is due today: the first contact, to the mentor, from `FIRST_CONTACT_DAYS` after accepting
 * (while accepted or active); halfway, to both, from the halfway day until the end (while active).
 */
export type CheckinDays = { firstContactDays: number; windowDays: number }

export function dueCheckins(
  facts: CheckinFacts,
  today: string,
  days: CheckinDays = { firstContactDays: FIRST_CONTACT_DAYS, windowDays: CHECKIN_WINDOW_DAYS },
): DueCheckin[] {
  const due: DueCheckin[] = []
  if ((facts.status === 'accepted' || facts.status === 'active') && facts.answeredAt) {
    const from = addDays(programmeDay(facts.answeredAt), days.firstContactDays)
    if (today >= from && today < addDays(from, days.windowDays))
      due.push({ pairing: facts.id, kind: 'first-contact', party: 'mentor' })
  }
  if (facts.status === 'active' && facts.startDate && facts.endDate) {
    const halfway = halfwayDay(facts.startDate, facts.endDate)
    if (today >= halfway && today < programmeDay(facts.endDate)) {
      due.push(
        { pairing: facts.id, kind: 'midterm', party: 'mentor' },
        { pairing: facts.id, kind: 'midterm', party: 'mentee' },
      )
    }
  }
  return due
}
