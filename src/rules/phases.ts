import { dayOf } from './dates'

/** DOMAIN.md «Phases of an edition» (seed §4): the phase follows from the dates and the pairings, never set by hand. */
export const EDITION_PHASES = [
  'applications',
  'matching',
  'start',
  'accompaniment',
  'closing',
  'closed',
] as const
export type EditionPhase = (typeof EDITION_PHASES)[number]

export const EDITION_PHASE_LABELS: Record<EditionPhase, string> = {
  applications: 'Sol·licituds',
  matching: 'Aparellament',
  start: 'Inici dels acompanyaments',
  accompaniment: 'Acompanyaments en curs',
  closing: 'Tancament i fitxes',
  closed: 'Tancada',
}

export type EditionDates = {
  applicationsOpenAt: string
  applicationsCloseAt: string
  matchingBy?: string | null
  startBy?: string | null
}

/** How many of the edition's pairings are in each state that decides the phase. */
export type PhaseFacts = {
  proposed: number
  accepted: number
  active: number
  completed: number
  /** Completed pairings whose fitxa is not published yet (R10). */
  fitxaPending: number
}

export const NO_PAIRINGS: PhaseFacts = {
  proposed: 0,
  accepted: 0,
  active: 0,
  completed: 0,
  fitxaPending: 0,
}

/** True when the dates alone decide the phase, so nobody needs to count pairings. */
export function phaseNeedsPairings(edition: EditionDates, now: Date): boolean {
  if (now <= new Date(edition.applicationsCloseAt)) return false
  if (edition.matchingBy && dayOf(now) <= dayOf(edition.matchingBy)) return false
  if (edition.startBy && dayOf(now) <= dayOf(edition.startBy)) return Boolean(!edition.matchingBy)
  return true
}

/**
 * Applications until they close; then matching until `matchingBy` (or, without it, until a mentor
 * accepts); the start until `startBy`, and later while accepted pairings have not started and none is
 * under way; the accompaniment while any pairing is active; closing while a completed pairing still
 * owes its published fitxa; closed after that. Before the applications open the edition is already in
 * its applications phase (see `upcoming`).
 */
export function editionPhase(edition: EditionDates, facts: PhaseFacts, now: Date): EditionPhase {
  if (now <= new Date(edition.applicationsCloseAt)) return 'applications'
  const agreed = facts.accepted + facts.active + facts.completed
  if (
    edition.matchingBy
      ? dayOf(now) <= dayOf(edition.matchingBy)
      : agreed === 0 &&
        (facts.proposed > 0 || !edition.startBy || dayOf(now) <= dayOf(edition.startBy))
  ) {
    return 'matching'
  }
  if (edition.startBy && dayOf(now) <= dayOf(edition.startBy)) return 'start'
  if (facts.active > 0) return 'accompaniment'
  if (facts.accepted > 0 || facts.proposed > 0) return 'start'
  if (facts.fitxaPending > 0) return 'closing'
  return 'closed'
}

/** The applications have not opened yet: the phase label says when they will. */
export const isUpcoming = (edition: Pick<EditionDates, 'applicationsOpenAt'>, now: Date): boolean =>
  now < new Date(edition.applicationsOpenAt)

/**
 * The edition the secretariat is working on: the latest whose applications have opened, or, before the
 * first one opens, the earliest one.
 */
export function currentEdition<T extends { applicationsOpenAt: string; year: number }>(
  editions: readonly T[],
  now: Date,
): T | undefined {
  const sorted = [...editions].sort((a, b) => b.year - a.year)
  return sorted.find((edition) => new Date(edition.applicationsOpenAt) <= now) ?? sorted.at(-1)
}
