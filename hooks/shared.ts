import type { PayloadRequest } from 'payload'

import { isSecretariatUser } from '../access/roles'
import { loadDoc } from '../src/lib/documents'
import { enforce } from '../src/lib/errors'
import { type ID, idOf, sameId } from '../src/lib/ids'
import type { Candidate, Mentor, Pairing } from '../src/payload-types'
import type { Party } from '../src/rules/pairings'
import { refuse } from '../src/rules/result'

export const isSecretariatRequest = (req: PayloadRequest): boolean => isSecretariatUser(req.user)

/** Which side of this pairing the signed-in person is on. */
export function partyFor(req: PayloadRequest, mentor: Pick<Mentor, 'user'> | undefined, candidate: Pick<Candidate, 'user'> | undefined): Party | null {
  if (!req.user) return null
  if (isSecretariatRequest(req)) return 'secretariat'
  if (mentor && sameId(mentor.user, req.user.id)) return 'mentor'
  if (candidate && sameId(candidate.user, req.user.id)) return 'mentee'
  return null
}

/** The pairing a meeting, incident or fitxa belongs to, and who the signed-in person is in it. */
export async function pairingAndParty(req: PayloadRequest, pairingId: ID | undefined): Promise<{ pairing: Pairing; party: Party }> {
  const pairing = await loadDoc<Pairing>(req, 'pairings', pairingId)
  if (!pairing) enforce(refuse('R12', 'Cal indicar una parella que existeixi.', { field: 'pairing' }))
  const p = pairing as Pairing
  const [mentor, candidate] = await Promise.all([
    loadDoc<Mentor>(req, 'mentors', idOf(p.mentor)),
    loadDoc<Candidate>(req, 'candidates', idOf(p.candidate)),
  ])
  const party = req.user ? partyFor(req, mentor, candidate) : 'secretariat'
  if (!party) enforce(refuse('R12', 'Només les dues persones de la parella i la secretaria tècnica hi poden registrar coses.', { field: 'pairing', status: 403 }))
  return { pairing: p, party: party as Party }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)

/** The document as it will be: incoming data over the stored one (groups merged, arrays replaced). */
export function deepMerge<T extends object>(base: T, incoming: object): T {
  const result: Record<string, unknown> = { ...(base as Record<string, unknown>) }
  for (const [key, value] of Object.entries(incoming)) {
    if (value === undefined) continue
    result[key] = isPlainObject(value) && isPlainObject(result[key]) ? deepMerge(result[key] as object, value) : value
  }
  return result as T
}
