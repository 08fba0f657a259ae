import crypto from 'node:crypto'

import type { PayloadRequest } from 'payload'

import { enforce } from '../lib/errors'
import { type ID, idOf, sameId } from '../lib/ids'
import type { MentoriaOptions } from '../lib/options'
import {
  actorOf,
  markRepointed,
  setActor,
  takeRepointed,
  writtenPathsOf,
} from '../lib/request-state'
import { onKeyTaken } from '../lib/unique-keys'
import { endDateChangedSecretariatEmail } from '../notifications/accompaniment'
import { newNonce } from '../notifications/links'
import { adminDocUrl } from '../notifications/pages'
import type { Candidate, Mentor, Pairing } from '../payload-types'
import { agreedUntil, checkPlausibleDates } from '../rules/accompaniment'
import { checkConfidentialWrites } from '../rules/confidentiality'
import { formatDateCa } from '../rules/dates'
import { decideExtension } from '../rules/extensions'
import { changedPaths, stampEvaluations } from '../rules/pairing-changes'
import {
  applicationStatusAfter,
  CAPACITY_STATUSES,
  checkDuration,
  checkMentorCapacity,
  checkNewPairing,
  checkPartiesStillEligible,
  checkPartyFields,
  checkPartyMayChange,
  checkPartyOfPairing,
  checkProposalHistory,
  checkProposalParties,
  checkSamePeople,
  checkSeatTakenMeanwhile,
  checkStatusChange,
  type PairingStatus,
  type Party,
  UNDERWAY_STATUSES,
} from '../rules/pairings'
import {
  freeKey,
  freeSeats,
  holdsSeatOf,
  isFreeKey,
  type SeatKind,
  seatKeys,
} from '../rules/unique-keys'
import { accountForParty } from './accounts'
import {
  noticeCompleted,
  noticeExtension,
  noticeStarted,
  noticeWithdrawal,
} from './accompaniment-notices'
import { notifySecretariat } from './notify'
import { mentorInEdition } from './mentor-offers'
import { candidateOf, councilOf, mentorOf, partyFor } from './pairing-facts'
import { queueAcceptedEmail, queueProposalEmail } from './proposal-emails'

/**
 * The rules of a write to a pairing (R1, R3–R9, R12, R13), applied: the facts read inside the
 * request's transaction (src/services/pairing-facts.ts), each judged by a pure rule of src/rules, and
 * the first refusal thrown. hooks/pairings.ts only calls these.
 */

const isUnderway = (status: unknown) => UNDERWAY_STATUSES.includes(status as PairingStatus)

const notSelf = (self?: ID) => (self !== undefined ? [{ id: { not_equals: self } }] : [])

/** Open pairings of a mentor in an edition (R4), inside the request's transaction unless `outside`. */
async function countMentorPairings(
  req: PayloadRequest,
  mentor: ID,
  edition: unknown,
  statuses: readonly PairingStatus[],
  self?: ID,
  outside = false,
) {
  const { totalDocs } = await req.payload.count({
    collection: 'pairings',
    ...(outside ? {} : { req }),
    overrideAccess: true,
    where: {
      and: [
        { mentor: { equals: mentor } },
        { edition: { equals: idOf(edition) } },
        { status: { in: [...statuses] } },
        ...notSelf(self),
      ],
    },
  })
  return totalDocs
}

/**
 * R4 by the database: a free seat of the mentor in the edition (n < capacity) for this pairing to
 * write. The count refuses with the usual sentence; two requests that both counted a free place pick
 * seats at random among the free ones, and if both pick the same the unique index lets one in and the
 * other is refused here, after counting again (`onKeyTaken`). No transaction needed.
 */
async function takeSeat(
  req: PayloadRequest,
  kind: SeatKind,
  mentor: Mentor,
  edition: unknown,
  statuses: readonly PairingStatus[],
  self?: ID,
): Promise<string> {
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
    where: { and: [{ [field]: { in: all } }, ...notSelf(self)] },
  })
  const free = freeSeats(
    all,
    docs.map((doc) => (doc as unknown as Record<string, unknown>)[field]),
  )
  const refuseNow = async () => {
    // Counted again outside the request's transaction (a MongoDB transaction is over once a write failed).
    const open = await countMentorPairings(req, mentor.id, editionId, statuses, self, true)
    enforce(
      checkMentorCapacity(
        { ...mentor, available: true },
        Math.max(open, free.length === 0 ? capacity : 0),
      ),
    )
    enforce(checkSeatTakenMeanwhile(mentor.name))
  }
  if (free.length === 0) await refuseNow()
  const seat = free[crypto.randomInt(free.length)] as string
  onKeyTaken(req, 'pairings', field, seat, refuseNow)
  return seat
}

/** The seat a pairing keeps: its own while it still counts for this mentor and edition, else a free key. */
function keptSeat(
  previous: unknown,
  kind: SeatKind,
  mentor: ID | undefined,
  edition: unknown,
  holds: boolean,
): string {
  if (holds && mentor !== undefined && holdsSeatOf(previous, kind, mentor, idOf(edition) as ID))
    return previous as string
  return isFreeKey(previous) ? (previous as string) : freeKey(newNonce())
}

/** R1, R3, R4, R5 for a new or re-pointed proposal, on the facts read inside the transaction. */
async function checkProposal(
  req: PayloadRequest,
  pairing: Pairing,
  mentor: Mentor | undefined,
  candidate: Candidate | undefined,
  self?: ID,
) {
  enforce(
    checkProposalParties({
      mentor: mentor && { municipality: idOf(mentor.municipality) },
      candidate: candidate && {
        status: candidate.status,
        municipality: idOf(candidate.municipality),
      },
      sameEdition: Boolean(candidate) && sameId(candidate?.edition, pairing.edition),
    }),
  )
  const m = mentor as Mentor
  const c = candidate as Candidate
  const declined = await req.payload.count({
    collection: 'pairings',
    req,
    overrideAccess: true,
    where: {
      and: [
        { mentor: { equals: m.id } },
        { candidate: { equals: c.id } },
        { status: { equals: 'declined' } },
      ],
    },
  })
  const openForCandidate = await req.payload.count({
    collection: 'pairings',
    req,
    overrideAccess: true,
    where: {
      and: [
        { candidate: { equals: c.id } },
        { status: { in: [...CAPACITY_STATUSES] } },
        ...notSelf(self),
      ],
    },
  })
  enforce(
    checkProposalHistory({
      mentorName: m.name,
      declinedBefore: declined.totalDocs > 0,
      candidateHasOpenPairing: openForCandidate.totalDocs > 0,
    }),
  )
  enforce(
    checkMentorCapacity(
      m,
      await countMentorPairings(req, m.id, pairing.edition, CAPACITY_STATUSES, self),
    ),
  )
  return takeSeat(req, 'capacity', m, pairing.edition, CAPACITY_STATUSES, self)
}

/** The meetings R7 judges when a pairing closes. */
async function meetingsOf(req: PayloadRequest, pairing: ID) {
  const found = await req.payload.find({
    collection: 'meetings',
    req,
    overrideAccess: true,
    depth: 0,
    pagination: false,
    where: { pairing: { equals: pairing } },
  })
  return found.docs.map((meeting) => ({
    date: String(meeting.date),
    modality: String(meeting.modality),
    status: meeting.status,
  }))
}

/** R1, R3–R9, R12, R13 on a write to a pairing (`before`: the stored pairing of an update); returns the data to store. */
export async function applyPairingRules(
  req: PayloadRequest,
  options: MentoriaOptions,
  data: Partial<Pairing>,
  next: Pairing,
  before?: Pairing,
): Promise<Partial<Pairing>> {
  const candidate = await candidateOf(req, next.candidate)
  // Edition follows the application unless given.
  if (!next.edition && candidate?.edition) {
    next.edition = idOf(candidate.edition) as number
    data.edition = next.edition
  }
  // R4: the mentor with the capacity and availability of this edition's offer (src/services/mentor-offers.ts).
  const mentor = await mentorInEdition(req, await mentorOf(req, next.mentor), next.edition)
  if (mentor && candidate)
    data.title = `${mentor.name ?? 'Mentora'} → ${candidate.name ?? 'Sol·licitud'}`

  if (!before) {
    enforce(checkNewPairing(partyFor(req, mentor, candidate), Boolean(req.user), next.status))
    data.status = 'proposed'
    data.capacitySeat = await checkProposal(req, next, mentor, candidate)
    data.underwaySeat = freeKey(newNonce())
    data.answerNonce = newNonce()
    return data
  }

  const previous = before
  const beforeMentor = sameId(previous.mentor, next.mentor)
    ? mentor
    : await mentorOf(req, previous.mentor)
  const beforeCandidate = sameId(previous.candidate, next.candidate)
    ? candidate
    : await candidateOf(req, previous.candidate)
  // The party is judged on the pairing as it stood: nobody joins a pairing by rewriting it.
  const party = req.user ? partyFor(req, beforeMentor, beforeCandidate) : 'secretariat'
  enforce(checkPartyOfPairing(party))
  const actor = party as Party
  setActor(req, actor)
  // R13: the other party's evaluation, sent at all, is refused alike whatever the value.
  enforce(checkConfidentialWrites(actor, writtenPathsOf(req, previous.id)))
  const changed = changedPaths(previous, next)
  enforce(checkPartyFields(actor, changed))
  const from = previous.status ?? 'proposed'
  const to = next.status ?? from
  enforce(checkPartyMayChange(actor, from, to, changed))
  enforce(checkSamePeople(from, previous, next))

  let capacitySeat: string | undefined
  if (!sameId(previous.mentor, next.mentor) || !sameId(previous.candidate, next.candidate)) {
    capacitySeat = await checkProposal(req, next, mentor, candidate, previous.id)
    // The emailed links were for the proposal as it stood: they die, and the new mentor gets new ones.
    data.answerNonce = newNonce()
    markRepointed(req, previous.id)
  }

  const extension = decideExtension({
    actor,
    userId: req.user?.id,
    previous: previous as never,
    next: next as never,
    changed,
  })
  enforce(extension.result)
  Object.assign(data, extension.changes)
  Object.assign(next, extension.changes)

  const meetings = from !== to && to === 'completed' ? await meetingsOf(req, previous.id) : []
  enforce(checkStatusChange({ from, to, party: actor, pairing: next, meetings, options }))
  if (isUnderway(to))
    enforce(
      checkPlausibleDates({
        party: actor,
        starting: from !== to && to === 'active',
        changed,
        pairing: next,
      }),
    )

  if (from !== to && (to === 'accepted' || to === 'active') && mentor && candidate) {
    const council = await councilOf(req, candidate.municipality)
    enforce(
      checkPartiesStillEligible({
        mentorCouncil: idOf(mentor.municipality),
        candidateCouncil: council,
      }),
    )
  }

  let underwaySeat: string | undefined
  if (from !== to && to === 'accepted' && mentor) {
    const committed = await countMentorPairings(
      req,
      mentor.id,
      next.edition,
      UNDERWAY_STATUSES,
      previous.id,
    )
    enforce(checkMentorCapacity({ ...mentor, available: true }, committed))
    underwaySeat = await takeSeat(
      req,
      'underway',
      mentor,
      next.edition,
      UNDERWAY_STATUSES,
      previous.id,
    )
  }
  const stored = previous as Pairing & {
    capacitySeat?: string | null
    underwaySeat?: string | null
  }
  data.capacitySeat =
    capacitySeat ??
    keptSeat(
      stored.capacitySeat,
      'capacity',
      idOf(next.mentor),
      next.edition,
      CAPACITY_STATUSES.includes(to),
    )
  data.underwaySeat =
    underwaySeat ??
    keptSeat(
      stored.underwaySeat,
      'underway',
      idOf(next.mentor),
      next.edition,
      UNDERWAY_STATUSES.includes(to),
    )

  if (
    isUnderway(to) &&
    (changed.includes('startDate') || changed.includes('endDate') || data.endDate !== undefined)
  ) {
    enforce(
      checkDuration(next, options.maxDurationMonths, agreedUntil(next.extensionHistory as never)),
    )
  }
  const closing = stampEvaluations(previous, next, Boolean(data.closing))
  if (closing) data.closing = closing as Pairing['closing']
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
export async function afterPairingWrite(
  req: PayloadRequest,
  options: MentoriaOptions,
  stored: Pairing,
  previous?: Pairing,
): Promise<void> {
  const candidateId = idOf(stored.candidate)
  if (!previous) {
    if (stored.status !== 'proposed') return
    const account = await accountForParty(
      req,
      options,
      'mentor',
      await mentorOf(req, stored.mentor),
    )
    await queueProposalEmail(req, options, stored, stored.answerNonce ?? undefined, account)
    return
  }
  const actor = actorOf(req)
  const moved = previous.status !== stored.status
  if (stored.status === 'proposed' && takeRepointed(req, stored.id)) {
    const account = await accountForParty(
      req,
      options,
      'mentor',
      await mentorOf(req, stored.mentor),
    )
    await queueProposalEmail(req, options, stored, stored.answerNonce ?? undefined, account)
  }
  if (moved && previous.status === 'proposed' && stored.status === 'accepted') {
    const account = await accountForParty(
      req,
      options,
      'mentee',
      await candidateOf(req, candidateId),
    )
    await queueAcceptedEmail(req, stored, account)
  }
  if (moved && stored.status === 'active') await noticeStarted(req, options, stored, actor)
  if (moved && stored.status === 'completed') await noticeCompleted(req, stored)
  if (moved && stored.status === 'cancelled' && actor !== 'secretariat')
    await noticeWithdrawal(req, options, stored, actor)
  if (stored.status === 'active') await noticeExtension(req, options, stored, previous, actor)
  if (moved && candidateId !== undefined) {
    const status = applicationStatusAfter(previous.status, stored.status, actor)
    if (status)
      await req.payload.update({
        collection: 'candidates',
        id: candidateId,
        data: { status } as never,
        req,
        overrideAccess: true,
        depth: 0,
      })
  }
  const extended = (stored.extensionHistory ?? []).length > (previous.extensionHistory ?? []).length
  if (
    !moved &&
    !extended &&
    previous.endDate &&
    stored.endDate &&
    String(previous.endDate).slice(0, 10) !== String(stored.endDate).slice(0, 10) &&
    isUnderway(stored.status)
  ) {
    await notifySecretariat(
      req,
      options,
      endDateChangedSecretariatEmail({
        title: stored.title,
        id: stored.id,
        from: formatDateCa(String(previous.endDate)),
        to: formatDateCa(String(stored.endDate)),
        adminUrl: adminDocUrl(req.payload.config.serverURL, 'pairings', stored.id),
      }),
    )
  }
}
