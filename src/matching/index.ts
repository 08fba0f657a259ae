/**
 * Mentoria XMESS matching engine: proposes mentor–mentee pairs for an edition
 * "segons necessitats i disponibilitats detectades". Pure TypeScript, no Payload.
 */
export { matchEdition, scorePair, MatchingInputError } from './engine'
export type { MatchingInputErrorCode } from './engine'
export { haversineKm, EARTH_RADIUS_KM } from './geo'
export { compareIds } from './ids'
export {
  defaultMatchingWeights,
  defaultMatchingOptions,
  resolveMatchingOptions,
  topicPriorityWeight,
  SCORE_UNITS_PER_POINT,
} from './options'
export { maximiseMatches } from './optimise'
export type { OptimiseResult } from './optimise'
export type * from './types'
