/**
 * The facts of the privacy notice and the accessibility statement («Avís legal i accessibilitat», a
 * global the secretariat fills in): which are required before the service is public, and what they
 * become when read. Pure: no Payload here (the service is src/services/legal-settings.ts).
 */

export const LEGAL_SETTINGS_SLUG = 'legal-settings'

export type LegalLang = 'ca' | 'es' | 'en'
export type LocalizedText = { ca?: string | null; es?: string | null; en?: string | null }

export const CONFORMANCE_STATUSES = ['full', 'partial', 'none'] as const
export type ConformanceStatus = (typeof CONFORMANCE_STATUSES)[number]
export const ASSESSMENT_METHODS = ['self', 'third-party'] as const
export type AssessmentMethod = (typeof ASSESSMENT_METHODS)[number]

/** The global as stored (every field may be empty). */
export type LegalSettingsData = {
  controller?: {
    name?: string | null
    address?: string | null
    email?: string | null
    phone?: string | null
    website?: string | null
  } | null
  dpo?: { name?: string | null; email?: string | null; address?: string | null } | null
  purposes?: LocalizedText | null
  legalBasis?: LocalizedText | null
  recipients?: LocalizedText | null
  apdcat?: { website?: string | null; address?: string | null } | null
  accessibility?: {
    status?: ConformanceStatus | null
    assessedAt?: string | null
    method?: AssessmentMethod | null
    preparedAt?: string | null
    reviewedAt?: string | null
    contactEmail?: string | null
    contactPhone?: string | null
    knownIssues?: LocalizedText | null
    outOfScope?: LocalizedText | null
    complaints?: LocalizedText | null
  } | null
}

/** What must be filled in before the production server starts, with the name the secretariat sees. */
export const REQUIRED_LEGAL_SETTINGS: { path: string; label: string }[] = [
  { path: 'controller.name', label: 'responsable del tractament (nom)' },
  { path: 'controller.address', label: 'responsable del tractament (adreça)' },
  { path: 'controller.email', label: 'responsable del tractament (correu)' },
  { path: 'dpo.email', label: 'delegat de protecció de dades (correu)' },
  { path: 'accessibility.contactEmail', label: 'accessibilitat: correu per comunicar barreres' },
  { path: 'accessibility.assessedAt', label: "accessibilitat: data de l'avaluació" },
]

const valueAt = (data: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
      data,
    )

const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '')

/** The required facts still empty, by the names the admin shows (empty list: ready). */
export function missingLegalSettings(data: LegalSettingsData | null | undefined): string[] {
  return REQUIRED_LEGAL_SETTINGS.filter(({ path }) => isBlank(valueAt(data, path))).map(
    ({ label }) => label,
  )
}

/** The one line the production start stops with. */
export function missingLegalSettingsMessage(missing: string[]): string {
  return `Configuració no vàlida: falten dades de l'avís legal i l'accessibilitat (${missing.join('; ')}); ompliu-les a /admin/globals/${LEGAL_SETTINGS_SLUG} (per entrar-hi, arrenqueu un cop amb LEGAL_SETTINGS_PENDING=true).`
}

/** The text in the reader's language, else Catalan, else the default in the reader's language. */
export function localized(
  text: LocalizedText | null | undefined,
  lang: LegalLang,
  fallback: Record<LegalLang, string>,
): string {
  const own = text?.[lang]
  if (!isBlank(own)) return String(own).trim()
  const catalan = text?.ca
  if (!isBlank(catalan)) return String(catalan).trim()
  return fallback[lang]
}

/** A multi-line setting as a list (one item a line, blank lines dropped). */
export const linesOf = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*[-•*]\s*/, '').trim())
    .filter(Boolean)
