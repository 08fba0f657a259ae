import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import { idOf, type ID } from '../lib/ids'
import { evaluationOf, mayReadConfidential } from '../rules/confidentiality'
import { slugify } from '../rules/fitxes'
import {
  addressedTo,
  anonymisedTitle,
  ERASED_NAME,
  ERASED_TEXT,
  erasedEmail,
  erasedText,
  isErasedEmail,
  type PersonMarks,
  personMatchers,
  quotedTextMatcher,
  quotedTextProbes,
  scrubDeep,
  scrubText,
} from '../rules/personal-data'
import { type SummaryNames, summarisePerson } from '../rules/personal-data-summary'
import { forgetReaders } from './read-log'
import { siteCacheChanged } from './site-cache'
import { currentVocabularies } from './vocabularies'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- documents of several collections, as the Local API returns them, read field by field
type Doc = Record<string, any> & { id: ID }
type Matchers = ReturnType<typeof personMatchers>

/** Everything held about one person, found by their email (DOMAIN.md, Personal data). */
type Person = {
  email: string
  mentors: Doc[]
  candidates: Doc[]
  users: Doc[]
  /** Pairings they are (or were, in an earlier version) a party to. */
  pairings: Doc[]
  meetings: Doc[]
  incidents: Doc[]
  fitxes: Doc[]
  sentEmails: Doc[]
}

const normalEmail = (email: string) => email.trim().toLowerCase()

async function all(
  req: PayloadRequest,
  collection: string,
  where: Where,
  depth = 0,
): Promise<Doc[]> {
  const { docs } = await req.payload.find({
    collection: collection as CollectionSlug,
    where,
    depth,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return docs as unknown as Doc[]
}

const ids = (docs: Doc[]) => docs.map((doc) => doc.id)

/** Records whose email is this one, in any case (mentors' emails are stored as typed). */
async function byEmail(
  req: PayloadRequest,
  collection: 'mentors' | 'candidates' | 'users',
  email: string,
): Promise<Doc[]> {
  const docs = await all(req, collection, { email: { like: email } })
  return docs.filter((doc) => typeof doc.email === 'string' && normalEmail(doc.email) === email)
}

/**
 * `only`: the retention job erases one application, not a whole person. With `shared`, the same email
 * still has live records (a later application, a mentor profile): their account and emails stay.
 */
type Only = { candidates: Doc[]; shared: boolean }

async function findPerson(req: PayloadRequest, rawEmail: string, only?: Only): Promise<Person> {
  const email = normalEmail(rawEmail)
  const mentors = only ? [] : await byEmail(req, 'mentors', email)
  const candidates = only ? only.candidates : await byEmail(req, 'candidates', email)
  // Their account: by email, and whichever account their records are linked to (it may have another address).
  const linked = [...mentors, ...candidates]
    .map((record) => idOf(record.user))
    .filter((id) => id !== undefined)
  const accounts: Where[] = [
    ...(only ? [] : [{ email: { equals: email } }]),
    ...(linked.length ? [{ id: { in: linked } }] : []),
  ]
  // (An empty `or` would match every account.)
  const users =
    only?.shared || accounts.length === 0 ? [] : await all(req, 'users', { or: accounts })
  if (!only && users.length) {
    // The records their account is linked to are theirs too, whatever address those records hold
    // (a mentor signs in as one address and is written to at another).
    const known = new Set([...mentors, ...candidates].map((record) => String(record.id)))
    const byAccount = { user: { in: ids(users) } }
    for (const mentor of await all(req, 'mentors', byAccount))
      if (!known.has(String(mentor.id))) mentors.push(mentor)
    for (const candidate of await all(req, 'candidates', byAccount))
      if (!known.has(String(candidate.id))) candidates.push(candidate)
  }

  const parties: Where[] = []
  if (mentors.length) parties.push({ mentor: { in: ids(mentors) } })
  if (candidates.length) parties.push({ candidate: { in: ids(candidates) } })
  const current = parties.length ? await all(req, 'pairings', { or: parties }) : []
  // A proposal repointed to another mentor still names the first one in its history.
  const pastParties: Where[] = []
  if (mentors.length) pastParties.push({ 'version.mentor': { in: ids(mentors) } })
  if (candidates.length) pastParties.push({ 'version.candidate': { in: ids(candidates) } })
  const earlier = pastParties.length
    ? (
        await req.payload.db.findVersions({
          collection: 'pairings',
          where: { or: pastParties },
          pagination: false,
          limit: 0,
          req,
        })
      ).docs.map((version) => idOf(version.parent))
    : []
  const missing = [...new Set(earlier)].filter(
    (id) => id !== undefined && !current.some((pairing) => String(pairing.id) === String(id)),
  )
  const pairings = missing.length
    ? [...current, ...(await all(req, 'pairings', { id: { in: missing } }))]
    : current
  const pairingIds = ids(pairings)
  const meetings = pairingIds.length
    ? await all(req, 'meetings', { pairing: { in: pairingIds } })
    : []
  const incidents = pairingIds.length
    ? await all(req, 'incidents', { pairing: { in: pairingIds } })
    : []
  const fitxes = pairingIds.length ? await all(req, 'fitxes', { pairing: { in: pairingIds } }) : []
  // Emails sent to them, at any of their addresses: by whole address (anna@ is not marianna@), in any
  // case, among several recipients (the database search is wide; the filter is exact).
  const addresses = [
    ...new Set([
      email,
      ...[...mentors, ...candidates, ...users].map((doc) => normalEmail(String(doc.email ?? ''))),
    ]),
  ].filter((address) => address && !isErasedEmail(address))
  const sentEmails = only?.shared
    ? []
    : (
        await all(req, 'sent-emails', {
          or: addresses.map((address) => ({ to: { contains: address } })),
        })
      ).filter((sent) => addressedTo(sent.to, addresses))
  return { email, mentors, candidates, users, pairings, meetings, incidents, fitxes, sentEmails }
}

const partyOf = (
  pairing: Doc,
  person: Pick<Person, 'mentors' | 'candidates'>,
): 'mentor' | 'mentee' | undefined => {
  if (person.mentors.some((mentor) => String(mentor.id) === String(idOf(pairing.mentor))))
    return 'mentor'
  if (
    person.candidates.some((candidate) => String(candidate.id) === String(idOf(pairing.candidate)))
  )
    return 'mentee'
  return undefined
}

const withoutSecrets = ({
  hash: _hash,
  salt: _salt,
  sessions: _sessions,
  resetPasswordToken: _token,
  resetPasswordExpiration: _expiration,
  calendarTokenHash: _calendar,
  ...user
}: Doc) => user

/**
 * GET /api/mentoria/people/export: what the programme holds about one person, as one JSON document
 * (right of access, GDPR art. 15). The other party's evaluation and the incidents others reported stay
 * out (R13): they are the other person's.
 */
export async function exportPerson(req: PayloadRequest, email: string) {
  const person = await findPerson(req, email)
  const userIds = new Set(person.users.map((user) => String(user.id)))
  const pairings = person.pairings
    .map((pairing) => ({ pairing, as: partyOf(pairing, person) }))
    .filter(({ as }) => as !== undefined)
  // The person's own check-in answers only: the other party's are theirs (R13).
  const sideOf = new Map(pairings.map(({ pairing, as }) => [String(pairing.id), as]))
  const checkins = sideOf.size
    ? (
        await all(req, 'checkins', { pairing: { in: pairings.map(({ pairing }) => pairing.id) } })
      ).filter((checkin) => sideOf.get(String(idOf(checkin.pairing))) === checkin.party)
    : []
  const offers = person.mentors.length
    ? await all(req, 'mentor-offers', { mentor: { in: ids(person.mentors) } })
    : []
  return {
    email: person.email,
    generatedAt: new Date().toISOString(),
    users: person.users.map(withoutSecrets),
    mentors: person.mentors.map(({ capacityCheckedAt: _checked, ...mentor }) => mentor),
    candidates: person.candidates,
    pairings: pairings.map(({ pairing, as }) => ({
      id: pairing.id,
      title: pairing.title,
      edition: pairing.edition,
      as,
      status: pairing.status,
      startDate: pairing.startDate,
      endDate: pairing.endDate,
      agreement: pairing.agreement,
      extensionHistory: pairing.extensionHistory,
      closingDate: pairing.closing?.closingDate,
      cancellationReason: pairing.cancellationReason,
      createdAt: pairing.createdAt,
    })),
    // R13 (src/rules/confidentiality.ts): the person's own evaluation, never the other party's.
    evaluations: pairings
      .flatMap(({ pairing, as }) =>
        (['mentor', 'mentee'] as const)
          .filter((side) =>
            mayReadConfidential(evaluationOf(side), { secretariat: false, author: side === as }),
          )
          .map((side) => ({
            pairing: pairing.id,
            as,
            ...(side === 'mentor'
              ? pairing.closing?.mentorEvaluation
              : pairing.closing?.menteeEvaluation),
          })),
      )
      .filter((evaluation) => evaluation.rating != null || evaluation.comments),
    meetings: person.meetings.filter((meeting) =>
      pairings.some(({ pairing }) => String(pairing.id) === String(idOf(meeting.pairing))),
    ),
    incidents: person.incidents.filter((incident) =>
      mayReadConfidential('incident', {
        secretariat: false,
        author: userIds.has(String(idOf(incident.reportedBy))),
      }),
    ),
    fitxes: person.fitxes,
    checkins: checkins.map(({ id, pairing, kind, party, sentAt, answer, comment, answeredAt }) => ({
      id,
      pairing,
      kind,
      party,
      sentAt,
      answer,
      comment,
      answeredAt,
    })),
    mentorOffers: offers.map(({ key: _key, ...offer }) => offer),
    sentEmails: person.sentEmails.map(({ id, to, subject, text, delivery, createdAt }) => ({
      id,
      to,
      subject,
      text,
      delivery,
      createdAt,
    })),
  }
}

// ---------------------------------------------------------------------------------------------------
// Erasure

/** A pairing with every free text about the two people erased and their names taken out of its title. */
function erasedPairing(pairing: Doc, matchers: Matchers, side?: 'mentor' | 'mentee'): Doc {
  const agreement = pairing.agreement ?? {}
  const extension = pairing.extension ?? {}
  const closing = pairing.closing ?? {}
  const party = (agreementOf: Doc | undefined) =>
    agreementOf ? { ...agreementOf, note: erasedText(agreementOf.note) } : agreementOf
  const evaluation = (value: Doc | undefined) =>
    value ? { ...value, comments: erasedText(value.comments) } : value
  return {
    ...pairing,
    title: anonymisedTitle(pairing.title, side, matchers),
    agreement: {
      ...agreement,
      objectives: erasedText(agreement.objectives),
      activities: erasedText(agreement.activities),
      calendar: erasedText(agreement.calendar),
    },
    extension: {
      ...extension,
      reason: erasedText(extension.reason),
      mentor: party(extension.mentor),
      mentee: party(extension.mentee),
    },
    extensionHistory: Array.isArray(pairing.extensionHistory)
      ? pairing.extensionHistory.map((entry: Doc) => ({
          ...entry,
          reason: erasedText(entry.reason),
          mentorNote: erasedText(entry.mentorNote),
          menteeNote: erasedText(entry.menteeNote),
        }))
      : pairing.extensionHistory,
    closing: {
      ...closing,
      menteeEvaluation: evaluation(closing.menteeEvaluation),
      mentorEvaluation: evaluation(closing.mentorEvaluation),
    },
    cancellationReason: erasedText(pairing.cancellationReason),
    matching: pairing.matching
      ? { ...pairing.matching, explanation: scrubText(pairing.matching.explanation, matchers) }
      : pairing.matching,
  }
}

const FITXA_TEXTS = [
  'title',
  'summary',
  'area',
  'objectives',
  'audience',
  'activities',
  'results',
  'recommendations',
  'resources',
  'reviewComment',
  'body',
] as const

/** A fitxa keeps its text (it is the programme's public record) but names no person. */
function scrubbedFitxa(fitxa: Doc, matchers: Matchers, names: string[]): Doc {
  const scrubbed: Doc = { ...fitxa }
  for (const field of FITXA_TEXTS)
    if (field in fitxa) scrubbed[field] = scrubDeep(fitxa[field], matchers)
  if (typeof fitxa.slug === 'string') {
    let slug = fitxa.slug
    for (const name of names)
      if (slugify(name).length >= 3) slug = slug.split(slugify(name)).join(slugify(ERASED_NAME))
    scrubbed.slug = slug
  }
  return scrubbed
}

/** Only the fields that changed, for a database write (and nothing Payload computes on read). */
function changes(before: Doc, after: Doc): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(after).filter(
      ([key, value]) => key !== 'id' && JSON.stringify(value) !== JSON.stringify(before[key]),
    ),
  )
}

async function write(
  req: PayloadRequest,
  collection: string,
  before: Doc,
  after: Doc,
): Promise<boolean> {
  const data = changes(before, after)
  if (Object.keys(data).length === 0) return false
  await req.payload.db.updateOne({
    collection: collection as CollectionSlug,
    id: before.id,
    data,
    req,
    returning: false,
  })
  return true
}

/** Every stored version of these documents transformed the same way: history keeps no copy. */
async function rewriteVersions(
  req: PayloadRequest,
  collection: 'pairings' | 'fitxes',
  parents: ID[],
  transform: (version: Doc) => Doc,
): Promise<number> {
  if (parents.length === 0) return 0
  const { docs } = await req.payload.db.findVersions({
    collection,
    where: { parent: { in: parents } },
    pagination: false,
    limit: 0,
    req,
  })
  let changed = 0
  for (const version of docs as unknown as Doc[]) {
    const after = transform(version.version as Doc)
    if (JSON.stringify(after) === JSON.stringify(version.version)) continue
    const { id, ...rest } = version
    await req.payload.db.updateVersion({
      collection,
      id,
      versionData: { ...rest, version: after } as never,
      req,
      returning: false,
    })
    changed++
  }
  return changed
}

export type ErasureReport = {
  mentors: number
  candidates: number
  accountsRemoved: number
  pairings: number
  meetings: number
  incidents: number
  fitxes: number
  versions: number
  sentEmails: number
  reminders: number
  checkins: number
  pendingEmailsDropped: number
}

/**
 * Erases a person (GDPR art. 17) by anonymising, in the caller's transaction: name, email, phone and
 * free texts replaced by a mark in their records, their pairings' meetings, incidents and evaluations,
 * the emails sent to them and the history (versions) of all these; their name taken out of texts others
 * wrote (emails to the secretariat, fitxes); their account removed. Statuses, dates, numbers and the
 * links between records stay, so every count is what it was. Writes go to the database directly: the
 * programme's rules and notices are not for this (nobody is emailed about an erasure).
 */
export async function erasePerson(
  req: PayloadRequest,
  rawEmail: string,
  only?: Only,
): Promise<ErasureReport> {
  const person = await findPerson(req, rawEmail, only)
  const marks: PersonMarks = {
    names: [...person.mentors, ...person.candidates, ...person.users]
      .map((doc) => String(doc.name ?? ''))
      .filter((name) => name && name !== ERASED_NAME),
    emails: [
      person.email,
      ...[...person.mentors, ...person.candidates, ...person.users].map((doc) =>
        String(doc.email ?? ''),
      ),
    ].filter((email) => email && !isErasedEmail(email)),
    phones: [...person.mentors, ...person.candidates]
      .map((doc) => String(doc.phone ?? ''))
      .filter(Boolean),
  }
  // Their free texts, and those of their pairings, as emails may have quoted them word for word.
  const quotedTexts = [
    ...person.mentors.map((mentor) => mentor.bio),
    ...person.candidates.flatMap((candidate) => [candidate.needs, candidate.availability]),
    ...person.pairings.flatMap((pairing) => [
      ...Object.values(pairing.agreement ?? {}),
      pairing.extension?.reason,
      pairing.extension?.mentor?.note,
      pairing.extension?.mentee?.note,
      ...(Array.isArray(pairing.extensionHistory)
        ? pairing.extensionHistory.flatMap((entry: Doc) => [
            entry.reason,
            entry.mentorNote,
            entry.menteeNote,
          ])
        : []),
      pairing.closing?.menteeEvaluation?.comments,
      pairing.closing?.mentorEvaluation?.comments,
      pairing.cancellationReason,
    ]),
    ...person.meetings.flatMap((meeting) => [meeting.place, meeting.summary]),
    ...person.incidents.flatMap((incident) => [incident.description, incident.resolution]),
  ]
  const quoted = quotedTextMatcher(quotedTexts)
  const matchers = personMatchers(marks)
  // For the emails others received: the name, address and phone, and the quoted texts.
  const emailMatchers = quoted ? [quoted, ...matchers] : matchers
  const report: ErasureReport = {
    mentors: 0,
    candidates: 0,
    accountsRemoved: 0,
    pairings: 0,
    meetings: 0,
    incidents: 0,
    fitxes: 0,
    versions: 0,
    sentEmails: 0,
    reminders: 0,
    checkins: 0,
    pendingEmailsDropped: 0,
  }

  for (const mentor of person.mentors) {
    // No longer proposed by the matching: there is nobody to write to.
    const after = {
      ...mentor,
      name: ERASED_NAME,
      email: erasedEmail('mentors', mentor.id),
      phone: null,
      position: null,
      bio: erasedText(mentor.bio),
      available: false,
      user: null,
    }
    if (await write(req, 'mentors', mentor, after)) report.mentors++
    // Their offers no longer offer anything (R4 reads them), and keep no name nor free text.
    for (const offer of await all(req, 'mentor-offers', { mentor: { equals: mentor.id } })) {
      await write(req, 'mentor-offers', offer, {
        ...offer,
        title: ERASED_NAME,
        availability: erasedText(offer.availability),
        available: false,
      })
    }
  }
  for (const candidate of person.candidates) {
    const after = {
      ...candidate,
      name: ERASED_NAME,
      email: erasedEmail('candidates', candidate.id),
      phone: null,
      position: null,
      needs: erasedText(candidate.needs),
      availability: erasedText(candidate.availability),
      user: null,
    }
    if (await write(req, 'candidates', candidate, after)) report.candidates++
  }
  for (const pairing of person.pairings)
    if (
      await write(
        req,
        'pairings',
        pairing,
        erasedPairing(pairing, matchers, partyOf(pairing, person)),
      )
    )
      report.pairings++
  report.versions += await rewriteVersions(req, 'pairings', ids(person.pairings), (version) =>
    erasedPairing(version, matchers, partyOf(version, person)),
  )
  for (const meeting of person.meetings) {
    if (
      await write(req, 'meetings', meeting, {
        ...meeting,
        place: erasedText(meeting.place),
        summary: erasedText(meeting.summary),
      })
    )
      report.meetings++
  }
  for (const incident of person.incidents) {
    const kind = String(incident.title ?? '').split(' · ')[0] || 'Incidència'
    const after = {
      ...incident,
      title: `${kind} · ${ERASED_TEXT}`,
      description: erasedText(incident.description),
      resolution: erasedText(incident.resolution),
    }
    if (await write(req, 'incidents', incident, after)) report.incidents++
  }
  const names = marks.names
  for (const fitxa of person.fitxes) {
    const after = scrubbedFitxa(fitxa, matchers, names)
    if (
      await write(req, 'fitxes', fitxa, {
        ...after,
        ...(JSON.stringify(after) !== JSON.stringify(fitxa)
          ? { updatedAt: new Date().toISOString() }
          : {}),
      })
    )
      report.fitxes++
  }
  report.versions += await rewriteVersions(req, 'fitxes', ids(person.fitxes), (version) =>
    scrubbedFitxa(version, matchers, names),
  )

  // The emails sent to them are theirs: the record stays (when, how), the address and the text go.
  for (const sent of person.sentEmails) {
    const after = {
      ...sent,
      to: erasedEmail('sent-emails', sent.id),
      subject: scrubText(sent.subject, matchers),
      text: ERASED_TEXT,
      replyTo: scrubText(sent.replyTo, matchers),
    }
    if (await write(req, 'sent-emails', sent, after)) report.sentEmails++
  }
  if (only?.shared) return report
  // Emails to others (the secretariat, the other party) that name them or quote what they wrote: those
  // passages go (the database search is wide; the matchers take whole names, addresses and texts only).
  const mentions: Where[] = [...marks.names, ...marks.emails].flatMap((mark): Where[] => [
    { subject: { contains: mark } },
    { text: { contains: mark } },
  ])
  const quotes: Where[] = quotedTextProbes(quotedTexts).map((probe): Where => ({
    text: { contains: probe },
  }))
  const seen = new Set(person.sentEmails.map((sent) => String(sent.id)))
  for (const sent of mentions.length + quotes.length
    ? await all(req, 'sent-emails', { or: [...mentions, ...quotes] })
    : []) {
    if (seen.has(String(sent.id))) continue
    const after = {
      ...sent,
      subject: scrubText(sent.subject, matchers),
      text: scrubText(sent.text, emailMatchers),
      replyTo: scrubText(sent.replyTo, matchers),
    }
    if (await write(req, 'sent-emails', sent, after)) report.sentEmails++
  }
  // The record of reminders (which stops a reminder going twice) keeps its key; the address and names go.
  const addressedToThem = (to: unknown) => addressedTo(to, marks.emails)
  const reminderMarks: Where[] = [
    ...marks.emails.map((email): Where => ({ to: { contains: email } })),
    ...mentions.filter((mark) => 'subject' in mark),
  ]
  for (const record of reminderMarks.length
    ? await all(req, 'reminders', { or: reminderMarks })
    : []) {
    const to = addressedToThem(record.to) ? erasedEmail('reminders', record.id) : record.to
    const after = { ...record, to, subject: scrubText(record.subject, matchers) }
    if (await write(req, 'reminders', record, after)) report.reminders++
  }
  // Check-ins keep their key and answer (the secretariat's follow-up); the person's address and comment go.
  const pairingIds = ids(person.pairings)
  for (const record of pairingIds.length
    ? await all(req, 'checkins', { pairing: { in: pairingIds } })
    : []) {
    if (!addressedToThem(record.to)) continue
    const after = {
      ...record,
      to: erasedEmail('checkins', record.id),
      comment: erasedText(record.comment),
    }
    if (await write(req, 'checkins', record, after)) report.checkins++
  }
  // Emails still waiting in the queue: to them, they are dropped; about them, scrubbed.
  const { docs: waiting } = await req.payload.db.find({
    collection: 'payload-jobs',
    where: { taskSlug: { equals: 'sendEmail' } },
    pagination: false,
    limit: 0,
    req,
  })
  for (const job of waiting as unknown as Doc[]) {
    if (addressedTo(job.input?.to, marks.emails)) {
      await req.payload.db.deleteOne({
        collection: 'payload-jobs',
        where: { id: { equals: job.id } },
        req,
      })
      report.pendingEmailsDropped++
    } else {
      const input = scrubDeep(job.input, emailMatchers)
      if (JSON.stringify(input) !== JSON.stringify(job.input))
        await req.payload.db.updateOne({
          collection: 'payload-jobs',
          id: job.id,
          data: { input },
          req,
          returning: false,
        })
    }
  }

  // The account goes; what pointed to it (who recorded a meeting, who reported an incident) is left empty.
  // The read log keeps what was read and when, without who (src/services/read-log.ts).
  await forgetReaders(
    req,
    person.users.map((user) => user.id),
  )
  for (const user of person.users) {
    await req.payload.db.deleteMany({
      collection: 'payload-preferences',
      where: { 'user.value': { equals: user.id } },
      req,
    })
    await req.payload.db.deleteOne({ collection: 'users', where: { id: { equals: user.id } }, req })
    report.accountsRemoved++
  }
  if (report.fitxes) siteCacheChanged(req)
  return report
}

export const personHasRecords = (report: ErasureReport): boolean =>
  report.mentors + report.candidates + report.accountsRemoved + report.sentEmails > 0

export { ERASED_NAME, ERASED_TEXT }

/**
 * The export with its summary in plain Catalan (src/rules/personal-data-summary.ts): the councils,
 * editions and àmbits it refers to by id, named.
 */
export async function exportPersonWithSummary(req: PayloadRequest, email: string) {
  const data = await exportPerson(req, email)
  const referred = (collection: 'municipalities' | 'editions', values: unknown[]) => {
    const wanted = [
      ...new Set(
        values
          .map((value) => idOf(value as never))
          .filter((id) => id !== undefined)
          .map(String),
      ),
    ]
    return wanted.length ? all(req, collection, { id: { in: wanted } }) : Promise.resolve([])
  }
  const municipalities = await referred(
    'municipalities',
    [...data.mentors, ...data.candidates].map((doc) => doc.municipality),
  )
  const editions = await referred(
    'editions',
    [...data.candidates, ...data.pairings].map((doc) => doc.edition),
  )
  const { topics } = await currentVocabularies(req.payload)
  const names: SummaryNames = {
    municipalities: Object.fromEntries(
      municipalities.map((doc) => [String(doc.id), String(doc.name)]),
    ),
    editions: Object.fromEntries(
      editions.map((doc) => [String(doc.id), String(doc.name ?? doc.year)]),
    ),
    topics: Object.fromEntries(topics.map((topic) => [topic.value, topic.label])),
  }
  return { ...data, summary: summarisePerson(data, names) }
}
