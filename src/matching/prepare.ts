import { chordKm, unitVectorKm, writeUnitVector } from './geo'
import { idKey } from './ids'
import {
  normalizeLanguage,
  normalizeTopic,
  SCORE_UNITS_PER_POINT,
  topicPriorityWeight,
} from './options'
import type {
  MatchingCandidate,
  MatchingMentor,
  PairForbiddenReason,
  ResolvedMatchingOptions,
} from './types'

/**
 * Candidates and mentors turned into flat typed arrays, with topics, languages
 * and municipalities interned to small integers, so that scoring a pair costs
 * a few array reads and no allocation.
 */
export interface PreparedPeople {
  candidateCount: number
  mentorCount: number
  topicCount: number
  languageCount: number
  /** Interned municipality per person; -1 when unknown (never "the same"). */
  candidateMunicipality: Int32Array
  mentorMunicipality: Int32Array
  /** Unit vectors, 3 per person, NaN when coordinates are unknown. */
  candidateXyz: Float64Array
  mentorXyz: Float64Array
  /** Effective km limit per candidate (global option and own constraint); Infinity = none. */
  candidateMaxKm: Float64Array
  mentorMaxKm: Float64Array
  /** Candidate needs, CSR: interned topic and its normalised priority weight (they sum to 1). */
  candidateTopicStart: Int32Array
  candidateTopic: Int32Array
  candidateTopicWeight: Float64Array
  /** Original spelling of each need, for the explanations. */
  candidateTopicText: string[]
  candidateLanguageStart: Int32Array
  candidateLanguage: Int32Array
  /** mentorTopic[j * topicCount + t] = 1 when mentor j covers topic t. */
  mentorTopic: Uint8Array
  mentorLanguage: Uint8Array
  /** Normalised language keys by interned index. */
  languageKeys: string[]
  scale: ScoreScale
}

/** Weights in integer units and the rules that depend only on options. */
export interface ScoreScale {
  topicUnits: number
  distanceUnits: number
  languageUnits: number
  /** Highest score a pair can reach, in units. */
  maxPairUnits: number
  distanceScaleKm: number
  /** 1 / distanceScaleKm, so that every path multiplies by the very same number. */
  inverseDistanceScaleKm: number
  requireSharedTopic: boolean
}

// Bound once: a module-local reference stays a direct call even where a
// transpiler turns imports into property getters (tsx in CommonJS mode, test runners).
const chordToKm = chordKm

export const PAIR_ALLOWED = 0
export const PAIR_SAME_MUNICIPALITY = 1
export const PAIR_TOO_FAR = 2
export const PAIR_NO_SHARED_TOPIC = 3

export const INTRINSIC_REASONS: readonly (PairForbiddenReason | null)[] = [
  null,
  'same_municipality',
  'too_far',
  'no_shared_topic',
]

function limitKm(value: number | null | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0
    ? value
    : Number.POSITIVE_INFINITY
}

class Interner {
  readonly keys: string[] = []
  private readonly index = new Map<string, number>()
  // The same few spellings repeat across people: normalise each one once.
  private readonly raw = new Map<string, number>()

  constructor(private readonly normalise: (value: string) => string = (value) => value) {}

  get(value: string): number {
    let i = this.raw.get(value)
    if (i !== undefined) return i
    const key = this.normalise(value)
    i = this.index.get(key)
    if (i === undefined) {
      i = this.keys.length
      this.keys.push(key)
      this.index.set(key, i)
    }
    this.raw.set(value, i)
    return i
  }
}

export function preparePeople(
  candidates: readonly MatchingCandidate[],
  mentors: readonly MatchingMentor[],
  options: ResolvedMatchingOptions,
): PreparedPeople {
  const nC = candidates.length
  const nM = mentors.length
  const municipalities = new Interner()
  const topics = new Interner(normalizeTopic)
  const languages = new Interner(normalizeLanguage)
  const municipalityOf = (id: unknown): number =>
    typeof id === 'string' || typeof id === 'number' ? municipalities.get(idKey(id)) : -1

  const candidateMunicipality = new Int32Array(nC)
  const candidateXyz = new Float64Array(3 * nC)
  const candidateMaxKm = new Float64Array(nC)
  const candidateTopicStart = new Int32Array(nC + 1)
  const candidateLanguageStart = new Int32Array(nC + 1)
  const topicList: number[] = []
  const weightList: number[] = []
  const candidateTopicText: string[] = []
  const languageList: number[] = []
  const globalMax = limitKm(options.maxDistanceKm)

  for (let i = 0; i < nC; i++) {
    const c = candidates[i]
    candidateMunicipality[i] = municipalityOf(c.municipalityId)
    writeUnitVector(c.coordinates, candidateXyz, 3 * i)
    candidateMaxKm[i] = Math.min(globalMax, limitKm(c.constraints?.maxDistanceKm))
    const seen = new Set<number>()
    const own: number[] = []
    const texts: string[] = []
    for (const raw of c.topics ?? []) {
      if (typeof raw !== 'string') continue
      if (raw.trim() === '') continue
      const t = topics.get(raw)
      if (seen.has(t)) continue
      seen.add(t)
      own.push(t)
      texts.push(raw.trim())
    }
    let total = 0
    for (let k = 0; k < own.length; k++)
      total += topicPriorityWeight(k, own.length, options.topicDecay)
    for (let k = 0; k < own.length; k++) {
      topicList.push(own[k])
      weightList.push(topicPriorityWeight(k, own.length, options.topicDecay) / total)
      candidateTopicText.push(texts[k])
    }
    candidateTopicStart[i + 1] = topicList.length
    const langs = new Set<number>()
    for (const raw of c.languages ?? []) {
      if (typeof raw !== 'string' || raw.trim() === '') continue
      const l = languages.get(raw)
      if (!langs.has(l)) {
        langs.add(l)
        languageList.push(l)
      }
    }
    candidateLanguageStart[i + 1] = languageList.length
  }

  const mentorMunicipality = new Int32Array(nM)
  const mentorXyz = new Float64Array(3 * nM)
  const mentorMaxKm = new Float64Array(nM)
  const mentorTopicLists: number[][] = []
  const mentorLanguageLists: number[][] = []
  for (let j = 0; j < nM; j++) {
    const m = mentors[j]
    mentorMunicipality[j] = municipalityOf(m.municipalityId)
    writeUnitVector(m.coordinates, mentorXyz, 3 * j)
    mentorMaxKm[j] = limitKm(m.constraints?.maxDistanceKm)
    const ts: number[] = []
    for (const raw of m.topics ?? []) {
      if (typeof raw === 'string' && raw.trim() !== '') ts.push(topics.get(raw))
    }
    mentorTopicLists.push(ts)
    const ls: number[] = []
    for (const raw of m.languages ?? []) {
      if (typeof raw === 'string' && raw.trim() !== '') ls.push(languages.get(raw))
    }
    mentorLanguageLists.push(ls)
  }
  const topicCount = topics.keys.length
  const languageCount = languages.keys.length
  const mentorTopic = new Uint8Array(nM * topicCount)
  const mentorLanguage = new Uint8Array(nM * languageCount)
  for (let j = 0; j < nM; j++) {
    for (const t of mentorTopicLists[j]) mentorTopic[j * topicCount + t] = 1
    for (const l of mentorLanguageLists[j]) mentorLanguage[j * languageCount + l] = 1
  }

  const topicUnits = roundUnits(options.weights.topics * SCORE_UNITS_PER_POINT)
  const distanceUnits = roundUnits(options.weights.distance * SCORE_UNITS_PER_POINT)
  const languageUnits = roundUnits(options.weights.language * SCORE_UNITS_PER_POINT)
  return {
    candidateCount: nC,
    mentorCount: nM,
    topicCount,
    languageCount,
    candidateMunicipality,
    mentorMunicipality,
    candidateXyz,
    mentorXyz,
    candidateMaxKm,
    mentorMaxKm,
    candidateTopicStart,
    candidateTopic: Int32Array.from(topicList),
    candidateTopicWeight: Float64Array.from(weightList),
    candidateTopicText,
    candidateLanguageStart,
    candidateLanguage: Int32Array.from(languageList),
    mentorTopic,
    mentorLanguage,
    languageKeys: languages.keys,
    scale: {
      topicUnits,
      distanceUnits,
      languageUnits,
      maxPairUnits: topicUnits + distanceUnits + languageUnits,
      distanceScaleKm: options.distanceScaleKm,
      inverseDistanceScaleKm: 1 / options.distanceScaleKm,
      requireSharedTopic: options.requireSharedTopic,
    },
  }
}

/** Sum of the normalised priority weights of the needs mentor j covers (0..1). */
export function topicFit(p: PreparedPeople, i: number, j: number): number {
  const base = j * p.topicCount
  let fit = 0
  for (let k = p.candidateTopicStart[i], end = p.candidateTopicStart[i + 1]; k < end; k++) {
    if (p.mentorTopic[base + p.candidateTopic[k]] === 1) fit += p.candidateTopicWeight[k]
  }
  return fit
}

/** Great-circle km between the two councils; NaN when unknown. */
export function pairKm(p: PreparedPeople, i: number, j: number): number {
  return unitVectorKm(p.candidateXyz, 3 * i, p.mentorXyz, 3 * j)
}

/**
 * Half-up rounding of a non-negative number to integer units. Math.floor(x + ½)
 * rather than Math.round: same result here and several times faster in V8.
 */
export function roundUnits(x: number): number {
  return Math.floor(x + 0.5)
}

export function topicUnitsOf(p: PreparedPeople, fit: number): number {
  return roundUnits(fit * p.scale.topicUnits)
}

export function distanceUnitsOf(p: PreparedPeople, km: number): number {
  // Unknown distance earns nothing rather than a guess; it is not forbidden either.
  if (km !== km) return 0
  const closeness = 1 - km * p.scale.inverseDistanceScaleKm
  return closeness > 0 ? roundUnits(closeness * p.scale.distanceUnits) : 0
}

/** R5: the two people work for the same council (unknown councils never match). */
export function sameMunicipality(p: PreparedPeople, i: number, j: number): boolean {
  const mi = p.candidateMunicipality[i]
  return mi >= 0 && mi === p.mentorMunicipality[j]
}

/** Beyond the global, the candidate's or the mentor's km limit; unknown distance never is. */
export function beyondLimit(p: PreparedPeople, i: number, j: number, km: number): boolean {
  return km === km && (km > p.candidateMaxKm[i] || km > p.mentorMaxKm[j])
}

/** No shared need, when one is required. A candidate who states no needs can be paired on distance and language alone. */
export function lacksSharedTopic(p: PreparedPeople, i: number, fit: number): boolean {
  return (
    p.scale.requireSharedTopic &&
    fit === 0 &&
    p.candidateTopicStart[i + 1] > p.candidateTopicStart[i]
  )
}

/** Rules that depend on the two people only (R5, distance limit, shared topic); first one that fails. */
export function intrinsicStatus(
  p: PreparedPeople,
  i: number,
  j: number,
  km: number,
  fit: number,
): number {
  if (sameMunicipality(p, i, j)) return PAIR_SAME_MUNICIPALITY
  if (beyondLimit(p, i, j, km)) return PAIR_TOO_FAR
  if (lacksSharedTopic(p, i, fit)) return PAIR_NO_SHARED_TOPIC
  return PAIR_ALLOWED
}

/**
 * Integer score of every candidate row × mentor column, -1 where the pair is
 * intrinsically forbidden. One flat Int32Array: 4 bytes per pair.
 * Same arithmetic, in the same order, as topicFit / pairKm / distanceUnitsOf /
 * intrinsicStatus (so `scorePair` and `matchEdition` agree to the unit), laid
 * out as short loops over mentor columns so the JIT keeps them tight.
 */
export function buildScoreMatrix(
  p: PreparedPeople,
  rows: Int32Array,
  cols: Int32Array,
): Int32Array {
  const nR = rows.length
  const nK = cols.length
  const out = new Int32Array(nR * nK)
  const { topicUnits, distanceUnits, languageUnits, inverseDistanceScaleKm, requireSharedTopic } =
    p.scale
  const T = p.topicCount
  const L = p.languageCount
  const { mentorTopic, mentorLanguage, mentorXyz, mentorMaxKm, mentorMunicipality } = p
  const {
    candidateXyz,
    candidateMaxKm,
    candidateMunicipality,
    candidateTopicStart,
    candidateLanguageStart,
  } = p
  const { candidateTopic, candidateTopicWeight, candidateLanguage } = p

  // Mentor columns gathered contiguously (structure of arrays), topics by topic.
  const mX = new Float64Array(nK)
  const mY = new Float64Array(nK)
  const mZ = new Float64Array(nK)
  const mMaxKm = new Float64Array(nK)
  const mMunicipality = new Int32Array(nK)
  const topicColumn = new Float64Array(T * nK)
  const mLanguage = new Uint8Array(nK * L)
  // Languages as bit masks when they fit in 31 bits (always, in practice): one AND per pair.
  const languageMasks = L <= 31
  const mLanguageMask = new Int32Array(nK)
  for (let c = 0; c < nK; c++) {
    const j = cols[c]
    mX[c] = mentorXyz[3 * j]
    mY[c] = mentorXyz[3 * j + 1]
    mZ[c] = mentorXyz[3 * j + 2]
    mMaxKm[c] = mentorMaxKm[j]
    mMunicipality[c] = mentorMunicipality[j]
    for (let t = 0; t < T; t++) topicColumn[t * nK + c] = mentorTopic[j * T + t]
    for (let l = 0; l < L; l++) {
      mLanguage[c * L + l] = mentorLanguage[j * L + l]
      if (languageMasks && mentorLanguage[j * L + l] === 1) mLanguageMask[c] |= 1 << l
    }
  }

  const fit = new Float64Array(nK)
  for (let r = 0; r < nR; r++) {
    const i = rows[r]
    const base = r * nK
    const x = candidateXyz[3 * i]
    const y = candidateXyz[3 * i + 1]
    const z = candidateXyz[3 * i + 2]
    const maxKm = candidateMaxKm[i]
    const municipality = candidateMunicipality[i]
    const t0 = candidateTopicStart[i]
    const t1 = candidateTopicStart[i + 1]
    const l0 = candidateLanguageStart[i]
    const l1 = candidateLanguageStart[i + 1]
    const needsTopic = requireSharedTopic && t1 > t0
    let cLanguageMask = 0
    if (languageMasks) for (let k = l0; k < l1; k++) cLanguageMask |= 1 << candidateLanguage[k]

    // Adding w·0 leaves each sum bit-identical to topicFit's conditional adds, in the same order.
    fit.fill(0)
    for (let k = t0; k < t1; k++) {
      const w = candidateTopicWeight[k]
      const offset = candidateTopic[k] * nK
      for (let c = 0; c < nK; c++) fit[c] += w * topicColumn[offset + c]
    }

    for (let c = 0; c < nK; c++) {
      const dx = x - mX[c]
      const dy = y - mY[c]
      const dz = z - mZ[c]
      const km = chordToKm(dx * dx + dy * dy + dz * dz)
      const f = fit[c]
      let units = roundUnits(f * topicUnits)
      let forbidden =
        (municipality >= 0 && municipality === mMunicipality[c]) || (needsTopic && f === 0)
      if (km === km) {
        if (km > maxKm || km > mMaxKm[c]) forbidden = true
        const closeness = 1 - km * inverseDistanceScaleKm
        if (closeness > 0) units += roundUnits(closeness * distanceUnits)
      }
      if (languageMasks) {
        // (−x) >>> 31 is 1 for any x in 1..2³¹−1 and 0 for 0.
        units += languageUnits * (-(cLanguageMask & mLanguageMask[c]) >>> 31)
      } else {
        for (let k = l0; k < l1; k++) {
          if (mLanguage[c * L + candidateLanguage[k]] === 1) {
            units += languageUnits
            break
          }
        }
      }
      out[base + c] = forbidden ? -1 : units
    }
  }
  return out
}

export interface PairDetails {
  status: number
  topicUnits: number
  distanceUnits: number
  languageUnits: number
  km: number
  matchedTopics: string[]
  sharedLanguages: string[]
}

/** The same numbers as `buildScoreMatrix`, plus what the explanation needs. */
export function pairDetails(p: PreparedPeople, i: number, j: number): PairDetails {
  const km = pairKm(p, i, j)
  const fit = topicFit(p, i, j)
  const matchedTopics: string[] = []
  const tBase = j * p.topicCount
  for (let k = p.candidateTopicStart[i], end = p.candidateTopicStart[i + 1]; k < end; k++) {
    if (p.mentorTopic[tBase + p.candidateTopic[k]] === 1)
      matchedTopics.push(p.candidateTopicText[k])
  }
  const sharedLanguages: string[] = []
  const lBase = j * p.languageCount
  for (let k = p.candidateLanguageStart[i], end = p.candidateLanguageStart[i + 1]; k < end; k++) {
    if (p.mentorLanguage[lBase + p.candidateLanguage[k]] === 1)
      sharedLanguages.push(p.languageKeys[p.candidateLanguage[k]])
  }
  return {
    status: intrinsicStatus(p, i, j, km, fit),
    topicUnits: topicUnitsOf(p, fit),
    distanceUnits: distanceUnitsOf(p, km),
    languageUnits: sharedLanguages.length > 0 ? p.scale.languageUnits : 0,
    km,
    matchedTopics,
    sharedLanguages,
  }
}
