import type { Payload } from 'payload'

import { dcatCatalog } from '../site/fitxes/dcat'
import { OPEN_DATA_LICENCE } from '../site/fitxes/open-data'
import { newestFirst, type PublicFitxa, toPublicFitxa } from '../site/fitxes/public-fitxa'
import { cachedForSite } from './site-cache'
import { currentVocabularies } from './vocabularies'

/** The option lists the public pages name topics and classifications by. */
export type FitxaLabelOptions = {
  topics: { value: string; label: string }[]
  fitxaClassifications: { value: string; label: string }[]
}

/**
 * Every published fitxa, read as an anonymous visitor: through Payload with access enforced
 * (`overrideAccess: false`, no user), so only what the public may read comes back. Cached until
 * the stamp moves (cache.ts); the pages filter, search and paginate this list in memory.
 */
export function publishedFitxes(payload: Payload): Promise<readonly PublicFitxa[]> {
  return cachedForSite(payload, 'published', async () => {
    const result = await payload.find({
      collection: 'fitxes',
      where: { _status: { equals: 'published' } },
      overrideAccess: false,
      user: null,
      draft: false,
      depth: 1,
      pagination: false,
      sort: '-publishedAt',
      populate: {
        municipalities: { name: true, comarca: true, latitude: true, longitude: true },
        'fitxa-images': {
          alt: true,
          url: true,
          filename: true,
          mimeType: true,
          filesize: true,
          width: true,
          height: true,
          sizes: true,
        },
      } as never,
    })
    const fitxes = result.docs
      .map((doc) => toPublicFitxa(doc as unknown as Record<string, unknown>))
      .filter((fitxa): fitxa is PublicFitxa => fitxa !== undefined)
    fitxes.sort(newestFirst)
    return Object.freeze(fitxes)
  })
}

export async function publishedFitxa(
  payload: Payload,
  slug: string,
): Promise<PublicFitxa | undefined> {
  const bySlug = await cachedForSite(payload, 'by-slug', async () => {
    const map = new Map<string, PublicFitxa>()
    for (const fitxa of await publishedFitxes(payload)) map.set(fitxa.slug, fitxa)
    return map
  })
  return bySlug.get(slug)
}

export type Choice = { value: string; label: string; count: number }

export type FitxaFilters = {
  topics: Choice[]
  councils: Choice[]
  years: Choice[]
  topicLabels: Map<string, string>
  classificationLabels: Map<string, string>
}

/** What the filters offer: only topics, councils and years that some published fitxa has. */
export function fitxaFilters(payload: Payload, options: FitxaLabelOptions): Promise<FitxaFilters> {
  return cachedForSite(payload, 'filters', async () => {
    const fitxes = await publishedFitxes(payload)
    const topicLabels = new Map(options.topics.map((topic) => [topic.value, topic.label]))
    const classificationLabels = new Map(
      options.fitxaClassifications.map((item) => [item.value, item.label]),
    )
    const count = <K>(keys: K[][]) => {
      const counts = new Map<K, number>()
      for (const list of keys)
        for (const key of new Set(list)) counts.set(key, (counts.get(key) ?? 0) + 1)
      return counts
    }
    const topicCounts = count(fitxes.map((fitxa) => fitxa.topics))
    const councilNames = new Map<string, string>()
    for (const fitxa of fitxes)
      for (const council of [fitxa.council, fitxa.mentorCouncil])
        if (council) councilNames.set(council.id, council.name)
    const councilCounts = count(
      fitxes.map((fitxa) =>
        [fitxa.council?.id, fitxa.mentorCouncil?.id].filter((id): id is string => Boolean(id)),
      ),
    )
    const yearCounts = count(fitxes.map((fitxa) => (fitxa.year ? [fitxa.year] : [])))
    return {
      topicLabels,
      classificationLabels,
      topics: options.topics
        .filter((topic) => topicCounts.has(topic.value))
        .map((topic) => ({
          value: topic.value,
          label: topic.label,
          count: topicCounts.get(topic.value) ?? 0,
        })),
      councils: [...councilCounts]
        .map(([id, total]) => ({ value: id, label: councilNames.get(id) ?? id, count: total }))
        .sort((a, b) => a.label.localeCompare(b.label, 'ca')),
      years: [...yearCounts]
        .sort((a, b) => b[0] - a[0])
        .map(([year, total]) => ({ value: String(year), label: String(year), count: total })),
    }
  })
}

/**
 * The answer of /fitxes/dcat.jsonld: the dataset's DCAT-AP 2 / NTI-RISP metadata (src/site/fitxes/dcat.ts),
 * its keywords named as «Vocabularis» names the àmbits now, dated by the newest publication.
 */
export async function dcatResponse(payload: Payload, baseUrl: string): Promise<Response> {
  const [fitxes, { topics }] = await Promise.all([
    publishedFitxes(payload),
    currentVocabularies(payload),
  ])
  const document = dcatCatalog(fitxes, {
    baseUrl,
    topicLabels: new Map(topics.map((topic) => [topic.value, topic.label])),
  })
  return new Response(JSON.stringify(document, null, 2), {
    headers: {
      'Content-Type': 'application/ld+json; charset=utf-8',
      'Cache-Control': 'public, max-age=60',
      Link: `<${OPEN_DATA_LICENCE.url}>; rel="license"`,
      'Access-Control-Allow-Origin': '*',
    },
  })
}
