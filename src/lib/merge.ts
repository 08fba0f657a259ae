const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)

/** The document as it will be: incoming data over the stored one (groups merged, arrays replaced). */
export function deepMerge<T extends object>(base: T, incoming: object): T {
  const result: Record<string, unknown> = { ...(base as Record<string, unknown>) }
  for (const [key, value] of Object.entries(incoming)) {
    if (value === undefined) continue
    result[key] =
      isPlainObject(value) && isPlainObject(result[key])
        ? deepMerge(result[key] as object, value)
        : value
  }
  return result as T
}
