import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { incidentResolvedEmail, incidentSecretariatEmail } from '../src/notifications/accompaniment'
import { adminDocUrl, pairingPageUrl } from '../src/notifications/pages'
import { queueEmail } from '../src/jobs/mail'
import { INCIDENT_TYPES } from '../src/rules/incidents'
import { PAIRING_STATUS_LABELS } from '../src/rules/pairings'
import { refuse } from '../src/rules/result'
import { pairingAndParty } from './meetings'
import { notifySecretariat } from './notify'
import { enforce, idOf, loadDoc, sameId } from './shared'

const typeLabel = (value: unknown) => INCIDENT_TYPES.find((option) => option.value === value)?.label ?? String(value ?? 'Incidència')

export const enforceIncidentRules: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  if (operation === 'update' && data.pairing !== undefined && !sameId(data.pairing, originalDoc?.pairing)) {
    enforce(refuse('R11', 'Una incidència no es pot moure a una altra parella.', { field: 'pairing' }))
  }
  const { pairing, party } = await pairingAndParty(req, idOf(data.pairing ?? originalDoc?.pairing))
  if (operation === 'create') {
    if (party !== 'secretariat' && !['accepted', 'active'].includes(String(pairing.status))) {
      enforce(
        refuse('R11', `L'acompanyament està ${PAIRING_STATUS_LABELS[pairing.status ?? 'proposed']}: les incidències es comuniquen mentre és acceptat o en curs. Per a qualsevol altra cosa, escriviu a la secretaria tècnica.`, {
          field: 'pairing',
          status: 409,
        }),
      )
    }
    data.reportedBy = req.user?.id
  }
  const resolving = data.status === 'resolved' && originalDoc?.status !== 'resolved'
  if (resolving) {
    if (!String(data.resolution ?? originalDoc?.resolution ?? '').trim()) {
      enforce(refuse('R11', "Per resoldre una incidència cal explicar com s'ha resolt: la persona que l'ha comunicada ho rebrà.", { field: 'resolution' }))
    }
    data.resolvedAt = new Date().toISOString()
  }
  data.title = `${typeLabel(data.type ?? originalDoc?.type)} · ${String(data.description ?? originalDoc?.description ?? '').slice(0, 60)}`
  return data
}

/** R11 and R13: the secretariat hears of each new incident (with a link); the reporter of its resolution. */
export const notifyIncident: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  const serverURL = req.payload.config.serverURL
  const pairing = await loadDoc<{ id: string | number; title?: string }>(req, 'pairings', idOf(doc.pairing))
  if (operation === 'create') {
    const reporter = await loadDoc<{ email?: string; name?: string | null }>(req, 'users', idOf(doc.reportedBy))
    await notifySecretariat(
      req,
      incidentSecretariatEmail({
        pairingTitle: pairing?.title ?? String(idOf(doc.pairing)),
        type: typeLabel(doc.type),
        description: String(doc.description ?? ''),
        reporter: reporter?.name || reporter?.email || 'La secretaria tècnica',
        adminUrl: adminDocUrl(serverURL, 'incidents', doc.id),
      }),
    )
    return doc
  }
  if (doc.status === 'resolved' && previousDoc?.status !== 'resolved') {
    const reporter = await loadDoc<{ email?: string; name?: string | null; roles?: string[] }>(req, 'users', idOf(doc.reportedBy))
    if (reporter?.email && !reporter.roles?.includes('secretariat')) {
      await queueEmail(
        req,
        incidentResolvedEmail({
          to: reporter.email,
          name: reporter.name || reporter.email,
          type: typeLabel(doc.type),
          resolution: String(doc.resolution ?? ''),
          pageUrl: pairingPageUrl(serverURL, pairing?.id ?? idOf(doc.pairing) ?? ''),
        }),
      )
    }
  }
  return doc
}
