import { z } from 'zod'

import {
  asList,
  asText,
  consentsField,
  emailLanguageField,
  languagesField,
  LIMITS,
  personFields,
  requiredText,
  tickedBox,
} from './form-fields'
import { type Lang, messagesFor } from './i18n'
import { offerMessagesFor } from './offer-i18n'
import type { FieldError } from './schema'

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

const asInteger = (value: unknown) => {
  if (typeof value === 'number') return value
  if (typeof value === 'string' && /^\s*\d{1,3}\s*$/.test(value)) return Number(value)
  return value === undefined || value === '' ? undefined : Number.NaN
}

export function createOfferSchema({
  topics,
  languages,
  lang = 'ca',
  renewal = false,
}: OfferContext) {
  const m = messagesFor(lang).validation
  const o = offerMessagesFor(lang).validation
  const topicValues = new Set(topics)
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
      requiredText(o.availabilityRequired).max(LIMITS.availability, o.availabilityTooLong),
    ),
    language: emailLanguageField(lang),
  }
  if (renewal) return z.object({ ...offer, token: z.string().min(1).max(1000) })
  return z.object({
    ...personFields(lang),
    ...offer,
    languages: languagesField(lang, languages),
    consents: consentsField({ dataProcessing: tickedBox(m.dataProcessingRequired) }),
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
