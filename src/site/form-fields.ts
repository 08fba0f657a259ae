import { z } from 'zod'

import { type Lang, LANGS, messagesFor } from './i18n'

/**
 * What the public forms (the application, /sollicitud, and the mentor's offer, /oferta-mentoria) ask
 * alike, checked alike: how a value sent by a browser or a script is read, and the fields about the
 * person, their languages, the language of the emails and the consent to data processing.
 */

export const LIMITS = {
  name: 200,
  position: 200,
  email: 254,
  phone: 40,
  needs: 4000,
  availability: 2000,
} as const

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g
const LINE_BREAKS = /[\r\n\u2028\u2029]+/g

/** One line of text: strings only (numbers are accepted as text), no control characters. */
export const asLine = (value: unknown) => {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value !== 'string') return undefined
  return value.replace(LINE_BREAKS, ' ').replace(CONTROL_CHARACTERS, '').trim()
}

/** A text area: line breaks kept, Windows line ends made plain, other control characters dropped. */
export const asText = (value: unknown) => {
  if (typeof value !== 'string') return undefined
  return value.replace(/\r\n?/g, '\n').replace(CONTROL_CHARACTERS, '').trim()
}

/** A list of values from a JSON array, a single string, or repeated form fields; empty ones dropped. */
export const asList = (value: unknown) => {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? [value] : undefined
  if (!items) return undefined
  return items
    .map((item) => (typeof item === 'string' ? item.trim() : item))
    .filter((item) => item !== '')
}

/** A checkbox: true, or the values a browser or a person sends for a ticked box. */
export const isTicked = (value: unknown): boolean =>
  value === true ||
  (typeof value === 'string' &&
    ['on', 'true', '1', 'yes', 'si', 'sí'].includes(value.trim().toLowerCase()))

const PHONE = /^\+?[0-9][0-9 ().-]{4,38}$/

export const requiredText = (message: string) => z.string({ error: message }).min(1, message)

/** Name, position, council, email (lower-cased) and an optional phone, with the form's messages. */
export function personFields(lang: Lang) {
  const m = messagesFor(lang).validation
  return {
    name: z.preprocess(asLine, requiredText(m.nameRequired).max(LIMITS.name, m.nameTooLong)),
    position: z.preprocess(
      asLine,
      requiredText(m.positionRequired).max(LIMITS.position, m.positionTooLong),
    ),
    municipality: z.preprocess(
      asLine,
      requiredText(m.municipalityRequired).max(64, m.municipalityUnknown),
    ),
    email: z.preprocess(
      asLine,
      requiredText(m.emailRequired)
        .max(LIMITS.email, m.emailInvalid)
        .pipe(z.email({ error: m.emailInvalid }))
        .transform((email) => email.toLowerCase()),
    ),
    phone: z.preprocess(
      (value) => asLine(value) || undefined,
      z
        .string({ error: m.phoneInvalid })
        .max(LIMITS.phone, m.phoneInvalid)
        .regex(PHONE, m.phoneInvalid)
        .optional(),
    ),
  }
}

/** The languages the person works in: at least one, each one configured, repeats dropped. */
export function languagesField(lang: Lang, languages: readonly string[]) {
  const m = messagesFor(lang).validation
  const known = new Set(languages)
  return z.preprocess(
    asList,
    z
      .array(z.string({ error: m.languagesUnknown }), { error: m.languagesRequired })
      .min(1, m.languagesRequired)
      .max(languages.length, m.languagesUnknown)
      .refine((list) => list.every((language) => known.has(language)), m.languagesUnknown)
      .transform((list) => [...new Set(list)]),
  )
}

/** The language of the emails: one of ca/es/en, or (anything else, or nothing) the form's language. */
export const emailLanguageField = (lang: Lang) =>
  z.preprocess(
    (value) =>
      typeof value === 'string' && (LANGS as readonly string[]).includes(value.trim())
        ? value.trim()
        : lang,
    z.enum(LANGS),
  )

/** The consents object, whatever was sent in its place, with the boxes given (each must be ticked). */
export const consentsField = <Shape extends z.ZodRawShape>(boxes: Shape) =>
  z.preprocess(
    (value) => (value && typeof value === 'object' && !Array.isArray(value) ? value : {}),
    z.object(boxes),
  )

/** A box that must be ticked, with the sentence that says so. */
export const tickedBox = (message: string) =>
  z.preprocess(isTicked, z.literal(true, { error: message }))
