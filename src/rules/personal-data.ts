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
export const erasedEmail = (collection: string, id: number | string): string =>
  `${collection}-${String(id)}@${ERASED_EMAIL_DOMAIN}`

export const isErasedEmail = (email: unknown): boolean =>
  typeof email === 'string' && email.toLowerCase().endsWith(`@${ERASED_EMAIL_DOMAIN}`)

/** An erased free text: the mark where there was something, nothing where there was nothing. */
export const erasedText = (value: unknown): string | null | undefined =>
  typeof value === 'string' && value.trim() !== '' ? ERASED_TEXT : (value as null | undefined)

export type PersonMarks = { names: string[]; emails: string[]; phones: string[] }

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A phone as people write it: the same digits with or without spaces, dots, dashes or the +34 prefix. */
function phonePattern(phone: string): string | undefined {
  const digits = phone.replace(/\D/g, '').replace(/^(0034|34)(?=\d{9}$)/, '')
  if (digits.length < 6) return undefined
  return `(?:\\+?34[\\s.-]*)?${digits.split('').join('[\\s.-]*')}`
}

/**
 * Every address in a list as mail headers write it (`a@x, b@y`, `Name <a@x>`, `a@x; b@y`), in lower
 * case: personal data is matched by whole address, never by a piece of one (anna@ is not marianna@).
 */
export function addressesIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(addressesIn)
  if (value && typeof value === 'object')
    return addressesIn((value as { address?: unknown }).address)
  if (typeof value !== 'string') return []
  return [...value.matchAll(/[^\s<>(),;:"'[\]]+@[^\s<>(),;:"'[\]]+/gu)].map((match) =>
    match[0].replace(/\.+$/, '').toLowerCase(),
  )
}

/** Whether a recipient list (`to`) holds one of these addresses, whole, in any case. */
export const addressedTo = (to: unknown, emails: readonly string[]): boolean => {
  const wanted = new Set(emails.map((email) => email.trim().toLowerCase()))
  return addressesIn(to).some((address) => wanted.has(address))
}

// Characters that may sit inside an address or a name: a mark only counts when none touches it.
const ADDRESS_CHAR = "[\\p{L}\\p{N}.!#$%&'*+/=?^_`{|}~-]"
const WORD_CHAR = '[\\p{L}\\p{N}]'

/** One expression per kind of mark; names and emails in any case, whole. Short fragments are left alone. */
export function personMatchers(marks: PersonMarks): { pattern: RegExp; replacement: string }[] {
  const unique = (values: string[]) =>
    [...new Set(values.map((value) => value.trim()).filter((value) => value.length >= 3))].sort(
      (a, b) => b.length - a.length,
    )
  const matchers: { pattern: RegExp; replacement: string }[] = []
  const emails = unique(marks.emails)
  // anna@vic.cat inside marianna@vic.cat (or anna@vic.cat.example) is someone else's address.
  if (emails.length)
    matchers.push({
      pattern: new RegExp(
        `(?<!${ADDRESS_CHAR})(?:${emails.map(escape).join('|')})(?![\\p{L}\\p{N}_-]|\\.[\\p{L}\\p{N}])`,
        'giu',
      ),
      replacement: '[correu esborrat]',
    })
  const names = unique(marks.names)
  if (names.length)
    matchers.push({
      pattern: new RegExp(
        `(?<!${WORD_CHAR})(?:${names.map((name) => escape(name).replace(/\s+/g, '\\s+')).join('|')})(?!${WORD_CHAR})`,
        'giu',
      ),
      replacement: ERASED_NAME,
    })
  const phones = marks.phones
    .map(phonePattern)
    .filter((pattern): pattern is string => Boolean(pattern))
  if (phones.length)
    matchers.push({
      pattern: new RegExp(phones.join('|'), 'gu'),
      replacement: '[telèfon esborrat]',
    })
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
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, scrubDeep(item, matchers)]),
    ) as T
  }
  return value
}

/** Free texts shorter than this are not looked for in emails: a short word is in many texts. */
const QUOTED_MIN_LENGTH = 12

/**
 * The person's own free texts (needs, incident descriptions, meeting notes, agreements…) wherever an
 * email quotes them word for word, whatever the line breaks and spaces: each replaced by the erased mark.
 */
export function quotedTextMatcher(
  texts: readonly unknown[],
): { pattern: RegExp; replacement: string } | undefined {
  const unique = [
    ...new Set(
      texts
        .filter((text): text is string => typeof text === 'string')
        .map((text) => text.trim())
        .filter((text) => text.length >= QUOTED_MIN_LENGTH && text !== ERASED_TEXT),
    ),
  ]
  if (unique.length === 0) return undefined
  const sources = unique
    .sort((a, b) => b.length - a.length)
    .map((text) => text.split(/\s+/).map(escape).join('\\s+'))
  return { pattern: new RegExp(sources.join('|'), 'gu'), replacement: ERASED_TEXT }
}

/** A fragment of each quoted text, for a database search (`contains`) that finds the emails to look at. */
export const quotedTextProbes = (texts: readonly unknown[]): string[] => [
  ...new Set(
    texts
      .filter((text): text is string => typeof text === 'string')
      .map((text) => text.trim().split(/\r?\n/)[0].slice(0, 40).trim())
      .filter((text) => text.length >= QUOTED_MIN_LENGTH && !text.startsWith(ERASED_TEXT)),
  ),
]

/**
 * A pairing's title names its two people (`Mentora → Sol·licitant`): the erased person's side becomes
 * the erased name, whatever name the title was written with; any other mention is scrubbed.
 */
export function anonymisedTitle(
  title: unknown,
  side: 'mentor' | 'mentee' | undefined,
  matchers: ReturnType<typeof personMatchers>,
): unknown {
  if (typeof title !== 'string') return title
  const parts = title.split(' → ')
  if (side && parts.length === 2) parts[side === 'mentor' ? 0 : 1] = ERASED_NAME
  return scrubText(parts.join(' → '), matchers)
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
export function retentionExpired(
  applicationsCloseAt: string | Date,
  retentionMonths: number,
  now: Date,
): boolean {
  const close = new Date(applicationsCloseAt)
  const until = new Date(close)
  until.setUTCMonth(until.getUTCMonth() + retentionMonths)
  return until.getTime() <= now.getTime()
}

/** A pairing that was accepted at some point (its status says so, or it was cancelled after the mentor's yes). */
export function wasEverPaired(pairing: {
  status?: string | null
  startDate?: unknown
  answeredAt?: unknown
}): boolean {
  if (
    pairing.status === 'accepted' ||
    pairing.status === 'active' ||
    pairing.status === 'completed'
  )
    return true
  return pairing.status === 'cancelled' && Boolean(pairing.answeredAt || pairing.startDate)
}
