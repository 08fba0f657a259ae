import type { Payload } from 'payload'

import { type ID, idOf } from '../lib/ids'
import {
  type CertificateFacts,
  certificateCode,
  type CertificateSide,
  heldMeetingsAndHours,
  readCertificateCode,
} from '../notifications/certificates'
import type { Candidate, Edition, Mentor, Municipality, Pairing } from '../payload-types'
import { isErasedEmail } from '../rules/personal-data'
import { pickLang } from '../site/i18n'

export const CERTIFICATE_PATH = '/certificat'

export const certificateUrl = (serverURL: string, code: string): string =>
  `${serverURL.replace(/\/+$/, '')}${CERTIFICATE_PATH}/${encodeURIComponent(code)}`

/** The address of one party's certificate (only a completed pairing has them). */
export const certificateUrlFor = (payload: Payload, pairing: ID, side: CertificateSide): string =>
  certificateUrl(payload.config.serverURL || '', certificateCode(payload.secret, pairing, side))

async function byId<T>(
  payload: Payload,
  collection: 'pairings' | 'mentors' | 'candidates' | 'municipalities' | 'editions',
  id: unknown,
): Promise<T | null> {
  if (id === undefined || id === null || id === '') return null
  const { docs } = await payload.find({
    collection,
    where: { id: { equals: id } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    pagination: false,
  })
  return (docs[0] as T | undefined) ?? null
}

/**
 * What `/certificat/<code>` shows, or null: a code that is malformed or forged, of a pairing that is
 * not completed, or of a person who has been erased (erasing a person voids their certificates: their
 * record no longer has their name or address).
 */
export async function certificateByCode(
  payload: Payload,
  code: string,
  requestedLang?: unknown,
): Promise<CertificateFacts | null> {
  const read = readCertificateCode(payload.secret, code)
  if (!read) return null
  const pairing = await byId<Pairing>(payload, 'pairings', read.pairing)
  if (
    !pairing ||
    pairing.status !== 'completed' ||
    !pairing.startDate ||
    !pairing.closing?.closingDate
  )
    return null
  const [mentor, candidate] = await Promise.all([
    byId<Mentor>(payload, 'mentors', idOf(pairing.mentor)),
    byId<Candidate>(payload, 'candidates', idOf(pairing.candidate)),
  ])
  const person = read.side === 'mentor' ? mentor : candidate
  if (!person?.name || isErasedEmail(person.email)) return null
  const [mentorCouncil, menteeCouncil, edition] = await Promise.all([
    byId<Municipality>(payload, 'municipalities', idOf(mentor?.municipality)),
    byId<Municipality>(payload, 'municipalities', idOf(candidate?.municipality)),
    byId<Edition>(payload, 'editions', idOf(pairing.edition)),
  ])
  const { docs: meetings } = await payload.find({
    collection: 'meetings',
    where: { pairing: { equals: pairing.id } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { status: true, durationMinutes: true },
  })
  const held = heldMeetingsAndHours(meetings)
  const own = read.side === 'mentor' ? mentorCouncil : menteeCouncil
  const other = read.side === 'mentor' ? menteeCouncil : mentorCouncil
  return {
    code,
    url: certificateUrl(payload.config.serverURL || '', code),
    lang: pickLang(requestedLang ?? (person as { language?: unknown }).language),
    name: person.name,
    side: read.side,
    ownCouncil: own?.name ?? '—',
    otherCouncil: other?.name ?? '—',
    year: edition?.year ?? null,
    startDate: pairing.startDate,
    closingDate: pairing.closing.closingDate,
    meetings: held.meetings,
    hours: held.hours,
  }
}
