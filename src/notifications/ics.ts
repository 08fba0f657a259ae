/**
 * iCalendar (RFC 5545) for planned meetings: the invitation attached to an email (METHOD:REQUEST, or
 * METHOD:CANCEL once cancelled) and a person's private calendar feed (/calendari/<token>.ics). Pure
 * text: no Payload here. Times are written in Europe/Madrid with its VTIMEZONE, so that Google Calendar,
 * Outlook and Apple Calendar show the hour the two people agreed whatever their own time zone.
 */

export const ICS_TIME_ZONE = 'Europe/Madrid'
const PRODID = '-//XMESS//Mentoria XMESS//CA'

/** Europe/Madrid since 1996 (EU summer time): the last Sunday of March at 02:00 and of October at 03:00. */
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${ICS_TIME_ZONE}`,
  `X-LIC-LOCATION:${ICS_TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
]

const madrid = new Intl.DateTimeFormat('en-CA', {
  timeZone: ICS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

/** An instant as local time in Madrid, `YYYYMMDDTHHMMSS` (for `;TZID=Europe/Madrid:`). */
export function madridLocal(value: Date | string): string {
  const parts = Object.fromEntries(
    madrid.formatToParts(new Date(value)).map((part) => [part.type, part.value]),
  )
  return `${parts.year}${parts.month}${parts.day}T${parts.hour}${parts.minute}${parts.second}`
}

/** An instant in UTC, `YYYYMMDDTHHMMSSZ` (DTSTAMP). */
export const utcStamp = (value: Date | string): string =>
  new Date(value)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '')

/** A calendar day (YYYY-MM-DD or an ISO instant, taken as the day in Madrid) as `YYYYMMDD`. */
const dateValue = (value: string): string =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) ? value.replace(/-/g, '') : madridLocal(value).slice(0, 8)

const nextDay = (yyyymmdd: string): string => {
  const date = new Date(
    Date.UTC(
      Number(yyyymmdd.slice(0, 4)),
      Number(yyyymmdd.slice(4, 6)) - 1,
      Number(yyyymmdd.slice(6, 8)) + 1,
    ),
  )
  return date.toISOString().slice(0, 10).replace(/-/g, '')
}

/** TEXT values (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks escaped. */
export const escapeText = (value: string): string =>
  value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')

/** A parameter value (a person's name in CN): quoted, without the characters a quoted value cannot hold. */
const paramValue = (value: string): string =>
  `"${[...value].filter((char) => char !== '"' && char.charCodeAt(0) >= 0x20).join('')}"`

/** Lines longer than 75 octets folded (§3.1), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const out: string[] = []
  let current = ''
  let size = 0
  for (const char of line) {
    const bytes = Buffer.byteLength(char, 'utf8')
    if (size + bytes > 75) {
      out.push(current)
      current = ' '
      size = 1
    }
    current += char
    size += bytes
  }
  out.push(current)
  return out.join('\r\n')
}

const document = (lines: string[]): string => `${lines.map(foldLine).join('\r\n')}\r\n`

export type IcsPerson = { name: string; email: string }

export type MeetingEvent = {
  /** Stable for the meeting's whole life: every update and the cancellation carry the same one. */
  uid: string
  /** 0 when planned; raised by one on every change (a move, the cancellation). */
  sequence: number
  start: Date | string
  durationMinutes: number
  summary: string
  description?: string
  location?: string | null
  url?: string
  cancelled?: boolean
  /** When this version of the event was written (DTSTAMP). */
  stamp: Date | string
}

function meetingLines(
  event: MeetingEvent,
  people?: { organizer: IcsPerson; attendees: IcsPerson[] },
): string[] {
  const start = new Date(event.start)
  const end = new Date(start.getTime() + Math.max(5, event.durationMinutes) * 60_000)
  return [
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${utcStamp(event.stamp)}`,
    `DTSTART;TZID=${ICS_TIME_ZONE}:${madridLocal(start)}`,
    `DTEND;TZID=${ICS_TIME_ZONE}:${madridLocal(end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    ...(event.url ? [`URL:${event.url}`] : []),
    `STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    ...(people
      ? [
          `ORGANIZER;CN=${paramValue(people.organizer.name)}:mailto:${people.organizer.email}`,
          ...people.attendees.map(
            (person) =>
              `ATTENDEE;CN=${paramValue(person.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=${event.cancelled ? 'DECLINED' : 'NEEDS-ACTION'};RSVP=FALSE:mailto:${person.email}`,
          ),
        ]
      : []),
    'END:VEVENT',
  ]
}

/**
 * The `.ics` attached to the email when a meeting is planned, moved (METHOD:REQUEST, the same UID, a
 * higher SEQUENCE) or cancelled (METHOD:CANCEL, STATUS:CANCELLED, a higher SEQUENCE again).
 */
export function meetingInvitation(
  event: MeetingEvent,
  people: { organizer: IcsPerson; attendees: IcsPerson[] },
): string {
  return document([
    'BEGIN:VCALENDAR',
    `PRODID:${PRODID}`,
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    `METHOD:${event.cancelled ? 'CANCEL' : 'REQUEST'}`,
    ...VTIMEZONE,
    ...meetingLines(event, people),
    'END:VCALENDAR',
  ])
}

/** A whole-day event in the feed (the agreed end date, the evaluation due date). */
export type DayEvent = {
  uid: string
  day: string
  summary: string
  description?: string
  url?: string
  stamp: Date | string
}

function dayLines(event: DayEvent): string[] {
  const day = dateValue(event.day)
  return [
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${utcStamp(event.stamp)}`,
    `DTSTART;VALUE=DATE:${day}`,
    `DTEND;VALUE=DATE:${nextDay(day)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    ...(event.url ? [`URL:${event.url}`] : []),
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ]
}

/** A person's private calendar (a subscription): their planned meetings and their pairings' key dates. */
export function calendarFeed(args: {
  name: string
  meetings: MeetingEvent[]
  days: DayEvent[]
}): string {
  return document([
    'BEGIN:VCALENDAR',
    `PRODID:${PRODID}`,
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(args.name)}`,
    `X-WR-TIMEZONE:${ICS_TIME_ZONE}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT6H',
    'X-PUBLISHED-TTL:PT6H',
    ...VTIMEZONE,
    ...args.meetings.flatMap((event) => meetingLines(event)),
    ...args.days.flatMap(dayLines),
    'END:VCALENDAR',
  ])
}

/** The UID of a meeting's event, the same in every invitation and in the feed. */
export const meetingUid = (id: string | number, host: string): string =>
  `trobada-${String(id)}@${host}`

/** The host part of UIDs: the server's, so two installations never share one. */
export const uidHost = (serverURL: string | undefined): string => {
  try {
    return serverURL ? new URL(serverURL).hostname || 'mentoria.xmess.cat' : 'mentoria.xmess.cat'
  } catch {
    return 'mentoria.xmess.cat'
  }
}
