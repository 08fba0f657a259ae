import { z } from 'zod'

import {
  asList,
  asText,
  consentsField,
  emailLanguageField,
  isTicked,
  languagesField,
  LIMITS,
  personFields,
  requiredText,
  tickedBox,
} from './form-fields'
import { type Lang, messagesFor } from './i18n'

/**
 * The application, as the browser and the server both check it: one zod schema, built from the
 * configured àmbits and languages, with messages in the form's language. The server always checks
 * again; the browser only checks to help the person before sending.
 */

/** The honeypot: an input that people never see and always send empty. Robots fill it in or leave it out. */
export const HONEYPOT_FIELD = 'website'

export const MAX_TOPICS = 3

export const APPLICATION_FIELDS = [
  'name',
  'position',
  'municipality',
  'email',
  'phone',
  'topics',
  'needs',
  'availability',
  'languages',
  'consents.dataProcessing',
  'consents.commitment',
] as const

export type FieldError = { field: string; message: string }

/** The HTML id of the control an error links to (the error summary's links point here). */
export function fieldId(field: string): string {
  if (field === 'topics') return 'field-topics-1'
  if (field === 'languages') return 'field-languages-0'
  return `field-${field.replace('.', '-')}`
}

export type SchemaContext = { topics: readonly string[]; languages: readonly string[]; lang?: Lang }

export function createApplicationSchema({ topics, languages, lang = 'ca' }: SchemaContext) {
  const m = messagesFor(lang).validation
  const topicValues = new Set(topics)

  return z.object({
    ...personFields(lang),
    topics: z.preprocess(
      asList,
      z
        .array(z.string({ error: m.topicsUnknown }), { error: m.topicsRequired })
        .min(1, m.topicsRequired)
        .max(MAX_TOPICS, m.topicsTooMany)
        .refine((list) => list.every((topic) => topicValues.has(topic)), m.topicsUnknown)
        .refine((list) => new Set(list).size === list.length, m.topicsRepeated),
    ),
    needs: z.preprocess(asText, requiredText(m.needsRequired).max(LIMITS.needs, m.needsTooLong)),
    availability: z.preprocess(
      asText,
      requiredText(m.availabilityRequired).max(LIMITS.availability, m.availabilityTooLong),
    ),
    languages: languagesField(lang, languages),
    language: emailLanguageField(lang),
    consents: consentsField({
      dataProcessing: tickedBox(m.dataProcessingRequired),
      commitment: tickedBox(m.commitmentRequired),
    }),
  })
}

export type ApplicationSchema = ReturnType<typeof createApplicationSchema>
export type Application = z.output<ApplicationSchema>

/** The field a zod issue belongs to, as the form and the API name it. */
const fieldOf = (path: readonly PropertyKey[]): string => {
  const [first, second] = path.map(String)
  if (first === 'consents' && second) return `consents.${second}`
  return first ?? 'form'
}

const schemas = new Map<string, ApplicationSchema>()

/** Building a zod schema costs more than using it: one per language and list of choices. */
function schemaFor(context: SchemaContext): ApplicationSchema {
  const key = `${context.lang ?? 'ca'}|${context.topics.join(',')}|${context.languages.join(',')}`
  let schema = schemas.get(key)
  if (!schema) {
    if (schemas.size > 50) schemas.clear()
    schema = createApplicationSchema(context)
    schemas.set(key, schema)
  }
  return schema
}

/** Checks an application; one error per field, in the order of the form. */
export function validateApplication(
  input: unknown,
  context: SchemaContext,
): { ok: true; data: Application } | { ok: false; errors: FieldError[] } {
  const parsed = schemaFor(context).safeParse(input)
  if (parsed.success) return { ok: true, data: parsed.data }
  const byField = new Map<string, string>()
  for (const issue of parsed.error.issues) {
    const field = fieldOf(issue.path)
    if (!byField.has(field)) byField.set(field, issue.message)
  }
  const order = (field: string) => {
    const index = (APPLICATION_FIELDS as readonly string[]).indexOf(field)
    return index === -1 ? APPLICATION_FIELDS.length : index
  }
  const errors = [...byField]
    .map(([field, message]) => ({ field, message }))
    .sort((a, b) => order(a.field) - order(b.field))
  return { ok: false, errors }
}

/** What the person typed, to show again after an error (strings only; nothing is trusted here). */
export type FormValues = {
  name: string
  position: string
  municipality: string
  email: string
  phone: string
  /** By priority position; '' where a priority was left empty. */
  topics: string[]
  needs: string
  availability: string
  languages: string[]
  /** The language of the emails ('' : the form's). */
  language: string
  dataProcessing: boolean
  commitment: boolean
}

export const emptyValues = (): FormValues => ({
  name: '',
  position: '',
  municipality: '',
  email: '',
  phone: '',
  topics: ['', '', ''],
  needs: '',
  availability: '',
  languages: ['ca'],
  language: '',
  dataProcessing: false,
  commitment: false,
})

type Entries = Iterable<[string, unknown]>

const MULTI = new Set(['topics', 'languages'])

/**
 * Form fields (URL-encoded or FormData entries) to the object the schema checks: `topics` and
 * `languages` repeat in document order (so the three priority selects keep their order), and the
 * consent boxes are named `consents.dataProcessing` and `consents.commitment`.
 */
export function fromFormEntries(entries: Entries): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null)
  const consents: Record<string, unknown> = Object.create(null)
  for (const [key, raw] of entries) {
    if (typeof raw !== 'string') continue
    if (key.startsWith('consents.')) {
      consents[key.slice('consents.'.length)] = raw
    } else if (MULTI.has(key)) {
      const list = (out[key] as string[] | undefined) ?? []
      list.push(raw)
      out[key] = list
    } else if (!(key in out)) {
      out[key] = raw
    }
  }
  out.consents = consents
  return out
}

/** The values to show again in the form, whatever came in. */
export function formValuesFrom(input: Record<string, unknown>): FormValues {
  const text = (value: unknown) =>
    typeof value === 'string' ? value : typeof value === 'number' ? String(value) : ''
  const list = (value: unknown) =>
    Array.isArray(value) ? value.map(text) : typeof value === 'string' ? [value] : []
  const topics = list(input.topics).slice(0, MAX_TOPICS)
  while (topics.length < MAX_TOPICS) topics.push('')
  const consents = (
    input.consents && typeof input.consents === 'object' ? input.consents : {}
  ) as Record<string, unknown>
  return {
    name: text(input.name),
    position: text(input.position),
    municipality: text(input.municipality),
    email: text(input.email),
    phone: text(input.phone),
    topics,
    needs: text(input.needs),
    availability: text(input.availability),
    languages: list(input.languages).filter(Boolean),
    language: text(input.language),
    dataProcessing: isTicked(consents.dataProcessing),
    commitment: isTicked(consents.commitment),
  }
}
