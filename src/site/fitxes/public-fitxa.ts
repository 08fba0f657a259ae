/**
 * What the public website, the feed and the open data show of a fitxa. Built field by field from
 * what Payload returns to an anonymous reader, so that nothing else (a person, a pairing, a review
 * comment) can reach a public page even if the collection grows a field (R12). No Payload import.
 */

export type PublicCouncil = {
  id: string
  name: string
  comarca?: string
  latitude?: number
  longitude?: number
}

/** A featured image as the public may fetch it (Payload's upload, resized on upload). */
export type PublicImage = {
  url: string
  alt: string
  mimeType?: string
  filesize?: number
  width?: number
  height?: number
  /** The resized copies (collections/FitxaImages.ts), when Payload made them. */
  sizes: Partial<Record<'card' | 'page', { url: string; width?: number; height?: number }>>
}

/** The reference person: only present when their consent to publish is recorded (R12). */
export type PublicReferencePerson = { name?: string; email?: string }

export type PublicFitxa = {
  id: string
  slug: string
  title: string
  summary: string
  referencePerson?: PublicReferencePerson
  area?: string
  image?: PublicImage
  classification: string[]
  topics: string[]
  objectives?: string
  audience?: string
  activities?: string
  results?: string
  recommendations?: string
  resources?: string
  keyElements?: string
  limitations?: string
  indicators?: string
  considerations?: string
  body?: unknown
  year?: number
  startDate?: string
  closingDate?: string
  publishedAt?: string
  updatedAt?: string
  /** The council that was accompanied, and the mentor's council. */
  council?: PublicCouncil
  mentorCouncil?: PublicCouncil
}

const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined
const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []

function council(value: unknown): PublicCouncil | undefined {
  if (!value || typeof value !== 'object') return undefined
  const doc = value as Record<string, unknown>
  const name = str(doc.name)
  if (!name || doc.id === undefined) return undefined
  return {
    id: String(doc.id),
    name,
    comarca: str(doc.comarca),
    latitude: num(doc.latitude),
    longitude: num(doc.longitude),
  }
}

/** The path of an image on this site (Payload writes its serverURL in front; the outputs put the public one). */
const sitePath = (url: string | undefined): string | undefined => {
  if (!url) return undefined
  try {
    const parsed = new URL(url, 'http://site.invalid')
    return parsed.pathname.startsWith('/api/') ? parsed.pathname : undefined
  } catch {
    return undefined
  }
}

function image(value: unknown): PublicImage | undefined {
  if (!value || typeof value !== 'object') return undefined
  const doc = value as Record<string, unknown>
  const url = sitePath(str(doc.url))
  const alt = str(doc.alt)
  if (!url || !alt) return undefined
  const sizes: PublicImage['sizes'] = {}
  const given = (doc.sizes ?? {}) as Record<string, Record<string, unknown> | undefined>
  for (const name of ['card', 'page'] as const) {
    const size = given[name]
    const sizeUrl = sitePath(str(size?.url))
    if (sizeUrl) sizes[name] = { url: sizeUrl, width: num(size?.width), height: num(size?.height) }
  }
  return {
    url,
    alt,
    mimeType: str(doc.mimeType),
    filesize: num(doc.filesize),
    width: num(doc.width),
    height: num(doc.height),
    sizes,
  }
}

/** R12: the name and mailbox only with the recorded consent, whatever else the reader could see. */
function referencePerson(value: unknown): PublicReferencePerson | undefined {
  if (!value || typeof value !== 'object') return undefined
  const person = value as Record<string, unknown>
  if (person.consent !== true) return undefined
  const name = str(person.name)
  const email = str(person.email)
  return name || email ? { name, email } : undefined
}

export function toPublicFitxa(doc: Record<string, unknown>): PublicFitxa | undefined {
  const slug = str(doc.slug)
  const title = str(doc.title)
  if (!slug || !title || doc._status !== 'published') return undefined
  return {
    id: String(doc.id),
    slug,
    title,
    summary: str(doc.summary) ?? '',
    referencePerson: referencePerson(doc.referencePerson),
    area: str(doc.area),
    image: image(doc.image),
    classification: strings(doc.classification),
    topics: strings(doc.topics),
    objectives: str(doc.objectives),
    audience: str(doc.audience),
    activities: str(doc.activities),
    results: str(doc.results),
    recommendations: str(doc.recommendations),
    resources: str(doc.resources),
    keyElements: str(doc.keyElements),
    limitations: str(doc.limitations),
    indicators: str(doc.indicators),
    considerations: str(doc.considerations),
    body: doc.body && typeof doc.body === 'object' ? doc.body : undefined,
    year: num(doc.year),
    startDate: str(doc.startDate),
    closingDate: str(doc.closingDate),
    publishedAt: str(doc.publishedAt) ?? str(doc.updatedAt),
    updatedAt: str(doc.updatedAt),
    council: council(doc.municipality),
    mentorCouncil: council(doc.mentorMunicipality),
  }
}

/** Newest first: by first publication, then by title. */
export const newestFirst = (a: PublicFitxa, b: PublicFitxa): number =>
  String(b.publishedAt ?? '').localeCompare(String(a.publishedAt ?? '')) ||
  a.title.localeCompare(b.title, 'ca')
