import type { Id } from './types'

/**
 * Lookup key of an id. `1` and `"1"` are the same key on purpose: relationship
 * values can arrive as strings (forms, URLs) while SQLite documents use numbers.
 */
export function idKey(id: Id): string {
  return String(id)
}

/** Total order on ids: numbers (numerically) before strings (by code unit). */
export function compareIds(a: Id, b: Id): number {
  const aNumber = typeof a === 'number'
  const bNumber = typeof b === 'number'
  if (aNumber !== bNumber) return aNumber ? -1 : 1
  return a < b ? -1 : a > b ? 1 : 0
}
