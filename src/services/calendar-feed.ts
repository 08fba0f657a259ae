import crypto from 'node:crypto'

import type { Payload } from 'payload'

import { hasRole } from '../../access/roles'
import { type ID, idOf } from '../lib/ids'
import type { MentoriaOptions } from '../lib/options'
import { calendarFeed, type DayEvent, uidHost } from '../notifications/ics'
import { pairingPageUrl } from '../notifications/pages'
import type { Candidate, Mentor, Pairing, User } from '../payload-types'
import { addDays, programmeDay } from '../rules/reminders'
import { meetingEvent } from './meeting-invitations'

/**
 * A person's private calendar, `/calendari/<token>.ics` (docs/domain.md, «Calendari personal»): their
 * planned (and held) meetings, the agreed end date and the evaluation due date of their own pairings,
 * and nobody else's. The token is 256 random bits shown once; the user keeps only its SHA-256, so a
 * copy of the database opens no calendar. Renewing it replaces the hash: the old link stops at once.
 */
export const CALENDAR_PATH = '/calendari'

const hashOf = (token: string): string => crypto.createHash('sha256').update(token).digest('hex')

export const calendarUrl = (serverURL: string, token: string): string =>
  `${serverURL.replace(/\/+$/, '')}${CALENDAR_PATH}/${token}.ics`

/** A new token for this user (the old one, if any, stops working): the address to subscribe to. */
export async function renewCalendarToken(payload: Payload, userId: ID): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url')
  // Straight to the database: a secret of the user's, not a change of their profile (no hooks, no version).
  await payload.db.updateOne({
    collection: 'users',
    id: userId,
    data: { calendarTokenHash: hashOf(token) },
  })
  return token
}

/** The user a token opens, or null (unknown, renewed, or the account erased). */
async function userOfToken(payload: Payload, token: string): Promise<User | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null
  const { docs } = await payload.find({
    collection: 'users',
    where: { calendarTokenHash: { equals: hashOf(token) } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
  })
  return (docs[0] as User | undefined) ?? null
}

const SHOWN_STATUSES = ['accepted', 'active', 'completed']

/** The feed for a token, or null when the token opens nothing. */
export async function personalCalendar(
  payload: Payload,
  options: Pick<MentoriaOptions, 'reminders'>,
  token: string,
): Promise<string | null> {
  const user = await userOfToken(payload, token)
  if (!user) return null
  const serverURL = payload.config.serverURL
  const find = async <T>(collection: 'mentors' | 'candidates', role: 'mentor' | 'mentee') =>
    hasRole(user as never, role)
      ? ((
          await payload.find({
            collection,
            where: { user: { equals: user.id } },
            pagination: false,
            depth: 0,
            overrideAccess: true,
          })
        ).docs as T[])
      : []
  // R14: a person's pairings are those of the records linked to their account, with the matching role.
  const [mentors, candidates] = await Promise.all([
    find<Mentor>('mentors', 'mentor'),
    find<Candidate>('candidates', 'mentee'),
  ])
  const sides: { field: 'mentor' | 'candidate'; ids: ID[] }[] = [
    { field: 'mentor', ids: mentors.map((mentor) => mentor.id) },
    { field: 'candidate', ids: candidates.map((candidate) => candidate.id) },
  ]
  const clauses = sides
    .filter((side) => side.ids.length > 0)
    .map((side) => ({ [side.field]: { in: side.ids } }))
  const pairings = clauses.length
    ? ((
        await payload.find({
          collection: 'pairings',
          where: { and: [{ status: { in: SHOWN_STATUSES } }, { or: clauses }] },
          pagination: false,
          depth: 0,
          overrideAccess: true,
        })
      ).docs as Pairing[])
    : []
  const pairingIds = pairings.map((pairing) => pairing.id)
  const meetings = pairingIds.length
    ? (
        await payload.find({
          collection: 'meetings',
          where: {
            and: [{ pairing: { in: pairingIds } }, { status: { not_equals: 'cancelled' } }],
          },
          pagination: false,
          depth: 0,
          overrideAccess: true,
          sort: 'date',
        })
      ).docs
    : []
  const people = new Map<string, string>()
  const ids = (field: 'mentor' | 'candidate') => [
    ...new Set(
      pairings.map((pairing) => idOf(pairing[field])).filter((id): id is ID => id !== undefined),
    ),
  ]
  const [pairedMentors, pairedCandidates] = await Promise.all([
    payload.find({
      collection: 'mentors',
      where: { id: { in: ids('mentor') } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { name: true },
    }),
    payload.find({
      collection: 'candidates',
      where: { id: { in: ids('candidate') } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { name: true },
    }),
  ])
  for (const doc of pairedMentors.docs) people.set(`mentor:${doc.id}`, String(doc.name ?? ''))
  for (const doc of pairedCandidates.docs) people.set(`candidate:${doc.id}`, String(doc.name ?? ''))
  const byId = new Map(pairings.map((pairing) => [String(pairing.id), pairing]))
  const namesOf = (pairing: Pairing) => ({
    mentor: people.get(`mentor:${idOf(pairing.mentor)}`),
    mentee: people.get(`candidate:${idOf(pairing.candidate)}`),
  })

  const meetingEvents = meetings.flatMap((meeting) => {
    const pairing = byId.get(String(idOf(meeting.pairing)))
    if (!pairing) return []
    return [
      meetingEvent(serverURL, meeting, namesOf(pairing), {
        stamp: meeting.updatedAt,
        pageUrl: pairingPageUrl(serverURL, pairing.id),
      }),
    ]
  })
  const host = uidHost(serverURL)
  const mentorIds = new Set(mentors.map((mentor) => String(mentor.id)))
  const days: DayEvent[] = pairings.flatMap((pairing) => {
    if (!pairing.endDate) return []
    const names = namesOf(pairing)
    const pageUrl = pairingPageUrl(serverURL, pairing.id)
    const side = mentorIds.has(String(idOf(pairing.mentor))) ? 'mentor' : 'mentee'
    const withWhom = side === 'mentor' ? names.mentee : names.mentor
    const events: DayEvent[] = []
    if (pairing.status !== 'completed') {
      events.push({
        uid: `final-${pairing.id}@${host}`,
        day: programmeDay(pairing.endDate),
        summary: `Final acordat de la mentoria XMESS amb ${withWhom ?? "l'altra persona"}`,
        url: pageUrl,
        stamp: pairing.updatedAt,
      })
    }
    // The evaluation: the mentee's closes the pairing (by the end date); the mentor's is asked for at closing.
    const evaluated =
      side === 'mentor' ? pairing.closing?.mentorEvaluatedAt : pairing.closing?.menteeEvaluatedAt
    if (!evaluated) {
      const closing = pairing.closing?.closingDate
      const due =
        side === 'mentee' || !closing
          ? programmeDay(pairing.endDate)
          : addDays(programmeDay(closing), options.reminders.evaluationMissingDays)
      if (pairing.status !== 'completed' || side === 'mentor') {
        events.push({
          uid: `valoracio-${pairing.id}-${side}@${host}`,
          day: due,
          summary: 'Valoració de la mentoria XMESS (termini)',
          description: `Feu-la a la pàgina de l'acompanyament: ${pageUrl}`,
          url: pageUrl,
          stamp: pairing.updatedAt,
        })
      }
    }
    return events
  })
  return calendarFeed({ name: 'Mentoria XMESS', meetings: meetingEvents, days })
}
