import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import type { MentoriaOptions } from '../src/lib/options'
import type { Incident } from '../src/payload-types'
import { afterIncidentWrite, applyIncidentRules } from '../src/services/incident-rules'

/** R11, R13 on every write to an incident (src/services/incident-rules.ts). */
export const enforceIncidentRules: CollectionBeforeChangeHook<Incident> = ({
  data,
  originalDoc,
  operation,
  req,
}) => applyIncidentRules(req, data, operation === 'update' ? originalDoc : undefined)

/** The secretariat hears of each new incident; the reporter of its resolution. */
export const notifyIncident =
  (options: Pick<MentoriaOptions, 'secretariatEmail'>): CollectionAfterChangeHook<Incident> =>
  async ({ doc, previousDoc, operation, req }) => {
    await afterIncidentWrite(req, options, doc, previousDoc, operation === 'create')
    return doc
  }
