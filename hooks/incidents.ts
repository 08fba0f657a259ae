import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { loadDoc } from '../src/lib/documents'
import { enforce } from '../src/lib/errors'
import { idOf, sameId } from '../src/lib/ids'
import type { MentoriaOptions } from '../src/lib/options'
import type { Incident, Pairing } from '../src/payload-types'
import { incidentTypeLabel } from '../src/rules/incidents'
import { refuse } from '../src/rules/result'
import { notifySecretariat } from '../src/services/notify'
import { pairingAndParty } from './shared'

export const enforceIncidentRules: CollectionBeforeChangeHook<Incident> = async ({ data, originalDoc, operation, req }) => {
  if (operation === 'update' && data.pairing !== undefined && !sameId(data.pairing, originalDoc?.pairing)) {
    enforce(refuse('R11', 'Una incidència no es pot moure a una altra parella.', { field: 'pairing' }))
  }
  await pairingAndParty(req, idOf(data.pairing ?? originalDoc?.pairing))
  if (operation === 'create') data.reportedBy = req.user?.id as number
  const type = data.type ?? originalDoc?.type
  data.title = `${type ? incidentTypeLabel(type, 'Incidència') : 'Incidència'} · ${String(data.description ?? originalDoc?.description ?? '').slice(0, 60)}`
  return data
}

/** R11: every new incident tells the secretariat. */
export const notifyNewIncident =
  (options: Pick<MentoriaOptions, 'secretariatEmail'>): CollectionAfterChangeHook<Incident> =>
  async ({ doc, operation, req }) => {
    if (operation !== 'create') return doc
    const pairing = await loadDoc<Pairing>(req, 'pairings', idOf(doc.pairing))
    await notifySecretariat(req, options, {
      subject: `Nova incidència: ${pairing?.title ?? 'parella'}`,
      text: `S'ha comunicat una incidència a la parella «${pairing?.title ?? idOf(doc.pairing)}».\n\nTipus: ${incidentTypeLabel(
        doc.type,
        doc.type,
      )}\n\n${doc.description}\n\nLa podeu veure a l'administració, a Incidències.`,
    })
    return doc
  }
