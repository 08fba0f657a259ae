import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import type { ID } from '../lib/ids'
import { idOf } from '../lib/ids'
import type { MentoriaOptions } from '../lib/options'
import {
  adminListUrl,
  daysSince,
  pairingsIn,
  summaryFilters,
  type Where as PlainWhere,
} from '../rules/summary'

/** «Què us necessita», in the console's order. */
export const OPEN_WORK_KEYS = [
  'proposals',
  'withoutRequiredMeetings',
  'endingSoon',
  'overdue',
  'openIncidents',
  'fitxaMissing',
  'remindersSent',
] as const
export type OpenWorkKey = (typeof OPEN_WORK_KEYS)[number]

type EditionRef = { id: ID; name: string; year: number }
export type OpenWorkByEdition = {
  edition: EditionRef
  count: number
  href: string
  oldestWaitingDays?: number | null
}
export type OpenWorkItem = {
  key: OpenWorkKey
  /** Every edition's (the list behind `href`). */
  total: number
  href: string
  /** Only for `proposals`: the oldest one waiting, in whole days. */
  oldestWaitingDays?: number | null
  /** The editions that have some of it, newest first. */
  editions: OpenWorkByEdition[]
}

/** Reads as the signed-in user (the secretariat), with the access rules on. */
const as = (req: PayloadRequest) => ({ req, user: req.user, overrideAccess: false as const })

type Row = { id: ID; edition?: unknown; pairing?: unknown; createdAt?: string }
const rows = async (
  req: PayloadRequest,
  collection: CollectionSlug,
  where: PlainWhere,
  select: Record<string, true>,
) =>
  (
    await req.payload.find({
      collection,
      where: where as Where,
      pagination: false,
      depth: 0,
      select,
      ...as(req),
    })
  ).docs as unknown as Row[]

/**
 * The open work of every edition, not only the one on screen: editions overlap every autumn, and the
 * 2026 proposals still wait when the 2027 applications open. Each figure's total is the list behind
 * its link (no edition filter); `editions` says which editions it comes from, each with its own link.
 */
export async function openWork(
  req: PayloadRequest,
  options: Pick<MentoriaOptions, 'requiredMeetings'>,
  now = new Date(),
): Promise<{ items: OpenWorkItem[] }> {
  const every = summaryFilters(null, now)
  const [
    editionDocs,
    proposals,
    withoutRequiredMeetings,
    endingSoon,
    overdue,
    fitxaMissing,
    incidents,
    reminders,
  ] = await Promise.all([
    req.payload.find({
      collection: 'editions',
      sort: '-year',
      pagination: false,
      depth: 0,
      select: { name: true, year: true },
      ...as(req),
    }),
    rows(req, 'pairings', every.pairingsWithStatus('proposed'), { edition: true, createdAt: true }),
    rows(req, 'pairings', every.withoutRequiredMeetings(options.requiredMeetings), {
      edition: true,
    }),
    rows(req, 'pairings', every.endingSoon, { edition: true }),
    rows(req, 'pairings', every.overdue, { edition: true }),
    rows(req, 'pairings', every.fitxaMissing, { edition: true }),
    rows(req, 'incidents', every.openIncidents, { pairing: true }),
    rows(req, 'reminders', every.remindersSent, { pairing: true }),
  ])
  const editions = editionDocs.docs.map((doc) => ({
    id: doc.id as ID,
    name: String(doc.name),
    year: Number(doc.year),
  }))

  // Incidents and reminders reach their edition through their pairing.
  const pairingIds = [
    ...new Set(
      [...incidents, ...reminders]
        .map((row) => idOf(row.pairing))
        .filter((id): id is ID => id !== undefined),
    ),
  ]
  const editionOfPairing = new Map<string, string>()
  if (pairingIds.length) {
    for (const pairing of await rows(
      req,
      'pairings',
      { and: [{ id: { in: pairingIds } }] },
      { edition: true },
    )) {
      const edition = idOf(pairing.edition)
      if (edition !== undefined) editionOfPairing.set(String(pairing.id), String(edition))
    }
  }

  const byEdition = (docs: Row[], editionOf: (row: Row) => string | undefined) => {
    const groups = new Map<string, Row[]>()
    for (const row of docs) {
      const edition = editionOf(row)
      if (edition !== undefined) groups.set(edition, [...(groups.get(edition) ?? []), row])
    }
    return groups
  }
  const ownEdition = (row: Row) =>
    idOf(row.edition) === undefined ? undefined : String(idOf(row.edition))
  const pairingEdition = (row: Row) => editionOfPairing.get(String(idOf(row.pairing)))
  const oldestDays = (docs: Row[]) =>
    daysSince(
      docs
        .map((row) => row.createdAt)
        .filter((at): at is string => Boolean(at))
        .sort()[0],
      now,
    )

  const item = (
    key: OpenWorkKey,
    docs: Row[],
    totalWhere: PlainWhere,
    collection: CollectionSlug,
    editionOf: (row: Row) => string | undefined,
    whereFor: (edition: EditionRef, docs: Row[]) => PlainWhere,
  ): OpenWorkItem => {
    const groups = byEdition(docs, editionOf)
    return {
      key,
      total: docs.length,
      href: adminListUrl(collection, totalWhere),
      ...(key === 'proposals' ? { oldestWaitingDays: oldestDays(docs) } : {}),
      editions: editions
        .filter((edition) => groups.has(String(edition.id)))
        .map((edition) => {
          const own = groups.get(String(edition.id)) ?? []
          return {
            edition,
            count: own.length,
            href: adminListUrl(collection, whereFor(edition, own)),
            ...(key === 'proposals' ? { oldestWaitingDays: oldestDays(own) } : {}),
          }
        }),
    }
  }
  const pairingsOf = (docs: Row[]) =>
    [
      ...new Set(
        docs
          .map((row) => idOf(row.pairing))
          .filter((id): id is ID => id !== undefined)
          .map(String),
      ),
    ].map((id) => (typeof idOf(docs[0]?.pairing) === 'number' ? Number(id) : id))
  const of = (edition: EditionRef) => summaryFilters(edition.id, now)
  return {
    items: [
      item(
        'proposals',
        proposals,
        every.pairingsWithStatus('proposed'),
        'pairings',
        ownEdition,
        (edition) => of(edition).pairingsWithStatus('proposed'),
      ),
      item(
        'withoutRequiredMeetings',
        withoutRequiredMeetings,
        every.withoutRequiredMeetings(options.requiredMeetings),
        'pairings',
        ownEdition,
        (edition) => of(edition).withoutRequiredMeetings(options.requiredMeetings),
      ),
      item(
        'endingSoon',
        endingSoon,
        every.endingSoon,
        'pairings',
        ownEdition,
        (edition) => of(edition).endingSoon,
      ),
      item(
        'overdue',
        overdue,
        every.overdue,
        'pairings',
        ownEdition,
        (edition) => of(edition).overdue,
      ),
      item(
        'openIncidents',
        incidents,
        every.openIncidents,
        'incidents',
        pairingEdition,
        (_edition, own) => pairingsIn(pairingsOf(own), now).openIncidents,
      ),
      item(
        'fitxaMissing',
        fitxaMissing,
        every.fitxaMissing,
        'pairings',
        ownEdition,
        (edition) => of(edition).fitxaMissing,
      ),
      item(
        'remindersSent',
        reminders,
        every.remindersSent,
        'reminders',
        pairingEdition,
        (_edition, own) => pairingsIn(pairingsOf(own), now).remindersSent,
      ),
    ],
  }
}
