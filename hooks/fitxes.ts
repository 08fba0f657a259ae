import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionBeforeOperationHook,
} from 'payload'

import { isSecretariatUser } from '../access/roles'
import { idOf } from '../src/lib/ids'
import type { MentoriaOptions } from '../src/lib/options'
import { setFitxaWritesLive } from '../src/lib/request-state'
import {
  afterFitxaWrite,
  applyFitxaRules,
  type FitxaDoc,
  refuseQueriesThroughPairing,
  syncPairing,
} from '../src/services/fitxa-rules'
import { siteCacheChanged } from '../src/services/site-cache'

/**
 * R10: a published fitxa changes only when the secretariat publishes. Every other write is saved as a
 * new draft (Payload versions), whatever the request asked, so that a mentee's edit, a submission or
 * a returned draft never touches the text on the website. The secretariat unpublishes by writing
 * `_status: 'draft'` to the live document (the admin's «Unpublish»).
 */
export const fitxaWritesAsDraft: CollectionBeforeOperationHook = ({
  args,
  operation,
  overrideAccess,
  req,
}) => {
  // The secretariat, or the system itself (Local API without access control: jobs, seed, scripts).
  const trusted = overrideAccess === true || isSecretariatUser(req.user)
  if (operation !== 'create' && operation !== 'update') {
    if (!trusted) refuseQueriesThroughPairing((args as { where?: unknown }).where)
    return args
  }
  const data = (args.data ?? {}) as { _status?: string }
  const publishing = data._status === 'published'
  const unpublishing = operation === 'update' && !args.draft && data._status === 'draft' && trusted
  setFitxaWritesLive(req, publishing || unpublishing || operation === 'create')
  if (publishing || unpublishing) return args
  return { ...args, draft: true }
}

/** R10 (the review), R12 (only the mentee writes) and the facts copied from the pairing (src/services/fitxa-rules.ts). */
export const enforceFitxaRules: CollectionBeforeChangeHook = ({
  data,
  originalDoc,
  operation,
  req,
}) => applyFitxaRules(req, data as FitxaDoc, originalDoc as FitxaDoc | undefined, operation)

/** The pairing's «fitxa pendent», the review emails and the public pages' cache. */
export const afterFitxaChange =
  (options: Pick<MentoriaOptions, 'secretariatEmail'>): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, req }) => {
    await afterFitxaWrite(req, options, doc as FitxaDoc, previousDoc as FitxaDoc | undefined)
    return doc
  }

export const afterFitxaDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await syncPairing(req, idOf(doc.pairing), false)
  siteCacheChanged(req)
  return doc
}
