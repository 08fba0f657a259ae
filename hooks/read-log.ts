import type { CollectionAfterOperationHook, CollectionAfterReadHook } from 'payload'

import { idOf } from '../src/lib/ids'

import { evaluationsIn } from '../src/rules/read-log'
import { recordSecretariatReads } from '../src/services/read-log'

/** Each incident the secretariat reads, in the read log. */
export const logIncidentRead: CollectionAfterReadHook = async ({ doc, req, overrideAccess }) => {
  if (doc?.id !== undefined)
    await recordSecretariatReads(req, overrideAccess, [
      { kind: 'incident', collection: 'incidents', id: doc.id },
    ])
  return doc
}

/** Each evaluation the secretariat reads (a pairing read with its closing evaluations), in the read log. */
export const logEvaluationRead: CollectionAfterReadHook = async ({ doc, req, overrideAccess }) => {
  if (doc?.id === undefined) return doc
  await recordSecretariatReads(
    req,
    overrideAccess,
    evaluationsIn(doc).map((kind) => ({ kind, collection: 'pairings', id: doc.id })),
  )
  return doc
}

/** Each check-in answer the secretariat reads (a check-in with an answer), in the read log. */
export const logCheckinRead: CollectionAfterReadHook = async ({ doc, req, overrideAccess }) => {
  if (doc?.id !== undefined && doc.answer)
    await recordSecretariatReads(req, overrideAccess, [
      { kind: 'checkin-answer', collection: 'checkins', id: doc.id },
    ])
  return doc
}

type VersionRead = { parent?: unknown; version?: Parameters<typeof evaluationsIn>[0] | null }

/**
 * The pairing's history (REST `/api/pairings/versions`, GraphQL `versionsPairings`/`versionPairing`,
 * the admin's version views): each past version the secretariat reads with an evaluation in it is an
 * entry naming the pairing, like a read of the pairing itself (one per pairing, kind and request).
 */
export const logEvaluationVersionRead: CollectionAfterOperationHook = async ({
  operation,
  result,
  req,
  overrideAccess,
}) => {
  if (operation !== 'findVersions' && operation !== 'findVersionByID') return result
  const versions = (
    operation === 'findVersions'
      ? ((result as { docs?: VersionRead[] }).docs ?? [])
      : [result as VersionRead]
  ).filter(Boolean)
  const entries = versions.flatMap((read) => {
    const parent = idOf(read.parent)
    return parent === undefined || !read.version
      ? []
      : evaluationsIn(read.version).map((kind) => ({ kind, collection: 'pairings', id: parent }))
  })
  await recordSecretariatReads(req, overrideAccess, entries)
  return result
}
