import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'

import { calendarFeed, foldLine, meetingInvitation, meetingUid } from '../../src/notifications/ics'

const people = {
  organizer: { name: 'Mentoria XMESS', email: 'mentoria@xmess.cat' },
  attendees: [
    { name: 'Marta Puig, mentora', email: 'marta@exemple.cat' },
    { name: 'Joan "Jo" Roca', email: 'joan@exemple.cat' },
  ],
}

/** What a calendar application reads: the parsed calendar, its method and its one event. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  const vevent = calendar.getFirstSubcomponent('vevent')
  if (!vevent) throw new Error('no VEVENT')
  // The event's times resolved with the VTIMEZONE the file carries, as a calendar does.
  const vtimezone = calendar.getFirstSubcomponent('vtimezone')
  if (vtimezone) ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone))
  const event = new ICAL.Event(vevent)
  return { calendar, vevent, event, method: calendar.getFirstPropertyValue('method') }
}

describe('.ics invitations (RFC 5545)', () => {
  it('plan → move → cancel: the same UID, SEQUENCE raised each time, METHOD:REQUEST then METHOD:CANCEL', () => {
    const uid = meetingUid(17, 'mentoria.xmess.cat')
    const base = {
      uid,
      durationMinutes: 90,
      summary: 'Trobada de mentoria XMESS',
      location: 'Ajuntament de Vic, sala 2; planta 1',
      stamp: '2027-03-01T09:00:00Z',
    }
    const planned = parse(
      meetingInvitation({ ...base, sequence: 0, start: '2027-03-20T09:00:00Z' }, people),
    )
    const moved = parse(
      meetingInvitation(
        { ...base, sequence: 1, start: '2027-03-28T08:00:00Z', stamp: '2027-03-02T09:00:00Z' },
        people,
      ),
    )
    const cancelled = parse(
      meetingInvitation(
        {
          ...base,
          sequence: 2,
          start: '2027-03-28T08:00:00Z',
          cancelled: true,
          stamp: '2027-03-03T09:00:00Z',
        },
        people,
      ),
    )

    expect([planned.method, moved.method, cancelled.method]).toEqual([
      'REQUEST',
      'REQUEST',
      'CANCEL',
    ])
    expect([planned.event.uid, moved.event.uid, cancelled.event.uid]).toEqual([uid, uid, uid])
    expect([planned.event.sequence, moved.event.sequence, cancelled.event.sequence]).toEqual([
      0, 1, 2,
    ])
    expect(cancelled.vevent.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect(planned.vevent.getFirstPropertyValue('status')).toBe('CONFIRMED')
    expect(planned.event.location).toBe('Ajuntament de Vic, sala 2; planta 1')
    expect(planned.event.organizer).toBe('mailto:mentoria@xmess.cat')
    expect(planned.event.attendees.map((attendee) => attendee.getFirstValue())).toEqual([
      'mailto:marta@exemple.cat',
      'mailto:joan@exemple.cat',
    ])
    expect(planned.event.attendees[0].getParameter('cn')).toBe('Marta Puig, mentora')
  })

  it('keeps the hour agreed in Madrid across the change to summer time (28 March 2027)', () => {
    const uid = meetingUid(1, 'x')
    const winter = parse(
      meetingInvitation(
        {
          uid,
          sequence: 0,
          start: '2027-03-27T09:00:00Z',
          durationMinutes: 60,
          summary: 'Trobada',
          stamp: '2027-03-01T00:00:00Z',
        },
        people,
      ),
    )
    const summer = parse(
      meetingInvitation(
        {
          uid,
          sequence: 1,
          start: '2027-03-28T08:00:00Z',
          durationMinutes: 60,
          summary: 'Trobada',
          stamp: '2027-03-01T00:00:00Z',
        },
        people,
      ),
    )
    // 10:00 in Madrid both days: 09:00Z in winter (CET, +1), 08:00Z after the change (CEST, +2).
    expect(winter.event.startDate.toString()).toBe('2027-03-27T10:00:00')
    expect(winter.event.startDate.zone?.tzid).toBe('Europe/Madrid')
    expect(winter.event.startDate.toJSDate().toISOString()).toBe('2027-03-27T09:00:00.000Z')
    expect(summer.event.startDate.toString()).toBe('2027-03-28T10:00:00')
    expect(summer.event.startDate.toJSDate().toISOString()).toBe('2027-03-28T08:00:00.000Z')
    expect(summer.event.endDate.toJSDate().toISOString()).toBe('2027-03-28T09:00:00.000Z')
    // And back in October: 10:00 Madrid on 31 October 2027 is 09:00Z again.
    const autumn = parse(
      meetingInvitation(
        {
          uid,
          sequence: 2,
          start: '2027-10-31T09:00:00Z',
          durationMinutes: 60,
          summary: 'Trobada',
          stamp: '2027-03-01T00:00:00Z',
        },
        people,
      ),
    )
    expect(autumn.event.startDate.toString()).toBe('2027-10-31T10:00:00')
    expect(autumn.event.startDate.toJSDate().toISOString()).toBe('2027-10-31T09:00:00.000Z')
  })

  it('folds long lines at 75 octets without splitting a character, with CRLF line ends', () => {
    const long = `SUMMARY:${'Trobada de l’acompanyament amb la persona mentora à '.repeat(4)}`
    const folded = foldLine(long)
    for (const line of folded.split('\r\n'))
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)
    expect(folded.replace(/\r\n /g, '')).toBe(long)
    const text = meetingInvitation(
      {
        uid: 'u',
        sequence: 0,
        start: '2027-01-01T10:00:00Z',
        durationMinutes: 60,
        summary: long,
        stamp: '2027-01-01T00:00:00Z',
      },
      people,
    )
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/)
    expect(parse(text).event.summary).toBe(long)
  })
})

describe('a person’s calendar feed', () => {
  it('parses, with timed meetings and whole-day dates', () => {
    const text = calendarFeed({
      name: 'Mentoria XMESS — Marta Puig',
      meetings: [
        {
          uid: 'trobada-1@x',
          sequence: 3,
          start: '2027-03-28T08:00:00Z',
          durationMinutes: 60,
          summary: 'Trobada',
          stamp: '2027-03-01T00:00:00Z',
        },
      ],
      days: [
        {
          uid: 'final-1@x',
          day: '2027-10-31',
          summary: 'Final previst',
          stamp: '2027-03-01T00:00:00Z',
        },
      ],
    })
    const calendar = new ICAL.Component(ICAL.parse(text))
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent))
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH')
    expect(events.map((event) => event.uid)).toEqual(['trobada-1@x', 'final-1@x'])
    expect(events[1].startDate.isDate).toBe(true)
    expect(events[1].startDate.toString()).toBe('2027-10-31')
    expect(events[1].endDate.toString()).toBe('2027-11-01')
  })
})
