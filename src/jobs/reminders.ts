import {
  createLocalReq,
  type Payload,
  type PayloadRequest,
  type TaskConfig,
  type Where,
} from 'payload'

import { idOf, type ID } from '../lib/ids'
import type { MentoriaOptions } from '../lib/options'
import type { EmailMessage } from '../notifications/emails'
import { emailLang, onDate } from '../notifications/language'
import { adminDocUrl, myFitxaUrl, pairingPageUrl } from '../notifications/pages'
import { countingMeetingsWhere, countMeetingsSoFar, type MeetingFact } from '../rules/meetings'
import { isErasedEmail } from '../rules/personal-data'
import {
  addDays,
  type DueReminder,
  dueReminders,
  emptyCounts,
  fillTemplate,
  isRoundTime,
  needsMeetingCount,
  programmeDay,
  type ReminderAudience,
  type ReminderFacts,
  reminderKey,
  type ReminderKind,
  REMINDERS_SLUG,
} from '../rules/reminders'
import { deliverQueuedEmails, MAIL_QUEUE, mailJobInput } from '../services/mail-queue'
import { runCheckinsRound } from './checkins'
import { runMentorCallRound } from '../services/mentor-offer-form'
import { secretariatRecipients } from '../services/notify'

/**
 * The daily round of reminders and notices (DOMAIN.md): gathers the facts of every pairing that may owe
 * one in a few queries, asks src/rules/reminders.ts what is due today, and for each occasion writes its
 * reminder records and its emails in one transaction. The records' unique key makes a second round, a
 * concurrent one or one on another server fail to write them again, and then it sends nothing.
 */

export const REMINDERS_QUEUE = 'mentoria'

export type RoundResult = {
  /** The programme day of the round (Europe/Madrid), YYYY-MM-DD. */
  day: string
  /** Emails that went out, by kind. */
  sent: Record<ReminderKind, number>
  /** Pairings reminded, by kind. */
  pairings: Record<ReminderKind, number>
  emails: number
  /** Occasions another round (here or on another server) wrote first. */
  alreadySent: number
}

type PairingRow = {
  id: ID
  status: string
  title?: string | null
  mentor?: unknown
  candidate?: unknown
  edition?: unknown
  createdAt?: string
  startDate?: string | null
  endDate?: string | null
  fitxaPublished?: boolean | null
  closing?: { closingDate?: string | null; mentorEvaluatedAt?: string | null } | null
}
type Person = { id: ID; name?: string | null; email?: string | null; language?: string | null }

const CHUNK = 500
const chunks = <T>(items: T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, index) =>
    items.slice(index * CHUNK, (index + 1) * CHUNK),
  )

async function findAll<T>(
  payload: Payload,
  collection: string,
  where: Where,
  select: Record<string, unknown>,
): Promise<T[]> {
  const { docs } = await payload.db.find({
    collection: collection as never,
    where,
    select: select as never,
    pagination: false,
    limit: 0,
  })
  return docs as T[]
}

/** `findAll` over a long `in` list, a few hundred ids at a time. */
async function findIn<T>(
  payload: Payload,
  collection: string,
  field: string,
  ids: unknown[],
  select: Record<string, unknown>,
  extra?: Where,
): Promise<T[]> {
  const found: T[] = []
  const unique = [...new Map(ids.map((id) => [String(id), id])).values()]
  for (const part of chunks(unique)) {
    const where: Where = { [field]: { in: part } }
    found.push(
      ...(await findAll<T>(payload, collection, extra ? { and: [where, extra] } : where, select)),
    )
  }
  return found
}

/**
 * R7 so far for the round's «no meeting yet» reminder: for each pairing, the meetings that count up to
 * `today`, counted by the rule itself (`countMeetingsSoFar`, src/rules/meetings.ts) on the meetings read
 * in a few queries.
 */
export async function countingMeetingsOf(
  payload: Payload,
  options: Pick<MentoriaOptions, 'countingModalities'>,
  pairings: readonly { id: ID; startDate?: string | null }[],
  today: string,
): Promise<Map<string, number>> {
  const byPairing = new Map<string, MeetingFact[]>()
  if (pairings.length) {
    const meetings = await findIn<MeetingFact & { pairing: unknown }>(
      payload,
      'meetings',
      'pairing',
      pairings.map((pairing) => pairing.id),
      { pairing: true, date: true, modality: true, status: true },
      countingMeetingsWhere(options.countingModalities),
    )
    for (const meeting of meetings) {
      const key = String(idOf(meeting.pairing as never))
      byPairing.set(key, [...(byPairing.get(key) ?? []), meeting])
    }
  }
  return new Map(
    pairings.map((pairing) => [
      String(pairing.id),
      pairing.startDate
        ? countMeetingsSoFar(
            byPairing.get(String(pairing.id)) ?? [],
            pairing.startDate,
            options.countingModalities,
            today,
          )
        : 0,
    ]),
  )
}

/** What the round needs of every pairing that may owe a reminder: a plain, selected read. */
async function pairingsThatMayOweOne(payload: Payload): Promise<PairingRow[]> {
  return findAll<PairingRow>(
    payload,
    'pairings',
    {
      or: [
        { status: { in: ['proposed', 'accepted', 'active'] } },
        {
          and: [
            { status: { equals: 'completed' } },
            {
              or: [
                { fitxaPublished: { not_equals: true } },
                { 'closing.mentorEvaluatedAt': { exists: false } },
              ],
            },
          ],
        },
      ],
    },
    {
      status: true,
      title: true,
      mentor: true,
      candidate: true,
      edition: true,
      createdAt: true,
      startDate: true,
      endDate: true,
      fitxaPublished: true,
      closing: { closingDate: true, mentorEvaluatedAt: true },
    },
  )
}

export async function runRemindersRound(
  payload: Payload,
  options: MentoriaOptions,
  { now = new Date() }: { now?: Date } = {},
): Promise<RoundResult> {
  const days = options.reminders
  const today = programmeDay(now)
  const result: RoundResult = {
    day: today,
    sent: emptyCounts(),
    pairings: emptyCounts(),
    emails: 0,
    alreadySent: 0,
  }

  const rows = await pairingsThatMayOweOne(payload)
  const editions = await findAll<{ id: ID; startBy?: string | null }>(
    payload,
    'editions',
    {},
    { startBy: true },
  )
  const startBy = new Map(editions.map((edition) => [String(edition.id), edition.startBy ?? null]))

  const facts = new Map<string, ReminderFacts>()
  for (const row of rows) {
    facts.set(String(row.id), {
      id: row.id,
      status: row.status,
      mentor: idOf(row.mentor as never) ?? null,
      createdAt: row.createdAt,
      startDate: row.startDate,
      endDate: row.endDate,
      closingDate: row.closing?.closingDate,
      editionStartBy: startBy.get(String(idOf(row.edition as never))) ?? null,
      mentorEvaluated: Boolean(row.closing?.mentorEvaluatedAt),
      fitxaPublished: Boolean(row.fitxaPublished),
    })
  }

  // Meetings only of the pairings in the «no meeting yet» window; fitxes only of those owing a reminder.
  const toCount = [...facts.values()].filter((fact) => needsMeetingCount(fact, today, days))
  const counted = await countingMeetingsOf(payload, options, toCount, today)
  for (const fact of toCount) fact.countingMeetings = counted.get(String(fact.id)) ?? 0
  const owingFitxa = [...facts.values()].filter(
    (fact) =>
      fact.status === 'completed' &&
      !fact.fitxaPublished &&
      fact.closingDate &&
      today >= addDays(programmeDay(fact.closingDate), days.fitxaMissingDays),
  )
  if (owingFitxa.length) {
    // The review state lives in the latest draft: read through the Local API, drafts included.
    for (const part of chunks(owingFitxa.map((fact) => fact.id))) {
      const { docs } = await payload.find({
        collection: 'fitxes',
        where: { pairing: { in: part } },
        draft: true,
        depth: 0,
        pagination: false,
        overrideAccess: true,
        select: { pairing: true, reviewStatus: true } as never,
      })
      for (const fitxa of docs as unknown as {
        id: ID
        pairing: unknown
        reviewStatus?: string
      }[]) {
        const pairingId = String(idOf(fitxa.pairing as never))
        const fact = facts.get(pairingId)
        if (fact && fitxa.reviewStatus === 'submitted') fact.fitxaWaitingForReview = true
      }
    }
  }

  const due = [...facts.values()].flatMap((fact) => dueReminders(fact, today, days))
  if (due.length === 0) return result

  const keys = due.flatMap((reminder) =>
    reminder.to.map((audience) => reminderKey(reminder, audience)),
  )
  const written = new Set(
    (await findIn<{ key: string }>(payload, REMINDERS_SLUG, 'key', keys, { key: true })).map(
      (record) => record.key,
    ),
  )
  const pending = due.filter((reminder) =>
    reminder.to.some((audience) => !written.has(reminderKey(reminder, audience))),
  )
  if (pending.length === 0) return result

  const byId = new Map(rows.map((row) => [String(row.id), row]))
  const rowOf = (reminder: DueReminder) => byId.get(String(reminder.pairing)) as PairingRow
  const [mentors, candidates] = await Promise.all([
    findIn<Person>(
      payload,
      'mentors',
      'id',
      pending
        .map((reminder) => idOf(rowOf(reminder).mentor as never))
        .filter((id) => id !== undefined),
      { name: true, email: true, language: true },
    ),
    findIn<Person>(
      payload,
      'candidates',
      'id',
      pending
        .map((reminder) => idOf(rowOf(reminder).candidate as never))
        .filter((id) => id !== undefined),
      { name: true, email: true, language: true },
    ),
  ])
  const people = {
    mentor: new Map(mentors.map((person) => [String(person.id), person])),
    mentee: new Map(candidates.map((person) => [String(person.id), person])),
  }
  const secretariat = pending.some((reminder) => reminder.to.includes('secretariat'))
    ? await secretariatRecipients(payload, options)
    : []

  const serverURL = payload.config.serverURL
  for (const reminder of pending) {
    const row = rowOf(reminder)
    const mentor = people.mentor.get(String(idOf(row.mentor as never)))
    const mentee = people.mentee.get(String(idOf(row.candidate as never)))
    const emails = reminder.to.flatMap((audience) => {
      const key = reminderKey(reminder, audience)
      if (written.has(key)) return []
      // An erased person (personal data) has an address that cannot receive mail: nothing goes out.
      const to =
        audience === 'secretariat'
          ? secretariat
          : [(audience === 'mentor' ? mentor : mentee)?.email].filter(
              (address): address is string => Boolean(address) && !isErasedEmail(address),
            )
      if (to.length === 0) return []
      // Each person in their language (Catalan by default); the secretariat in Catalan.
      const lang =
        audience === 'secretariat'
          ? 'ca'
          : emailLang((audience === 'mentor' ? mentor : mentee)?.language)
      const template =
        lang === 'ca'
          ? options.reminders.texts[reminder.kind][audience]
          : (options.reminders.textsByLanguage[lang][reminder.kind][audience] ??
            options.reminders.texts[reminder.kind][audience])
      if (!template) return []
      const values = {
        nom:
          (audience === 'mentor'
            ? mentor?.name
            : audience === 'mentee'
              ? mentee?.name
              : undefined) ?? '',
        parella:
          row.title ??
          `${mentor?.name ?? 'Persona mentora'} → ${mentee?.name ?? 'Persona mentorada'}`,
        mentora: mentor?.name ?? 'la persona mentora',
        mentorada: mentee?.name ?? 'la persona mentorada',
        data: onDate(`${reminder.date}T12:00:00Z`, lang),
        dies: String(daysFor(reminder, options)),
        enllac: linkFor(serverURL, reminder, audience),
        vegada: String(Math.min(reminder.stage, days.fitxaMissingTimes)),
        vegades: String(days.fitxaMissingTimes),
      }
      const message: EmailMessage = {
        to,
        subject: fillTemplate(template.subject, values),
        text: fillTemplate(template.body, values),
        lang,
      }
      return [{ key, audience, message }]
    })
    if (emails.length === 0) continue
    const outcome = await writeOccasion(payload, reminder, emails)
    if (outcome === 'written') {
      result.sent[reminder.kind] += emails.length
      result.pairings[reminder.kind] += 1
      result.emails += emails.length
    } else if (outcome === 'already') {
      result.alreadySent += 1
    }
  }
  if (result.emails > 0) deliverQueuedEmails({ payload } as PayloadRequest)
  return result
}

/** The number of days a text talks about: until the end, or since the proposal. */
function daysFor(reminder: DueReminder, options: MentoriaOptions): number {
  const days = options.reminders
  if (reminder.kind === 'endApproaching') return days.endApproachingDays
  if (reminder.kind === 'proposalUnanswered')
    return reminder.stage === 1 ? days.proposalUnansweredDays : days.proposalUnansweredAgainDays
  return 0
}

/** The exact page where the person does what the email asks. */
function linkFor(serverURL: string, reminder: DueReminder, audience: ReminderAudience): string {
  if (audience === 'secretariat') return adminDocUrl(serverURL, 'pairings', reminder.pairing)
  // The mentee's own fitxa page (started or not: «Comença la fitxa» is there).
  if (reminder.kind === 'fitxaMissing') return myFitxaUrl(serverURL, reminder.pairing)
  const section: Record<ReminderKind, string> = {
    proposalUnanswered: 'resposta',
    notStarted: 'inici',
    noMeeting: 'trobades',
    endApproaching: 'tancament',
    overdue: 'tancament',
    evaluationMissing: 'valoracio',
    fitxaMissing: 'fitxa',
  }
  return `${pairingPageUrl(serverURL, reminder.pairing)}#${section[reminder.kind]}`
}

type OccasionEmail = { key: string; audience: ReminderAudience; message: EmailMessage }

/**
 * One occasion's records and emails, all or nothing: the records go first, so that the unique key
 * refuses a second writer before it has queued anything.
 */
async function writeOccasion(
  payload: Payload,
  reminder: DueReminder,
  emails: OccasionEmail[],
): Promise<'written' | 'already' | 'failed'> {
  const transactionID = (await payload.db.beginTransaction()) ?? undefined
  const req = await createLocalReq({ context: { mentoriaReminderRound: true } }, payload)
  req.transactionID = transactionID
  try {
    for (const email of emails) {
      const record = await payload.db.create({
        collection: REMINDERS_SLUG as never,
        data: {
          key: email.key,
          pairing: reminder.pairing,
          kind: reminder.kind,
          occasion: reminder.occasion,
          audience: email.audience,
          to: [email.message.to].flat().join(', '),
          subject: email.message.subject,
        },
        req,
      })
      await payload.jobs.queue({
        task: 'sendEmail',
        input: mailJobInput({ ...email.message, reminder: String(record.id) }) as never,
        queue: MAIL_QUEUE,
        req,
      })
    }
    if (transactionID !== undefined) await payload.db.commitTransaction(transactionID)
    return 'written'
  } catch (error) {
    if (transactionID !== undefined)
      await payload.db.rollbackTransaction(transactionID).catch(() => undefined)
    const { totalDocs } = await payload.db.count({
      collection: REMINDERS_SLUG as never,
      where: { key: { in: emails.map((email) => email.key) } },
    })
    if (totalDocs > 0) return 'already'
    payload.logger.error({
      err: error,
      msg: `No s'ha pogut enviar el recordatori ${reminder.kind} de la parella ${reminder.pairing}; la propera ronda ho tornarà a provar.`,
    })
    return 'failed'
  }
}

/**
 * The scheduled task: every hour, so that a server started late or down at the usual time still sends
 * the day's reminders; before `reminders.hour` (Europe/Madrid) it waits, whatever the server's zone.
 */
export const remindersTask = (options: MentoriaOptions): TaskConfig =>
  ({
    slug: 'sendReminders',
    label: 'Enviar els recordatoris i avisos del dia',
    schedule: [{ cron: '0 * * * *', queue: REMINDERS_QUEUE }],
    outputSchema: [
      { name: 'day', type: 'text' },
      { name: 'emails', type: 'number' },
      { name: 'sent', type: 'json' },
    ],
    handler: async ({ req }: { req: PayloadRequest }) => {
      const now = new Date()
      if (!isRoundTime(now, options.reminders.hour))
        return { output: { day: programmeDay(now), emails: 0, sent: {} } }
      const round = await runRemindersRound(req.payload, options, { now })
      // The check-ins go out with the day's reminders (src/jobs/checkins.ts).
      const checkins = await runCheckinsRound(req.payload, { now, days: options.checkins })
      // The call for mentors, once the edition's applications open (src/services/mentor-offer-form.ts).
      const call = await runMentorCallRound(req.payload, { now })
      return {
        output: {
          day: round.day,
          emails: round.emails + checkins.sent + call.sent,
          sent: { ...round.sent, checkins: checkins.sent, mentorCall: call.sent },
        },
      }
    },
  }) as unknown as TaskConfig
