import {
  APIError,
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
  ValidationError,
} from 'payload'

import { type ID, idOf } from '../lib/ids'
import type { MentoriaOptions } from '../lib/options'
import { releaseOnce, takeOnce } from '../lib/unique-keys'
import { newNonce } from '../notifications/links'
import { offerFormUrl, signOfferLink, verifyOfferLink } from '../notifications/offer-links'
import type { Mentor } from '../payload-types'
import { checkMemberCouncil } from '../rules/applications'
import { MENTOR_OFFERS_SLUG } from '../rules/mentor-offers'
import { isErasedEmail } from '../rules/personal-data'
import {
  type EditionDoc,
  findCouncil,
  findEditionForWindow,
  formChoices,
  windowRefusal,
} from './applications'
import { deliverQueuedEmails, queueEmail } from './mail-queue'
import { findOffer, previousOffer } from './mentor-offers'
import { secretariatRecipients } from './notify'
import { withVocabularies } from './vocabularies'
import { formatDate, type Lang, messagesFor } from '../site/i18n'
import { offerMessagesFor } from '../site/offer-i18n'
import { type NewMentorOffer, type RenewalOffer, validateOffer } from '../site/offer-schema'
import { type FieldError, HONEYPOT_FIELD } from '../site/schema'

/**
 * The one public door into `mentor-offers` (the call for mentors, DOMAIN.md): used by
 * POST /api/mentor-offers/offer (JSON or form-encoded) and by the /oferta-mentoria page's form action,
 * so that both answer alike. Never throws: every outcome is an answer to give the person.
 *
 * - A new mentor: a mentor record and an offer waiting for the secretariat's review (`submitted`).
 *   An address that is already a mentor's gets their renewal link by email instead, and the same
 *   answer (nobody learns from the form who is a mentor, nor offers in someone else's name).
 * - A returning mentor, with the signed link the call emailed them: their offer for the open edition,
 *   accepted at once. The link works once (its nonce taken in the database, and the offer unique per
 *   mentor and edition), only for that mentor and that edition.
 */

export type OfferAccepted = {
  status: 201
  kind: 'created' | 'renewed' | 'ignored'
  message: string
  text: string
}
export type OfferRefused = {
  status: 400 | 409 | 500
  kind: 'refused'
  message: string
  errors: (FieldError | { field?: undefined; message: string })[]
}
export type OfferOutcome = OfferAccepted | OfferRefused

const refused = (
  status: OfferRefused['status'],
  message: string,
  errors: OfferRefused['errors'] = [{ message }],
): OfferRefused => ({ status, kind: 'refused', message, errors })

const honeypotCaught = (input: Record<string, unknown>) => {
  if (!Object.prototype.hasOwnProperty.call(input, HONEYPOT_FIELD)) return true
  const value = input[HONEYPOT_FIELD]
  return typeof value !== 'string' || value.trim() !== ''
}

const editionName = (edition: { name?: string | null; year?: number | null }) =>
  edition.name ?? `la convocatòria ${edition.year ?? ''}`.trim()

/** The once-only mark of one renewal link (Payload's key-value collection; its key is unique). */
const linkOnceKey = (link: { mentor: string; edition: string; nonce: string }) =>
  `mentor-offer-link:${link.mentor}:${link.edition}:${link.nonce}`

type RenewalCheck =
  | {
      ok: true
      mentor: Mentor
      edition: EditionDoc
      link: { mentor: string; edition: string; nonce: string }
    }
  | { ok: false; status: 400 | 409; message: string }

/** A renewal token: signed by us, for the open edition, of a mentor still in the programme, not used. */
async function checkRenewal(
  payload: Payload,
  token: unknown,
  edition: EditionDoc,
  lang: Lang,
  req?: PayloadRequest,
): Promise<RenewalCheck> {
  const t = offerMessagesFor(lang).link
  const link = verifyOfferLink(payload.secret, token)
  if (!link) return { ok: false, status: 400, message: t.malformed }
  if (link.edition !== String(edition.id))
    return { ok: false, status: 409, message: t.otherEdition }
  const mentor = (await payload
    .findByID({ collection: 'mentors', id: link.mentor, depth: 0, overrideAccess: true, req })
    .catch(() => undefined)) as Mentor | undefined
  if (!mentor || isErasedEmail(mentor.email))
    return { ok: false, status: 409, message: t.unknownMentor }
  if (await findOffer(payload, mentor.id, edition.id, req))
    return { ok: false, status: 409, message: t.used }
  const { totalDocs } = await payload.db.count({
    collection: 'payload-kv',
    where: { key: { equals: linkOnceKey(link) } },
  })
  if (totalDocs > 0) return { ok: false, status: 409, message: t.used }
  return { ok: true, mentor, edition, link }
}

export type OfferFormData =
  | { open: false; message: string }
  | {
      open: true
      closesAt: string
      editionName: string
      topics: { value: string; label: string }[]
      languages: { value: string; label: string }[]
      councils?: undefined
      renewal?: {
        token: string
        name: string
        values: { topics: string[]; capacity: number; availability: string }
      }
      linkError?: string
    }

/** What /oferta-mentoria shows: the open edition, the choices and, with a renewal link, last year's offer. */
export async function offerFormData(
  payload: Payload,
  pluginOptions: MentoriaOptions,
  lang: Lang,
  token: string | undefined,
  now = new Date(),
): Promise<OfferFormData> {
  const edition = await findEditionForWindow(payload, now)
  const closed = windowRefusal(edition, now, lang)
  if (closed || !edition)
    return { open: false, message: closed?.message ?? messagesFor(lang).noEdition }
  const options = await withVocabularies(payload, pluginOptions)
  const { topics, languages } = formChoices(options, lang)
  const base = {
    open: true as const,
    closesAt: formatDate(edition.applicationsCloseAt, lang),
    editionName: editionName(edition),
    topics,
    languages,
  }
  if (!token) return base
  const renewal = await checkRenewal(payload, token, edition, lang)
  if (!renewal.ok) return { ...base, linkError: renewal.message }
  const last = await previousOffer(payload, renewal.mentor.id, edition.id)
  return {
    ...base,
    renewal: {
      token,
      name: renewal.mentor.name,
      values: {
        topics: last?.topics ?? renewal.mentor.topics ?? [],
        capacity: last?.capacity ?? renewal.mentor.capacity ?? 1,
        availability: last?.availability ?? '',
      },
    },
  }
}

export type SubmitOfferOptions = { lang: Lang; now?: Date }

/** Checks and stores one offer. */
export async function submitOffer(
  req: PayloadRequest,
  pluginOptions: MentoriaOptions,
  input: Record<string, unknown>,
  { lang, now = new Date() }: SubmitOfferOptions,
): Promise<OfferOutcome> {
  const { payload } = req
  const t = offerMessagesFor(lang)
  let taken: string | undefined
  try {
    const options = await withVocabularies(payload, pluginOptions)
    // The call for mentors runs while the edition's applications are open (DOMAIN.md, phases).
    const edition = await findEditionForWindow(payload, now, req)
    const closed = windowRefusal(edition, now, lang)
    if (closed || !edition) return refused(409, closed?.message ?? messagesFor(lang).noEdition)
    const accepted = (kind: OfferAccepted['kind']): OfferAccepted => ({
      status: 201,
      kind,
      message: t.successTitle,
      text: kind === 'renewed' ? t.successRenewal : t.successText,
    })

    // A robot gets the same answer as a person; nothing is stored or sent.
    if (honeypotCaught(input)) {
      payload.logger.info(
        'Oferta de mentoria descartada: el camp parany (honeypot) era ple o no hi era.',
      )
      return accepted('ignored')
    }
    const { topics, languages } = formChoices(options, lang)
    const context = {
      topics: topics.map((topic) => topic.value),
      languages: languages.map((language) => language.value),
      lang,
    }
    const renewing = typeof input.token === 'string' && input.token.trim() !== ''

    if (renewing) {
      const renewal = await checkRenewal(payload, input.token, edition, lang, req)
      if (!renewal.ok)
        return refused(renewal.status, renewal.message, [
          { field: 'token', message: renewal.message },
        ])
      const checked = validateOffer(input, { ...context, renewal: true })
      if (!checked.ok) return refused(400, t.invalid, checked.errors)
      const data = checked.data as RenewalOffer
      // Once: the link's mark goes in first (a unique key); a second use, even at the same moment, is refused.
      taken = linkOnceKey(renewal.link)
      if (
        !(await takeOnce(payload, taken, {
          mentor: renewal.link.mentor,
          edition: renewal.link.edition,
        }))
      ) {
        taken = undefined
        return refused(409, t.link.used, [{ field: 'token', message: t.link.used }])
      }
      await storeOffer(req, options, renewal.mentor, edition, data, 'renewal', lang)
      taken = undefined
      return accepted('renewed')
    }

    const checked = validateOffer(input, context)
    if (!checked.ok) return refused(400, t.invalid, checked.errors)
    const data = checked.data as NewMentorOffer
    const council = await findCouncil(req, data.municipality)
    const m = messagesFor(lang)
    if (!council)
      return refused(400, t.invalid, [
        { field: 'municipality', message: m.validation.municipalityUnknown },
      ])
    const member = checkMemberCouncil(council)
    if (!member.ok) {
      const message = lang === 'ca' ? member.message : m.councilNotMember(council.name)
      return refused(400, t.invalid, [{ field: 'municipality', message }])
    }
    const existing = await payload.find({
      collection: 'mentors',
      where: { email: { equals: data.email } },
      depth: 0,
      limit: 1,
      pagination: false,
      overrideAccess: true,
      req,
    })
    if (existing.docs[0]) {
      // Already a mentor: their own renewal link goes to their own address; the answer is the same.
      const mentor = existing.docs[0] as Mentor
      if (!(await findOffer(payload, mentor.id, edition.id, req))) {
        await queueRenewalEmail(req, mentor, edition)
        deliverQueuedEmails(req)
      }
      return accepted('created')
    }
    const ownsTransaction = await initTransaction(req)
    try {
      const mentor = (await payload.create({
        collection: 'mentors',
        // Built field by field; the profile's own capacity and availability no longer decide anything (R4: the offer does).
        data: {
          name: data.name,
          position: data.position,
          email: data.email,
          phone: data.phone,
          municipality: council.id,
          topics: data.topics,
          capacity: data.capacity,
          available: false,
          languages: data.languages,
          language: data.language,
        } as never,
        overrideAccess: true,
        depth: 0,
        req,
      })) as Mentor
      await storeOffer(req, options, mentor, edition, data, 'form', lang)
      if (ownsTransaction) await commitTransaction(req)
    } catch (error) {
      if (ownsTransaction) await killTransaction(req)
      throw error
    }
    deliverQueuedEmails(req)
    return accepted('created')
  } catch (error) {
    if (taken) await releaseOnce(payload, taken).catch(() => undefined)
    return fromPayloadError(error, req, lang)
  }
}

/** The offer, the person's confirmation and the secretariat's notice: all or none. */
async function storeOffer(
  req: PayloadRequest,
  options: MentoriaOptions,
  mentor: Mentor,
  edition: EditionDoc,
  data: NewMentorOffer | RenewalOffer,
  source: 'form' | 'renewal',
  lang: Lang,
) {
  const ownsTransaction = await initTransaction(req)
  try {
    const offer = await req.payload.create({
      collection: MENTOR_OFFERS_SLUG as never,
      data: {
        mentor: mentor.id,
        edition: edition.id,
        topics: data.topics,
        capacity: data.capacity,
        available: true,
        availability: data.availability,
        // A renewal by the mentor's own signed link counts at once; a new mentor waits for the secretariat.
        review: source === 'renewal' ? 'accepted' : 'submitted',
        source,
      } as never,
      overrideAccess: true,
      depth: 0,
      req,
    })
    const t = offerMessagesFor(lang)
    if (mentor.email && !isErasedEmail(mentor.email)) {
      await queueEmail(req, {
        to: mentor.email,
        subject: t.email.confirmSubject,
        text: t.email.confirmBody(mentor.name, editionName(edition)),
        lang,
      })
    }
    const recipients = await secretariatRecipients(req.payload, options, req)
    if (recipients.length) {
      const url = `${req.payload.config.serverURL || ''}/admin/collections/${MENTOR_OFFERS_SLUG}/${String((offer as { id: ID }).id)}`
      await queueEmail(req, {
        to: recipients,
        subject: `[Mentoria XMESS] ${source === 'renewal' ? 'Oferta renovada' : 'Nova oferta de mentoria per revisar'}: ${mentor.name}`,
        text: `${mentor.name} ${source === 'renewal' ? 'ha renovat la seva oferta' : "s'ofereix com a persona mentora"} per a ${editionName(edition)}: ${data.capacity} ${data.capacity === 1 ? 'acompanyament' : 'acompanyaments'}.\n\nDisponibilitat: ${data.availability}\n\n${source === 'renewal' ? "Ja compta per a l'aparellament." : "Reviseu-la i marqueu-la com a «Acceptada» perquè compti per a l'aparellament."}\n\n${url}`,
      })
    }
    if (ownsTransaction) await commitTransaction(req)
  } catch (error) {
    if (ownsTransaction) await killTransaction(req)
    throw error
  }
  if (ownsTransaction) deliverQueuedEmails(req)
}

/** The renewal link, by email, to the mentor's own address in their language. */
export async function queueRenewalEmail(
  req: PayloadRequest,
  mentor: Pick<Mentor, 'id' | 'name' | 'email' | 'language'>,
  edition: EditionDoc,
): Promise<boolean> {
  if (!mentor.email || isErasedEmail(mentor.email)) return false
  const lang = (
    ['ca', 'es', 'en'].includes(String(mentor.language)) ? mentor.language : 'ca'
  ) as Lang
  const t = offerMessagesFor(lang)
  const token = signOfferLink(req.payload.secret, {
    mentor: String(mentor.id),
    edition: String(edition.id),
    nonce: newNonce(),
  })
  const link = offerFormUrl(req.payload.config.serverURL || '', token, lang)
  await queueEmail(req, {
    to: mentor.email,
    subject: t.email.renewSubject(editionName(edition)),
    text: t.email.renewBody(
      mentor.name,
      editionName(edition),
      link,
      formatDate(edition.applicationsCloseAt, lang),
    ),
    lang,
  })
  return true
}

/**
 * The call for mentors (reminders row «mentor call»): when an edition's applications open, every
 * mentor of the previous edition (an offer or a pairing in it) who has no offer yet gets their renewal
 * link, once per mentor and edition however many rounds run (a unique mark in the database).
 */
export async function runMentorCallRound(
  payload: Payload,
  { now = new Date() }: { now?: Date } = {},
): Promise<{ sent: number }> {
  const edition = await findEditionForWindow(payload, now)
  if (!edition || windowRefusal(edition, now, 'ca')) return { sent: 0 }
  const { docs: before } = await payload.find({
    collection: 'editions',
    where: { applicationsOpenAt: { less_than: edition.applicationsOpenAt } },
    sort: '-applicationsOpenAt',
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const previous = before[0]
  if (!previous) return { sent: 0 }
  const all = { depth: 0, pagination: false as const, limit: 0, overrideAccess: true }
  const [offered, paired, renewed] = await Promise.all([
    payload.find({
      collection: MENTOR_OFFERS_SLUG as never,
      where: { edition: { equals: previous.id } },
      select: { mentor: true } as never,
      ...all,
    }),
    payload.find({
      collection: 'pairings',
      where: {
        and: [
          { edition: { equals: previous.id } },
          { status: { in: ['accepted', 'active', 'completed'] } },
        ],
      },
      select: { mentor: true },
      ...all,
    }),
    payload.find({
      collection: MENTOR_OFFERS_SLUG as never,
      where: { edition: { equals: edition.id } },
      select: { mentor: true } as never,
      ...all,
    }),
  ])
  const mentorOf = (doc: unknown) => String(idOf((doc as { mentor?: unknown }).mentor as never))
  const already = new Set(renewed.docs.map(mentorOf))
  const ids = [...new Set([...offered.docs, ...paired.docs].map(mentorOf))].filter(
    (id) => id !== 'undefined' && !already.has(id),
  )
  if (ids.length === 0) return { sent: 0 }
  const { docs: mentors } = await payload.find({
    collection: 'mentors',
    where: { id: { in: ids } },
    ...all,
  })
  let sent = 0
  for (const mentor of mentors as Mentor[]) {
    const key = `mentor-call:${String(edition.id)}:${String(mentor.id)}`
    if (!mentor.email || isErasedEmail(mentor.email)) continue
    if (!(await takeOnce(payload, key))) continue
    try {
      const req = await createLocalReq({}, payload)
      await queueRenewalEmail(req, mentor, edition)
      sent += 1
    } catch (error) {
      await releaseOnce(payload, key).catch(() => undefined)
      payload.logger.error({
        err: error,
        msg: `No s'ha pogut enviar la crida a ${String(mentor.id)}; la propera ronda ho tornarà a provar.`,
      })
    }
  }
  if (sent > 0) deliverQueuedEmails({ payload } as PayloadRequest)
  return { sent }
}

/** A refusal from the collections' own rules keeps its status and words; the rest is logged, never a 500 page. */
function fromPayloadError(error: unknown, req: PayloadRequest, lang: Lang): OfferRefused {
  const t = offerMessagesFor(lang)
  if (error instanceof ValidationError) {
    const errors = (
      (error.data as { errors?: { path?: string; message?: string }[] } | undefined)?.errors ?? []
    ).map((item) => ({ field: item.path ?? 'form', message: item.message ?? t.invalid }))
    return refused(400, t.invalid, errors.length ? errors : [{ message: error.message }])
  }
  if (error instanceof APIError && error.status >= 400 && error.status < 500) {
    const { field, rule } = (error.data as { field?: string; rule?: string } | undefined) ?? {}
    // The offer's unique key: this mentor already has an offer for the edition.
    const message = rule === 'R4' && field === 'mentor' ? t.link.used : error.message
    return refused(
      error.status === 409 ? 409 : 400,
      message,
      field ? [{ field: field === 'mentor' ? 'token' : field, message }] : [{ message }],
    )
  }
  req.payload.logger.error({ err: error, msg: "No s'ha pogut desar una oferta de mentoria." })
  return refused(500, messagesFor(lang).serverError)
}
