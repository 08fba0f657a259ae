import { createHash } from 'node:crypto'

import type { Payload, PayloadRequest } from 'payload'

import { currentVocabularies } from './vocabularies'

/**
 * The public pages' memory of published fitxes, one per Payload instance and process.
 *
 * What is cached is keyed by a stamp read from the database: how many fitxes are published and when
 * the last of them changed, and the same for councils (their names and places appear on the pages)
 * and for «Vocabularis» (the topics' and classifications' names).
 * Publishing, unpublishing, a new published version or a deletion always moves the stamp, whoever
 * writes — the admin, a job, the seed, a script or another server — so every server sees the change
 * at its next stamp check (at most `STAMP_TTL_MS` later). On this server, the fitxes hooks also mark
 * the cache stale as soon as the change is committed, so the next page reads the database again.
 */
export const STAMP_TTL_MS = 500

type Entry = { stamp: string; values: Map<string, Promise<unknown>> }
type Store = { entry?: Entry; checkedAt: number; stale: boolean; pendingStamp?: Promise<string> }

// The hooks run in the server's bundle and the pages in Next's: the store lives on globalThis so
// that both reach the same one, per Payload instance (tests run several in one process).
const STORES_KEY = Symbol.for('mentoria-xmess.site-cache')
const stores = ((globalThis as Record<symbol, unknown>)[STORES_KEY] ??= new WeakMap<
  Payload,
  Store
>()) as WeakMap<Payload, Store>

const storeOf = (payload: Payload): Store => {
  let store = stores.get(payload)
  if (!store) {
    store = { checkedAt: 0, stale: true }
    stores.set(payload, store)
  }
  return store
}

/** Called from the fitxes (and councils) hooks: the next read checks the database again. */
export function siteCacheChanged(req: Pick<PayloadRequest, 'payload'>): void {
  const store = storeOf(req.payload)
  store.stale = true
  store.checkedAt = 0
}

async function readStamp(payload: Payload): Promise<string> {
  const latest = async (
    collection: 'fitxes' | 'municipalities',
    where?: Record<string, unknown>,
  ) => {
    const result = await payload.find({
      collection,
      where: where as never,
      sort: '-updatedAt',
      limit: 1,
      depth: 0,
      select: { updatedAt: true } as never,
      overrideAccess: true,
    })
    return `${result.totalDocs}@${String((result.docs[0] as { updatedAt?: string } | undefined)?.updatedAt ?? '')}`
  }
  // The pages name topics and classifications from «Vocabularis»: an edit there moves the stamp too.
  // (Its content, not its updatedAt: Payload keeps a global's first updatedAt on SQLite.)
  const vocabularies = async () =>
    createHash('sha256')
      .update(JSON.stringify(await currentVocabularies(payload)))
      .digest('base64url')
      .slice(0, 16)
  const [fitxes, councils, words] = await Promise.all([
    latest('fitxes', { _status: { equals: 'published' } }),
    latest('municipalities'),
    vocabularies(),
  ])
  return `${fitxes}|${councils}|${words}`
}

async function currentEntry(payload: Payload): Promise<Entry> {
  const store = storeOf(payload)
  const now = Date.now()
  if (store.entry && !store.stale && now - store.checkedAt < STAMP_TTL_MS) return store.entry
  // One stamp read at a time, however many requests arrive together.
  store.pendingStamp ??= readStamp(payload).finally(() => {
    store.pendingStamp = undefined
  })
  const stampStartedAt = now
  const stamp = await store.pendingStamp
  if (!store.entry || store.entry.stamp !== stamp) store.entry = { stamp, values: new Map() }
  store.checkedAt = stampStartedAt
  store.stale = false
  return store.entry
}

/**
 * The current stamp (checked at most every `STAMP_TTL_MS`, at once after a hook said the data
 * changed): what the server's page cache keys whole responses on.
 */
export async function siteStamp(payload: Payload): Promise<string> {
  return (await currentEntry(payload)).stamp
}

/**
 * The value for `key` under the current stamp, computed once by `compute` (concurrent callers share
 * the same promise; a failure is not kept).
 */
export async function cachedForSite<T>(
  payload: Payload,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  const entry = await currentEntry(payload)
  let value = entry.values.get(key) as Promise<T> | undefined
  if (!value) {
    value = compute()
    entry.values.set(key, value)
    value.catch(() => {
      if (entry.values.get(key) === value) entry.values.delete(key)
    })
  }
  return value
}
