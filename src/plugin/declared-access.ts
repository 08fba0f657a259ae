import type { Access, CollectionConfig, GlobalConfig, SanitizedConfig, Where } from 'payload'

import { deleteOwnPreference } from '../../access/preferences'
import {
  dataOfTheRightShape,
  filtersThatParse,
  pagesThatExist,
  validIdsOnly,
} from '../../hooks/input'
import {
  createLocks,
  deleteLocks,
  lockHolderIsRequester,
  LOCKS_SLUG,
  readLocks,
  updateLocks,
} from '../../access/locks'
import { isSignedIn } from '../../access/roles'

/**
 * Deny by default: every operation Payload exposes gets an access function someone chose. What a
 * collection does not declare is refused, rather than left to Payload's default ("any signed-in user").
 * The decisions, role by role, are in access/matrix.ts and checked by tests/int/access-matrix.test.ts.
 * (This is the plugin's entry layer: it ties access functions and input hooks to Payload's own collections.)
 */

export const nobody: Access = () => false

export const COLLECTION_OPERATIONS = [
  'create',
  'read',
  'update',
  'delete',
  'readVersions',
  'unlock',
] as const
export const GLOBAL_OPERATIONS = ['read', 'update', 'readVersions'] as const
export type CollectionOperation = (typeof COLLECTION_OPERATIONS)[number] | 'admin'
export type GlobalOperation = (typeof GLOBAL_OPERATIONS)[number]

/** The operations Payload exposes for a collection: history where it keeps one, unlock and admin where people sign in. */
export function operationsOf(collection: {
  auth?: unknown
  versions?: unknown
}): CollectionOperation[] {
  const operations: CollectionOperation[] = ['create', 'read', 'update', 'delete']
  if (collection.versions) operations.push('readVersions')
  if (collection.auth) operations.push('unlock', 'admin')
  return operations
}

export function declareCollectionAccess(collection: CollectionConfig): CollectionConfig {
  const access: NonNullable<CollectionConfig['access']> = { ...collection.access }
  for (const operation of COLLECTION_OPERATIONS) access[operation] ??= nobody
  if (collection.auth) access.admin ??= () => false
  return { ...collection, access }
}

export function declareGlobalAccess(global: GlobalConfig): GlobalConfig {
  const access: NonNullable<GlobalConfig['access']> = { ...global.access }
  for (const operation of GLOBAL_OPERATIONS) access[operation] ??= nobody
  return { ...global, access }
}

/** Each person's admin preferences (columns, open groups) are theirs alone. */
const ownPreferences: Access = ({ req }) => {
  if (!req.user) return false
  const where: Where = {
    and: [
      { 'user.value': { equals: req.user.id } },
      { 'user.relationTo': { equals: req.user.collection } },
    ],
  }
  return where
}

/**
 * Payload's own collections and globals, which it adds after the plugins run. Anything Payload adds
 * that is not listed here gets no access at all (and a warning at start-up).
 */
export const PAYLOAD_OWN_COLLECTIONS: Record<
  string,
  Partial<Record<(typeof COLLECTION_OPERATIONS)[number], Access>>
> = {
  // Who edits what: seen by those who see the document, taken only on documents one may edit.
  [LOCKS_SLUG]: { create: createLocks, read: readLocks, update: updateLocks, delete: deleteLocks },
  // The preference's `user` is always the requester (Payload's field hook).
  'payload-preferences': {
    create: isSignedIn,
    read: ownPreferences,
    update: ownPreferences,
    delete: ownPreferences,
  },
  // The queue is run by the server itself; the API is refused (jobs.access covers queue/run/cancel).
  'payload-jobs': {},
  'payload-migrations': {},
  'payload-kv': {},
}
export const PAYLOAD_OWN_GLOBALS: Record<string, Partial<Record<GlobalOperation, Access>>> = {
  // Scheduling state of the jobs queue: written by the scheduler only.
  'payload-jobs-stats': {},
}

const lockedDown = new WeakSet<object>()

/**
 * Gives each operation of Payload's own collections and globals its declared access. They exist only
 * once the config is sanitized, after the plugins ran, so this runs on the sanitized config: from the
 * host's `buildConfig(...)` promise (`secureSanitizedConfig`) and again on init. Both are needed when
 * one process holds two copies of the config (a custom server and Next's bundle): GraphQL builds its
 * schema from the copy Next imported, which no init ever saw. Running twice changes nothing.
 */
export function lockDownPayloadCollections(
  config: SanitizedConfig,
  declaredByUs: ReadonlySet<string>,
  warn: (message: string) => void = console.warn,
) {
  for (const collection of config.collections) {
    if (declaredByUs.has(collection.slug) || lockedDown.has(collection)) continue
    lockedDown.add(collection)
    const table = PAYLOAD_OWN_COLLECTIONS[collection.slug]
    if (!table)
      warn(
        `Col·lecció «${collection.slug}» sense accés declarat: es deneguen totes les operacions.`,
      )
    const access = collection.access as Record<string, Access>
    for (const operation of COLLECTION_OPERATIONS) access[operation] = table?.[operation] ?? nobody
    if (collection.auth) access.admin = () => false
    collection.hooks.beforeOperation = [
      validIdsOnly,
      dataOfTheRightShape,
      pagesThatExist,
      filtersThatParse,
      ...(collection.hooks.beforeOperation ?? []),
    ]
    if (collection.slug === 'payload-preferences') {
      collection.endpoints = (collection.endpoints || []).map((endpoint) =>
        endpoint.method === 'delete' && endpoint.path === '/:key'
          ? { ...endpoint, handler: deleteOwnPreference }
          : endpoint,
      )
    }
    if (collection.slug === LOCKS_SLUG) {
      collection.hooks.beforeValidate = [
        ...(collection.hooks.beforeValidate ?? []),
        lockHolderIsRequester,
      ]
    }
  }
  for (const global of config.globals) {
    if (declaredByUs.has(`global:${global.slug}`) || lockedDown.has(global)) continue
    lockedDown.add(global)
    const table = PAYLOAD_OWN_GLOBALS[global.slug]
    if (!table)
      warn(`Global «${global.slug}» sense accés declarat: es deneguen totes les operacions.`)
    const access = global.access as Record<string, Access>
    for (const operation of GLOBAL_OPERATIONS) access[operation] = table?.[operation] ?? nobody
  }
}
