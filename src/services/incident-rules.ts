import type { PayloadRequest } from 'payload'

import { loadDoc } from '../lib/documents'
import { enforce } from '../lib/errors'
import { idOf, sameId } from '../lib/ids'
import type { MentoriaOptions } from '../lib/options'
import { incidentResolvedEmail, incidentSecretariatEmail } from '../notifications/accompaniment'
import { adminDocUrl, pairingPageUrl } from '../notifications/pages'
import type { Incident, Pairing, User } from '../payload-types'
import {
  checkIncidentReport,
  checkIncidentResolution,
  incidentTypeLabel,
  incidentTypeLabelIn,
} from '../rules/incidents'
import { languageOfUser } from './accounts'
import { queueEmail } from './mail-queue'
import { notifySecretariat } from './notify'
import { candidateOf, pairingOfRecord } from './pairing-facts'

/** R11, R13: a party reports while the pairing is underway; the secretariat resolves, saying how. */
export async function applyIncidentRules(
  req: PayloadRequest,
  data: Partial<Incident>,
  originalDoc: Incident | undefined,
): Promise<Partial<Incident>> {
  const { pairing, party } = await pairingOfRecord(req, 'incident', data, originalDoc)
  if (!originalDoc) {
    enforce(checkIncidentReport(party, pairing.status))
    data.reportedBy = req.user?.id as number
  }
  const resolving = data.status === 'resolved' && originalDoc?.status !== 'resolved'
  enforce(checkIncidentResolution(resolving, data.resolution ?? originalDoc?.resolution))
  if (resolving) data.resolvedAt = new Date().toISOString()
  const type = data.type ?? originalDoc?.type
  data.title = `${type ? incidentTypeLabel(type, 'Incidència') : 'Incidència'} · ${String(data.description ?? originalDoc?.description ?? '').slice(0, 60)}`
  return data
}

/** R11 and R13: the secretariat hears of each new incident (with a link); the reporter of its resolution. */
export async function afterIncidentWrite(
  req: PayloadRequest,
  options: Pick<MentoriaOptions, 'secretariatEmail'>,
  doc: Incident,
  previousDoc: Incident | undefined,
  created: boolean,
): Promise<void> {
  const serverURL = req.payload.config.serverURL
  const pairing = await loadDoc<Pairing>(req, 'pairings', idOf(doc.pairing))
  if (created) {
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
    return
  }
  if (doc.status !== 'resolved' || previousDoc?.status === 'resolved') return
  const reporter = await loadDoc<User>(req, 'users', idOf(doc.reportedBy))
  if (!reporter?.email || reporter.roles?.includes('secretariat')) return
  // In the reporter's language: the one on their side's record of this pairing, else any of theirs.
  const menteeUser = sameId(reporter.id, (await candidateOf(req, pairing?.candidate))?.user)
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
