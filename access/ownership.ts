import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'

import { type ID, idOf, sameId } from '../src/lib/ids'
import { COMMITTED_STATUSES } from '../src/rules/pairings'
import { isSecretariatUser } from './roles'

type Profiles = { mentorIds: ID[]; candidateIds: ID[] }

/**
 * The mentor and candidate records linked to the signed-in user. Access checks run as the system
 * (they need facts the person may not read) and are cached on the request.
 */
export async function myProfiles(req: PayloadRequest): Promise<Profiles> {
  const cached = req.context.mentoriaProfiles as Profiles | undefined
  if (cached) return cached
  if (!req.user) return { mentorIds: [], candidateIds: [] }
  const [mentors, candidates] = await Promise.all(
    (['mentors', 'candidates'] as const).map((collection) =>
      req.payload.find({
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
  const profiles = { mentorIds: mentors.docs.map((doc) => doc.id), candidateIds: candidates.docs.map((doc) => doc.id) }
  req.context.mentoriaProfiles = profiles
  return profiles
}

/** Pairings in which the signed-in user is the mentor or the mentee. */
export async function myPairingsWhere(req: PayloadRequest): Promise<Where | false> {
  const { mentorIds, candidateIds } = await myProfiles(req)
  const or: Where[] = []
  if (mentorIds.length) or.push({ mentor: { in: mentorIds } })
  if (candidateIds.length) or.push({ candidate: { in: candidateIds } })
  return or.length ? { or } : false
}

export async function myPairingIds(req: PayloadRequest): Promise<ID[]> {
  const cached = req.context.mentoriaPairingIds as ID[] | undefined
  if (cached) return cached
  const where = await myPairingsWhere(req)
  const ids = where
    ? (await req.payload.find({ collection: 'pairings', where, depth: 0, pagination: false, overrideAccess: true, select: {}, req })).docs.map(
        (doc) => doc.id,
      )
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

/** The other side of my pairings: mentors of my applications, or candidates of my mentoring. */
async function counterpartIds(req: PayloadRequest, side: 'mentor' | 'candidate'): Promise<ID[]> {
  const { mentorIds, candidateIds } = await myProfiles(req)
  const mine = side === 'mentor' ? candidateIds : mentorIds
  if (!mine.length) return []
  const pairings = await req.payload.find({
    collection: 'pairings',
    where: { [side === 'mentor' ? 'candidate' : 'mentor']: { in: mine } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { mentor: true, candidate: true },
    req,
  })
  return pairings.docs.map((pairing) => idOf(pairing[side])).filter((id): id is ID => id !== undefined)
}

/** Mentor and candidate records: the secretariat, the person themself, and the other side of a pairing. */
export const ownProfileOrCounterpart =
  (side: 'mentor' | 'candidate'): Access =>
  async ({ req }) => {
    if (!req.user) return false
    if (isSecretariatUser(req.user)) return true
    const others = await counterpartIds(req, side)
    const or: Where[] = [{ user: { equals: req.user.id } }]
    if (others.length) or.push({ id: { in: others } })
    return { or }
  }

export const ownProfile: Access = ({ req }) => {
  if (!req.user) return false
  if (isSecretariatUser(req.user)) return true
  return { user: { equals: req.user.id } }
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
    if (sameId(doc.user, req.user.id)) return true
    const key = `mentoriaContact:${side}:${String(doc.id)}`
    if (typeof req.context[key] === 'boolean') return req.context[key] as boolean
    const { mentorIds, candidateIds } = await myProfiles(req)
    const mine = side === 'mentor' ? candidateIds : mentorIds
    let visible = false
    if (mine.length) {
      const { totalDocs } = await req.payload.count({
        collection: 'pairings',
        overrideAccess: true,
        req,
        where: {
          and: [
            { [side]: { equals: doc.id } },
            { [side === 'mentor' ? 'candidate' : 'mentor']: { in: mine } },
            { status: { in: [...COMMITTED_STATUSES] } },
          ],
        },
      })
      visible = totalDocs > 0
    }
    req.context[key] = visible
    return visible
  }
