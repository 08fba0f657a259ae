import type { Payload, PayloadRequest } from 'payload'

import { type ID, idOf } from '../../lib/ids'
import { currentVocabularies } from '../../services/vocabularies'
import { fitxaStateFor, type FitxaStateWords } from '../../rules/fitxes'
import { type PairingView } from './data'

/** What the mentee's fitxa page edits: the template's fields, as the API stores them. */
export type FitxaValues = {
  title: string
  referencePerson: { name: string; email: string; consent: boolean }
  area: string
  classification: string[]
  image?: { id: ID; alt: string; url?: string } | null
  summary: string
  objectives: string
  audience: string
  resources: string
  keyElements: string
  limitations: string
  indicators: string
  considerations: string
  activities: string
  results: string
  recommendations: string
  topics: string[]
}

export type MyFitxa = {
  id: ID
  values: FitxaValues
  state: FitxaStateWords
  /** The live text is on the website (a draft may stand over it). */
  live: boolean
  slug?: string
}

export type Choice = { value: string; label: string }

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- documents as the Local API returns them, read field by field below
type Doc = Record<string, any>

const str = (value: unknown) => (typeof value === 'string' ? value : '')
const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : [])

/**
 * The fitxa of one of the signed-in mentee's pairings, as they may read it (the latest draft), with
 * its state in words. `pairing` comes from their own pairings (loadMyMentoring), so finding the fitxa by
 * its pairing runs as the system, exactly as the list of their pairings does; the document itself is
 * then read with their access.
 */
export async function loadMyFitxa(
  req: PayloadRequest,
  pairing: PairingView,
): Promise<MyFitxa | null> {
  if (pairing.fitxa.id === undefined) return null
  const { payload } = req
  const doc = (await payload
    .findByID({
      collection: 'fitxes',
      id: pairing.fitxa.id,
      req,
      overrideAccess: false,
      draft: true,
      depth: 1,
    })
    .catch(() => null)) as Doc | null
  if (!doc) return null
  const live = (await payload.db.findOne({
    collection: 'fitxes',
    where: { id: { equals: doc.id } },
    req,
  })) as Doc | null
  const person = (doc.referencePerson ?? {}) as Doc
  const image =
    doc.image && typeof doc.image === 'object'
      ? {
          id: doc.image.id as ID,
          alt: str(doc.image.alt),
          url: doc.image.sizes?.card?.url ?? doc.image.url,
        }
      : idOf(doc.image) !== undefined
        ? { id: idOf(doc.image) as ID, alt: '' }
        : null
  return {
    id: doc.id as ID,
    live: live?._status === 'published',
    slug: live?._status === 'published' ? str(live.slug) : undefined,
    state: fitxaStateFor({
      reviewStatus: doc.reviewStatus,
      live: live?._status === 'published',
      comment: doc.reviewComment,
    }),
    values: {
      title: str(doc.title),
      referencePerson: {
        name: str(person.name),
        email: str(person.email),
        consent: person.consent === true,
      },
      area: str(doc.area),
      classification: list(doc.classification),
      image,
      summary: str(doc.summary),
      objectives: str(doc.objectives),
      audience: str(doc.audience),
      resources: str(doc.resources),
      keyElements: str(doc.keyElements),
      limitations: str(doc.limitations),
      indicators: str(doc.indicators),
      considerations: str(doc.considerations),
      activities: str(doc.activities),
      results: str(doc.results),
      recommendations: str(doc.recommendations),
      topics: list(doc.topics),
    },
  }
}

/** The lists the form offers: the secretariat's classifications and the programme's àmbits. */
export async function fitxaChoices(
  payload: Payload,
): Promise<{ classifications: Choice[]; topics: Choice[] }> {
  const options = await currentVocabularies(payload)
  return {
    classifications: options.fitxaClassifications.map(({ value, label }) => ({ value, label })),
    topics: options.topics.map(({ value, label }) => ({ value, label })),
  }
}
