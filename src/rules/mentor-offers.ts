import { allowed, refuse, type RuleResult } from './result'

/**
 * The call for mentors (DOMAIN.md, `mentor-offers`, R4): each mentor offers topics, capacity and
 * availability for one edition. Pure: no Payload here.
 *
 * - One offer per (mentor, edition): the unique `key` `<mentor>:<edition>` (src/rules/unique-keys.ts'
 *   pattern), so two submissions at the same moment store one.
 * - An offer counts for R4 and the matching once the secretariat has it as `accepted` (an offer from the
 *   public form waits as `submitted` until reviewed; a renewal by signed link and an offer the
 *   secretariat records are accepted at once).
 */
export const MENTOR_OFFERS_SLUG = 'mentor-offers'

export const OFFER_REVIEW_STATES = ['submitted', 'accepted', 'declined'] as const
export type OfferReview = (typeof OFFER_REVIEW_STATES)[number]

export const OFFER_REVIEW_LABELS: Record<OfferReview, { ca: string; es: string; en: string }> = {
  submitted: { ca: 'Per revisar', es: 'Por revisar', en: 'To review' },
  accepted: { ca: 'Acceptada', es: 'Aceptada', en: 'Accepted' },
  declined: { ca: 'No acceptada', es: 'No aceptada', en: 'Not accepted' },
}

export const MAX_OFFER_CAPACITY = 10

/** The one offer of a mentor in an edition. */
export const offerKey = (mentor: string | number, edition: string | number): string =>
  `${mentor}:${edition}`

/** An offer names its mentor and its edition (the two halves of its key). */
export const checkOfferParties = (mentor: unknown, edition: unknown): RuleResult =>
  mentor === undefined || edition === undefined
    ? refuse('R4', "Cal indicar la persona mentora i la convocatòria de l'oferta.", {
        field: mentor === undefined ? 'mentor' : 'edition',
      })
    : allowed

/** A second offer for the same mentor and edition (its key is taken): edit the one there is. */
export const offerAlreadyMade = (): RuleResult =>
  refuse(
    'R4',
    'Aquesta persona mentora ja té una oferta per a aquesta convocatòria: editeu-la en lloc de crear-ne una altra.',
    { field: 'mentor', status: 409 },
  )

export type OfferFacts = {
  capacity?: number | null
  available?: boolean | null
  review?: string | null
  topics?: string[] | null
}
export type ProfileFacts = {
  capacity?: number | null
  available?: boolean | null
  topics?: string[] | null
}
export type EditionTerms = {
  capacity: number
  available: boolean
  topics: string[]
  from: 'offer' | 'profile' | 'none'
}

/**
 * R4: a mentor's capacity and availability in one edition.
 * - their offer for that edition, when there is one (available only once accepted);
 * - no offer for that edition but offers in others: not available in it (they did not offer);
 * - no offer in any edition (a record kept from before the call for mentors, or typed by the
 *   secretariat without one): the profile's values, as the secretariat recorded them.
 */
export function editionTerms(
  offer: OfferFacts | undefined,
  hasAnyOffer: boolean,
  profile: ProfileFacts,
): EditionTerms {
  if (offer) {
    const available = Boolean(offer.available) && (offer.review ?? 'accepted') === 'accepted'
    return {
      capacity: available ? Math.max(0, offer.capacity ?? 0) : 0,
      available,
      topics: offer.topics?.length ? offer.topics : (profile.topics ?? []),
      from: 'offer',
    }
  }
  if (hasAnyOffer)
    return { capacity: 0, available: false, topics: profile.topics ?? [], from: 'none' }
  return {
    capacity: Math.max(0, profile.capacity ?? 1),
    available: Boolean(profile.available),
    topics: profile.topics ?? [],
    from: 'profile',
  }
}
