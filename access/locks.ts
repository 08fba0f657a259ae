import type {
  Access,
  CollectionBeforeValidateHook,
  PayloadRequest,
  SanitizedCollectionConfig,
  Where,
} from 'payload'

import { isSecretariatUser } from './roles'

export const LOCKS_SLUG = 'payload-locked-documents'

type Operation = 'read' | 'update'

const configOf = (req: PayloadRequest, slug: string): SanitizedCollectionConfig | undefined =>
  (req.payload.collections as Record<string, { config: SanitizedCollectionConfig } | undefined>)[
    slug
  ]?.config

/** Whether the signed-in user may `operation` this one document, by that collection's own access. */
export async function mayOn(
  req: PayloadRequest,
  slug: string,
  id: unknown,
  operation: Operation,
): Promise<boolean> {
  const collection = configOf(req, slug)
  if (!collection || (typeof id !== 'string' && typeof id !== 'number')) return false
  const result = await collection.access[operation]?.({ req, id: id as never })
  if (result === true) return true
  if (!result) return false
  const { totalDocs } = await req.payload.count({
    collection: slug as never,
    where: { and: [result, { id: { equals: id } }] },
    overrideAccess: true,
    req,
  })
  return totalDocs > 0
}

/**
 * The locks whose document the user may read (or update): a lock says who is editing, so it is seen
 * by those who see the document, and taken over only by those who may edit it. Locks are few (one per
 * document open in the admin, gone after minutes), so they are checked one by one rather than through
 * a query on the polymorphic relationship.
 */
async function lockIdsOnDocuments(
  req: PayloadRequest,
  operation: Operation,
): Promise<(number | string)[]> {
  const cacheKey = `mentoriaLocks:${operation}`
  const cached = req.context[cacheKey] as (number | string)[] | undefined
  if (cached) return cached
  const find = req.payload.find as unknown as (
    args: Record<string, unknown>,
  ) => Promise<{ docs: Record<string, unknown>[] }>
  const { docs: locks } = await find({
    collection: LOCKS_SLUG,
    overrideAccess: true,
    depth: 0,
    pagination: false,
    req,
  })
  const bySlug = new Map<string, { lock: number | string; document: number | string }[]>()
  for (const lock of locks) {
    const document = lock.document as { relationTo?: string; value?: unknown } | null | undefined
    const value =
      document?.value && typeof document.value === 'object'
        ? (document.value as { id?: unknown }).id
        : document?.value
    if (!document?.relationTo || (typeof value !== 'string' && typeof value !== 'number')) continue
    const list = bySlug.get(document.relationTo) ?? []
    list.push({ lock: lock.id as number | string, document: value })
    bySlug.set(document.relationTo, list)
  }
  const allowed: (number | string)[] = []
  for (const [slug, entries] of bySlug) {
    const result = await configOf(req, slug)?.access[operation]?.({ req })
    if (result === true) {
      allowed.push(...entries.map((entry) => entry.lock))
    } else if (result) {
      const { docs } = await find({
        collection: slug,
        where: { and: [result, { id: { in: entries.map((entry) => entry.document) } }] },
        overrideAccess: true,
        depth: 0,
        pagination: false,
        select: {},
        req,
      })
      const visible = new Set(docs.map((doc) => String(doc.id)))
      allowed.push(
        ...entries
          .filter((entry) => visible.has(String(entry.document)))
          .map((entry) => entry.lock),
      )
    }
  }
  req.context[cacheKey] = allowed
  return allowed
}

const NOTHING: Where = { id: { exists: false } }
const ownLock = (req: PayloadRequest): Where => ({ 'user.value': { equals: req.user?.id } })

export const readLocks: Access = async ({ req }) => {
  if (!req.user) return false
  if (isSecretariatUser(req.user)) return true
  const ids = await lockIdsOnDocuments(req, 'read')
  return ids.length ? { or: [ownLock(req), { id: { in: ids } }] } : ownLock(req)
}

/** Taking over a lock (the admin's "edit anyway") needs the right to edit the document. */
export const updateLocks: Access = async ({ req }) => {
  if (!req.user) return false
  if (isSecretariatUser(req.user)) return true
  const ids = await lockIdsOnDocuments(req, 'update')
  return ids.length ? { id: { in: ids } } : NOTHING
}

/** A lock only on a document the user may edit, never on a global (only the secretariat edits those). */
export const createLocks: Access = async ({ req, data }) => {
  if (!req.user) return false
  if (isSecretariatUser(req.user)) return true
  const lock = (data ?? {}) as {
    document?: { relationTo?: unknown; value?: unknown } | null
    globalSlug?: unknown
  }
  if (lock.globalSlug) return false
  if (!lock.document || typeof lock.document.relationTo !== 'string') return false
  return mayOn(req, lock.document.relationTo, lock.document.value, 'update')
}

export const deleteLocks: Access = ({ req }) => {
  if (!req.user) return false
  if (isSecretariatUser(req.user)) return true
  return ownLock(req)
}

/** Through the API a lock always names the person who takes it, whatever the request says. */
export const lockHolderIsRequester: CollectionBeforeValidateHook = ({ data, req }) => {
  if (!data || !req.user || req.payloadAPI === 'local') return data
  return { ...data, user: { relationTo: req.user.collection, value: req.user.id } }
}
