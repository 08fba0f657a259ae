import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import type { ID } from '../lib/ids'
import { idOf } from '../lib/ids'
import type { MentoriaOptions } from '../lib/options'
import type { MeetingFact } from '../rules/meetings'
import { editionTermsOf } from './mentor-offers'
import { PAIRING_STATUSES } from '../rules/pairings'
import {
  type EditionDates,
  editionPhase,
  NO_PAIRINGS,
  phaseNeedsPairings,
  type PhaseFacts,
} from '../rules/phases'
import {
  CANDIDATE_STATUSES,
  type EditionSummary,
  daysSince,
  summaryFilters,
} from '../rules/summary'

type EditionDoc = EditionDates & { id: ID; name: string; year: number }

/** Reads as the signed-in user (the secretariat), with the access rules on: nothing wider than they may see. */
const as = (req: PayloadRequest) => ({ req, user: req.user, overrideAccess: false as const })

const count = async (req: PayloadRequest, collection: CollectionSlug, where: unknown) =>
  (await req.payload.count({ collection, where: where as Where, ...as(req) })).totalDocs

export type EditionConsole = { summary: EditionSummary }

/**
 * The dashboard's figures: one count per figure (totals are the sum of their states; R7 reads the
 * counter hooks/meeting-count.ts keeps on each pairing), and one read for the oldest proposal.
 */
export async function editionSummary(
  req: PayloadRequest,
  edition: EditionDoc,
  options: Pick<MentoriaOptions, 'requiredMeetings' | 'countingModalities'>,
  now = new Date(),
): Promise<EditionConsole> {
  const filters = summaryFilters(edition.id, now)
  const [
    candidateCounts,
    pairingCounts,
    withoutRequiredMeetings,
    endingSoon,
    overdue,
    fitxaMissing,
    oldest,
    openIncidents,
    reminders,
  ] = await Promise.all([
    Promise.all(
      CANDIDATE_STATUSES.map((status) =>
        count(req, 'candidates', filters.candidatesWithStatus(status)),
      ),
    ),
    Promise.all(
      PAIRING_STATUSES.map((status) => count(req, 'pairings', filters.pairingsWithStatus(status))),
    ),
    count(req, 'pairings', filters.withoutRequiredMeetings(options.requiredMeetings)),
    count(req, 'pairings', filters.endingSoon),
    count(req, 'pairings', filters.overdue),
    count(req, 'pairings', filters.fitxaMissing),
    // One date, after the secretariat check: straight from the adapter, without the read hooks of a whole document.
    req.payload.db.find<{ createdAt: string }>({
      collection: 'pairings',
      where: filters.pairingsWithStatus('proposed') as Where,
      sort: 'createdAt',
      limit: 1,
      pagination: false,
      select: { createdAt: true },
      req,
    }),
    count(req, 'incidents', filters.openIncidents),
    count(req, 'reminders', filters.remindersSent),
  ])
  const candidatesByStatus = Object.fromEntries(
    CANDIDATE_STATUSES.map((status, index) => [status, candidateCounts[index]]),
  ) as EditionSummary['candidates']['byStatus']
  const pairingsByStatus = Object.fromEntries(
    PAIRING_STATUSES.map((status, index) => [status, pairingCounts[index]]),
  ) as EditionSummary['pairings']['byStatus']

  const facts: PhaseFacts = { ...pairingsByStatus, fitxaPending: fitxaMissing }
  const sum = (values: Record<string, number>) =>
    Object.values(values).reduce((total, value) => total + value, 0)
  return {
    summary: {
      edition: {
        id: edition.id,
        name: edition.name,
        year: edition.year,
        phase: editionPhase(edition, facts, now),
      },
      candidates: { total: sum(candidatesByStatus), byStatus: candidatesByStatus },
      pairings: {
        total: sum(pairingsByStatus),
        byStatus: pairingsByStatus,
        activeWithoutRequiredMeetings: withoutRequiredMeetings,
        endingSoon,
        overdue,
        fitxaMissing,
      },
      proposals: {
        waiting: pairingsByStatus.proposed,
        oldestWaitingDays: daysSince(oldest.docs[0]?.createdAt, now),
      },
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
    req.payload
      .count({
        collection: 'pairings',
        where: {
          and: [{ edition: { equals: edition.id } }, { status: { equals: status } }, ...extra],
        },
        ...system,
      })
      .then((result) => result.totalDocs)
  const [proposed, accepted, active, completed, fitxaPending] = await Promise.all([
    pairings('proposed'),
    pairings('accepted'),
    pairings('active'),
    pairings('completed'),
    pairings('completed', [{ fitxaPublished: { not_equals: true } }]),
  ])
  return editionPhase(edition, { proposed, accepted, active, completed, fitxaPending }, now)
}

/** The pairings that have started (they have a start date), with their meetings, for the timeline. */
export async function editionTimeline(req: PayloadRequest, editionId: ID) {
  const [pairings, meetings] = await Promise.all([
    req.payload.find({
      collection: 'pairings',
      where: {
        and: [
          { edition: { equals: editionId } },
          { startDate: { exists: true } },
          { endDate: { exists: true } },
        ],
      },
      pagination: false,
      depth: 0,
      select: {
        title: true,
        status: true,
        statusChangedAt: true,
        startDate: true,
        endDate: true,
        extensionHistory: true,
        closing: { closingDate: true },
      },
      ...as(req),
    }),
    req.payload.find({
      collection: 'meetings',
      where: { 'pairing.edition': { equals: editionId } },
      pagination: false,
      depth: 0,
      select: { pairing: true, date: true, modality: true, status: true },
      ...as(req),
    }),
  ])
  const byPairing = new Map<string, MeetingFact[]>()
  for (const meeting of meetings.docs) {
    const key = String(idOf(meeting.pairing))
    byPairing.set(key, [
      ...(byPairing.get(key) ?? []),
      { date: meeting.date, modality: meeting.modality, status: meeting.status },
    ])
  }
  return pairings.docs.map((pairing) => ({
    id: pairing.id,
    label: pairing.title ?? `Parella ${pairing.id}`,
    status: pairing.status,
    startDate: pairing.startDate as string,
    endDate: pairing.endDate as string,
    // The end first agreed is the one the first extension replaced (R8 keeps them in order).
    firstEndDate: pairing.extensionHistory?.[0]?.previousEndDate ?? null,
    closingDate:
      pairing.closing?.closingDate ??
      (pairing.status === 'cancelled' ? (pairing.statusChangedAt ?? null) : null),
    meetings: byPairing.get(String(pairing.id)) ?? [],
    href: `/admin/collections/pairings/${pairing.id}`,
  }))
}

type Council = { id: ID; name: string; latitude?: number | null; longitude?: number | null }
const average = (values: number[]) =>
  values.length
    ? Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10
    : null

/**
 * The annual report's figures. «Made» are the pairings a mentor accepted (whatever came later);
 * topics compare what the edition's applications ask for with what available mentors offer.
 */
export async function editionReport(
  req: PayloadRequest,
  editionId: ID,
  topics: readonly { value: string; label: string }[],
) {
  const [candidates, made, mentors] = await Promise.all([
    req.payload.find({
      collection: 'candidates',
      where: { edition: { equals: editionId } },
      pagination: false,
      depth: 0,
      select: { status: true, topics: true },
      ...as(req),
    }),
    req.payload.find({
      collection: 'pairings',
      where: {
        and: [
          { edition: { equals: editionId } },
          { status: { in: ['accepted', 'active', 'completed', 'cancelled'] } },
          { answeredAt: { exists: true } },
        ],
      },
      pagination: false,
      depth: 2,
      select: { status: true, closing: true, mentor: true, candidate: true },
      populate: {
        mentors: { municipality: true },
        candidates: { municipality: true },
        municipalities: { name: true, latitude: true, longitude: true },
      },
      ...as(req),
    }),
    req.payload.find({
      collection: 'mentors',
      pagination: false,
      depth: 0,
      select: { topics: true, capacity: true, available: true },
      ...as(req),
    }),
  ])
  const completed = made.docs.filter((pairing) => pairing.status === 'completed')
  const ratings = (side: 'menteeEvaluation' | 'mentorEvaluation') =>
    completed
      .map((pairing) => pairing.closing?.[side]?.rating)
      .filter((rating): rating is number => typeof rating === 'number')
  const councilOf = (person: unknown): Council | undefined => {
    const municipality = (person as { municipality?: unknown } | null)?.municipality
    return municipality && typeof municipality === 'object' ? (municipality as Council) : undefined
  }
  const links = made.docs.map((pairing) => ({
    mentee: councilOf(pairing.candidate),
    mentor: councilOf(pairing.mentor),
  }))
  const councils = new Set(
    links
      .flatMap((link) => [link.mentee?.id, link.mentor?.id])
      .filter((id) => id !== undefined)
      .map(String),
  )

  const asked = new Map<string, number>()
  for (const candidate of candidates.docs)
    for (const topic of candidate.topics ?? []) asked.set(topic, (asked.get(topic) ?? 0) + 1)
  const offered = new Map<string, number>()
  // What the mentors available in this edition offer in it (R4: their offer for the edition).
  const terms = await editionTermsOf(req.payload, editionId, mentors.docs, req)
  for (const inEdition of terms.values())
    if (inEdition.available)
      for (const topic of inEdition.topics) offered.set(topic, (offered.get(topic) ?? 0) + 1)
  const topicRows = topics.map((topic) => ({
    ...topic,
    asked: asked.get(topic.value) ?? 0,
    offered: offered.get(topic.value) ?? 0,
  }))
  return {
    applications: candidates.docs.length,
    made: made.docs.length,
    completed: completed.length,
    cancelled: made.docs.filter((pairing) => pairing.status === 'cancelled').length,
    evaluations: {
      mentee: {
        average: average(ratings('menteeEvaluation')),
        count: ratings('menteeEvaluation').length,
      },
      mentor: {
        average: average(ratings('mentorEvaluation')),
        count: ratings('mentorEvaluation').length,
      },
    },
    councils: councils.size,
    links,
    mostAsked: [...topicRows]
      .filter((topic) => topic.asked > 0)
      .sort((a, b) => b.asked - a.asked || a.label.localeCompare(b.label)),
    // Demand per mentor offering it: a topic asked for by many and offered by few is the least covered.
    leastCovered: [...topicRows]
      .filter((topic) => topic.asked > 0)
      .sort(
        (a, b) =>
          b.asked / Math.max(b.offered, 0.5) - a.asked / Math.max(a.offered, 0.5) ||
          b.asked - a.asked,
      ),
  }
}
