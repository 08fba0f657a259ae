import { APIError, type PayloadRequest } from 'payload'

import { isSecretariatUser } from '../access/roles'
import type { RuleResult } from '../src/rules/result'

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

/** A refused change: a 4xx with one Catalan sentence; the operation's transaction is rolled back. */
export class RuleViolation extends APIError {
  constructor(result: Extract<RuleResult, { ok: false }>) {
    super(result.message, result.status ?? 400, { rule: result.rule, field: result.field }, true)
    this.name = 'RuleViolation'
  }
}

/** A request refused for what it asks (bad input, wrong role), not for a programme rule. */
export class RequestRefused extends APIError {
  constructor(message: string, status: 400 | 403 | 404 | 409 | 413 = 400) {
    super(message, status, undefined, true)
    this.name = 'RequestRefused'
  }
}

export function enforce(result: RuleResult): void {
  if (!result.ok) throw new RuleViolation(result)
}

export const isSecretariatRequest = (req: PayloadRequest): boolean => isSecretariatUser(req.user)

/** Reads a document as the system inside the request's transaction (hooks need the facts, whoever asks). */
export async function loadDoc<T>(req: PayloadRequest, collection: string, id: ID | undefined): Promise<T | undefined> {
  if (id === undefined) return undefined
  try {
    return (await req.payload.findByID({ collection: collection as never, id, depth: 0, req, overrideAccess: true })) as T
  } catch {
    return undefined
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)

/** The document as it will be: incoming data over the stored one (groups merged, arrays replaced). */
export function deepMerge<T extends Record<string, unknown>>(base: T, incoming: Record<string, unknown>): T {
  const result: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(incoming)) {
    if (value === undefined) continue
    result[key] = isPlainObject(value) && isPlainObject(base[key])
      ? deepMerge(base[key] as Record<string, unknown>, value)
      : value
  }
  return result as T
}
