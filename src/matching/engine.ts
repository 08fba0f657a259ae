import {
  forbiddenSentence,
  lockRejectionSentence,
  proposalSentence,
  UNMATCHED_SENTENCES,
} from './explain'
import { compareIds, idKey } from './ids'
import { maximiseMatches } from './optimise'
import { resolveMatchingOptions, SCORE_UNITS_PER_POINT } from './options'
import {
  beyondLimit,
  buildScoreMatrix,
  INTRINSIC_REASONS,
  lacksSharedTopic,
  pairDetails,
  pairKm,
  preparePeople,
  sameMunicipality,
  topicFit,
  type PreparedPeople,
} from './prepare'
import type {
  Id,
  LockRejectionReason,
  MatchingCandidate,
  MatchingInput,
  MatchingMentor,
  MatchingOptions,
  MatchProposal,
  MatchResult,
  MentorSummary,
  PairEvaluation,
  PairForbiddenReason,
  PairRef,
  RejectedLock,
  ResolvedMatchingOptions,
  ScoreBreakdown,
  UnmatchedCandidate,
  UnmatchedReason,
} from './types'

export type MatchingInputErrorCode = 'duplicate_id' | 'invalid_capacity' | 'invalid_load'

/** Input the engine refuses outright, because any answer would hide a data bug. */
export class MatchingInputError extends Error {
  readonly code: MatchingInputErrorCode
  constructor(code: MatchingInputErrorCode, message: string) {
    super(message)
    this.name = 'MatchingInputError'
    this.code = code
  }
}

function sortById<T extends { id: Id }>(items: readonly T[], what: string): T[] {
  const sorted = [...items].sort((a, b) => compareIds(a.id, b.id))
  for (let k = 1; k < sorted.length; k++) {
    if (idKey(sorted[k].id) === idKey(sorted[k - 1].id)) {
      throw new MatchingInputError(
        'duplicate_id',
        `La ${what} amb identificador ${String(sorted[k].id)} hi és dues vegades.`,
      )
    }
  }
  return sorted
}

function points(units: number): number {
  return units / SCORE_UNITS_PER_POINT
}

function breakdown(
  topicUnits: number,
  distanceUnits: number,
  languageUnits: number,
): ScoreBreakdown {
  return {
    total: points(topicUnits + distanceUnits + languageUnits),
    topics: points(topicUnits),
    distance: points(distanceUnits),
    language: points(languageUnits),
  }
}

function roundKm(km: number): number | null {
  return Number.isNaN(km) ? null : Math.round(km * 10) / 10
}

interface Described {
  score: ScoreBreakdown
  scoreUnits: number
  matchedTopics: string[]
  distanceKm: number | null
  sharedLanguages: string[]
  explanation: string
  status: number
}

function describePair(
  p: PreparedPeople,
  i: number,
  j: number,
  opts: ResolvedMatchingOptions,
  locked: boolean,
): Described {
  const d = pairDetails(p, i, j)
  const matchedTopics = d.matchedTopics.map((t) => opts.topicLabel(t))
  const sharedLanguages = d.sharedLanguages.map((l) => opts.languageLabel(l))
  return {
    score: breakdown(d.topicUnits, d.distanceUnits, d.languageUnits),
    scoreUnits: d.topicUnits + d.distanceUnits + d.languageUnits,
    matchedTopics,
    distanceKm: roundKm(d.km),
    sharedLanguages,
    explanation: proposalSentence({ matchedTopics, km: d.km, sharedLanguages, locked }),
    status: d.status,
  }
}

/**
 * Score of one candidate–mentor pair and whether it may be proposed, by the
 * rules that depend on the two people alone: mentor available with capacity > 0
 * (R4), different councils (R5), within the distance limit, and a shared need
 * (unless `requireSharedTopic` is off or the candidate listed none).
 * `matchEdition` also applies declined/excluded pairs and the mentor's load.
 */
export function scorePair(
  candidate: MatchingCandidate,
  mentor: MatchingMentor,
  options: MatchingOptions = {},
): PairEvaluation {
  const opts = resolveMatchingOptions(options)
  const p = preparePeople([candidate], [mentor], opts)
  const d = describePair(p, 0, 0, opts, false)
  let forbiddenReason: PairForbiddenReason | null = null
  if (!mentor.available) forbiddenReason = 'mentor_unavailable'
  else if (!(mentor.capacity > 0)) forbiddenReason = 'mentor_at_capacity'
  else forbiddenReason = INTRINSIC_REASONS[d.status] ?? null
  return {
    allowed: forbiddenReason === null,
    forbiddenReason,
    score: d.score,
    scoreUnits: d.scoreUnits,
    matchedTopics: d.matchedTopics,
    distanceKm: d.distanceKm,
    sharedLanguages: d.sharedLanguages,
    explanation: forbiddenReason === null ? d.explanation : forbiddenSentence(forbiddenReason),
  }
}

interface IndexedLock {
  ref: PairRef
  i: number
  j: number
}

/**
 * An edition turned into one optimisation problem, before solving: people in
 * id order, locks applied, and the score matrix of the unlocked candidates
 * (rows) × mentors with places left (columns), -1 where a pair is forbidden.
 * `matchEdition` solves it; the benchmark hands the same matrix to reference
 * solvers.
 */
export interface EditionProblem {
  options: ResolvedMatchingOptions
  candidates: MatchingCandidate[]
  mentors: MatchingMentor[]
  people: PreparedPeople
  capacity: Int32Array
  load: Int32Array
  declined: Set<number>
  excluded: Set<number>
  /** Mentor index per candidate index for the locks kept, -1 otherwise. */
  lockedMentor: Int32Array
  rejectedLocks: RejectedLock[]
  /** Candidate index of each row and mentor index of each column. */
  rows: Int32Array
  cols: Int32Array
  /** Places each column still has for the optimiser. */
  colCapacity: Int32Array
  /** rows × cols, row-major, integer score units or -1. */
  score: Int32Array
  allowedPairs: number
}

export function buildEditionProblem(
  input: MatchingInput,
  options: MatchingOptions = {},
): EditionProblem {
  const opts = resolveMatchingOptions(options)
  const candidates = sortById(input.candidates, 'sol·licitud')
  const mentors = sortById(input.mentors, 'persona mentora')
  const nC = candidates.length
  const nM = mentors.length

  const capacity = new Int32Array(nM)
  mentors.forEach((m, j) => {
    if (!Number.isInteger(m.capacity) || m.capacity < 0 || m.capacity > 1e6) {
      throw new MatchingInputError(
        'invalid_capacity',
        `La capacitat de la persona mentora ${String(m.id)} ha de ser un enter ≥ 0 (és ${String(m.capacity)}).`,
      )
    }
    capacity[j] = m.capacity
  })

  const candidateIndex = new Map<string, number>()
  candidates.forEach((c, i) => candidateIndex.set(idKey(c.id), i))
  const mentorIndex = new Map<string, number>()
  mentors.forEach((m, j) => mentorIndex.set(idKey(m.id), j))

  const load = new Int32Array(nM)
  for (const entry of input.existingLoad ?? []) {
    if (!Number.isInteger(entry.count) || entry.count < 0) {
      throw new MatchingInputError(
        'invalid_load',
        `La càrrega de la persona mentora ${String(entry.mentorId)} ha de ser un enter ≥ 0 (és ${String(entry.count)}).`,
      )
    }
    const j = mentorIndex.get(idKey(entry.mentorId))
    if (j !== undefined) load[j] += entry.count
  }

  const pairSet = (refs: readonly PairRef[] | undefined): Set<number> => {
    const set = new Set<number>()
    for (const ref of refs ?? []) {
      const i = candidateIndex.get(idKey(ref.candidateId))
      const j = mentorIndex.get(idKey(ref.mentorId))
      if (i !== undefined && j !== undefined) set.add(i * nM + j)
    }
    return set
  }
  const declined = pairSet(input.declined)
  const excluded = pairSet(input.excluded)

  const people = preparePeople(candidates, mentors, opts)

  // Places left per mentor before this run: R4 counts every open pairing of the edition.
  const remaining = new Int32Array(nM)
  for (let j = 0; j < nM; j++)
    remaining[j] = mentors[j].available ? Math.max(0, capacity[j] - load[j]) : 0

  // Locked pairs: the secretariat's explicit choice overrides the soft preferences
  // (distance limit, shared topic) but never R4, R5 or a mentor's refusal.
  const rejectedLocks: RejectedLock[] = []
  const lockedMentor = new Int32Array(nC).fill(-1)
  const locks: IndexedLock[] = (input.locked ?? []).map((ref) => ({
    ref,
    i: candidateIndex.get(idKey(ref.candidateId)) ?? -1,
    j: mentorIndex.get(idKey(ref.mentorId)) ?? -1,
  }))
  locks.sort((a, b) => a.i - b.i || a.j - b.j)
  const reject = (lock: IndexedLock, reason: LockRejectionReason): void => {
    rejectedLocks.push({
      candidateId: lock.ref.candidateId,
      mentorId: lock.ref.mentorId,
      reason,
      explanation: lockRejectionSentence(reason),
    })
  }
  for (const lock of locks) {
    const { i, j } = lock
    if (i < 0) reject(lock, 'unknown_candidate')
    else if (j < 0) reject(lock, 'unknown_mentor')
    else if (lockedMentor[i] === j) continue
    else if (lockedMentor[i] >= 0) reject(lock, 'duplicate_candidate')
    else if (declined.has(i * nM + j)) reject(lock, 'declined')
    else if (excluded.has(i * nM + j)) reject(lock, 'excluded')
    else if (!mentors[j].available) reject(lock, 'mentor_unavailable')
    else if (sameMunicipality(people, i, j)) reject(lock, 'same_municipality')
    else if (remaining[j] <= 0) reject(lock, 'mentor_at_capacity')
    else {
      lockedMentor[i] = j
      remaining[j]--
    }
  }
  rejectedLocks.sort(
    (a, b) => compareIds(a.candidateId, b.candidateId) || compareIds(a.mentorId, b.mentorId),
  )

  // The optimiser sees unlocked candidates × mentors with places left.
  const rowList: number[] = []
  for (let i = 0; i < nC; i++) if (lockedMentor[i] < 0) rowList.push(i)
  const colList: number[] = []
  for (let j = 0; j < nM; j++) if (remaining[j] > 0) colList.push(j)
  const rows = Int32Array.from(rowList)
  const cols = Int32Array.from(colList)
  const rowOf = new Int32Array(nC).fill(-1)
  rows.forEach((i, r) => (rowOf[i] = r))
  const colOf = new Int32Array(nM).fill(-1)
  cols.forEach((j, c) => (colOf[j] = c))

  const score = buildScoreMatrix(people, rows, cols)
  for (const set of [declined, excluded]) {
    for (const key of set) {
      const r = rowOf[Math.floor(key / nM)]
      const c = colOf[key % nM]
      if (r >= 0 && c >= 0) score[r * cols.length + c] = -1
    }
  }
  let allowedPairs = 0
  for (let k = 0; k < score.length; k++) if (score[k] >= 0) allowedPairs++
  const colCapacity = new Int32Array(cols.length)
  cols.forEach((j, c) => (colCapacity[c] = remaining[j]))

  return {
    options: opts,
    candidates,
    mentors,
    people,
    capacity,
    load,
    declined,
    excluded,
    lockedMentor,
    rejectedLocks,
    rows,
    cols,
    colCapacity,
    score,
    allowedPairs,
  }
}

/**
 * Proposes mentor–mentee pairs for one edition: locked pairs first (when R4/R5
 * allow them), then an optimal assignment of everyone else that matches as many
 * candidates as possible and, among those assignments, has the highest total
 * score, within each mentor's remaining capacity.
 *
 * Deterministic: candidates and mentors are processed in id order, so the same
 * people in any input order give the same proposal.
 */
export function matchEdition(input: MatchingInput, options: MatchingOptions = {}): MatchResult {
  const problem = buildEditionProblem(input, options)
  const {
    options: opts,
    candidates,
    mentors,
    people,
    capacity,
    load,
    lockedMentor,
    rows,
    cols,
  } = problem
  const nC = candidates.length
  const nM = mentors.length
  const solution = maximiseMatches(
    problem.score,
    rows.length,
    cols.length,
    problem.colCapacity,
    opts.candidateListSize,
  )

  const assignedMentor = Int32Array.from(lockedMentor)
  for (let r = 0; r < rows.length; r++) {
    const c = solution.rowCol[r]
    if (c >= 0) assignedMentor[rows[r]] = cols[c]
  }

  const proposals: MatchProposal[] = []
  const proposedPerMentor = new Int32Array(nM)
  let scoreUnits = 0
  for (let i = 0; i < nC; i++) {
    const j = assignedMentor[i]
    if (j < 0) continue
    const locked = lockedMentor[i] >= 0
    const d = describePair(people, i, j, opts, locked)
    proposedPerMentor[j]++
    scoreUnits += d.scoreUnits
    proposals.push({
      candidateId: candidates[i].id,
      mentorId: mentors[j].id,
      locked,
      score: d.score,
      scoreUnits: d.scoreUnits,
      matchedTopics: d.matchedTopics,
      distanceKm: d.distanceKm,
      sharedLanguages: d.sharedLanguages,
      explanation: d.explanation,
    })
  }

  // Places before the locks, to tell "full already" from "taken in this run".
  const placesBefore = new Int32Array(nM)
  for (let j = 0; j < nM; j++)
    placesBefore[j] = mentors[j].available ? Math.max(0, capacity[j] - load[j]) : 0
  const unmatched: UnmatchedCandidate[] = []
  for (let i = 0; i < nC; i++) {
    if (assignedMentor[i] >= 0) continue
    unmatched.push(
      explainUnmatched(
        people,
        candidates[i],
        i,
        mentors,
        placesBefore,
        problem.declined,
        problem.excluded,
        opts,
      ),
    )
  }

  const mentorSummaries: MentorSummary[] = mentors.map((m, j) => ({
    mentorId: m.id,
    capacity: capacity[j],
    existingLoad: load[j],
    proposed: proposedPerMentor[j],
    remaining: Math.max(0, capacity[j] - load[j] - proposedPerMentor[j]),
  }))

  return {
    proposals,
    unmatched,
    rejectedLocks: problem.rejectedLocks,
    mentors: mentorSummaries,
    totalScore: points(scoreUnits),
    stats: {
      candidates: nC,
      mentors: nM,
      allowedPairs: problem.allowedPairs,
      matched: proposals.length,
      scoreUnits,
      solverRounds: solution.rounds,
    },
  }
}

/**
 * Narrows the mentors step by step, in the order a person would ask, and
 * reports the first step that leaves nobody.
 */
function explainUnmatched(
  p: PreparedPeople,
  candidate: MatchingCandidate,
  i: number,
  mentors: readonly MatchingMentor[],
  placesBefore: Int32Array,
  declined: ReadonlySet<number>,
  excluded: ReadonlySet<number>,
  opts: ResolvedMatchingOptions,
): UnmatchedCandidate {
  const nM = mentors.length
  let available = 0
  let sharing = 0
  let otherCouncil = 0
  let notRefused = 0
  let near = 0
  let withPlaces = 0
  let nearestTooFar = Number.POSITIVE_INFINITY
  let nearestLimit = Number.POSITIVE_INFINITY
  for (let j = 0; j < nM; j++) {
    if (!mentors[j].available) continue
    available++
    // Same order as the sentences: topic, then council, then refusals, then distance.
    if (lacksSharedTopic(p, i, topicFit(p, i, j))) continue
    sharing++
    if (sameMunicipality(p, i, j)) continue
    otherCouncil++
    if (declined.has(i * nM + j) || excluded.has(i * nM + j)) continue
    notRefused++
    const km = pairKm(p, i, j)
    if (beyondLimit(p, i, j, km)) {
      if (km < nearestTooFar) {
        nearestTooFar = km
        nearestLimit = Math.min(p.candidateMaxKm[i], p.mentorMaxKm[j])
      }
      continue
    }
    near++
    if (placesBefore[j] > 0) withPlaces++
  }
  let reason: UnmatchedReason
  let explanation: string
  if (available === 0) {
    reason = 'no_available_mentor'
    explanation = UNMATCHED_SENTENCES.no_available_mentor
  } else if (sharing === 0) {
    reason = 'no_shared_topic'
    explanation = UNMATCHED_SENTENCES.no_shared_topic(
      candidate.topics.map((t) => opts.topicLabel(t.trim())),
    )
  } else if (otherCouncil === 0) {
    reason = 'only_own_council'
    explanation = UNMATCHED_SENTENCES.only_own_council
  } else if (notRefused === 0) {
    reason = 'declined_or_excluded'
    explanation = UNMATCHED_SENTENCES.declined_or_excluded
  } else if (near === 0) {
    reason = 'too_far'
    explanation = UNMATCHED_SENTENCES.too_far(nearestTooFar, nearestLimit)
  } else if (withPlaces === 0) {
    reason = 'mentors_at_capacity'
    explanation = UNMATCHED_SENTENCES.mentors_at_capacity
  } else {
    reason = 'places_taken'
    explanation = UNMATCHED_SENTENCES.places_taken(withPlaces)
  }
  return { candidateId: candidate.id, reason, explanation }
}
