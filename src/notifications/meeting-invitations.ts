/** The emails of a planned meeting, each with its calendar invitation (`.ics`). Pure text: no Payload here. */
import type { EmailMessage } from './emails'
import { type IcsPerson, meetingInvitation, type MeetingEvent } from './ics'

export type MeetingChange = 'planned' | 'moved' | 'cancelled'

const signature =
  "\n\nSecretaria tècnica de la XMESS — Xarxa de Municipis per l'Economia Social i Solidària"

const when = new Intl.DateTimeFormat('ca-ES', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Europe/Madrid',
})

/** «diumenge, 28 de març del 2027, a les 10:00» (hora de Catalunya). */
export const meetingWhenCa = (value: Date | string): string => when.format(new Date(value))

const subjects: Record<MeetingChange, string> = {
  planned: '[Mentoria XMESS] Trobada prevista',
  moved: '[Mentoria XMESS] Trobada canviada',
  cancelled: '[Mentoria XMESS] Trobada anul·lada',
}

/** The invitation's file name, the same for every change (calendars go by its UID, not its name). */
export const INVITATION_FILENAME = 'trobada-mentoria-xmess.ics'

export function meetingInvitationEmail(args: {
  to: string
  name: string
  /** Who did it; null for the person who did it themself. */
  byName: string | null
  change: MeetingChange
  date: string
  modality: string
  place?: string | null
  durationMinutes: number
  pageUrl: string
  event: MeetingEvent
  organizer: IcsPerson
  attendees: IcsPerson[]
}): EmailMessage {
  const what = `${meetingWhenCa(args.date)} (${args.durationMinutes} minuts), ${args.modality}${args.place ? `, a ${args.place}` : ''}`
  const opening: Record<MeetingChange, string> = {
    planned: `${args.byName ? `${args.byName} ha previst` : 'Heu previst'} una trobada del vostre acompanyament: ${what}.`,
    moved: `${args.byName ? `${args.byName} ha canviat` : 'Heu canviat'} la trobada prevista del vostre acompanyament. Ara és: ${what}.`,
    cancelled: `${args.byName ? `${args.byName} ha anul·lat` : 'Heu anul·lat'} la trobada prevista del vostre acompanyament: ${what}.`,
  }
  const next: Record<MeetingChange, string> = {
    planned:
      "Us l'enviem com a invitació de calendari (el fitxer adjunt): obriu-lo i la trobada quedarà al vostre calendari. Un cop passat el dia, marqueu-la com a feta (o anul·lada) a la pàgina de l'acompanyament; només les trobades fetes compten per tancar-lo:",
    moved:
      "El fitxer adjunt actualitza la trobada al vostre calendari. Un cop passat el dia, marqueu-la com a feta (o anul·lada) a la pàgina de l'acompanyament:",
    cancelled:
      "El fitxer adjunt la treu del vostre calendari. Si en voleu preveure una altra, feu-ho a la pàgina de l'acompanyament:",
  }
  const ics = meetingInvitation(args.event, {
    organizer: args.organizer,
    attendees: args.attendees,
  })
  return {
    to: args.to,
    subject: subjects[args.change],
    text: [
      `Hola, ${args.name}:`,
      '',
      opening[args.change],
      '',
      next[args.change],
      args.pageUrl,
      signature,
    ].join('\n'),
    attachments: [
      {
        filename: INVITATION_FILENAME,
        content: ics,
        contentType: `text/calendar; charset=utf-8; method=${args.change === 'cancelled' ? 'CANCEL' : 'REQUEST'}`,
      },
    ],
  }
}
