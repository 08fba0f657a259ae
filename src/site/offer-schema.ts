import { z } from 'zod'

import { type Lang, LANGS, messagesFor } from './i18n'
import { offerMessagesFor } from './offer-i18n'
import { type FieldError, isTicked, LIMITS } from './schema'

/**
 * The mentor offer (/oferta-mentoria), as the browser and the server both check it: one zod schema
 * with messages in the form's language, like the application's (src/site/schema.ts). A renewal (a
 * signed link) needs only the offer itself: who the person is comes from the link.
 */
export const OFFER_FIELDS = [
  'name',
  'position',
  'municipality',
  'email',
  'phone',
  'topics',
  'capacity',
  'availability',
  'languages',
  'consents.dataProcessing',
] as const
export const RENEWAL_FIELDS = ['topics', 'capacity', 'availability'] as const

export type OfferContext = {
  topics: readonly string[]
  languages: readonly string[]
  lang?: Lang
  renewal?: boolean
}

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g
const asLine = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value)
    ? String(value)
    : typeof value === 'string'
      ? value
          .replace(/[\r\n\u2028\u2029]+/g, ' ')
          .replace(CONTROL, '')
          .trim()
      : undefined
const asText = (value: unknown) =>
  typeof value === 'string' ? value.replace(/\r\n?/g, '\n').replace(CONTROL, '').trim() : undefined
const asList = (value: unknown) => {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? [value] : undefined
  return items
    ?.map((item) => (typeof item === 'string' ? item.trim() : item))
    .filter((item) => item !== '')
}
const asInteger = (value: unknown) => {
  if (typeof value === 'number') return value
  if (typeof value === 'string' && /^\s*\d{1,3}\s*$/.test(value)) return Number(value)
  return value === undefined || value === '' ? undefined : Number.NaN
}
const PHONE = /^\+?[0-9][0-9 ().-]{4,38}$/

export function createOfferSchema({
  topics,
  languages,
  lang = 'ca',
  renewal = false,
}: OfferContext) {
  const m = messagesFor(lang).validation
  const o = offerMessagesFor(lang).validation
  const required = (message: string) => z.string({ error: message }).min(1, message)
  const topicValues = new Set(topics)
  const languageValues = new Set(languages)
  const offer = {
    topics: z.preprocess(
      asList,
      z
        .array(z.string({ error: o.topicsUnknown }), { error: o.topicsRequired })
        .min(1, o.topicsRequired)
        .max(topics.length, o.topicsUnknown)
        .refine((list) => list.every((topic) => topicValues.has(topic)), o.topicsUnknown)
        .transform((list) => [...new Set(list)]),
    ),
    capacity: z.preprocess(
      asInteger,
      z
        .number({ error: o.capacityInvalid })
        .int(o.capacityInvalid)
        .min(1, o.capacityInvalid)
        .max(10, o.capacityInvalid),
    ),
    availability: z.preprocess(
      asText,
      required(o.availabilityRequired).max(LIMITS.availability, o.availabilityTooLong),
    ),
    language: z.preprocess(
      (value) =>
        typeof value === 'string' && (LANGS as readonly string[]).includes(value.trim())
          ? value.trim()
          : lang,
      z.enum(LANGS),
    ),
  }
  if (renewal) return z.object({ ...offer, token: z.string().min(1).max(1000) })
  return z.object({
    name: z.preprocess(asLine, required(m.nameRequired).max(LIMITS.name, m.nameTooLong)),
    position: z.preprocess(
      asLine,
      required(m.positionRequired).max(LIMITS.position, m.positionTooLong),
    ),
    municipality: z.preprocess(
      asLine,
      required(m.municipalityRequired).max(64, m.municipalityUnknown),
    ),
    email: z.preprocess(
      asLine,
      required(m.emailRequired)
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
    ...offer,
    languages: z.preprocess(
      asList,
      z
        .array(z.string({ error: m.languagesUnknown }), { error: m.languagesRequired })
        .min(1, m.languagesRequired)
        .max(languages.length, m.languagesUnknown)
        .refine(
          (list) => list.every((language) => languageValues.has(language)),
          m.languagesUnknown,
        )
        .transform((list) => [...new Set(list)]),
    ),
    consents: z.preprocess(
      (value) => (value && typeof value === 'object' && !Array.isArray(value) ? value : {}),
      z.object({
        dataProcessing: z.preprocess(
          isTicked,
          z.literal(true, { error: m.dataProcessingRequired }),
        ),
      }),
    ),
  })
}

export type NewMentorOffer = {
  name: string
  position: string
  municipality: string
  email: string
  phone?: string
  topics: string[]
  capacity: number
  availability: string
  languages: string[]
  language: Lang
}
export type RenewalOffer = {
  token: string
  topics: string[]
  capacity: number
  availability: string
  language: Lang
}

/** Checks an offer; one error per field, in the order of the form. */
export function validateOffer(
  input: unknown,
  context: OfferContext,
): { ok: true; data: NewMentorOffer | RenewalOffer } | { ok: false; errors: FieldError[] } {
  const parsed = createOfferSchema(context).safeParse(input)
  if (parsed.success) return { ok: true, data: parsed.data as NewMentorOffer | RenewalOffer }
  const byField = new Map<string, string>()
  for (const issue of parsed.error.issues) {
    const [first, second] = issue.path.map(String)
    const field = first === 'consents' && second ? `consents.${second}` : (first ?? 'form')
    if (!byField.has(field)) byField.set(field, issue.message)
  }
  const order = (field: string) => {
    const index = (OFFER_FIELDS as readonly string[]).indexOf(field)
    return index === -1 ? OFFER_FIELDS.length : index
  }
  return {
    ok: false,
    errors: [...byField]
      .map(([field, message]) => ({ field, message }))
      .sort((a, b) => order(a.field) - order(b.field)),
  }
}
