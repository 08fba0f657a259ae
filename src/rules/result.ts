/** The outcome of a programme rule: allowed, or refused with the rule's name and one Catalan sentence. */
export type RuleResult =
  | { ok: true }
  | { ok: false; rule: RuleId; message: string; field?: string; status?: 400 | 403 | 409 }

export type RuleId =
  | 'R1'
  | 'R2'
  | 'R3'
  | 'R4'
  | 'R5'
  | 'R6'
  | 'R7'
  | 'R8'
  | 'R9'
  | 'R10'
  | 'R11'
  | 'R12'
  | 'R13'
  | 'R14'

export const allowed: RuleResult = { ok: true }

export const refuse = (
  rule: RuleId,
  message: string,
  extra: { field?: string; status?: 400 | 403 | 409 } = {},
): RuleResult => ({ ok: false, rule, message, ...extra })

/** The first refusal, or allowed. */
export const firstRefusal = (...results: RuleResult[]): RuleResult =>
  results.find((result) => !result.ok) ?? allowed
