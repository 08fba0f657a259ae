import { checkPartyFields, type Party } from './pairings'
import { allowed, type RuleResult } from './result'

/**
 * R13, the one place that states it (a relationship of trust, seed §2): an incident is read by the
 * person who reported it and the secretariat, never by the other party; each party's evaluation by its
 * author and the secretariat; check-in answers by the secretariat only. Access (collections/Incidents.ts,
 * access/ownership.ts `evaluationVisibleTo`, the access matrix), the personal-data export
 * (src/services/personal-data.ts) and the views (which read as the person) all follow `mayReadConfidential`.
 */
export const CONFIDENTIAL = [
  'incident',
  'mentorEvaluation',
  'menteeEvaluation',
  'checkinAnswer',
] as const
export type Confidential = (typeof CONFIDENTIAL)[number]

/** Beyond the secretariat, who reads each: its author (the reporter, the evaluating party), or nobody. */
export const CONFIDENTIAL_READERS: Record<Confidential, 'author' | 'secretariat only'> = {
  incident: 'author',
  mentorEvaluation: 'author',
  menteeEvaluation: 'author',
  checkinAnswer: 'secretariat only',
}

/** R13: whether a reader may read a confidential record (`author`: they reported the incident, or wrote the evaluation). */
export function mayReadConfidential(
  item: Confidential,
  reader: { secretariat: boolean; author: boolean },
): boolean {
  if (reader.secretariat) return true
  return CONFIDENTIAL_READERS[item] === 'author' && reader.author
}

/**
 * R13 as a query scope, for access that answers a `where`: everything (the secretariat), only what the
 * reader authored, or nothing.
 */
export const confidentialScope = (
  item: Confidential,
  secretariat: boolean,
): 'all' | 'authored' | 'none' =>
  mayReadConfidential(item, { secretariat, author: false })
    ? 'all'
    : mayReadConfidential(item, { secretariat, author: true })
      ? 'authored'
      : 'none'

/** The evaluation a party writes, and the one that is confidential from them. */
export const evaluationOf = (side: Exclude<Party, 'secretariat'>): Confidential =>
  side === 'mentor' ? 'mentorEvaluation' : 'menteeEvaluation'

/** R13: what each party may neither read nor write, as dotted paths (the other party's evaluation). */
export const CONFIDENTIAL_FROM: Record<Exclude<Party, 'secretariat'>, readonly string[]> = {
  mentor: ['closing.menteeEvaluation'],
  mentee: ['closing.mentorEvaluation'],
}

/**
 * R13: a party that sends any part of what is confidential from them (`written`: the dotted paths the
 * request sets, whatever their value) is refused the same way every time, so that the answer never
 * depends on the stored value and cannot confirm a guess.
 */
export function checkConfidentialWrites(party: Party, written: readonly string[]): RuleResult {
  if (party === 'secretariat') return allowed
  const hidden = CONFIDENTIAL_FROM[party].find((path) =>
    written.some((one) => one === path || one.startsWith(`${path}.`) || path.startsWith(`${one}.`)),
  )
  return hidden ? checkPartyFields(party, [hidden]) : allowed
}
