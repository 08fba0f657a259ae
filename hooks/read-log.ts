import type { CollectionAfterReadHook } from 'payload'

import { evaluationsIn } from '../src/rules/read-log'
import { recordSecretariatReads } from '../src/services/read-log'

/** Each incident the secretariat reads, in the read log. */
export const logIncidentRead: CollectionAfterReadHook = async ({ doc, req, overrideAccess }) => {
  if (doc?.id !== undefined) await recordSecretariatReads(req, overrideAccess, [{ kind: 'incident', collection: 'incidents', id: doc.id }])
  return doc
}

/** Each evaluation the secretariat reads (a pairing read with its closing evaluations), in the read log. */
export const logEvaluationRead: CollectionAfterReadHook = async ({ doc, req, overrideAccess }) => {
  if (doc?.id === undefined) return doc
  await recordSecretariatReads(req, overrideAccess, evaluationsIn(doc).map((kind) => ({ kind, collection: 'pairings', id: doc.id })))
  return doc
}

/** Each check-in answer the secretariat reads (a check-in with an answer), in the read log. */
export const logCheckinRead: CollectionAfterReadHook = async ({ doc, req, overrideAccess }) => {
  if (doc?.id !== undefined && doc.answer) await recordSecretariatReads(req, overrideAccess, [{ kind: 'checkin-answer', collection: 'checkins', id: doc.id }])
  return doc
}
