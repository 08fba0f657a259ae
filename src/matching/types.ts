/**
 * Public types of the matching engine. Plain data only: the Payload side maps
 * its documents to these shapes, so nothing here depends on Payload.
 */

/** Payload ids are strings (MongoDB) or numbers (SQLite); both are accepted. */
export type Id = string | number

export interface Coordinates {
  lat: number
  lon: number
}

/** Hard limits a person may set on their own pairings. */
export interface PairingConstraints {
  /** Straight-line km between the two councils; further pairs are impossible. */
  maxDistanceKm?: number | null
}

/** An eligible candidate (sol·licitud) of the edition being matched. */
export interface MatchingCandidate {
  id: Id
  municipalityId: Id
  /** Coordinates of the candidate's council; missing means "distance unknown". */
  coordinates?: Coordinates | null
  /** Needs (àmbits) in priority order: the first one matters most. */
  topics: readonly string[]
  languages?: readonly string[]
  constraints?: PairingConstraints | null
}

/** A mentor (persona mentora) who could take candidates in this edition. */
export interface MatchingMentor {
  id: Id
  municipalityId: Id
  coordinates?: Coordinates | null
  topics: readonly string[]
  /** Total pairings this mentor accepts per edition (R4). Integer ≥ 0. */
  capacity: number
  /** R4: only available mentors are proposed. */
  available: boolean
  languages?: readonly string[]
  constraints?: PairingConstraints | null
}

export interface PairRef {
  candidateId: Id
  mentorId: Id
}

/** Capacity already used by proposed, accepted or active pairings of the edition. */
export interface MentorLoad {
  mentorId: Id
  count: number
}

export interface MatchingInput {
  candidates: readonly MatchingCandidate[]
  mentors: readonly MatchingMentor[]
  /** Pairs the secretariat fixed: kept whenever rules R4/R5 allow them. */
  locked?: readonly PairRef[]
  /** Pairs the secretariat ruled out for this run. */
  excluded?: readonly PairRef[]
  /** Pairs a mentor already declined: never proposed again. */
  declined?: readonly PairRef[]
  existingLoad?: readonly MentorLoad[]
}

/** Weights in points; a pair scores at most the sum of the three. */
export interface MatchingWeights {
  topics: number
  distance: number
  language: number
}

/**
 * How the candidate's needs are weighed by position i (0-based) out of n:
 * - `harmonic`: 1 / (i + 1) — the first need counts as much as the next two together.
 * - `linear`: (n − i) / n.
 */
export type TopicDecay = 'harmonic' | 'linear'

export interface MatchingOptions {
  weights?: Partial<MatchingWeights>
  topicDecay?: TopicDecay
  /** Hard limit in km for every pair (`null`: no limit). Default 200. */
  maxDistanceKm?: number | null
  /** Distance at which the distance score reaches 0. Default 200 km. */
  distanceScaleKm?: number
  /** When true (default), a pair must share at least one of the candidate's needs. */
  requireSharedTopic?: boolean
  /** Human label of a topic value, for the Catalan explanations. */
  topicLabel?: (topic: string) => string
  /** Human label of a language value; defaults know ca, es, oc, en, fr… */
  languageLabel?: (language: string) => string
  /**
   * Solver tuning: how many best mentors per candidate the first sparse pass
   * keeps. The result is optimal whatever the value (it is verified against
   * every allowed pair and widened when needed); it only changes the speed.
   */
  candidateListSize?: number
}

export interface ResolvedMatchingOptions {
  weights: MatchingWeights
  topicDecay: TopicDecay
  maxDistanceKm: number | null
  distanceScaleKm: number
  requireSharedTopic: boolean
  topicLabel: (topic: string) => string
  languageLabel: (language: string) => string
  candidateListSize: number
}

/** Score of a pair in points, split into its parts; `total` is their sum. */
export interface ScoreBreakdown {
  total: number
  topics: number
  distance: number
  language: number
}

/** Why a pair can never be proposed. */
export type PairForbiddenReason =
  | 'same_municipality'
  | 'mentor_unavailable'
  | 'mentor_at_capacity'
  | 'declined'
  | 'excluded'
  | 'too_far'
  | 'no_shared_topic'

export interface PairEvaluation {
  allowed: boolean
  /** First rule that forbids the pair, when `allowed` is false. */
  forbiddenReason: PairForbiddenReason | null
  score: ScoreBreakdown
  /** Integer score (points × 1000) the optimiser uses: exact, no float ties. */
  scoreUnits: number
  /** Shared needs, in the candidate's priority order. */
  matchedTopics: string[]
  /** Straight-line km between the councils, 0.1 km precision; null if unknown. */
  distanceKm: number | null
  sharedLanguages: string[]
  /** One Catalan sentence. */
  explanation: string
}

export interface MatchProposal {
  candidateId: Id
  mentorId: Id
  /** Fixed by the secretariat rather than chosen by the optimiser. */
  locked: boolean
  score: ScoreBreakdown
  scoreUnits: number
  matchedTopics: string[]
  distanceKm: number | null
  sharedLanguages: string[]
  /** One Catalan sentence, e.g. "Coincideixen en 2 àmbits (…); els ajuntaments són a 34 km; parlen català." */
  explanation: string
}

export type UnmatchedReason =
  | 'no_available_mentor'
  | 'no_shared_topic'
  | 'only_own_council'
  | 'declined_or_excluded'
  | 'too_far'
  | 'mentors_at_capacity'
  | 'places_taken'

export interface UnmatchedCandidate {
  candidateId: Id
  reason: UnmatchedReason
  /** One Catalan sentence. */
  explanation: string
}

export type LockRejectionReason =
  'unknown_candidate' | 'unknown_mentor' | 'duplicate_candidate' | PairForbiddenReason

export interface RejectedLock {
  candidateId: Id
  mentorId: Id
  reason: LockRejectionReason
  explanation: string
}

export interface MentorSummary {
  mentorId: Id
  capacity: number
  existingLoad: number
  proposed: number
  /** Places still free after this proposal. */
  remaining: number
}

export interface MatchStats {
  candidates: number
  mentors: number
  /** Candidate–mentor pairs that no rule forbids. */
  allowedPairs: number
  matched: number
  /** Sum of `scoreUnits` of all proposals (the optimiser's second objective). */
  scoreUnits: number
  /** Times the sparse pass had to be widened before its optimality proof held. */
  solverRounds: number
}

export interface MatchResult {
  /** Sorted by candidate id. */
  proposals: MatchProposal[]
  unmatched: UnmatchedCandidate[]
  rejectedLocks: RejectedLock[]
  mentors: MentorSummary[]
  /** Sum of proposal scores in points. */
  totalScore: number
  stats: MatchStats
}
