import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { INCIDENT_TYPES } from '../src/rules/incidents'
import { refuse } from '../src/rules/result'
import { pairingAndParty } from './meetings'
import { notifySecretariat } from './notify'
import { enforce, idOf, loadDoc, sameId } from './shared'

export const enforceIncidentRules: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  if (operation === 'update' && data.pairing !== undefined && !sameId(data.pairing, originalDoc?.pairing)) {
    enforce(refuse('R11', 'Una incidència no es pot moure a una altra parella.', { field: 'pairing' }))
  }
  await pairingAndParty(req, idOf(data.pairing ?? originalDoc?.pairing))
  if (operation === 'create') data.reportedBy = req.user?.id
  const type = INCIDENT_TYPES.find((option) => option.value === (data.type ?? originalDoc?.type))
  data.title = `${type?.label ?? 'Incidència'} · ${String(data.description ?? originalDoc?.description ?? '').slice(0, 60)}`
  return data
}

/** R11: every new incident tells the secretariat. */
export const notifyNewIncident: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  const pairing = await loadDoc<{ title?: string }>(req, 'pairings', idOf(doc.pairing))
  await notifySecretariat(req, {
    subject: `Nova incidència: ${pairing?.title ?? 'parella'}`,
    text: `S'ha comunicat una incidència a la parella «${pairing?.title ?? idOf(doc.pairing)}».\n\nTipus: ${
      INCIDENT_TYPES.find((option) => option.value === doc.type)?.label ?? doc.type
    }\n\n${doc.description}\n\nLa podeu veure a l'administració, a Incidències.`,
  })
  return doc
}
