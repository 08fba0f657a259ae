import { APIError } from 'payload'

import type { RuleResult } from '../rules/result'

/** A refused change: a 4xx with one Catalan sentence; the operation's transaction is rolled back. */
export class RuleViolation extends APIError {
  constructor(result: Extract<RuleResult, { ok: false }>) {
    super(result.message, result.status ?? 400, { rule: result.rule, field: result.field }, true)
    this.name = 'RuleViolation'
  }
}

/** A request refused for what it asks (bad input, wrong role), not for a programme rule. */
export class RequestRefused extends APIError {
  constructor(message: string, status: 400 | 401 | 403 | 404 | 409 | 413 = 400) {
    super(message, status, undefined, true)
    this.name = 'RequestRefused'
  }
}

export function enforce(result: RuleResult): void {
  if (!result.ok) throw new RuleViolation(result)
}

/** A new password the policy refuses (src/rules/passwords.ts): 400 naming the field, in the person's language. */
export class PasswordRefused extends APIError {
  constructor(message: { ca: string; es: string; en: string }, language?: string) {
    super(
      language === 'es' || language === 'en' ? message[language] : message.ca,
      400,
      { field: 'password' },
      true,
    )
    this.name = 'PasswordRefused'
  }
}
