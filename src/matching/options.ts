import type { MatchingOptions, MatchingWeights, ResolvedMatchingOptions } from './types'

/**
 * Default weights, in points (a perfect pair scores 100):
 * - topics 60: the programme pairs people "segons necessitats", so needs dominate;
 * - distance 30: two in-person meetings are required, so nearer councils help;
 * - language 10: a shared language is a small bonus (almost everyone speaks Catalan).
 */
export const defaultMatchingWeights: Readonly<MatchingWeights> = Object.freeze({
  topics: 60,
  distance: 30,
  language: 10,
})

/** Integer units per point: scores are optimised as exact integers. */
export const SCORE_UNITS_PER_POINT = 1000

export const defaultMatchingOptions: Readonly<Omit<ResolvedMatchingOptions, 'weights'>> =
  Object.freeze({
    topicDecay: 'harmonic' as const,
    // Catalonia is ~300 km across; beyond 200 km two in-person meetings become a day trip each.
    maxDistanceKm: 200,
    distanceScaleKm: 200,
    requireSharedTopic: true,
    topicLabel: (topic: string): string => topic,
    languageLabel: defaultLanguageLabel,
    candidateListSize: 24,
  })

const LANGUAGE_NAMES: Record<string, string> = {
  ca: 'català',
  es: 'castellà',
  oc: 'occità',
  en: 'anglès',
  fr: 'francès',
  it: 'italià',
  pt: 'portuguès',
  de: 'alemany',
  eu: 'basc',
  gl: 'gallec',
  an: 'aragonès',
  ar: 'àrab',
}

/** Language values may be ISO codes ("ca") or names ("català"); both are understood. */
const LANGUAGE_ALIASES: Record<string, string> = {
  català: 'ca',
  catala: 'ca',
  catalan: 'ca',
  castellà: 'es',
  castella: 'es',
  castellano: 'es',
  español: 'es',
  espanol: 'es',
  spanish: 'es',
  occità: 'oc',
  occita: 'oc',
  aranès: 'oc',
  aranes: 'oc',
  anglès: 'en',
  angles: 'en',
  english: 'en',
  francès: 'fr',
  frances: 'fr',
  français: 'fr',
  french: 'fr',
}

export function normalizeTopic(topic: string): string {
  return topic.normalize('NFC').trim().toLowerCase()
}

export function normalizeLanguage(language: string): string {
  const key = language.normalize('NFC').trim().toLowerCase()
  const base = key.split(/[-_]/)[0] ?? key
  if (LANGUAGE_NAMES[base] !== undefined) return base
  return LANGUAGE_ALIASES[key] ?? key
}

export function defaultLanguageLabel(language: string): string {
  return LANGUAGE_NAMES[normalizeLanguage(language)] ?? language.trim()
}

function finiteNonNegative(name: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(
      `Opció de matching no vàlida: ${name} ha de ser un nombre ≥ 0 (és ${String(value)}).`,
    )
  }
  return value
}

export function resolveMatchingOptions(options: MatchingOptions = {}): ResolvedMatchingOptions {
  const weights: MatchingWeights = {
    topics: finiteNonNegative(
      'weights.topics',
      options.weights?.topics ?? defaultMatchingWeights.topics,
    ),
    distance: finiteNonNegative(
      'weights.distance',
      options.weights?.distance ?? defaultMatchingWeights.distance,
    ),
    language: finiteNonNegative(
      'weights.language',
      options.weights?.language ?? defaultMatchingWeights.language,
    ),
  }
  // Pair scores are stored as 32-bit integers of units.
  if (
    (weights.topics + weights.distance + weights.language) * SCORE_UNITS_PER_POINT >
    2 ** 31 - 1
  ) {
    throw new RangeError(
      'Opció de matching no vàlida: la suma dels pesos ha de ser com a màxim 2.147.483 punts.',
    )
  }
  const maxDistanceKm =
    options.maxDistanceKm === undefined
      ? defaultMatchingOptions.maxDistanceKm
      : options.maxDistanceKm === null
        ? null
        : finiteNonNegative('maxDistanceKm', options.maxDistanceKm)
  const distanceScaleKm = finiteNonNegative(
    'distanceScaleKm',
    options.distanceScaleKm ?? defaultMatchingOptions.distanceScaleKm,
  )
  if (distanceScaleKm === 0)
    throw new RangeError('Opció de matching no vàlida: distanceScaleKm ha de ser > 0.')
  const candidateListSize = Math.max(
    1,
    Math.floor(
      finiteNonNegative(
        'candidateListSize',
        options.candidateListSize ?? defaultMatchingOptions.candidateListSize,
      ),
    ),
  )
  const topicDecay = options.topicDecay ?? defaultMatchingOptions.topicDecay
  if (topicDecay !== 'harmonic' && topicDecay !== 'linear') {
    throw new RangeError(`Opció de matching no vàlida: topicDecay ha de ser "harmonic" o "linear".`)
  }
  return {
    weights,
    topicDecay,
    maxDistanceKm,
    distanceScaleKm,
    requireSharedTopic: options.requireSharedTopic ?? defaultMatchingOptions.requireSharedTopic,
    topicLabel: options.topicLabel ?? defaultMatchingOptions.topicLabel,
    languageLabel: options.languageLabel ?? defaultMatchingOptions.languageLabel,
    candidateListSize,
  }
}

/** Weight of the need at 0-based `position` among `count` needs, before normalising to sum 1. */
export function topicPriorityWeight(
  position: number,
  count: number,
  decay: ResolvedMatchingOptions['topicDecay'],
): number {
  return decay === 'harmonic' ? 1 / (position + 1) : (count - position) / count
}
