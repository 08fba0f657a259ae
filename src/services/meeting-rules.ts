import type { PayloadRequest } from 'payload'

import { loadDoc } from '../lib/documents'
import { enforce } from '../lib/errors'
import { idOf, sameId } from '../lib/ids'
import type { MentoriaOptions } from '../lib/options'
import { actorOf, setActor } from '../lib/request-state'
import type { Meeting, Pairing } from '../payload-types'
import {
  CALENDAR_FIELDS,
  checkMeetingEditor,
  checkMeetingStatus,
  checkOpenForMeetings,
  checkRecordedBy,
  type MeetingStatus,
  meetingTitle,
} from '../rules/meetings'
import { noticeMeeting } from './accompaniment-notices'
import { sendMeetingInvitation } from './meeting-invitations'
import { pairingOfRecord } from './pairing-facts'

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

/**
 * R7: meetings belong to one pairing of the person's, recorded while it is active, dated neither in
 * the future nor before the start, and changed only by whoever recorded them (or the secretariat).
 */
export async function applyMeetingRules(
  req: PayloadRequest,
  data: Partial<Meeting>,
  originalDoc: Meeting | undefined,
): Promise<Partial<Meeting>> {
  const { pairing, party } = await pairingOfRecord(req, 'meeting', data, originalDoc)
  enforce(checkOpenForMeetings(pairing.status))
  const from = originalDoc ? ((originalDoc.status ?? 'held') as MeetingStatus) : undefined
  const to = (data.status ?? originalDoc?.status ?? 'held') as MeetingStatus
  const changed = originalDoc ? changedFields(data, originalDoc) : []
  if (originalDoc) {
    enforce(
      checkMeetingEditor({
        party,
        recordedByMe: sameId(originalDoc.recordedBy, req.user?.id),
        from: from as MeetingStatus,
        to,
        otherChanges: changed,
      }),
    )
  } else {
    data.recordedBy = req.user?.id as number
    data.sequence = 0
  }
  enforce(
    checkMeetingStatus({
      from,
      to,
      date: data.date ?? originalDoc?.date,
      startDate: pairing.startDate,
      dateChanged: changed.includes('date'),
    }),
  )
  // RFC 5545: each change of a planned meeting in people's calendars (a move, the cancellation) raises SEQUENCE.
  if (
    from === 'planned' &&
    (to === 'cancelled' ||
      (to === 'planned' &&
        changed.some((field) => (CALENDAR_FIELDS as readonly string[]).includes(field))))
  ) {
    data.sequence = (originalDoc?.sequence ?? 0) + 1
  }
  setActor(req, party)
  const modality = String(data.modality ?? originalDoc?.modality ?? 'in_person')
  const date = String(data.date ?? originalDoc?.date ?? '').slice(0, 10)
  data.title = meetingTitle(modality, date)
  return data
}

/** R7: a closed pairing's meetings are its evidence and cannot be deleted; and only by who recorded them. */
export async function applyMeetingDeleteRules(req: PayloadRequest, id: unknown): Promise<void> {
  const meeting = await loadDoc<Meeting>(req, 'meetings', idOf(id))
  if (!meeting) return
  const { pairing, party } = await pairingOfRecord(req, 'meeting', meeting)
  enforce(checkOpenForMeetings(pairing.status))
  enforce(checkRecordedBy(party, sameId(meeting.recordedBy, req.user?.id)))
  setActor(req, party)
}

/**
 * R7: the other party is told of each new meeting, and of a planned one marked held; a meeting
 * planned, moved or cancelled reaches both people with its calendar invitation.
 */
export async function afterMeetingWrite(
  req: PayloadRequest,
  options: MentoriaOptions,
  doc: Meeting,
  previousDoc: Meeting | undefined,
): Promise<void> {
  const before = previousDoc ? (previousDoc.status ?? 'held') : undefined
  const after = doc.status ?? 'held'
  const calendarChanged = CALENDAR_FIELDS.some(
    (field) => !sameValue(field, doc[field], previousDoc?.[field]),
  )
  const change =
    after === 'planned' && before === undefined
      ? 'planned'
      : after === 'planned' && before === 'planned' && calendarChanged
        ? 'moved'
        : after === 'cancelled' && before === 'planned'
          ? 'cancelled'
          : after === 'held' && before !== 'held'
            ? 'held'
            : undefined
  if (!change) return
  const pairing = await loadDoc<Pairing>(req, 'pairings', idOf(doc.pairing))
  if (!pairing) return
  const actor = actorOf(req)
  if (change === 'held') await noticeMeeting(req, options, pairing, actor, doc)
  else await sendMeetingInvitation(req, pairing, actor, doc, change)
}

/** A planned meeting deleted leaves people's calendars as a cancellation would. */
export async function afterMeetingDelete(req: PayloadRequest, doc: Meeting): Promise<void> {
  if (doc.status !== 'planned') return
  const pairing = await loadDoc<Pairing>(req, 'pairings', idOf(doc.pairing))
  if (!pairing || pairing.status !== 'active') return
  await sendMeetingInvitation(
    req,
    pairing,
    actorOf(req),
    { ...doc, sequence: (doc.sequence ?? 0) + 1 },
    'cancelled',
  )
}
