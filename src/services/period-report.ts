import type { PayloadRequest, Where } from 'payload'

import { idOf } from '../lib/ids'
import type { Mentor } from '../payload-types'
import { editionTerms } from '../rules/mentor-offers'
import { type Period, periodBounds, type PeriodReport } from '../rules/period-report'
import { currentEdition } from '../rules/phases'
import { editionTermsOf } from './mentor-offers'

/** Reads as the signed-in user (the secretariat), with the access rules on: nothing wider than they may see. */
const as = (req: PayloadRequest) => ({ req, user: req.user, overrideAccess: false as const })
const average = (values: number[]) =>
  values.length
    ? Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10
    : null

type Started = {
  status: string
  startDate?: string | null
  statusChangedAt?: string | null
  closing?: { closingDate?: string | null } | null
  mentor?: unknown
  candidate?: unknown
}

/**
 * The report of any period, whatever the editions (docs/console.md «Informe d'un període»): what
 * happened between two days, both included. Applications and incidents by the day they arrived,
 * pairings made by the mentor's acceptance, completed by the closing date, left by the day they were
 * left, meetings by their date; «in progress» is every accompaniment that was under way on some day
 * of the period, and the councils are theirs (both sides).
 */
export async function periodReport(
  req: PayloadRequest,
  period: Period,
  topics: readonly { value: string; label: string }[],
): Promise<PeriodReport> {
  const { start, endExclusive } = periodBounds(period)
  const within = (field: string): Where => ({
    and: [{ [field]: { greater_than_equal: start } }, { [field]: { less_than: endExclusive } }],
  })
  const count = async (collection: 'pairings' | 'incidents', where: Where) =>
    (await req.payload.count({ collection, where, ...as(req) })).totalDocs

  const [candidates, made, completed, cancelled, started, meetings, incidents, mentors, editions] =
    await Promise.all([
      req.payload.find({
        collection: 'candidates',
        where: within('createdAt'),
        pagination: false,
        depth: 0,
        select: { topics: true },
        ...as(req),
      }),
      count('pairings', {
        and: [
          within('answeredAt'),
          { status: { in: ['accepted', 'active', 'completed', 'cancelled'] } },
        ],
      }),
      req.payload.find({
        collection: 'pairings',
        where: { and: [{ status: { equals: 'completed' } }, within('closing.closingDate')] },
        pagination: false,
        depth: 0,
        select: { closing: true },
        ...as(req),
      }),
      count('pairings', {
        and: [
          { status: { equals: 'cancelled' } },
          { answeredAt: { exists: true } },
          within('statusChangedAt'),
        ],
      }),
      req.payload.find({
        collection: 'pairings',
        where: {
          and: [
            { status: { in: ['active', 'completed', 'cancelled'] } },
            { startDate: { less_than: endExclusive } },
          ],
        },
        pagination: false,
        depth: 1,
        select: {
          status: true,
          startDate: true,
          statusChangedAt: true,
          closing: { closingDate: true },
          mentor: true,
          candidate: true,
        },
        populate: { mentors: { municipality: true }, candidates: { municipality: true } },
        ...as(req),
      }),
      req.payload.find({
        collection: 'meetings',
        where: within('date'),
        pagination: false,
        depth: 0,
        select: { modality: true },
        ...as(req),
      }),
      count('incidents', within('createdAt')),
      req.payload.find({
        collection: 'mentors',
        pagination: false,
        depth: 0,
        select: { topics: true, capacity: true, available: true },
        ...as(req),
      }),
      req.payload.find({
        collection: 'editions',
        pagination: false,
        depth: 0,
        select: { year: true, applicationsOpenAt: true },
        ...as(req),
      }),
    ])

  // Under way on some day of the period: started before it ended, and not finished before it began.
  const inProgress = (started.docs as unknown as Started[]).filter((pairing) => {
    if (!pairing.startDate) return false
    if (pairing.status === 'active') return true
    const ended =
      pairing.status === 'completed'
        ? (pairing.closing?.closingDate ?? pairing.statusChangedAt)
        : pairing.statusChangedAt
    return !ended || new Date(ended).getTime() >= Date.parse(start)
  })
  const councilOf = (person: unknown) =>
    idOf((person as { municipality?: unknown } | null)?.municipality)
  const councils = new Set(
    inProgress
      .flatMap((pairing) => [councilOf(pairing.mentor), councilOf(pairing.candidate)])
      .filter((id) => id !== undefined)
      .map(String),
  )

  const ratings = (side: 'menteeEvaluation' | 'mentorEvaluation') =>
    completed.docs
      .map(
        (pairing) =>
          (pairing.closing as Record<string, { rating?: number } | undefined> | undefined)?.[side]
            ?.rating,
      )
      .filter((rating): rating is number => typeof rating === 'number')
  const asked = new Map<string, number>()
  for (const candidate of candidates.docs)
    for (const topic of candidate.topics ?? []) asked.set(topic, (asked.get(topic) ?? 0) + 1)
  // «Offered today»: what each mentor offers in the current call (R4: their offer for it; the
  // profile only for a mentor who never made an offer), as the console counts it for an edition.
  const now = currentEdition(editions.docs, new Date())
  const profiles = mentors.docs as Pick<Mentor, 'id' | 'capacity' | 'available' | 'topics'>[]
  const terms = now
    ? [...(await editionTermsOf(req.payload, now.id, profiles, req)).values()]
    : profiles.map((mentor) => editionTerms(undefined, false, mentor))
  const offered = new Map<string, number>()
  for (const inEdition of terms)
    if (inEdition.available)
      for (const topic of inEdition.topics) offered.set(topic, (offered.get(topic) ?? 0) + 1)

  return {
    period,
    applications: candidates.docs.length,
    made,
    inProgress: inProgress.length,
    completed: completed.docs.length,
    cancelled,
    meetings: {
      total: meetings.docs.length,
      inPerson: meetings.docs.filter((meeting) => meeting.modality === 'in_person').length,
    },
    incidents,
    councils: councils.size,
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
    topics: topics
      .map((topic) => ({
        value: topic.value,
        label: topic.label,
        asked: asked.get(topic.value) ?? 0,
        offered: offered.get(topic.value) ?? 0,
      }))
      .sort((a, b) => b.asked - a.asked || a.label.localeCompare(b.label)),
  }
}
