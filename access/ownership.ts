import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'

import { type ID, idOf, sameId } from '../src/lib/ids'
import { evaluationOf, mayReadConfidential } from '../src/rules/confidentiality'
import { COMMITTED_STATUSES } from '../src/rules/pairings'
import { hasRole, isSecretariatUser } from './roles'

type Profiles = { mentorIds: ID[]; candidateIds: ID[] }

/**
 * The mentor and candidate records linked to the signed-in user. Access checks run as the system
 * (they need facts the person may not read) and are cached on the request.
 */
export async function myProfiles(req: PayloadRequest): Promise<Profiles> {
  const cached = req.context.mentoriaProfiles as Profiles | undefined
  if (cached) return cached
  if (!req.user) return { mentorIds: [], candidateIds: [] }
  // R14: access comes from the role and the linked record together; a record alone gives nothing.
  const sides = [
    hasRole(req.user, 'mentor') ? 'mentors' : null,
    hasRole(req.user, 'mentee') ? 'candidates' : null,
  ] as const
  const [mentors, candidates] = await Promise.all(
    sides.map((collection) =>
      !collection
        ? { docs: [] as { id: ID }[] }
        : req.payload.find({
            collection,
            where: { user: { equals: req.user?.id } },
            depth: 0,
            pagination: false,
            overrideAccess: true,
            select: {},
            req,
          }),
    ),
  )
  const profiles = {
    mentorIds: mentors.docs.map((doc) => doc.id as ID),
    candidateIds: candidates.docs.map((doc) => doc.id as ID),
  }
  req.context.mentoriaProfiles = profiles
  return profiles
}

/**
 * What a mentee sees of the pairings of their application: once a mentor has accepted (R13: never
 * which mentors declined them, nor a proposal still unanswered).
 */
export const MENTEE_VISIBLE: Where = {
  or: [
    { status: { in: ['accepted', 'active', 'completed'] } },
    { and: [{ status: { equals: 'cancelled' } }, { answeredAt: { exists: true } }] },
  ],
}

/** Pairings in which the signed-in user is the mentor or the mentee. */
export async function myPairingsWhere(req: PayloadRequest): Promise<Where | false> {
  const { mentorIds, candidateIds } = await myProfiles(req)
  const or: Where[] = []
  if (mentorIds.length) or.push({ mentor: { in: mentorIds } })
  if (candidateIds.length) or.push({ and: [{ candidate: { in: candidateIds } }, MENTEE_VISIBLE] })
  return or.length ? { or } : false
}

export async function myPairingIds(req: PayloadRequest): Promise<ID[]> {
  const cached = req.context.mentoriaPairingIds as ID[] | undefined
  if (cached) return cached
  const where = await myPairingsWhere(req)
  const ids = where
    ? (
        await req.payload.find({
          collection: 'pairings',
          where,
          depth: 0,
          pagination: false,
          overrideAccess: true,
          select: {},
          req,
        })
      ).docs.map((doc) => doc.id)
    : []
  req.context.mentoriaPairingIds = ids
  return ids
}

/** Secretariat: everything. Mentor or mentee: the pairings they are in. */
export const ownPairings: Access = async ({ req }) => {
  if (!req.user) return false
  if (isSecretariatUser(req.user)) return true
  return myPairingsWhere(req)
}

/** For meetings, incidents and fitxes: those of the signed-in user's pairings. */
export const byOwnPairing: Access = async ({ req }) => {
  if (!req.user) return false
  if (isSecretariatUser(req.user)) return true
  const ids = await myPairingIds(req)
  return ids.length ? { pairing: { in: ids } } : false
}

/** The other side of my pairings (any status, for reading the record) and of my committed ones (R12). */
async function counterparts(
  req: PayloadRequest,
  side: 'mentor' | 'candidate',
): Promise<{ all: ID[]; committed: Set<string> }> {
  const key = `mentoriaCounterparts:${side}`
  const cached = req.context[key] as { all: ID[]; committed: Set<string> } | undefined
  if (cached) return cached
  const { mentorIds, candidateIds } = await myProfiles(req)
  const mine = side === 'mentor' ? candidateIds : mentorIds
  const result = { all: [] as ID[], committed: new Set<string>() }
  if (mine.length) {
    const pairings = await req.payload.find({
      collection: 'pairings',
      where:
        side === 'mentor'
          ? { and: [{ candidate: { in: mine } }, MENTEE_VISIBLE] }
          : { mentor: { in: mine } },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      select: { mentor: true, candidate: true, status: true },
      req,
    })
    for (const pairing of pairings.docs) {
      const id = idOf(pairing[side])
      if (id === undefined) continue
      result.all.push(id)
      if (COMMITTED_STATUSES.includes(pairing.status as never)) result.committed.add(String(id))
    }
  }
  req.context[key] = result
  return result
}

const roleFor = (side: 'mentor' | 'candidate') =>
  (side === 'mentor' ? 'mentor' : 'mentee') as 'mentor' | 'mentee'

/** Mentor and candidate records: the secretariat, the person themself, and the other side of a pairing. */
export const ownProfileOrCounterpart =
  (side: 'mentor' | 'candidate'): Access =>
  async ({ req }) => {
    if (!req.user) return false
    if (isSecretariatUser(req.user)) return true
    const { all } = await counterparts(req, side)
    const or: Where[] = []
    if (hasRole(req.user, roleFor(side))) or.push({ user: { equals: req.user.id } })
    if (all.length) or.push({ id: { in: all } })
    return or.length ? { or } : false
  }

/** A person's own record, with the role that goes with it (R14). */
export const ownProfile =
  (side: 'mentor' | 'candidate'): Access =>
  ({ req }) => {
    if (!req.user) return false
    if (isSecretariatUser(req.user)) return true
    return hasRole(req.user, roleFor(side)) ? { user: { equals: req.user.id } } : false
  }

/**
 * R12: email and phone of a mentor or candidate. The secretariat and the person see them; the other
 * side only once the pairing is accepted (accepted, active or completed). Without a document (a `where`
 * on the field) nobody else may use them, so contact data cannot leak by filtering.
 */
export const contactVisibleTo =
  (side: 'mentor' | 'candidate'): FieldAccess =>
  async ({ req, doc }) => {
    if (!req.user) return false
    if (isSecretariatUser(req.user)) return true
    if (!doc) return false
    if (sameId(doc.user, req.user.id) && hasRole(req.user, roleFor(side))) return true
    // One query per request, not per document: the set of people my committed pairings join me to.
    return (await counterparts(req, side)).committed.has(String(doc.id))
  }

/**
 * R13: each party's evaluation is seen by its author and the secretariat only. Without a document
 * (a `where` on the field) only the secretariat may use it, so it cannot be guessed by filtering.
 */
export const evaluationVisibleTo =
  (author: 'mentor' | 'mentee'): FieldAccess =>
  async ({ req, doc }) => {
    if (!req.user) return false
    const item = evaluationOf(author)
    if (isSecretariatUser(req.user))
      return mayReadConfidential(item, { secretariat: true, author: false })
    if (!doc) return false
    const { mentorIds, candidateIds } = await myProfiles(req)
    const wrote =
      author === 'mentor'
        ? mentorIds.some((id) => sameId(id, doc.mentor))
        : candidateIds.some((id) => sameId(id, doc.candidate))
    return mayReadConfidential(item, { secretariat: false, author: wrote })
  }

/** Mentor offers (`mentor-offers`): the secretariat all; a mentor their own offers; nobody else any. */
export const ownMentorOffers: Access = async ({ req }) => {
  if (!req.user) return false
  if (isSecretariatUser(req.user)) return true
  if (!hasRole(req.user, 'mentor')) return false
  const { mentorIds } = await myProfiles(req)
  return mentorIds.length ? { mentor: { in: mentorIds } } : false
}
