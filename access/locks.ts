import type { Access, CollectionBeforeValidateHook, PayloadRequest, SanitizedCollectionConfig, Where } from 'payload'

import { isSecretariatUser } from './roles'

export const LOCKS_SLUG = 'payload-locked-documents'

type Operation = 'read' | 'update'

const configOf = (req: PayloadRequest, slug: string): SanitizedCollectionConfig | undefined =>
  (req.payload.collections as Record<string, { config: SanitizedCollectionConfig } | undefined>)[slug]?.config

type AnyFind = (args: Record<string, unknown>) => Promise<{ docs: { id: number | string }[]; totalDocs: number }>

/** The collections a lock may point at (the lock's `document` relationship). */
function lockableSlugs(req: PayloadRequest): string[] {
  const locks = configOf(req, LOCKS_SLUG)
  const field = locks?.fields.find((candidate) => 'name' in candidate && candidate.name === 'document') as { relationTo?: string | string[] } | undefined
  const relationTo = field?.relationTo
  return Array.isArray(relationTo) ? relationTo : relationTo ? [relationTo] : []
}

/** Whether the signed-in user may `operation` this one document, by that collection's own access. */
export async function mayOn(req: PayloadRequest, slug: string, id: unknown, operation: Operation): Promise<boolean> {
  const collection = configOf(req, slug)
  if (!collection || (typeof id !== 'string' && typeof id !== 'number')) return false
  const result = await collection.access[operation]?.({ req, id: id as never })
  if (result === true) return true
  if (!result) return false
  const { totalDocs } = await req.payload.count({ collection: slug as never, where: { and: [result, { id: { equals: id } }] }, overrideAccess: true, req })
  return totalDocs > 0
}

/**
 * Locks on documents the user may read (or update): a lock says who is editing, so it is seen by those
 * who see the document, and taken over only by those who may edit it.
 */
async function locksOnDocuments(req: PayloadRequest, operation: Operation): Promise<Where[]> {
  const cacheKey = `mentoriaLocks:${operation}`
  const cached = req.context[cacheKey] as Where[] | undefined
  if (cached) return cached
  const or: Where[] = []
  for (const slug of lockableSlugs(req)) {
    const result = await configOf(req, slug)?.access[operation]?.({ req })
    if (result === true) {
      or.push({ 'document.relationTo': { equals: slug } })
    } else if (result) {
      const { docs } = await (req.payload.find as unknown as AnyFind)({ collection: slug, where: result, overrideAccess: true, depth: 0, pagination: false, select: {}, req })
      if (docs.length) or.push({ and: [{ 'document.relationTo': { equals: slug } }, { 'document.value': { in: docs.map((doc) => doc.id) } }] })
    }
  }
  req.context[cacheKey] = or
  return or
}

const ownLock = (req: PayloadRequest): Where => ({ 'user.value': { equals: req.user?.id } })

export const readLocks: Access = async ({ req }) => {
  if (!req.user) return false
  if (isSecretariatUser(req.user)) return true
  return { or: [ownLock(req), ...(await locksOnDocuments(req, 'read'))] }
}

/** Taking over a lock (the admin's "edit anyway") needs the right to edit the document. */
export const updateLocks: Access = async ({ req }) => {
  if (!req.user) return false
  if (isSecretariatUser(req.user)) return true
  const or = await locksOnDocuments(req, 'update')
  return or.length ? { or } : false
}

/** A lock only on a document the user may edit, never on a global (only the secretariat edits those). */
export const createLocks: Access = async ({ req, data }) => {
  if (!req.user) return false
  if (isSecretariatUser(req.user)) return true
  const lock = (data ?? {}) as { document?: { relationTo?: unknown; value?: unknown } | null; globalSlug?: unknown }
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
