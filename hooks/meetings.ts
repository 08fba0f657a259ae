import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionBeforeDeleteHook, PayloadRequest } from 'payload'

import { checkMeetingDate } from '../src/rules/accompaniment'
import { MODALITY_LABELS, PAIRING_STATUS_LABELS, type PairingStatus } from '../src/rules/pairings'
import { refuse } from '../src/rules/result'
import { type CandidateDoc, type MentorDoc, type PairingDoc, partyFor } from './pairings'
import { noticeMeeting } from './accompaniment-notices'
import { enforce, type ID, idOf, loadDoc, sameId } from './shared'

/** The pairing a meeting or incident belongs to, and who the signed-in person is in it. */
export async function pairingAndParty(req: PayloadRequest, pairingId: ID | undefined) {
  const pairing = await loadDoc<PairingDoc>(req, 'pairings', pairingId)
  if (!pairing) enforce(refuse('R12', 'Cal indicar una parella que existeixi.', { field: 'pairing' }))
  const p = pairing as PairingDoc
  const [mentor, candidate] = await Promise.all([
    loadDoc<MentorDoc>(req, 'mentors', idOf(p.mentor)),
    loadDoc<CandidateDoc>(req, 'candidates', idOf(p.candidate)),
  ])
  const party = req.user ? partyFor(req, mentor, candidate) : 'secretariat'
  if (!party) enforce(refuse('R12', 'Només les dues persones de la parella i la secretaria tècnica hi poden registrar coses.', { field: 'pairing', status: 403 }))
  return { pairing: p, party }
}

const OPEN_FOR_MEETINGS: PairingStatus[] = ['active']

function checkOpenForMeetings(pairing: PairingDoc) {
  const status = pairing.status ?? 'proposed'
  if (status === 'accepted') {
    enforce(refuse('R7', "Primer cal registrar l'inici de l'acompanyament (dates i acord); després, les trobades.", { field: 'pairing', status: 409 }))
  }
  if (!OPEN_FOR_MEETINGS.includes(status)) {
    // Meetings are the evidence for R7: once closed, they stay as they were.
    enforce(refuse('R7', `L'acompanyament està ${PAIRING_STATUS_LABELS[status]}: les trobades només es registren mentre és en curs.`, { field: 'pairing', status: 409 }))
  }
}

/** R7: a meeting is changed or deleted only by whoever recorded it, or the secretariat. */
function checkRecordedBy(req: PayloadRequest, party: string, meeting: { recordedBy?: unknown } | undefined) {
  if (party !== 'secretariat' && !sameId(meeting?.recordedBy, req.user?.id)) {
    enforce(refuse('R7', "Només qui ha registrat la trobada (o la secretaria tècnica) la pot canviar o esborrar.", { status: 403 }))
  }
}

export const enforceMeetingRules: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  if (operation === 'update' && data.pairing !== undefined && !sameId(data.pairing, originalDoc?.pairing)) {
    enforce(refuse('R7', 'Una trobada no es pot moure a una altra parella.', { field: 'pairing' }))
  }
  const { pairing, party } = await pairingAndParty(req, idOf(data.pairing ?? originalDoc?.pairing))
  checkOpenForMeetings(pairing)
  if (operation === 'update') checkRecordedBy(req, String(party), originalDoc)
  if (operation === 'create') data.recordedBy = req.user?.id
  enforce(checkMeetingDate(data.date ?? originalDoc?.date, pairing.startDate))
  req.context.mentoriaActor = party
  const modality = String(data.modality ?? originalDoc?.modality ?? 'in_person')
  const date = String(data.date ?? originalDoc?.date ?? '').slice(0, 10)
  data.title = `Trobada ${MODALITY_LABELS[modality]?.replace(/s$/, '') ?? modality} · ${date}`
  return data
}

export const protectMeetingOnDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const meeting = await loadDoc<{ pairing?: unknown; recordedBy?: unknown }>(req, 'meetings', id)
  if (!meeting) return
  const { pairing, party } = await pairingAndParty(req, idOf(meeting.pairing))
  checkOpenForMeetings(pairing)
  checkRecordedBy(req, String(party), meeting)
}

/** R7: the other party is told of each new meeting. */
export const noticeNewMeeting: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  const pairing = await loadDoc<PairingDoc>(req, 'pairings', idOf(doc.pairing))
  if (pairing) await noticeMeeting(req, pairing, (req.user ? req.context.mentoriaActor : 'secretariat') as never, doc)
  return doc
}
