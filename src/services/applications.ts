import {
  APIError,
  commitTransaction,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
  ValidationError,
} from 'payload'

import type { ID } from '../lib/ids'
import { LANGUAGE_OPTIONS } from '../lib/languages'
import type { MentoriaOptions } from '../lib/options'
import { checkApplicationWindow, checkMemberCouncil, windowState } from '../rules/applications'
import {
  candidateConfirmationEmail,
  type EditionSummary,
  secretariatNotificationEmail,
} from '../site/emails'
import { withVocabularies } from './vocabularies'
import {
  type EditionDates,
  formatDate,
  type Lang,
  localLabel,
  messagesFor,
  topicLabel,
} from '../site/i18n'
import { verifyProof } from '../site/pow-server'
import {
  type Application,
  type FieldError,
  HONEYPOT_FIELD,
  type SchemaContext,
  validateApplication,
} from '../site/schema'
import { deliverQueuedEmails, queueEmail } from './mail-queue'
import { secretariatRecipients } from './notify'

/**
 * The one public door into `candidates`: checks an application and stores it. Used by
 * POST /api/candidates/apply (JSON and form-encoded) and by the /sollicitud page's form action,
 * so that both answer exactly the same way.
 */

export type EditionDoc = {
  id: ID
  name: string
  year?: number
  applicationsOpenAt: string
  applicationsCloseAt: string
  matchingBy?: string | null
  startBy?: string | null
}

export type PublicEdition = Omit<EditionSummary, 'name'> & {
  name: string
  applicationsOpenAt: string
}

export type ApplyAccepted = {
  status: 201
  /** `ignored`: the honeypot caught a robot; it gets the same answer as a person, and nothing is stored. */
  kind: 'created' | 'ignored'
  message: string
  edition: PublicEdition
  nextSteps: string[]
}

export type ApplyRefused = {
  status: 400 | 409 | 413 | 415 | 500
  kind: 'refused'
  message: string
  errors: (FieldError | { field?: undefined; message: string })[]
  window?: { state: 'none' | 'before' | 'after'; opensAt?: string; closesAt?: string }
}

export type ApplyOutcome = ApplyAccepted | ApplyRefused

const refused = (
  status: ApplyRefused['status'],
  message: string,
  errors: ApplyRefused['errors'] = [{ message }],
  extra: Pick<ApplyRefused, 'window'> = {},
): ApplyRefused => ({ status, kind: 'refused', message, errors, ...extra })

/** The edition whose window is open now; otherwise the next one to open; otherwise the last one that closed. */
export async function findEditionForWindow(
  payload: Payload,
  now: Date,
  req?: PayloadRequest,
): Promise<EditionDoc | undefined> {
  const at = now.toISOString()
  const select = {
    name: true,
    year: true,
    applicationsOpenAt: true,
    applicationsCloseAt: true,
    matchingBy: true,
    startBy: true,
  } as const
  const first = async (where: Record<string, unknown>, sort: string) => {
    const found = await payload.find({
      collection: 'editions',
      where: where as never,
      sort,
      limit: 1,
      depth: 0,
      pagination: false,
      select,
      req,
    })
    return found.docs[0] as unknown as EditionDoc | undefined
  }
  return (
    (await first(
      {
        and: [
          { applicationsOpenAt: { less_than_equal: at } },
          { applicationsCloseAt: { greater_than_equal: at } },
        ],
      },
      '-applicationsOpenAt',
    )) ??
    (await first({ applicationsOpenAt: { greater_than: at } }, 'applicationsOpenAt')) ??
    (await first({ applicationsCloseAt: { less_than: at } }, '-applicationsCloseAt'))
  )
}

/** R2 in the person's language; undefined while the window is open. */
export function windowRefusal(
  edition: EditionDoc | undefined,
  now: Date,
  lang: Lang,
): ApplyRefused | undefined {
  const rule = checkApplicationWindow(edition, now)
  if (rule.ok) return undefined
  const t = messagesFor(lang)
  if (!edition)
    return refused(409, lang === 'ca' ? rule.message : t.noEdition, undefined, {
      window: { state: 'none' },
    })
  const state = windowState(edition, now) as 'before' | 'after'
  const open = formatDate(edition.applicationsOpenAt, lang)
  const close = formatDate(edition.applicationsCloseAt, lang)
  const message =
    lang === 'ca'
      ? rule.message
      : state === 'before'
        ? t.notYetOpen(open, close)
        : t.alreadyClosed(open, close)
  return refused(409, message, undefined, {
    window: { state, opensAt: edition.applicationsOpenAt, closesAt: edition.applicationsCloseAt },
  })
}

export const publicEdition = (edition: EditionDoc): PublicEdition => ({
  name: edition.name,
  applicationsOpenAt: edition.applicationsOpenAt,
  applicationsCloseAt: edition.applicationsCloseAt,
  matchingBy: edition.matchingBy ?? null,
  startBy: edition.startBy ?? null,
})

export const editionDates = (edition: PublicEdition, lang: Lang): EditionDates => ({
  name: edition.name,
  closesAt: formatDate(edition.applicationsCloseAt, lang),
  matchingBy: edition.matchingBy ? formatDate(edition.matchingBy, lang) : null,
  startBy: edition.startBy ? formatDate(edition.startBy, lang) : null,
})

export type Choice = { value: string; label: string }

/** The àmbits (plugin option) and languages (the candidates' field options) the form offers. */
export function formChoices(
  options: Pick<MentoriaOptions, 'topics'>,
  lang: Lang,
): { topics: Choice[]; languages: Choice[] } {
  const topics = options.topics.map((topic) => ({
    value: topic.value,
    label: topicLabel(topic, lang),
  }))
  const languages = LANGUAGE_OPTIONS.map((option) =>
    typeof option === 'string'
      ? { value: option, label: option }
      : { value: option.value, label: localLabel(option.label, lang) },
  )
  return { topics, languages }
}

export function schemaContext(options: Pick<MentoriaOptions, 'topics'>, lang: Lang): SchemaContext {
  const { topics, languages } = formChoices(options, lang)
  return {
    topics: topics.map((topic) => topic.value),
    languages: languages.map((language) => language.value),
    lang,
  }
}

/** Member councils for the select, by name. Councils are public (name and place only). */
export async function listMemberCouncils(payload: Payload): Promise<Choice[]> {
  const found = await payload.find({
    collection: 'municipalities',
    where: { member: { equals: true } },
    sort: 'name',
    pagination: false,
    limit: 0,
    depth: 0,
    select: { name: true },
  })
  return found.docs.map((doc) => ({
    value: String(doc.id),
    label: String((doc as { name?: string }).name ?? doc.id),
  }))
}

export async function findCouncil(
  req: PayloadRequest,
  id: string,
): Promise<{ id: ID; name: string; member?: boolean | null } | undefined> {
  try {
    const found = await req.payload.find({
      collection: 'municipalities',
      where: { id: { equals: id } },
      limit: 1,
      depth: 0,
      pagination: false,
      select: { name: true, member: true },
      req,
    })
    return found.docs[0] as unknown as { id: ID; name: string; member?: boolean | null } | undefined
  } catch {
    // An id of the wrong shape for this database (e.g. text on SQLite) is simply not a council.
    return undefined
  }
}

const honeypotCaught = (input: Record<string, unknown>) => {
  if (!Object.prototype.hasOwnProperty.call(input, HONEYPOT_FIELD)) return true
  const value = input[HONEYPOT_FIELD]
  return typeof value !== 'string' || value.trim() !== ''
}

export type SubmitOptions = { lang: Lang; now?: Date }

/** Checks and stores one application. Never throws: every outcome is an answer to give the person. */
export async function submitApplication(
  req: PayloadRequest,
  pluginOptions: MentoriaOptions,
  input: Record<string, unknown>,
  { lang, now = new Date() }: SubmitOptions,
): Promise<ApplyOutcome> {
  const { payload } = req
  const t = messagesFor(lang)
  try {
    // The àmbits as the secretariat keeps them now («Vocabularis»).
    const options = await withVocabularies(payload, pluginOptions)
    // R2: only while an edition is open; the answer gives the dates.
    const edition = await findEditionForWindow(payload, now, req)
    const closed = windowRefusal(edition, now, lang)
    if (closed || !edition) return closed ?? refused(409, t.noEdition)

    const accepted = (kind: ApplyAccepted['kind']): ApplyAccepted => ({
      status: 201,
      kind,
      message: t.successTitle,
      edition: publicEdition(edition),
      nextSteps: t.nextSteps(editionDates(publicEdition(edition), lang)),
    })

    // A robot gets the same answer as a person, so that it learns nothing; nothing is stored or sent.
    if (honeypotCaught(input)) {
      payload.logger.info('Sol·licitud descartada: el camp parany (honeypot) era ple o no hi era.')
      return accepted('ignored')
    }

    const bits = options.proofOfWorkBits
    if (
      bits > 0 &&
      !verifyProof(
        payload.secret,
        input.pow,
        typeof input.email === 'string' ? input.email : '',
        bits,
        now.getTime(),
      )
    ) {
      return refused(400, t.proofOfWork, [{ field: 'pow', message: t.proofOfWork }])
    }

    const context = schemaContext(options, lang)
    const checked = validateApplication(input, context)
    if (!checked.ok) return refused(400, t.invalid, checked.errors)
    const data = checked.data

    // R3: a member council.
    const council = await findCouncil(req, data.municipality)
    if (!council)
      return refused(400, t.invalid, [
        { field: 'municipality', message: t.validation.municipalityUnknown },
      ])
    const member = checkMemberCouncil(council)
    if (!member.ok) {
      const message = lang === 'ca' ? member.message : t.councilNotMember(council.name)
      return refused(400, t.invalid, [{ field: 'municipality', message }])
    }

    // R1 (one open application per email and edition) is the collection's own rule: its hook counts,
    // and the unique open key (src/rules/unique-keys.ts) lets the database refuse the second of two
    // identical applications at the same moment, with or without a transaction; a refused create stores nothing.
    const ownsTransaction = await initTransaction(req)
    try {
      const created = await payload.create({
        collection: 'candidates',
        // Built here field by field: nothing from the request reaches status, edition or user.
        data: {
          name: data.name,
          position: data.position,
          email: data.email,
          phone: data.phone,
          municipality: council.id,
          edition: edition.id,
          topics: data.topics,
          needs: data.needs,
          availability: data.availability,
          languages: data.languages,
          language: data.language,
          consents: { dataProcessing: true, commitment: true },
          status: 'submitted',
        } as never,
        // Anonymous people may not create candidates (the collection's access is secretariat-only);
        // this door may, but only with the data built above. The programme's hooks still run.
        overrideAccess: true,
        depth: 0,
        req,
      })

      // The emails are queued in the same transaction as the application: both or neither. They go
      // out right after the commit, and a failing mail server is retried without losing anything.
      await queueApplicationEmails(req, options, created.id, data, council.name, edition, context)
      if (ownsTransaction) await commitTransaction(req)
    } catch (error) {
      if (ownsTransaction) await killTransaction(req)
      throw error
    }
    deliverQueuedEmails(req)
    return accepted('created')
  } catch (error) {
    return fromPayloadError(error, req, t)
  }
}

/** A refusal from the collection's own rules (hooks, field validation) keeps its status and words. */
function fromPayloadError(
  error: unknown,
  req: PayloadRequest,
  t: ReturnType<typeof messagesFor>,
): ApplyRefused {
  if (error instanceof ValidationError) {
    const errors = (
      (error.data as { errors?: { path?: string; message?: string }[] } | undefined)?.errors ?? []
    ).map((item) => ({
      field: item.path ?? 'form',
      message: item.message ?? t.invalid,
    }))
    return refused(400, t.invalid, errors.length ? errors : [{ message: error.message }])
  }
  if (error instanceof APIError && error.status >= 400 && error.status < 500) {
    const { field, rule } = (error.data as { field?: string; rule?: string } | undefined) ?? {}
    // R1 from the collection's hook: the duplicate, in the person's language.
    const message = rule === 'R1' && field === 'email' ? t.duplicate : error.message
    const status = error.status === 409 ? 409 : 400
    return refused(status, message, field ? [{ field, message }] : [{ message }])
  }
  req.payload.logger.error({ err: error, msg: "No s'ha pogut desar una sol·licitud." })
  return refused(500, t.serverError)
}

async function queueApplicationEmails(
  req: PayloadRequest,
  options: MentoriaOptions,
  id: ID,
  data: Application,
  councilName: string,
  edition: EditionDoc,
  context: SchemaContext,
) {
  const { payload } = req
  const { topics, languages } = formChoices(options, 'ca')
  const labelOf = (choices: { value: string; label: string }[], value: string) =>
    choices.find((c) => c.value === value)?.label ?? value
  const summary = {
    name: data.name,
    email: data.email,
    phone: data.phone,
    position: data.position,
    council: councilName,
    topics: data.topics.map((topic) => labelOf(topics, topic)),
    needs: data.needs,
    availability: data.availability,
    languages: data.languages
      .filter((language) => context.languages.includes(language))
      .map((language) => labelOf(languages, language)),
  }
  const { secretariatEmail } = options
  // The person's copy in the language they chose; the secretariat's notice in Catalan.
  const lang = data.language
  const own = formChoices(options, lang)
  const inTheirWords = {
    ...summary,
    topics: data.topics.map((topic) => labelOf(own.topics, topic)),
    languages: data.languages
      .filter((language) => context.languages.includes(language))
      .map((language) => labelOf(own.languages, language)),
  }
  const toCandidate = candidateConfirmationEmail(inTheirWords, edition, secretariatEmail, lang)
  await queueEmail(req, {
    to: data.email,
    subject: toCandidate.subject,
    text: toCandidate.text,
    lang,
    ...(secretariatEmail ? { replyTo: secretariatEmail } : {}),
  })

  const recipients = await secretariatRecipients(payload, options, req)
  if (recipients.length) {
    const adminURL = `${payload.config.serverURL || ''}/admin/collections/candidates/${id}`
    const notice = secretariatNotificationEmail(summary, edition, adminURL)
    await queueEmail(req, {
      to: recipients,
      subject: notice.subject,
      text: notice.text,
      replyTo: data.email,
    })
  } else {
    payload.logger.warn(
      `Sol·licitud ${id}: no hi ha cap adreça de la secretaria tècnica a qui avisar (SECRETARIAT_EMAIL).`,
    )
  }
}
