export type ID = number | string

/** A relationship value may arrive as an id or as a populated document. */
export function idOf(value: unknown): ID | undefined {
  if (value === null || value === undefined || value === '') return undefined
  if (typeof value === 'object') return (value as { id?: ID }).id
  return value as ID
}

export const sameId = (a: unknown, b: unknown): boolean => {
  const left = idOf(a)
  const right = idOf(b)
  return left !== undefined && right !== undefined && String(left) === String(right)
}

/**
 * An id as written in an address (`/les-meves-mentories/<id>`), if it can be one: a whole number from 1
 * (SQLite) or 24 hexadecimal digits (MongoDB). Anything else (`abc`, `-1`, `1.5`, a huge number) names
 * no document and must not reach a query.
 */
export function idFromPath(
  segment: unknown,
  type: 'number' | 'text' | 'ObjectID' | string,
): ID | undefined {
  if (typeof segment !== 'string') return undefined
  if (type === 'number')
    return /^[1-9][0-9]{0,15}$/.test(segment) && Number.isSafeInteger(Number(segment))
      ? Number(segment)
      : undefined
  return /^[0-9a-f]{24}$/i.test(segment) ? segment : undefined
}
