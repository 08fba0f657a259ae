import { dayOf } from './dates'
import { PAIRING_STATUSES, type PairingStatus } from './pairings'

/** The application states of DOMAIN.md («States») as the candidates collection stores them. */
export const CANDIDATE_STATUSES = [
  'submitted',
  'eligible',
  'ineligible',
  'matched',
  'completed',
  'withdrawn',
] as const
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number]

export const CANDIDATE_STATUS_LABELS: Record<CandidateStatus, string> = {
  submitted: 'Rebudes',
  eligible: 'Admeses',
  ineligible: 'No admeses',
  matched: 'Aparellades',
  completed: 'Mentoria completada',
  withdrawn: 'Retirades',
}

export const PAIRING_STATUS_TITLES: Record<PairingStatus, string> = {
  proposed: 'Proposades',
  accepted: 'Acceptades',
  declined: 'Declinades',
  active: 'En curs',
  completed: 'Completades',
  cancelled: 'Cancel·lades',
}

/** «Near their end date»: an active pairing whose agreed end falls within this many days from today. */
export const ENDING_SOON_DAYS = 30
export const REMINDER_WINDOW_DAYS = 7

/** GET /api/editions/:id/summary and the dashboard: the shape of DOMAIN.md «Public interfaces». */
export type EditionSummary = {
  edition: { id: number | string; name: string; year: number; phase: string }
  candidates: { total: number; byStatus: Record<CandidateStatus, number> }
  pairings: {
    total: number
    byStatus: Record<PairingStatus, number>
    activeWithoutRequiredMeetings: number
    endingSoon: number
    overdue: number
    fitxaMissing: number
  }
  proposals: { waiting: number; oldestWaitingDays: number | null }
  incidents: { open: number }
  reminders: { sentLast7Days: number }
}

const DAY_MS = 86_400_000

/** Midnight (UTC) of a calendar day `days` after `now`'s, as the dates are compared (R8 compares days). */
export const dayStart = (now: Date, days = 0): string =>
  new Date(Date.parse(`${dayOf(now)}T00:00:00.000Z`) + days * DAY_MS).toISOString()

/** Whole days a proposal has been waiting since it was made. */
export const daysSince = (since: string | null | undefined, now: Date): number | null =>
  since ? Math.max(0, Math.floor((now.getTime() - new Date(since).getTime()) / DAY_MS)) : null

type Condition = Record<string, unknown>
/** Payload `where` objects, plain data, shared by the queries, the bench and the links to the admin lists. */
export type Where = { and?: Condition[] } & Condition

const all = (...conditions: Condition[]): Where => ({ and: conditions })
/** One edition's records, or every edition's (`null`): the console's «Què us necessita» misses none. */
const ofEdition = (edition: number | string | null): Condition[] =>
  edition === null ? [] : [{ edition: { equals: edition } }]
/**
 * Incidents and reminders belong to an edition through their pairing. `pairing.edition` is fine for the
 * API's counts, but the admin's list view cannot show a filter on a relationship's field (its filter
 * builder throws), so the links name the pairings instead (`pairingsIn`).
 */
const ofPairingEdition = (edition: number | string | null): Condition[] =>
  edition === null ? [] : [{ 'pairing.edition': { equals: edition } }]
const remindersSince = (now: Date): Condition => ({
  sentAt: {
    greater_than_equal: new Date(now.getTime() - REMINDER_WINDOW_DAYS * DAY_MS).toISOString(),
  },
})

export const summaryFilters = (edition: number | string | null, now: Date) => ({
  candidates: all(...ofEdition(edition)),
  candidatesWithStatus: (status: string) =>
    all(...ofEdition(edition), { status: { equals: status } }),
  pairings: all(...ofEdition(edition)),
  pairingsWithStatus: (status: string) =>
    all(...ofEdition(edition), { status: { equals: status } }),
  // R7 so far: `countedMeetings` is `countMeetingsSoFar` (src/rules/meetings.ts), stored by src/services/meeting-count.ts
  // whenever a meeting or a start date changes (and backfilled by the migration that added it).
  withoutRequiredMeetings: (required: number) =>
    all(
      ...ofEdition(edition),
      { status: { equals: 'active' } },
      { countedMeetings: { less_than: required } },
    ),
  // R8 compares calendar days: due today is not overdue, and today is within the next 30 days.
  endingSoon: all(
    ...ofEdition(edition),
    { status: { equals: 'active' } },
    { endDate: { greater_than_equal: dayStart(now) } },
    { endDate: { less_than: dayStart(now, ENDING_SOON_DAYS + 1) } },
  ),
  overdue: all(
    ...ofEdition(edition),
    { status: { equals: 'active' } },
    { endDate: { less_than: dayStart(now) } },
  ),
  // R10: owed until published.
  fitxaMissing: all(
    ...ofEdition(edition),
    { status: { equals: 'completed' } },
    { fitxaPublished: { not_equals: true } },
  ),
  openIncidents: all(...ofPairingEdition(edition), { status: { equals: 'open' } }),
  /** The reminders record (one per email of the daily round, `sentAt` once it went out), whatever its texts say, for this edition's pairings. */
  remindersSent: all(...ofPairingEdition(edition), remindersSince(now)),
})

/** The admin lists of one edition's incidents and reminders: by their pairings, fields the list view can filter on. */
export const pairingsIn = (pairings: readonly (number | string)[], now: Date) => ({
  openIncidents: all({ pairing: { in: [...pairings] } }, { status: { equals: 'open' } }),
  remindersSent: all({ pairing: { in: [...pairings] } }, remindersSince(now)),
})

export const zeroByStatus = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>

export const emptyPairingCounts = () => zeroByStatus(PAIRING_STATUSES)
export const emptyCandidateCounts = () => zeroByStatus(CANDIDATE_STATUSES)

/** `where[and][0][edition][equals]=3&…`: a `where` as the admin's list URL reads it (qs brackets). */
export function whereQuery(where: unknown, prefix = 'where'): string {
  const parts: string[] = []
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${path}[${index}]`))
    else if (value && typeof value === 'object')
      for (const [key, item] of Object.entries(value)) walk(item, `${path}[${key}]`)
    else
      parts.push(
        `${encodeURIComponent(path).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encodeURIComponent(String(value))}`,
      )
  }
  walk(where, prefix)
  return parts.join('&')
}

/** The admin list behind a figure. */
export const adminListUrl = (collection: string, where: unknown): string =>
  `/admin/collections/${collection}?${whereQuery(where)}`
