import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'

import { loadDoc } from '../src/lib/documents'
import { enforce } from '../src/lib/errors'
import { idOf, sameId } from '../src/lib/ids'
import type { MentoriaOptions } from '../src/lib/options'
import type { Meeting, Pairing } from '../src/payload-types'
import { CALENDAR_FIELDS, checkMeetingEditor, checkMeetingStatus, checkOpenForMeetings, checkRecordedBy, type MeetingStatus, meetingTitle } from '../src/rules/meetings'
import type { Party } from '../src/rules/pairings'
import { refuse } from '../src/rules/result'
import { noticeMeeting } from '../src/services/accompaniment-notices'
import { sendMeetingInvitation } from '../src/services/meeting-invitations'
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
  const from = operation === 'update' ? ((originalDoc?.status ?? 'held') as MeetingStatus) : undefined
  const to = (data.status ?? originalDoc?.status ?? 'held') as MeetingStatus
  const changed = operation === 'update' && originalDoc ? changedFields(data, originalDoc) : []
  if (operation === 'update') {
    enforce(checkMeetingEditor({ party, recordedByMe: sameId(originalDoc?.recordedBy, req.user?.id), from: from as MeetingStatus, to, otherChanges: changed }))
  }
  if (operation === 'create') {
    data.recordedBy = req.user?.id as number
    data.sequence = 0
  }
  enforce(checkMeetingStatus({ from, to, date: data.date ?? originalDoc?.date, startDate: pairing.startDate, dateChanged: changed.includes('date') }))
  // RFC 5545: each change of a planned meeting in people's calendars (a move, the cancellation) raises SEQUENCE.
  if (from === 'planned' && (to === 'cancelled' || (to === 'planned' && changed.some((field) => (CALENDAR_FIELDS as readonly string[]).includes(field))))) {
    data.sequence = (originalDoc?.sequence ?? 0) + 1
  }
  req.context.mentoriaActor = party
  const modality = String(data.modality ?? originalDoc?.modality ?? 'in_person')
  const date = String(data.date ?? originalDoc?.date ?? '').slice(0, 10)
  data.title = meetingTitle(modality, date)
  return data
}

const sameValue = (field: string, a: unknown, b: unknown): boolean => {
  if (field === 'date') return new Date(String(a)).getTime() === new Date(String(b)).getTime()
  return (a ?? null) === (b ?? null) || ((a ?? '') === '' && (b ?? '') === '')
}

/** The meeting's fields this change really changes (the admin sends every field back). */
function changedFields(data: Partial<Meeting>, original: Meeting): string[] {
  return (['date', 'modality', 'place', 'durationMinutes', 'summary'] as const).filter(
    (field) => data[field] !== undefined && !sameValue(field, data[field], original[field]),
  )
}

/** R7: a closed pairing's meetings are its evidence and cannot be deleted; and only by who recorded them. */
export const protectMeetingOnDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const meeting = await loadDoc<Meeting>(req, 'meetings', id)
  if (!meeting) return
  const { pairing, party } = await pairingAndParty(req, idOf(meeting.pairing))
  enforce(checkOpenForMeetings(pairing.status))
  enforce(checkRecordedBy(party, sameId(meeting.recordedBy, req.user?.id)))
  req.context.mentoriaActor = party
}

/**
 * R7: the other party is told of each new meeting, and of a planned one marked held; a meeting
 * planned, moved or cancelled reaches both people with its calendar invitation.
 */
export const noticeNewMeeting =
  (options: MentoriaOptions): CollectionAfterChangeHook<Meeting> =>
  async ({ doc, previousDoc, operation, req }) => {
    const before = operation === 'create' ? undefined : (previousDoc?.status ?? 'held')
    const after = doc.status ?? 'held'
    const calendarChanged = CALENDAR_FIELDS.some((field) => !sameValue(field, doc[field], previousDoc?.[field]))
    const change =
      after === 'planned' && before === undefined ? 'planned'
      : after === 'planned' && before === 'planned' && calendarChanged ? 'moved'
      : after === 'cancelled' && before === 'planned' ? 'cancelled'
      : after === 'held' && before !== 'held' ? 'held'
      : undefined
    if (!change) return doc
    const pairing = await loadDoc<Pairing>(req, 'pairings', idOf(doc.pairing))
    if (!pairing) return doc
    const actor = (req.user ? req.context.mentoriaActor : 'secretariat') as Party
    if (change === 'held') await noticeMeeting(req, options, pairing, actor, doc)
    else await sendMeetingInvitation(req, pairing, actor, doc, change)
    return doc
  }

/** A planned meeting deleted leaves people's calendars as a cancellation would. */
export const cancelDeletedPlannedMeeting: CollectionAfterDeleteHook<Meeting> = async ({ doc, req }) => {
  if (doc.status !== 'planned') return
  const pairing = await loadDoc<Pairing>(req, 'pairings', idOf(doc.pairing))
  if (!pairing || pairing.status !== 'active') return
  const actor = (req.user ? (req.context.mentoriaActor ?? 'secretariat') : 'secretariat') as Party
  await sendMeetingInvitation(req, pairing, actor, { ...doc, sequence: (doc.sequence ?? 0) + 1 }, 'cancelled')
}
