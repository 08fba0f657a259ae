/**
 * Erasing a person (GDPR art. 17, LOPDGDD): what replaces their data, and how their name, email and
 * phone are found in texts others wrote. Pure: no Payload here (the service is src/services/personal-data.ts).
 */

/** What a person's name becomes. */
export const ERASED_NAME = 'Persona esborrada'
/** What a free text about or by the person becomes. */
export const ERASED_TEXT = '[Text esborrat per protecció de dades]'
export const ERASED_EMAIL_DOMAIN = 'esborrada.invalid'

/** A unique address per record, that cannot receive mail (.invalid, RFC 2606), so rules on emails still hold. */
export const erasedEmail = (collection: string, id: number | string): string => `${collection}-${String(id)}@${ERASED_EMAIL_DOMAIN}`

export const isErasedEmail = (email: unknown): boolean => typeof email === 'string' && email.toLowerCase().endsWith(`@${ERASED_EMAIL_DOMAIN}`)

/** An erased free text: the mark where there was something, nothing where there was nothing. */
export const erasedText = (value: unknown): string | null | undefined => (typeof value === 'string' && value.trim() !== '' ? ERASED_TEXT : (value as null | undefined))

export type PersonMarks = { names: string[]; emails: string[]; phones: string[] }

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A phone as people write it: the same digits with or without spaces, dots, dashes or the +34 prefix. */
function phonePattern(phone: string): string | undefined {
  const digits = phone.replace(/\D/g, '').replace(/^(0034|34)(?=\d{9}$)/, '')
  if (digits.length < 6) return undefined
  return `(?:\\+?34[\\s.-]*)?${digits.split('').join('[\\s.-]*')}`
}

/** One expression per kind of mark; names and emails in any case. Short fragments are left alone. */
export function personMatchers(marks: PersonMarks): { pattern: RegExp; replacement: string }[] {
  const unique = (values: string[]) => [...new Set(values.map((value) => value.trim()).filter((value) => value.length >= 3))].sort((a, b) => b.length - a.length)
  const matchers: { pattern: RegExp; replacement: string }[] = []
  const emails = unique(marks.emails)
  if (emails.length) matchers.push({ pattern: new RegExp(emails.map(escape).join('|'), 'giu'), replacement: '[correu esborrat]' })
  const names = unique(marks.names)
  if (names.length) matchers.push({ pattern: new RegExp(names.map((name) => escape(name).replace(/\s+/g, '\\s+')).join('|'), 'giu'), replacement: ERASED_NAME })
  const phones = marks.phones.map(phonePattern).filter((pattern): pattern is string => Boolean(pattern))
  if (phones.length) matchers.push({ pattern: new RegExp(phones.join('|'), 'gu'), replacement: '[telèfon esborrat]' })
  return matchers
}

/** A text with the person's name, email and phone replaced; everything else as it was. */
export function scrubText<T>(value: T, matchers: ReturnType<typeof personMatchers>): T {
  if (typeof value !== 'string') return value
  let text: string = value
  for (const { pattern, replacement } of matchers) text = text.replace(pattern, replacement)
  return text as T
}

/** The same through any JSON value (rich text, a job's input): every string in it scrubbed. */
export function scrubDeep<T>(value: T, matchers: ReturnType<typeof personMatchers>): T {
  if (typeof value === 'string') return scrubText(value, matchers)
  if (Array.isArray(value)) return value.map((item) => scrubDeep(item, matchers)) as T
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubDeep(item, matchers)])) as T
  }
  return value
}

/** Whether any of the marks is still somewhere in a JSON value (used by tests and the erasure's own check). */
export const mentionsPerson = (value: unknown, marks: PersonMarks): boolean => {
  const text = JSON.stringify(value ?? null)
  return personMatchers(marks).some(({ pattern }) => {
    pattern.lastIndex = 0
    return pattern.test(text)
  })
}

/**
 * Candidates never paired are anonymised once the retention period after their edition's applications
 * closed is over (DOMAIN.md, Personal data). "Never paired": no pairing of theirs was ever accepted.
 */
export function retentionExpired(applicationsCloseAt: string | Date, retentionMonths: number, now: Date): boolean {
  const close = new Date(applicationsCloseAt)
  const until = new Date(close)
  until.setUTCMonth(until.getUTCMonth() + retentionMonths)
  return until.getTime() <= now.getTime()
}

/** A pairing that was accepted at some point (its status says so, or it was cancelled after the mentor's yes). */
export function wasEverPaired(pairing: { status?: string | null; startDate?: unknown; answeredAt?: unknown }): boolean {
  if (pairing.status === 'accepted' || pairing.status === 'active' || pairing.status === 'completed') return true
  return pairing.status === 'cancelled' && Boolean(pairing.answeredAt || pairing.startDate)
}
