import type { Payload, PayloadRequest } from 'payload'

import { loadDoc } from '../lib/documents'
import { enforce } from '../lib/errors'
import { type ID, idOf } from '../lib/ids'
import { onKeyTaken } from '../lib/unique-keys'
import type { Mentor } from '../payload-types'
import {
  checkOfferParties,
  type EditionTerms,
  editionTerms,
  MENTOR_OFFERS_SLUG,
  offerAlreadyMade,
  offerKey,
} from '../rules/mentor-offers'

/**
 * R4 per edition: a mentor's capacity, availability and topics in one edition come from their offer
 * for it (`mentor-offers`), not from the profile's single `capacity`/`available` (kept only for
 * records nobody has made an offer for: src/rules/mentor-offers.ts `editionTerms`). Read as the system,
 * inside the request's transaction when there is one.
 */

type OfferRow = {
  id: ID
  mentor: unknown
  edition: unknown
  capacity?: number | null
  available?: boolean | null
  review?: string | null
  topics?: string[] | null
  availability?: string | null
}

const system = (req?: PayloadRequest) => ({
  depth: 0,
  pagination: false as const,
  limit: 0,
  overrideAccess: true,
  ...(req ? { req } : {}),
})

/** Every offer of these mentors (any edition), grouped by mentor. */
async function offersOf(
  payload: Payload,
  mentorIds: ID[],
  req?: PayloadRequest,
): Promise<Map<string, OfferRow[]>> {
  const byMentor = new Map<string, OfferRow[]>()
  if (mentorIds.length === 0) return byMentor
  const { docs } = await payload.find({
    collection: MENTOR_OFFERS_SLUG as never,
    where: { mentor: { in: mentorIds } },
    ...system(req),
  })
  for (const offer of docs as unknown as OfferRow[]) {
    const mentor = String(idOf(offer.mentor as never))
    byMentor.set(mentor, [...(byMentor.get(mentor) ?? []), offer])
  }
  return byMentor
}

const termsFrom = (
  offers: OfferRow[] | undefined,
  edition: unknown,
  mentor: Pick<Mentor, 'capacity' | 'available' | 'topics'>,
): EditionTerms =>
  editionTerms(
    offers?.find(
      (offer) => String(idOf(offer.edition as never)) === String(idOf(edition as never)),
    ),
    Boolean(offers?.length),
    mentor,
  )

/** Each mentor's terms in one edition (the matching, the console), in two queries. */
export async function editionTermsOf(
  payload: Payload,
  edition: ID,
  mentors: readonly Pick<Mentor, 'id' | 'capacity' | 'available' | 'topics'>[],
  req?: PayloadRequest,
): Promise<Map<string, EditionTerms>> {
  const offers = await offersOf(
    payload,
    mentors.map((mentor) => mentor.id),
    req,
  )
  return new Map(
    mentors.map((mentor) => [
      String(mentor.id),
      termsFrom(offers.get(String(mentor.id)), edition, mentor),
    ]),
  )
}

/**
 * The mentor record with the capacity, availability and topics of that edition in place of the
 * profile's (R4's capacity check and seats: src/services/pairing-rules.ts).
 */
export async function mentorInEdition(
  req: PayloadRequest,
  mentor: Mentor | undefined,
  edition: unknown,
): Promise<Mentor | undefined> {
  if (!mentor || idOf(edition as never) === undefined) return mentor
  const terms = (
    await editionTermsOf(req.payload, idOf(edition as never) as ID, [mentor], req)
  ).get(String(mentor.id)) as EditionTerms
  return { ...mentor, capacity: terms.capacity, available: terms.available, topics: terms.topics }
}

/** The offer of one mentor in one edition, as stored (the renewal form fills in last year's from it). */
export async function findOffer(
  payload: Payload,
  mentor: ID,
  edition: ID,
  req?: PayloadRequest,
): Promise<OfferRow | undefined> {
  const { docs } = await payload.find({
    collection: MENTOR_OFFERS_SLUG as never,
    where: { and: [{ mentor: { equals: mentor } }, { edition: { equals: edition } }] },
    ...system(req),
    limit: 1,
  })
  return docs[0] as unknown as OfferRow | undefined
}

/** The latest offer a mentor made before this edition (what the renewal form starts from). */
export async function previousOffer(
  payload: Payload,
  mentor: ID,
  edition: ID,
  req?: PayloadRequest,
): Promise<OfferRow | undefined> {
  const { docs } = await payload.find({
    collection: MENTOR_OFFERS_SLUG as never,
    where: { and: [{ mentor: { equals: mentor } }, { edition: { not_equals: edition } }] },
    sort: '-createdAt',
    ...system(req),
    limit: 1,
  })
  return docs[0] as unknown as OfferRow | undefined
}

/**
 * One offer per mentor and edition (DOMAIN.md `mentor-offers`), held by the database: the unique `key`
 * `<mentor>:<edition>`. Two submissions at the same moment both write it; one goes in, the other is
 * refused with `offerAlreadyMade` (src/lib/unique-keys.ts), whatever the door. Also the offer's title.
 * Used by hooks/mentor-offers.ts.
 */
export async function offerKeyAndTitle<Data extends Record<string, unknown>>(
  req: PayloadRequest,
  data: Data,
  originalDoc?: { mentor?: unknown; edition?: unknown; key?: unknown },
): Promise<Data> {
  const mentor = idOf(data.mentor ?? originalDoc?.mentor)
  const edition = idOf(data.edition ?? originalDoc?.edition)
  enforce(checkOfferParties(mentor, edition))
  const key = offerKey(mentor as string | number, edition as string | number)
  if (key !== originalDoc?.key) {
    onKeyTaken(req, MENTOR_OFFERS_SLUG, 'key', key, () => enforce(offerAlreadyMade()))
  }
  ;(data as Record<string, unknown>).key = key
  const [person, edition2] = await Promise.all([
    loadDoc<{ name?: string | null }>(req, 'mentors', mentor),
    loadDoc<{ name?: string | null; year?: number | null }>(req, 'editions', edition),
  ])
  ;(data as Record<string, unknown>).title =
    `${person?.name ?? 'Persona mentora'} · ${edition2?.name ?? edition2?.year ?? 'convocatòria'}`
  return data
}
