import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook, PayloadRequest } from 'payload'

import { MODALITY_LABELS, PAIRING_STATUS_LABELS, type PairingStatus } from '../src/rules/pairings'
import { refuse } from '../src/rules/result'
import { type CandidateDoc, type MentorDoc, type PairingDoc, partyFor } from './pairings'
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

const OPEN_FOR_MEETINGS: PairingStatus[] = ['accepted', 'active']

function checkOpenForMeetings(pairing: PairingDoc) {
  const status = pairing.status ?? 'proposed'
  if (!OPEN_FOR_MEETINGS.includes(status)) {
    // Meetings are the evidence for R7: once closed, they stay as they were.
    enforce(refuse('R7', `La parella està ${PAIRING_STATUS_LABELS[status]}: les trobades només es registren mentre és acceptada o en curs.`, { field: 'pairing', status: 409 }))
  }
}

export const enforceMeetingRules: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  if (operation === 'update' && data.pairing !== undefined && !sameId(data.pairing, originalDoc?.pairing)) {
    enforce(refuse('R7', 'Una trobada no es pot moure a una altra parella.', { field: 'pairing' }))
  }
  const { pairing } = await pairingAndParty(req, idOf(data.pairing ?? originalDoc?.pairing))
  checkOpenForMeetings(pairing)
  if (operation === 'create') data.recordedBy = req.user?.id
  const modality = String(data.modality ?? originalDoc?.modality ?? 'in_person')
  const date = String(data.date ?? originalDoc?.date ?? '').slice(0, 10)
  data.title = `Trobada ${MODALITY_LABELS[modality]?.replace(/s$/, '') ?? modality} · ${date}`
  return data
}

export const protectMeetingOnDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const meeting = await loadDoc<{ pairing?: unknown }>(req, 'meetings', id)
  if (!meeting) return
  const { pairing } = await pairingAndParty(req, idOf(meeting.pairing))
  checkOpenForMeetings(pairing)
}
