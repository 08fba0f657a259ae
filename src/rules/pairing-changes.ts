/**
 * What a write to a pairing changes, as the rules read it (R6, R13): pure, on plain documents.
 */

/** The fields whose change R6 judges, as dotted paths. */
export const CHECKED_PATHS = [
  'edition',
  'mentor',
  'candidate',
  'status',
  'startDate',
  'endDate',
  'agreement',
  'extension.mentor',
  'extension.mentee',
  'extension.reason',
  'closing.closingDate',
  'closing.menteeEvaluation',
  'closing.mentorEvaluation',
  'cancellationReason',
  'matching',
]

const at = (doc: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
      doc,
    )

/** A relationship as an id, whether it arrives as an id or as a populated document. */
const refOf = (value: unknown): unknown =>
  value === null || value === undefined || value === ''
    ? undefined
    : typeof value === 'object'
      ? (value as { id?: unknown }).id
      : value

const RELATIONSHIP_PATHS = new Set(['edition', 'mentor', 'candidate'])

/** Comparable form of a value: relationships by id, empty and missing alike. */
const normalise = (path: string, value: unknown): string =>
  RELATIONSHIP_PATHS.has(path)
    ? String(refOf(value) ?? '')
    : JSON.stringify(value ?? null, (key, inner) =>
        key === 'by' ? (refOf(inner) ?? null) : inner === undefined || inner === '' ? null : inner,
      )

/** The checked paths whose value differs between the stored pairing and the pairing as it will be. */
export function changedPaths(before: object, after: object): string[] {
  return CHECKED_PATHS.filter(
    (path) => normalise(path, at(before, path)) !== normalise(path, at(after, path)),
  )
}

/** Every dotted path a body sets (`{ closing: { mentorEvaluation: { rating: 3 } } }` → `closing.mentorEvaluation.rating`). */
export function leafPaths(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) =>
      inner === undefined ? [] : leafPaths(inner, prefix ? `${prefix}.${key}` : key),
    )
  }
  return prefix ? [prefix] : []
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a group read field by field
type Closing = Record<string, any> | null | undefined

/**
 * Who has evaluated, and when, without saying what (R13): both parties may read these dates. Returns
 * the closing group to write, or undefined when neither stamp moves and the request sends no closing.
 */
export function stampEvaluations(
  previous: { closing?: Closing },
  next: { closing?: Closing },
  sendsClosing: boolean,
  now: Date = new Date(),
): Closing | undefined {
  const closing = { ...(next.closing ?? {}) }
  let touched = false
  for (const side of ['mentee', 'mentor'] as const) {
    const given = Boolean(closing[`${side}Evaluation`]?.rating)
    const stamp = previous.closing?.[`${side}EvaluatedAt`] ?? null
    const value = given ? (stamp ?? now.toISOString()) : null
    if (value !== stamp) touched = true
    closing[`${side}EvaluatedAt`] = value
  }
  return touched || sendsClosing ? closing : undefined
}
