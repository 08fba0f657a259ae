import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import type { ID } from '../lib/ids'
import { idOf } from '../lib/ids'
import type { MentoriaOptions } from '../lib/options'
import type { MeetingFact } from '../rules/pairings'
import { PAIRING_STATUSES } from '../rules/pairings'
import { type EditionDates, editionPhase, NO_PAIRINGS, phaseNeedsPairings, type PhaseFacts } from '../rules/phases'
import {
  CANDIDATE_STATUSES,
  type EditionSummary,
  daysSince,
  pairingsWithoutRequiredMeetings,
  REMINDER_SUBJECTS,
  summaryFilters,
} from '../rules/summary'

type EditionDoc = EditionDates & { id: ID; name: string; year: number }

/** Reads as the signed-in user (the secretariat), with the access rules on: nothing wider than they may see. */
const as = (req: PayloadRequest) => ({ req, user: req.user, overrideAccess: false as const })

const count = async (req: PayloadRequest, collection: CollectionSlug, where: unknown) =>
  (await req.payload.count({ collection, where: where as Where, ...as(req) })).totalDocs

/** Everything the dashboard shows, plus what its links need (the ids behind a figure no filter can express). */
export type EditionConsole = { summary: EditionSummary; withoutRequiredMeetings: ID[] }

/**
 * The dashboard's figures: one count per figure (totals are the sum of their states), and two reads
 * for R7, which counts meetings per pairing.
 */
export async function editionSummary(
  req: PayloadRequest,
  edition: EditionDoc,
  options: Pick<MentoriaOptions, 'requiredMeetings' | 'countingModalities'>,
  now = new Date(),
): Promise<EditionConsole> {
  const filters = summaryFilters(edition.id, now)
  const [candidateCounts, pairingCounts, endingSoon, overdue, fitxaMissing, oldest, active, meetings, openIncidents, reminders] = await Promise.all([
    Promise.all(CANDIDATE_STATUSES.map((status) => count(req, 'candidates', filters.candidatesWithStatus(status)))),
    Promise.all(PAIRING_STATUSES.map((status) => count(req, 'pairings', filters.pairingsWithStatus(status)))),
    count(req, 'pairings', filters.endingSoon),
    count(req, 'pairings', filters.overdue),
    count(req, 'pairings', filters.fitxaMissing),
    req.payload.find({ collection: 'pairings', where: filters.pairingsWithStatus('proposed') as Where, sort: 'createdAt', limit: 1, depth: 0, select: { createdAt: true }, ...as(req) }),
    req.payload.find({ collection: 'pairings', where: filters.pairingsWithStatus('active') as Where, pagination: false, depth: 0, select: { startDate: true }, ...as(req) }),
    req.payload.find({
      collection: 'meetings',
      where: { and: [{ 'pairing.edition': { equals: edition.id } }, { 'pairing.status': { equals: 'active' } }, { modality: { in: options.countingModalities } }] },
      pagination: false,
      depth: 0,
      select: { pairing: true, date: true, modality: true },
      ...as(req),
    }),
    count(req, 'incidents', filters.openIncidents),
    count(req, 'sent-emails', filters.remindersSince(REMINDER_SUBJECTS)),
  ])
  const candidatesByStatus = Object.fromEntries(CANDIDATE_STATUSES.map((status, index) => [status, candidateCounts[index]])) as EditionSummary['candidates']['byStatus']
  const pairingsByStatus = Object.fromEntries(PAIRING_STATUSES.map((status, index) => [status, pairingCounts[index]])) as EditionSummary['pairings']['byStatus']

  const meetingsByPairing = new Map<string, MeetingFact[]>()
  for (const meeting of meetings.docs) {
    const key = String(idOf(meeting.pairing))
    meetingsByPairing.set(key, [...(meetingsByPairing.get(key) ?? []), { date: meeting.date, modality: meeting.modality }])
  }
  const withoutRequiredMeetings = pairingsWithoutRequiredMeetings(active.docs, meetingsByPairing, options, now)

  const facts: PhaseFacts = { ...pairingsByStatus, fitxaPending: fitxaMissing }
  const sum = (values: Record<string, number>) => Object.values(values).reduce((total, value) => total + value, 0)
  return {
    withoutRequiredMeetings,
    summary: {
      edition: { id: edition.id, name: edition.name, year: edition.year, phase: editionPhase(edition, facts, now) },
      candidates: { total: sum(candidatesByStatus), byStatus: candidatesByStatus },
      pairings: {
        total: sum(pairingsByStatus),
        byStatus: pairingsByStatus,
        activeWithoutRequiredMeetings: withoutRequiredMeetings.length,
        endingSoon,
        overdue,
        fitxaMissing,
      },
      proposals: { waiting: pairingsByStatus.proposed, oldestWaitingDays: daysSince(oldest.docs[0]?.createdAt, now) },
      incidents: { open: openIncidents },
      reminders: { sentLast7Days: reminders },
    },
  }
}

/**
 * The facts an edition's phase needs from its pairings, read only when the dates do not decide it.
 * Read as the system: the phase is public like the edition's dates, and reveals no pairing.
 */
export async function editionPhaseOf(req: PayloadRequest, edition: EditionDoc, now = new Date()) {
  if (!phaseNeedsPairings(edition, now)) return editionPhase(edition, NO_PAIRINGS, now)
  const system = { req, overrideAccess: true as const }
  const pairings = (status: string, extra: Where[] = []) =>
    req.payload.count({ collection: 'pairings', where: { and: [{ edition: { equals: edition.id } }, { status: { equals: status } }, ...extra] }, ...system }).then((result) => result.totalDocs)
  const [proposed, accepted, active, completed, fitxaPending] = await Promise.all([
    pairings('proposed'),
    pairings('accepted'),
    pairings('active'),
    pairings('completed'),
    pairings('completed', [{ fitxaPublished: { not_equals: true } }]),
  ])
  return editionPhase(edition, { proposed, accepted, active, completed, fitxaPending }, now)
}
