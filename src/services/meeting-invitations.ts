import type { PayloadRequest } from 'payload'

import { meetingUid, uidHost, type MeetingEvent } from '../notifications/ics'
import { type MeetingChange, meetingInvitationEmail } from '../notifications/meeting-invitations'
import { pairingPageUrl } from '../notifications/pages'
import type { Meeting, Pairing } from '../payload-types'
import { MODALITY_LABELS } from '../rules/modalities'
import type { Party } from '../rules/pairings'
import { isErasedEmail } from '../rules/personal-data'
import { partiesOf } from './pairing-facts'
import { queueEmail } from './mail-queue'

/** How long a planned meeting lasts in calendars when nobody said. */
export const DEFAULT_MEETING_MINUTES = 60

/** The programme's mailbox, the organiser of every invitation (the two people are its attendees). */
export const organizerOf = (req: PayloadRequest) => ({
  name: 'Mentoria XMESS',
  email:
    (req.payload.email as { defaultFromAddress?: string } | undefined)?.defaultFromAddress ||
    'mentoria@xmess.cat',
})

type MeetingLike = Pick<
  Meeting,
  'id' | 'date' | 'modality' | 'place' | 'durationMinutes' | 'sequence'
>

const modalityWord = (modality: string | null | undefined) =>
  MODALITY_LABELS[String(modality)]?.replace(/s$/, '').toLowerCase() ?? String(modality)

/** A meeting as a calendar event: the same UID for its whole life, its SEQUENCE as stored. */
export function meetingEvent(
  serverURL: string | undefined,
  meeting: MeetingLike,
  names: { mentor?: string | null; mentee?: string | null },
  options: { cancelled?: boolean; stamp?: Date | string; pageUrl?: string } = {},
): MeetingEvent {
  const modality = modalityWord(meeting.modality)
  return {
    uid: meetingUid(meeting.id, uidHost(serverURL)),
    sequence: meeting.sequence ?? 0,
    start: meeting.date,
    durationMinutes: meeting.durationMinutes ?? DEFAULT_MEETING_MINUTES,
    summary: `Trobada de mentoria XMESS (${names.mentor ?? 'persona mentora'} i ${names.mentee ?? 'persona mentorada'})`,
    location: meeting.place || (meeting.modality === 'in_person' ? null : modality),
    description: [
      `Modalitat: ${modality}.`,
      ...(options.pageUrl ? [`Pàgina de l'acompanyament: ${options.pageUrl}`] : []),
    ].join('\n'),
    url: options.pageUrl,
    cancelled: options.cancelled,
    stamp: options.stamp ?? new Date(),
  }
}

/**
 * A meeting planned, moved or cancelled: both people get the email with the calendar invitation
 * (the one who did it too, so that it reaches their calendar), through the mail queue.
 */
export async function sendMeetingInvitation(
  req: PayloadRequest,
  pairing: Pairing,
  actor: Party,
  meeting: MeetingLike,
  change: MeetingChange,
): Promise<void> {
  const parties = await partiesOf(req, pairing)
  const pageUrl = pairingPageUrl(req.payload.config.serverURL, pairing.id)
  const people = [
    { side: 'mentor' as const, person: parties.mentor },
    { side: 'mentee' as const, person: parties.candidate },
  ].filter(({ person }) => person?.email && !isErasedEmail(person.email))
  const attendees = people.map(({ person }) => ({
    name: String(person?.name ?? ''),
    email: String(person?.email),
  }))
  const event = meetingEvent(
    req.payload.config.serverURL,
    meeting,
    { mentor: parties.mentor?.name, mentee: parties.candidate?.name },
    { cancelled: change === 'cancelled', pageUrl },
  )
  const byName =
    actor === 'secretariat'
      ? 'La secretaria tècnica'
      : ((actor === 'mentor' ? parties.mentor?.name : parties.candidate?.name) ?? "L'altra persona")
  for (const { person, side } of people) {
    await queueEmail(
      req,
      meetingInvitationEmail({
        to: String(person?.email),
        name: String(person?.name ?? ''),
        byName: side === actor ? null : byName,
        change,
        date: meeting.date,
        modality: modalityWord(meeting.modality),
        place: meeting.place,
        durationMinutes: event.durationMinutes,
        pageUrl,
        event,
        organizer: organizerOf(req),
        attendees,
      }),
    )
  }
}
