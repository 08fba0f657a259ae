import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'

import { loadDoc } from '../src/lib/documents'
import { enforce } from '../src/lib/errors'
import { idOf, sameId } from '../src/lib/ids'
import type { MentoriaOptions } from '../src/lib/options'
import type { Meeting, Pairing } from '../src/payload-types'
import { checkMeetingDate } from '../src/rules/accompaniment'
import { checkOpenForMeetings, checkRecordedBy, meetingTitle } from '../src/rules/meetings'
import type { Party } from '../src/rules/pairings'
import { refuse } from '../src/rules/result'
import { noticeMeeting } from '../src/services/accompaniment-notices'
import { pairingAndParty } from './shared'

/**
 * R7: meetings belong to one pairing of the person's, recorded while it is active, dated neither in
 * the future nor before the start, and changed only by whoever recorded them (or the secretariat).
 */
export const enforceMeetingRules: CollectionBeforeChangeHook<Meeting> = async ({ data, originalDoc, operation, req }) => {
  if (operation === 'update' && data.pairing !== undefined && !sameId(data.pairing, originalDoc?.pairing)) {
    enforce(refuse('R7', 'Una trobada no es pot moure a una altra parella.', { field: 'pairing' }))
  }
  const { pairing, party } = await pairingAndParty(req, idOf(data.pairing ?? originalDoc?.pairing))
  enforce(checkOpenForMeetings(pairing.status))
  if (operation === 'update') enforce(checkRecordedBy(party, sameId(originalDoc?.recordedBy, req.user?.id)))
  if (operation === 'create') data.recordedBy = req.user?.id as number
  enforce(checkMeetingDate(data.date ?? originalDoc?.date, pairing.startDate))
  req.context.mentoriaActor = party
  const modality = String(data.modality ?? originalDoc?.modality ?? 'in_person')
  const date = String(data.date ?? originalDoc?.date ?? '').slice(0, 10)
  data.title = meetingTitle(modality, date)
  return data
}

/** R7: a closed pairing's meetings are its evidence and cannot be deleted; and only by who recorded them. */
export const protectMeetingOnDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const meeting = await loadDoc<Meeting>(req, 'meetings', id)
  if (!meeting) return
  const { pairing, party } = await pairingAndParty(req, idOf(meeting.pairing))
  enforce(checkOpenForMeetings(pairing.status))
  enforce(checkRecordedBy(party, sameId(meeting.recordedBy, req.user?.id)))
}

/** R7: the other party is told of each new meeting. */
export const noticeNewMeeting =
  (options: MentoriaOptions): CollectionAfterChangeHook<Meeting> =>
  async ({ doc, operation, req }) => {
    if (operation !== 'create') return doc
    const pairing = await loadDoc<Pairing>(req, 'pairings', idOf(doc.pairing))
    const actor = (req.user ? req.context.mentoriaActor : 'secretariat') as Party
    if (pairing) await noticeMeeting(req, options, pairing, actor, doc)
    return doc
  }
