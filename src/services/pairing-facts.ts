import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { hasRole, isSecretariatUser } from '../../access/roles'
import { loadDoc } from '../lib/documents'
import { enforce } from '../lib/errors'
import { type ID, idOf, sameId } from '../lib/ids'
import type { Candidate, Mentor, Municipality, Pairing } from '../payload-types'
import { checkRecordedOnPairing, checkSamePairing, type Party } from '../rules/pairings'

/**
 * The facts the rules of a pairing (and of its meetings, incidents and fitxa) read: the pairing, its two
 * people and their councils, each read once per request as the system, inside the request's transaction.
 * People and councils are remembered on the request (`req`), and forgotten as soon as the request
 * writes one of them (the hooks at the end of this file, on those collections); pairings are read fresh.
 */
type Remembered = 'mentors' | 'candidates' | 'municipalities'

const memo = new WeakMap<object, Map<string, Promise<unknown>>>()
const memoOf = (req: PayloadRequest) => {
  let found = memo.get(req)
  if (!found) memo.set(req, (found = new Map()))
  return found
}

/** A mentor record, application or council, read at most once per request. */
export function factOf<T>(
  req: PayloadRequest,
  collection: Remembered,
  id: ID | undefined,
): Promise<T | undefined> {
  if (id === undefined) return Promise.resolve(undefined)
  const key = `${collection}:${String(id)}`
  const known = memoOf(req)
  if (!known.has(key)) known.set(key, loadDoc<T>(req, collection, id))
  return known.get(key) as Promise<T | undefined>
}

export const mentorOf = (req: PayloadRequest, id: unknown) =>
  factOf<Mentor>(req, 'mentors', idOf(id))
export const candidateOf = (req: PayloadRequest, id: unknown) =>
  factOf<Candidate>(req, 'candidates', idOf(id))
export const councilOf = (req: PayloadRequest, id: unknown) =>
  factOf<Municipality>(req, 'municipalities', idOf(id))

/** The two people of a pairing. */
export async function partiesOf(
  req: PayloadRequest,
  pairing: Pick<Pairing, 'mentor' | 'candidate'>,
): Promise<{ mentor?: Mentor; candidate?: Candidate }> {
  const [mentor, candidate] = await Promise.all([
    mentorOf(req, pairing.mentor),
    candidateOf(req, pairing.candidate),
  ])
  return { mentor, candidate }
}

/** Forgets what this request remembered of a document it has just written. */
export function forgetFact(req: PayloadRequest, collection: string, id: unknown): void {
  memo.get(req)?.delete(`${collection}:${String(idOf(id))}`)
}

export const forgetFactAfterChange: CollectionAfterChangeHook = ({ collection, doc, req }) => {
  forgetFact(req, collection.slug, doc?.id)
  return doc
}
export const forgetFactAfterDelete: CollectionAfterDeleteHook = ({ collection, doc, req }) => {
  forgetFact(req, collection.slug, doc?.id)
  return doc
}

export const isSecretariatRequest = (req: PayloadRequest): boolean => isSecretariatUser(req.user)

/** Which side of this pairing the signed-in person is on (R14: the linked record and the role together). */
export function partyFor(
  req: PayloadRequest,
  mentor: Pick<Mentor, 'user'> | undefined,
  candidate: Pick<Candidate, 'user'> | undefined,
): Party | null {
  if (!req.user) return null
  if (isSecretariatRequest(req)) return 'secretariat'
  if (mentor && sameId(mentor.user, req.user.id) && hasRole(req.user, 'mentor')) return 'mentor'
  if (candidate && sameId(candidate.user, req.user.id) && hasRole(req.user, 'mentee'))
    return 'mentee'
  return null
}

/**
 * The pairing a meeting, incident or fitxa belongs to, and who the signed-in person is in it (the
 * system, without a person, acts as the secretariat). `party` is null for someone outside the pairing.
 */
export async function pairingAndParty(
  req: PayloadRequest,
  pairingId: ID | undefined,
): Promise<{ pairing?: Pairing; party: Party | null }> {
  const pairing = await loadDoc<Pairing>(req, 'pairings', pairingId)
  if (!pairing) return { pairing: undefined, party: null }
  const { mentor, candidate } = await partiesOf(req, pairing)
  return { pairing, party: req.user ? partyFor(req, mentor, candidate) : 'secretariat' }
}

/** The pairing a meeting, incident or fitxa is recorded on, and who writes it there (R12), or the refusal. */
export async function pairingOfRecord(
  req: PayloadRequest,
  kind: 'meeting' | 'fitxa' | 'incident',
  data: { pairing?: unknown },
  original?: { pairing?: unknown },
): Promise<{ pairing: Pairing; party: Party }> {
  enforce(
    checkSamePairing(
      kind,
      Boolean(original) && data.pairing !== undefined && !sameId(data.pairing, original?.pairing),
    ),
  )
  const { pairing, party } = await pairingAndParty(req, idOf(data.pairing ?? original?.pairing))
  enforce(checkRecordedOnPairing(Boolean(pairing), party))
  return { pairing: pairing as Pairing, party: party as Party }
}
