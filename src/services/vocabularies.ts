import type { Payload, PayloadRequest } from 'payload'

import type { MentoriaOptions } from '../lib/options'
import type {
  Vocabularies,
  VocabularyItem,
  VocabularyKind,
  VocabularyUses,
} from '../rules/vocabularies'

/**
 * «Vocabularis»: the àmbits and the fitxa's classifications as the secretariat keeps them in the admin
 * (collections/Vocabularies.ts), the plugin options' lists until it first saves them. Everything that
 * offers, checks or names a topic or a classification reads them here: the application form, the
 * fitxa form, the matching, the exports, the public fitxes and the fields' validation. Kept for
 * `VOCABULARIES_TTL_MS` per Payload instance; the global's afterChange drops the copy at once (other
 * servers follow within the TTL).
 */
export const VOCABULARIES_SLUG = 'vocabularies'
export const VOCABULARIES_TTL_MS = 2000

type Store = { value?: Promise<Vocabularies>; readAt: number }

// The hooks run in the server's bundle and the pages in Next's: one store per Payload instance on globalThis.
const STORES_KEY = Symbol.for('mentoria-xmess.vocabularies')
const stores = ((globalThis as Record<symbol, unknown>)[STORES_KEY] ??= new WeakMap<
  Payload,
  Store
>()) as WeakMap<Payload, Store>

const storeOf = (payload: Payload): Store => {
  let store = stores.get(payload)
  if (!store) {
    store = { readAt: 0 }
    stores.set(payload, store)
  }
  return store
}

/** The plugin options' lists: the initial values of «Vocabularis». */
export function defaultVocabularies(payload: Pick<Payload, 'config'>): Vocabularies {
  const options = (
    payload.config.custom as
      { mentoria?: Pick<MentoriaOptions, 'topics' | 'fitxaClassifications'> } | undefined
  )?.mentoria
  return {
    topics: options?.topics ?? [],
    fitxaClassifications: options?.fitxaClassifications ?? [],
  }
}

const cleanList = (raw: unknown): VocabularyItem[] | undefined => {
  if (!Array.isArray(raw) || raw.length === 0) return undefined
  return raw
    .filter(
      (item): item is Record<string, unknown> =>
        Boolean(item) &&
        typeof item === 'object' &&
        typeof (item as { value?: unknown }).value === 'string',
    )
    .map((item) => ({
      value: String(item.value),
      label: typeof item.label === 'string' && item.label ? item.label : String(item.value),
      ...(typeof item.es === 'string' && item.es ? { es: item.es } : {}),
      ...(typeof item.en === 'string' && item.en ? { en: item.en } : {}),
    }))
}

/** The lists as stored (in `req`'s transaction when given), the defaults where nothing is stored. */
export async function readVocabularies(
  payload: Payload,
  req?: Partial<PayloadRequest>,
): Promise<Vocabularies> {
  const stored = (await payload.findGlobal({
    slug: VOCABULARIES_SLUG as never,
    depth: 0,
    overrideAccess: true,
    ...(req ? { req } : {}),
  })) as Record<string, unknown> | null
  const defaults = defaultVocabularies(payload)
  return {
    topics: cleanList(stored?.topics) ?? defaults.topics,
    fitxaClassifications: cleanList(stored?.fitxaClassifications) ?? defaults.fitxaClassifications,
  }
}

/** The current lists, read at most every `VOCABULARIES_TTL_MS` (at once after a change on this server). */
export function currentVocabularies(payload: Payload): Promise<Vocabularies> {
  const store = storeOf(payload)
  const now = Date.now()
  if (store.value && now - store.readAt < VOCABULARIES_TTL_MS) return store.value
  const value = readVocabularies(payload)
  store.value = value
  store.readAt = now
  value.catch(() => {
    if (store.value === value) store.value = undefined
  })
  return value
}

/** From the global's afterChange: the next read goes to the database. */
export function vocabulariesChanged(payload: Payload): void {
  const store = storeOf(payload)
  store.value = undefined
  store.readAt = 0
}

/** The options with the current lists in place of the plugin options' (for code written against the options). */
export async function withVocabularies<
  T extends Partial<Pick<MentoriaOptions, 'topics' | 'fitxaClassifications'>>,
>(payload: Payload, options: T): Promise<T & Vocabularies> {
  const current = await currentVocabularies(payload)
  return { ...options, topics: current.topics, fitxaClassifications: current.fitxaClassifications }
}

/** Where each list is used: the collection fields that store its values. */
const USES: Record<VocabularyKind, { collection: keyof VocabularyUses; field: string }[]> = {
  topics: [
    { collection: 'candidates', field: 'topics' },
    { collection: 'mentors', field: 'topics' },
    { collection: 'mentor-offers', field: 'topics' },
    { collection: 'fitxes', field: 'topics' },
  ],
  fitxaClassifications: [{ collection: 'fitxes', field: 'classification' }],
}

/** How many candidates, mentors, mentor offers and fitxes store `value` (in `req`'s transaction). */
export async function vocabularyUses(
  req: PayloadRequest,
  kind: VocabularyKind,
  value: string,
): Promise<VocabularyUses> {
  const uses: VocabularyUses = { candidates: 0, mentors: 0, 'mentor-offers': 0, fitxes: 0 }
  for (const { collection, field } of USES[kind]) {
    const result = await req.payload.count({
      collection,
      where: { [field]: { equals: value } },
      overrideAccess: true,
      req,
    })
    uses[collection] += result.totalDocs
  }
  return uses
}
