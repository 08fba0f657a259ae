import type { PayloadRequest } from 'payload'

import { loadDoc } from '../lib/documents'
import { enforce, RequestRefused } from '../lib/errors'
import { type ID, idOf } from '../lib/ids'
import type { MentoriaOptions } from '../lib/options'
import { fitxaWritesLive } from '../lib/request-state'
import { fitxaReturnedEmail, fitxaSubmittedEmail } from '../notifications/fitxes'
import { emailLang } from '../notifications/language'
import { adminDocUrl, myFitxaUrl } from '../notifications/pages'
import type { Edition } from '../payload-types'
import {
  checkFitxaChange,
  consentRecord,
  decideFitxaReview,
  FITXA_REVIEW_STATUSES,
  type FitxaReviewStatus,
  slugify,
} from '../rules/fitxes'
import { allowed } from '../rules/result'
import { queueEmail } from './mail-queue'
import { notifySecretariat } from './notify'
import { candidateOf, mentorOf, pairingOfRecord } from './pairing-facts'
import { siteCacheChanged } from './site-cache'

/**
 * R12: nobody but the secretariat filters fitxes by what lies behind the pairing (its people). Payload
 * would refuse such a path too, but it checks the far end of a relationship path after answering,
 * which surfaces as an unhandled rejection; saying no first keeps the answer a plain 400.
 */
export function refuseQueriesThroughPairing(where: unknown) {
  if (!where || typeof where !== 'object') return
  const walk = (node: unknown): boolean => {
    if (!node || typeof node !== 'object') return false
    return Object.entries(node as Record<string, unknown>).some(([key, value]) =>
      ['and', 'or'].includes(key.toLowerCase()) && Array.isArray(value)
        ? value.some(walk)
        : /^(version\.)?pairing\./.test(key),
    )
  }
  if (walk(where))
    throw new RequestRefused('Les fitxes no es poden filtrar per les dades de la parella.', 400)
}

type PairingForFitxa = {
  id: ID
  status?: string
  mentor?: unknown
  candidate?: unknown
  edition?: unknown
  startDate?: string | null
  closing?: { closingDate?: string | null } | null
}

export type FitxaDoc = Record<string, unknown> & {
  id?: ID
  _status?: string
  reviewStatus?: FitxaReviewStatus
  pairing?: unknown
  title?: string
  slug?: string
}

const reviewStatusOf = (value: unknown): FitxaReviewStatus | undefined =>
  (FITXA_REVIEW_STATUSES as readonly string[]).includes(String(value))
    ? (value as FitxaReviewStatus)
    : undefined

/** The live document (what the website shows), not the latest draft. */
async function liveFitxa(req: PayloadRequest, id: ID | undefined): Promise<FitxaDoc | null> {
  if (id === undefined) return null
  return (await req.payload.db.findOne({
    collection: 'fitxes',
    where: { id: { equals: id } },
    req,
  })) as FitxaDoc | null
}

/** R10 (the review), R12 (only the mentee writes) and the facts copied from the pairing. */
export async function applyFitxaRules(
  req: PayloadRequest,
  data: FitxaDoc,
  originalDoc: FitxaDoc | undefined,
  operation: 'create' | 'update',
): Promise<FitxaDoc> {
  const { pairing: found, party } = await pairingOfRecord(
    req,
    'fitxa',
    data,
    operation === 'update' ? originalDoc : undefined,
  )
  const pairing = found as PairingForFitxa
  const publishing = data._status === 'published'
  // Who writes (the mentee, never the mentor), while the pairing is active or completed; publishing once completed.
  enforce(checkFitxaChange({ party, pairingStatus: found.status, publishing }))

  const writesLive = fitxaWritesLive(req)
  const live = operation === 'update' ? await liveFitxa(req, idOf(originalDoc?.id)) : null
  const unpublishing =
    operation === 'update' && writesLive && !publishing && live?._status === 'published'
  const before = (originalDoc ?? {}) as FitxaDoc
  const after = { ...before, ...data }
  const decision = decideFitxaReview({
    actor: party === 'secretariat' ? 'secretariat' : 'mentee',
    current: operation === 'create' ? undefined : (reviewStatusOf(before.reviewStatus) ?? 'draft'),
    requested: reviewStatusOf(data.reviewStatus),
    publishing,
    unpublishing,
    fitxa: after,
  })
  enforce(decision.ok ? allowed : decision)
  const status = decision.ok ? decision.status : 'draft'
  data.reviewStatus = status
  const now = new Date().toISOString()
  if (status === 'submitted' && before.reviewStatus !== 'submitted') data.submittedAt = now
  if (publishing && !live?.publishedAt && !before.publishedAt) data.publishedAt = now

  // R12: who recorded the reference person's consent (given or withdrawn) and when: the signed-in
  // person, never what the request says.
  const personBefore = (before.referencePerson ?? {}) as Record<string, unknown>
  const personAfter = {
    ...personBefore,
    ...((data.referencePerson ?? {}) as Record<string, unknown>),
  }
  const record = consentRecord({
    before: personBefore.consent,
    after: personAfter.consent,
    userId: idOf(req.user?.id),
    now,
  })
  if (record) data.referencePerson = { ...personAfter, ...record }
  else if (data.referencePerson)
    data.referencePerson = {
      ...personAfter,
      consentRecordedBy: idOf(personBefore.consentRecordedBy) ?? null,
      consentRecordedAt: personBefore.consentRecordedAt ?? null,
    }

  // Both councils, the year and the period, from the pairing: never a person (R12).
  const [mentor, candidate, edition] = await Promise.all([
    mentorOf(req, pairing.mentor),
    candidateOf(req, pairing.candidate),
    loadDoc<Edition>(req, 'editions', idOf(pairing.edition)),
  ])
  data.municipality = idOf(candidate?.municipality) ?? null
  data.mentorMunicipality = idOf(mentor?.municipality) ?? null
  data.year = edition?.year ?? null
  data.startDate = pairing.startDate ?? null
  data.closingDate = pairing.closing?.closingDate ?? null

  // The address is fixed once the fitxa has been on the website: links to it keep working.
  const title = String(after.title ?? '')
  const fixedSlug =
    live?.slug && (live._status === 'published' || live.publishedAt) ? live.slug : undefined
  if (fixedSlug) data.slug = fixedSlug
  else if (title) data.slug = `${slugify(title)}-${String(pairing.id)}`
  return data
}

export async function syncPairing(
  req: PayloadRequest,
  pairingId: ID | undefined,
  published: boolean,
) {
  if (pairingId === undefined) return
  const pairing = await loadDoc<{ fitxaPublished?: boolean }>(req, 'pairings', pairingId)
  if (pairing && Boolean(pairing.fitxaPublished) !== published) {
    await req.payload.update({
      collection: 'pairings',
      id: pairingId,
      data: { fitxaPublished: published },
      req,
      overrideAccess: true,
      depth: 0,
    })
  }
}

/**
 * The pairing stays «fitxa pendent» until the live document is published; a new draft over a
 * published fitxa changes nothing there. The secretariat hears of each submission (R11), the mentee
 * of each return; the public pages' cache is told of every change to the live document.
 */
export async function afterFitxaWrite(
  req: PayloadRequest,
  options: Pick<MentoriaOptions, 'secretariatEmail'>,
  doc: FitxaDoc,
  previousDoc: FitxaDoc | undefined,
): Promise<void> {
  let live = await liveFitxa(req, idOf(doc.id))
  // R12: a withdrawn consent takes the name and mailbox off the published fitxa at once, even when
  // the withdrawal comes in a draft (the rest of the draft waits for the secretariat, this does not).
  const livePerson = (live?.referencePerson ?? null) as Record<string, unknown> | null
  // `doc` comes populated (who recorded the consent is a user): MongoDB stores only the id.
  const savedPerson = (doc.referencePerson ?? {}) as Record<string, unknown>
  if (
    live &&
    live._status === 'published' &&
    livePerson?.consent === true &&
    savedPerson.consent !== true
  ) {
    await req.payload.db.updateOne({
      collection: 'fitxes',
      id: live.id as ID,
      data: {
        referencePerson: {
          ...livePerson,
          consent: false,
          consentRecordedBy: idOf(savedPerson.consentRecordedBy) ?? null,
          consentRecordedAt: savedPerson.consentRecordedAt ?? new Date().toISOString(),
        },
        updatedAt: new Date().toISOString(),
      },
      req,
    })
    live = await liveFitxa(req, idOf(doc.id))
    siteCacheChanged(req)
  }
  await syncPairing(req, idOf(doc.pairing), live?._status === 'published')

  const status = reviewStatusOf(doc.reviewStatus)
  const before = reviewStatusOf(previousDoc?.reviewStatus)
  if (status !== before && (status === 'submitted' || status === 'returned')) {
    const pairing = await loadDoc<PairingForFitxa>(req, 'pairings', idOf(doc.pairing))
    const candidate = await candidateOf(req, pairing?.candidate)
    const url = adminDocUrl(req.payload.config.serverURL, 'fitxes', doc.id as ID)
    const message = {
      title: String(doc.title ?? ''),
      url,
      comment: String(doc.reviewComment ?? ''),
      name: candidate?.name,
    }
    if (status === 'submitted') await notifySecretariat(req, options, fitxaSubmittedEmail(message))
    // The mentee changes it on their own fitxa page, not in the secretariat's forms.
    else if (candidate?.email && pairing)
      await queueEmail(req, {
        to: candidate.email,
        ...fitxaReturnedEmail({
          ...message,
          url: myFitxaUrl(req.payload.config.serverURL, pairing.id),
          lang: emailLang(candidate.language),
        }),
      })
  }
  if (fitxaWritesLive(req)) siteCacheChanged(req)
}
