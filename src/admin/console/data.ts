import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import type { ID } from '../../lib/ids'
import type { MentoriaOptions } from '../../lib/options'
import { currentEdition } from '../../rules/phases'

export const optionsOf = (payload: Payload): MentoriaOptions =>
  (payload.config.custom as { mentoria: MentoriaOptions }).mentoria

export type EditionChoice = {
  id: ID
  name: string
  year: number
  applicationsOpenAt: string
  applicationsCloseAt: string
  matchingBy?: string | null
  startBy?: string | null
}

/** The editions for the picker, and the one asked for by `?edicio=` (else the current one). */
export async function chosenEdition(
  payload: Payload,
  user: unknown,
  asked: unknown,
): Promise<{ req: PayloadRequest; editions: EditionChoice[]; edition?: EditionChoice }> {
  const req = await createLocalReq({ user: user as never }, payload)
  const { docs } = await payload.find({
    collection: 'editions',
    sort: '-year',
    limit: 100,
    depth: 0,
    req,
    user: req.user,
    overrideAccess: false,
  })
  const editions = docs as unknown as EditionChoice[]
  const wanted =
    typeof asked === 'string' ? asked : Array.isArray(asked) ? String(asked[0]) : undefined
  const edition =
    editions.find((candidate) => String(candidate.id) === wanted) ??
    currentEdition(editions, new Date())
  return { req, editions, edition }
}
