import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { loadDoc } from '../src/lib/documents'
import { enforce } from '../src/lib/errors'
import { idOf, sameId } from '../src/lib/ids'
import type { MentoriaOptions } from '../src/lib/options'
import { incidentResolvedEmail, incidentSecretariatEmail } from '../src/notifications/accompaniment'
import { adminDocUrl, pairingPageUrl } from '../src/notifications/pages'
import type { Incident, Pairing, User } from '../src/payload-types'
import { incidentTypeLabel, incidentTypeLabelIn } from '../src/rules/incidents'
import { PAIRING_STATUS_LABELS } from '../src/rules/pairings'
import { refuse } from '../src/rules/result'
import { languageOfUser } from '../src/services/accounts'
import { queueEmail } from '../src/services/mail-queue'
import { notifySecretariat } from '../src/services/notify'
import { pairingAndParty } from './shared'

/** R11, R13: a party reports while the pairing is underway; the secretariat resolves, saying how. */
export const enforceIncidentRules: CollectionBeforeChangeHook<Incident> = async ({ data, originalDoc, operation, req }) => {
  if (operation === 'update' && data.pairing !== undefined && !sameId(data.pairing, originalDoc?.pairing)) {
    enforce(refuse('R11', 'Una incidència no es pot moure a una altra parella.', { field: 'pairing' }))
  }
  const { pairing, party } = await pairingAndParty(req, idOf(data.pairing ?? originalDoc?.pairing))
  if (operation === 'create') {
    if (party !== 'secretariat' && !['accepted', 'active'].includes(String(pairing.status))) {
      enforce(
        refuse(
          'R11',
          `L'acompanyament està ${PAIRING_STATUS_LABELS[pairing.status ?? 'proposed']}: les incidències es comuniquen mentre és acceptat o en curs. Per a qualsevol altra cosa, escriviu a la secretaria tècnica.`,
          { field: 'pairing', status: 409 },
        ),
      )
    }
    data.reportedBy = req.user?.id as number
  }
  if (data.status === 'resolved' && originalDoc?.status !== 'resolved') {
    if (!String(data.resolution ?? originalDoc?.resolution ?? '').trim()) {
      enforce(refuse('R11', "Per resoldre una incidència cal explicar com s'ha resolt: la persona que l'ha comunicada ho rebrà.", { field: 'resolution' }))
    }
    data.resolvedAt = new Date().toISOString()
  }
  const type = data.type ?? originalDoc?.type
  data.title = `${type ? incidentTypeLabel(type, 'Incidència') : 'Incidència'} · ${String(data.description ?? originalDoc?.description ?? '').slice(0, 60)}`
  return data
}

/** R11 and R13: the secretariat hears of each new incident (with a link); the reporter of its resolution. */
export const notifyIncident =
  (options: Pick<MentoriaOptions, 'secretariatEmail'>): CollectionAfterChangeHook<Incident> =>
  async ({ doc, previousDoc, operation, req }) => {
    const serverURL = req.payload.config.serverURL
    const pairing = await loadDoc<Pairing>(req, 'pairings', idOf(doc.pairing))
    if (operation === 'create') {
      const reporter = await loadDoc<User>(req, 'users', idOf(doc.reportedBy))
      await notifySecretariat(
        req,
        options,
        incidentSecretariatEmail({
          pairingTitle: pairing?.title ?? String(idOf(doc.pairing)),
          type: incidentTypeLabel(doc.type, doc.type),
          description: String(doc.description ?? ''),
          reporter: reporter?.name || reporter?.email || 'La secretaria tècnica',
          adminUrl: adminDocUrl(serverURL, 'incidents', doc.id),
        }),
      )
      return doc
    }
    if (doc.status === 'resolved' && previousDoc?.status !== 'resolved') {
      const reporter = await loadDoc<User>(req, 'users', idOf(doc.reportedBy))
      if (reporter?.email && !reporter.roles?.includes('secretariat')) {
        // In the reporter's language: the one on their side's record of this pairing, else any of theirs.
        const menteeUser = sameId(reporter.id, (await loadDoc<{ user?: unknown }>(req, 'candidates', idOf(pairing?.candidate)))?.user)
        const lang = (await languageOfUser(req, reporter.id, menteeUser ? 'mentee' : 'mentor')) ?? 'ca'
        await queueEmail(
          req,
          incidentResolvedEmail({
            to: reporter.email,
            name: reporter.name || reporter.email,
            type: incidentTypeLabelIn(doc.type, lang, doc.type),
            resolution: String(doc.resolution ?? ''),
            pageUrl: pairingPageUrl(serverURL, pairing?.id ?? idOf(doc.pairing) ?? ''),
            lang,
          }),
        )
      }
    }
    return doc
  }
