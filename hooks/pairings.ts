import crypto from 'node:crypto'

import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionBeforeOperationHook, PayloadRequest } from 'payload'

import { loadDoc } from '../src/lib/documents'
import { enforce } from '../src/lib/errors'
import { type ID, idOf, sameId } from '../src/lib/ids'
import type { MentoriaOptions } from '../src/lib/options'
import { newNonce } from '../src/notifications/links'
import type { Candidate, Mentor, Pairing } from '../src/payload-types'
import {
  CAPACITY_STATUSES,
  checkConfidentialWrites,
  checkDuration,
  checkMentorCapacity,
  checkPartiesStillEligible,
  checkNewPairing,
  checkPartyFields,
  checkProposalHistory,
  checkProposalParties,
  checkSamePeople,
  checkStatusChange,
  type PairingStatus,
  type Party,
  UNDERWAY_STATUSES,
} from '../src/rules/pairings'
import { refuse } from '../src/rules/result'
import { freeKey, freeSeats, holdsSeatOf, isFreeKey, type SeatKind, seatKeys } from '../src/rules/unique-keys'
import { onKeyTaken } from '../src/lib/unique-keys'
import { adminDocUrl } from '../src/notifications/pages'
import { agreedUntil, checkPlausibleDates } from '../src/rules/accompaniment'
import { formatDateCa } from '../src/rules/dates'
import { accountForParty } from '../src/services/accounts'
import { mentorInEdition } from '../src/services/mentor-offers'
import { noticeCompleted, noticeExtension, noticeStarted, noticeWithdrawal } from '../src/services/accompaniment-notices'
import { notifySecretariat } from '../src/services/notify'
import { queueAcceptedEmail, queueProposalEmail } from '../src/services/proposal-emails'
import { applyExtension, checkPartyMayChange, stampEvaluations } from './pairing-life'
import { deepMerge, partyFor } from './shared'

/** The fields whose change R6 judges, as dotted paths. */
const CHECKED_PATHS = [
  'edition',
  'mentor',
  'candidate',
  'status',
  'startDate',
  'endDate',
  'agreement',
  'extension.mentor',
  'extension.mentee',
  'extension.reason',
  'closing.closingDate',
  'closing.menteeEvaluation',
  'closing.mentorEvaluation',
  'cancellationReason',
  'matching',
]

const at = (doc: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), doc)

const RELATIONSHIP_PATHS = new Set(['edition', 'mentor', 'candidate'])

/** Comparable form of a value: relationships by id, empty and missing alike. */
const normalise = (path: string, value: unknown): string =>
  RELATIONSHIP_PATHS.has(path)
    ? String(idOf(value) ?? '')
    : JSON.stringify(value ?? null, (key, inner) => (key === 'by' ? (idOf(inner) ?? null) : inner === undefined || inner === '' ? null : inner))

function changedPaths(before: Pairing, after: Pairing): string[] {
  return CHECKED_PATHS.filter((path) => normalise(path, at(before, path)) !== normalise(path, at(after, path)))
}

const isUnderway = (status: unknown) => UNDERWAY_STATUSES.includes(status as PairingStatus)

/** Open pairings of a mentor in an edition (R4), inside the request's transaction. */
async function countMentorPairings(req: PayloadRequest, mentor: ID, edition: unknown, statuses: readonly PairingStatus[], exclude?: ID) {
  const { totalDocs } = await req.payload.count({
    collection: 'pairings',
    req,
    overrideAccess: true,
    where: {
      and: [
        { mentor: { equals: mentor } },
        { edition: { equals: idOf(edition) } },
        { status: { in: [...statuses] } },
        ...(exclude !== undefined ? [{ id: { not_equals: exclude } }] : []),
      ],
    },
  })
  return totalDocs
}

/**
 * R4 by the database: a free seat of the mentor in the edition (n < capacity) for this pairing to
 * write. The count above refuses with the usual sentence; two requests that both counted a free
 * place pick seats at random among the free ones, and if both pick the same the unique index lets one
 * in and the other is refused here, after counting again (`onKeyTaken`). No transaction needed.
 */
async function takeSeat(req: PayloadRequest, kind: SeatKind, mentor: Mentor, edition: unknown, statuses: readonly PairingStatus[], self?: ID): Promise<string> {
  const editionId = idOf(edition) as ID
  const capacity = mentor.capacity ?? 1
  const field = kind === 'capacity' ? 'capacitySeat' : 'underwaySeat'
  const all = seatKeys(kind, mentor.id, editionId, capacity)
  const { docs } = await req.payload.find({
    collection: 'pairings',
    req,
    overrideAccess: true,
    showHiddenFields: true,
    depth: 0,
    pagination: false,
    limit: 0,
    select: { [field]: true },
    where: { and: [{ [field]: { in: all } }, ...(self !== undefined ? [{ id: { not_equals: self } }] : [])] },
  })
  const free = freeSeats(all, docs.map((doc) => (doc as unknown as Record<string, unknown>)[field]))
  const refuseNow = async () => {
    // Counted again outside the request's transaction (a MongoDB transaction is over once a write failed).
    const open = await req.payload.count({
      collection: 'pairings',
      overrideAccess: true,
      where: { and: [{ mentor: { equals: mentor.id } }, { edition: { equals: editionId } }, { status: { in: [...statuses] } }, ...(self !== undefined ? [{ id: { not_equals: self } }] : [])] },
    })
    enforce(checkMentorCapacity({ ...mentor, available: true }, Math.max(open.totalDocs, free.length === 0 ? capacity : 0)))
    enforce(
      refuse('R4', `S'està desant una altra parella de ${mentor.name ?? 'aquesta persona mentora'} ara mateix; torneu-ho a provar.`, {
        field: 'mentor',
        status: 409,
      }),
    )
  }
  if (free.length === 0) await refuseNow()
  const seat = free[crypto.randomInt(free.length)] as string
  onKeyTaken(req, 'pairings', field, seat, refuseNow)
  return seat
}

/** The seat a pairing keeps: its own while it still counts for this mentor and edition, else a free key. */
function keptSeat(previous: unknown, kind: SeatKind, mentor: ID | undefined, edition: unknown, holds: boolean): string {
  if (holds && mentor !== undefined && holdsSeatOf(previous, kind, mentor, idOf(edition) as ID)) return previous as string
  return isFreeKey(previous) ? (previous as string) : freeKey(newNonce())
}

/** R1, R3, R4, R5 for a new or re-pointed proposal, on the facts read inside the transaction. */
async function checkProposal(req: PayloadRequest, pairing: Pairing, mentor: Mentor | undefined, candidate: Candidate | undefined, self?: ID) {
  enforce(
    checkProposalParties({
      mentor: mentor && { municipality: idOf(mentor.municipality) },
      candidate: candidate && { status: candidate.status, municipality: idOf(candidate.municipality) },
      sameEdition: Boolean(candidate) && sameId(candidate?.edition, pairing.edition),
    }),
  )
  const m = mentor as Mentor
  const c = candidate as Candidate
  const declined = await req.payload.count({
    collection: 'pairings',
    req,
    overrideAccess: true,
    where: { and: [{ mentor: { equals: m.id } }, { candidate: { equals: c.id } }, { status: { equals: 'declined' } }] },
  })
  const openForCandidate = await req.payload.count({
    collection: 'pairings',
    req,
    overrideAccess: true,
    where: {
      and: [
        { candidate: { equals: c.id } },
        { status: { in: [...CAPACITY_STATUSES] } },
        ...(self !== undefined ? [{ id: { not_equals: self } }] : []),
      ],
    },
  })
  enforce(checkProposalHistory({ mentorName: m.name, declinedBefore: declined.totalDocs > 0, candidateHasOpenPairing: openForCandidate.totalDocs > 0 }))
  enforce(checkMentorCapacity(m, await countMentorPairings(req, m.id, pairing.edition, CAPACITY_STATUSES, self)))
  return takeSeat(req, 'capacity', m, pairing.edition, CAPACITY_STATUSES, self)
}

const WRITTEN_KEY = 'mentoriaPairingWrite'

/** Every dotted path a body sets (`{ closing: { mentorEvaluation: { rating: 3 } } }` → `closing.mentorEvaluation.rating`). */
function leafPaths(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => (inner === undefined ? [] : leafPaths(inner, prefix ? `${prefix}.${key}` : key)))
  }
  return prefix ? [prefix] : []
}

/**
 * What the request itself sends, before Payload fills the rest in from the stored document: by the
 * time the rules run, a field sent with its stored value and a field not sent look alike, and telling
 * them apart by comparing with the stored value would answer a guess (R13).
 */
export const recordWrittenPaths: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'update') req.context[WRITTEN_KEY] = { id: (args as { id?: unknown }).id, paths: leafPaths((args as { data?: unknown }).data) }
  return args
}

const writtenPaths = (req: PayloadRequest, id: unknown): string[] => {
  const written = req.context[WRITTEN_KEY] as { id?: unknown; paths: string[] } | undefined
  return written && (written.id === undefined || String(written.id) === String(id)) ? written.paths : []
}

/** Set when the secretariat points a proposal at other people, for the after-change hook to send new links. */
const repointedKey = (id: unknown) => `mentoriaRepointed:${String(id)}`

/** R1, R3–R9 on every write to a pairing, whoever makes it and by whichever door. */
export const enforcePairingRules =
  (options: MentoriaOptions): CollectionBeforeChangeHook<Pairing> =>
  async ({ data, originalDoc, operation, req }) => {
    const before = operation === 'update' ? originalDoc : undefined
    const next = deepMerge((before ?? {}) as Pairing, data)

    const candidate = await loadDoc<Candidate>(req, 'candidates', idOf(next.candidate))
    // R4: the mentor with the capacity and availability of this edition's offer (src/services/mentor-offers.ts).
    const mentor = await mentorInEdition(req, idOf(next.mentor), next.edition ?? candidate?.edition)
    // Edition follows the application unless given.
    if (!next.edition && candidate?.edition) {
      next.edition = idOf(candidate.edition) as number
      data.edition = next.edition
    }

    if (mentor && candidate) data.title = `${mentor.name ?? 'Mentora'} → ${candidate.name ?? 'Sol·licitud'}`

    if (operation === 'create') {
      enforce(checkNewPairing(partyFor(req, mentor, candidate), Boolean(req.user), next.status))
      data.status = 'proposed'
      data.capacitySeat = await checkProposal(req, next, mentor, candidate)
      data.underwaySeat = freeKey(newNonce())
      data.answerNonce = newNonce()
      return data
    }

    const previous = before as Pairing
    const beforeMentor = sameId(previous.mentor, next.mentor) ? mentor : await loadDoc<Mentor>(req, 'mentors', idOf(previous.mentor))
    const beforeCandidate = sameId(previous.candidate, next.candidate) ? candidate : await loadDoc<Candidate>(req, 'candidates', idOf(previous.candidate))
    // The party is judged on the pairing as it stood: nobody joins a pairing by rewriting it.
    const party = req.user ? partyFor(req, beforeMentor, beforeCandidate) : 'secretariat'
    if (!party) enforce(refuse('R12', 'Aquesta parella no és vostra.', { status: 403 }))
    const actor = party as Party

    req.context.mentoriaActor = actor
    // R13: the other party's evaluation, sent at all, is refused alike whatever the value.
    enforce(checkConfidentialWrites(actor, writtenPaths(req, previous.id)))
    const changed = changedPaths(previous, next)
    enforce(checkPartyFields(actor, changed))
    const from = previous.status ?? 'proposed'
    const to = next.status ?? from
    if (actor !== 'secretariat') checkPartyMayChange(actor, from, to, changed)

    enforce(checkSamePeople(previous.status ?? 'proposed', previous, next))
    let capacitySeat: string | undefined
    if (!sameId(previous.mentor, next.mentor) || !sameId(previous.candidate, next.candidate)) {
      capacitySeat = await checkProposal(req, next, mentor, candidate, previous.id)
      // The emailed links were for the proposal as it stood: they die, and the new mentor gets new ones.
      data.answerNonce = newNonce()
      req.context[repointedKey(previous.id)] = true
    }

    applyExtension(req, actor, previous as never, next as never, data as never, changed)
    let meetings: { date: string; modality: string; status?: string | null }[] = []
    if (from !== to && to === 'completed') {
      const found = await req.payload.find({
        collection: 'meetings',
        req,
        overrideAccess: true,
        depth: 0,
        pagination: false,
        where: { pairing: { equals: previous.id } },
      })
      meetings = found.docs.map((meeting) => ({ date: String(meeting.date), modality: String(meeting.modality), status: meeting.status }))
    }
    enforce(checkStatusChange({ from, to, party: actor, pairing: next, meetings, options }))
    if (isUnderway(to)) enforce(checkPlausibleDates({ party: actor, starting: from !== to && to === 'active', changed, pairing: next }))

    if (from !== to && (to === 'accepted' || to === 'active') && mentor && candidate) {
      const council = await loadDoc<{ id: ID; name?: string | null; member?: boolean | null }>(req, 'municipalities', idOf(candidate.municipality))
      enforce(checkPartiesStillEligible({ mentorCouncil: idOf(mentor.municipality), candidateCouncil: council }))
    }

    let underwaySeat: string | undefined
    if (from !== to && to === 'accepted' && mentor) {
      const committed = await countMentorPairings(req, mentor.id, next.edition, UNDERWAY_STATUSES, previous.id)
      enforce(checkMentorCapacity({ ...mentor, available: true }, committed))
      underwaySeat = await takeSeat(req, 'underway', mentor, next.edition, UNDERWAY_STATUSES, previous.id)
    }
    const stored = previous as Pairing & { capacitySeat?: string | null; underwaySeat?: string | null }
    data.capacitySeat = capacitySeat ?? keptSeat(stored.capacitySeat, 'capacity', idOf(next.mentor), next.edition, CAPACITY_STATUSES.includes(to))
    data.underwaySeat = underwaySeat ?? keptSeat(stored.underwaySeat, 'underway', idOf(next.mentor), next.edition, UNDERWAY_STATUSES.includes(to))

    if (isUnderway(to) && (changed.includes('startDate') || changed.includes('endDate') || data.endDate !== undefined)) {
      enforce(checkDuration(next, options.maxDurationMonths, agreedUntil(next.extensionHistory as never)))
    }
    stampEvaluations(previous as never, next as never, data as never)
    if (from !== to) {
      data.statusChangedAt = new Date().toISOString()
      if (to === 'accepted' || to === 'declined') data.answeredAt = new Date().toISOString()
      // Any answer, in the admin or by link, retires the emailed links.
      if (from === 'proposed') data.answerNonce = null
      if (to === 'cancelled') data.cancelledBy = (req.user?.id as number | undefined) ?? null
    }
    return data
  }

/**
 * Tells people what happened (every email says what to do and links to the page where it is done):
 * the mentor of a new proposal (account, invitation and signed answer links, R14), the mentee of an
 * acceptance (account, invitation, the mentor's contact), the other party and the secretariat of a
 * start, an extension, a withdrawal, a closing (R11). Keeps the application's status in step.
 */
export const afterPairingChange =
  (options: MentoriaOptions): CollectionAfterChangeHook<Pairing> =>
  async ({ doc, previousDoc: previous, operation, req }) => {
    // `doc` has been through field read access (the nonce, the other party's evaluation): read it as the system.
    const stored = (await loadDoc<Pairing>(req, 'pairings', doc.id)) ?? doc
    const candidateId = idOf(stored.candidate)
    if (operation === 'create' && stored.status === 'proposed') {
      const account = await accountForParty(req, options, 'mentor', await loadDoc<Mentor>(req, 'mentors', idOf(stored.mentor)))
      await queueProposalEmail(req, options, stored, stored.answerNonce ?? undefined, account)
    }
    if (operation !== 'update' || !previous) return doc
    const actor: Party = req.user ? ((req.context.mentoriaActor as Party | undefined) ?? 'secretariat') : 'secretariat'
    const moved = previous.status !== stored.status
    if (stored.status === 'proposed' && req.context[repointedKey(stored.id)]) {
      delete req.context[repointedKey(stored.id)]
      const account = await accountForParty(req, options, 'mentor', await loadDoc<Mentor>(req, 'mentors', idOf(stored.mentor)))
      await queueProposalEmail(req, options, stored, stored.answerNonce ?? undefined, account)
    }
    if (moved && previous.status === 'proposed' && stored.status === 'accepted') {
      const account = await accountForParty(req, options, 'mentee', await loadDoc<Candidate>(req, 'candidates', candidateId))
      await queueAcceptedEmail(req, stored, account)
    }
    if (moved && stored.status === 'active') await noticeStarted(req, options, stored, actor)
    if (moved && stored.status === 'completed') await noticeCompleted(req, stored)
    if (moved && stored.status === 'cancelled' && actor !== 'secretariat') await noticeWithdrawal(req, options, stored, actor)
    if (stored.status === 'active') await noticeExtension(req, options, stored, previous, actor)
    if (moved && candidateId !== undefined) {
      const status =
        stored.status === 'accepted'
          ? 'matched'
          : stored.status === 'completed'
            ? 'completed'
            : stored.status === 'cancelled' && actor === 'mentee'
              ? 'withdrawn'
              : (stored.status === 'cancelled' || stored.status === 'declined') && previous.status !== 'proposed'
                ? 'eligible'
                : undefined
      if (status) await req.payload.update({ collection: 'candidates', id: candidateId, data: { status }, req, overrideAccess: true, depth: 0 })
    }
    const extended = (stored.extensionHistory ?? []).length > (previous.extensionHistory ?? []).length
    if (!moved && !extended && previous.endDate && stored.endDate && String(previous.endDate).slice(0, 10) !== String(stored.endDate).slice(0, 10) && isUnderway(stored.status)) {
      await notifySecretariat(req, options, {
        subject: `Canvi de data de finalització: ${stored.title ?? 'parella'}`,
        text: `La data de finalització pactada de l'acompanyament «${stored.title ?? stored.id}» ha passat del ${formatDateCa(String(previous.endDate))} al ${formatDateCa(String(stored.endDate))}.\n\nAcompanyament: ${adminDocUrl(req.payload.config.serverURL, 'pairings', stored.id)}`,
      })
    }
    return doc
  }
