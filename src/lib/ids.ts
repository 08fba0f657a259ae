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
