import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionBeforeOperationHook,
} from 'payload'

import { loadDoc } from '../src/lib/documents'
import { deepMerge } from '../src/lib/merge'
import type { MentoriaOptions } from '../src/lib/options'
import { setWrittenPaths } from '../src/lib/request-state'
import type { Pairing } from '../src/payload-types'
import { leafPaths } from '../src/rules/pairing-changes'
import { afterPairingWrite, applyPairingRules } from '../src/services/pairing-rules'

/**
 * What the request itself sends, before Payload fills the rest in from the stored document: by the
 * time the rules run, a field sent with its stored value and a field not sent look alike, and telling
 * them apart by comparing with the stored value would answer a guess (R13).
 */
export const recordWrittenPaths: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'update')
    setWrittenPaths(
      req,
      (args as { id?: unknown }).id,
      leafPaths((args as { data?: unknown }).data),
    )
  return args
}

/** R1, R3–R9, R12, R13 on every write to a pairing, whoever makes it and by whichever door (src/services/pairing-rules.ts). */
export const enforcePairingRules =
  (options: MentoriaOptions): CollectionBeforeChangeHook<Pairing> =>
  ({ data, originalDoc, operation, req }) => {
    const before = operation === 'update' ? originalDoc : undefined
    return applyPairingRules(req, options, data, deepMerge((before ?? {}) as Pairing, data), before)
  }

/** The emails and the application's status after a write (src/services/pairing-rules.ts, `afterPairingWrite`). */
export const afterPairingChange =
  (options: MentoriaOptions): CollectionAfterChangeHook<Pairing> =>
  async ({ doc, previousDoc, operation, req }) => {
    if (operation === 'update' && !previousDoc) return doc
    // `doc` has been through field read access (the nonce, the other party's evaluation): read it as the system.
    const stored = (await loadDoc<Pairing>(req, 'pairings', doc.id)) ?? doc
    await afterPairingWrite(req, options, stored, operation === 'update' ? previousDoc : undefined)
    return doc
  }
