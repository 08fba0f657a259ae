import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import { type ID, idOf } from '../lib/ids'
import { newNonce } from '../notifications/links'
import { signCheckinLink } from '../notifications/checkin-links'
import { checkinAnswerUrl, checkinEmail } from '../notifications/checkins'
import {
  answersFor,
  type CheckinDays,
  checkinKey,
  CHECKINS_SLUG,
  type DueCheckin,
  dueCheckins,
} from '../rules/checkins'
import { isErasedEmail } from '../rules/personal-data'
import { programmeDay } from '../rules/reminders'
import { deliverQueuedEmails, MAIL_QUEUE, mailJobInput } from '../services/mail-queue'

export type CheckinsRoundResult = { day: string; sent: number; alreadySent: number }

type Row = {
  id: ID
  status: string
  mentor?: unknown
  candidate?: unknown
  answeredAt?: string | null
  startDate?: string | null
  endDate?: string | null
}
type Person = { id: ID; name?: string | null; email?: string | null }

/**
 * The daily round's check-ins (run with the reminders, src/jobs/reminders.ts): asks
 * src/rules/checkins.ts what is due today and writes each check-in with its email in one transaction.
 * The unique key refuses a second writer (a concurrent round, another server) before it queues anything,
 * so each check-in goes out once.
 */
export async function runCheckinsRound(
  payload: Payload,
  { now = new Date(), days }: { now?: Date; days?: CheckinDays } = {},
): Promise<CheckinsRoundResult> {
  const today = programmeDay(now)
  const result: CheckinsRoundResult = { day: today, sent: 0, alreadySent: 0 }
  const { docs: rows } = (await payload.db.find({
    collection: 'pairings',
    where: { status: { in: ['accepted', 'active'] } },
    select: {
      status: true,
      mentor: true,
      candidate: true,
      answeredAt: true,
      startDate: true,
      endDate: true,
    } as never,
    pagination: false,
    limit: 0,
  })) as unknown as { docs: Row[] }
  const due = rows.flatMap((row) => dueCheckins(row, today, days))
  if (due.length === 0) return result
  const { docs: written } = await payload.db.find({
    collection: CHECKINS_SLUG as never,
    where: { key: { in: due.map(checkinKey) } },
    select: { key: true } as never,
    pagination: false,
    limit: 0,
  })
  const done = new Set((written as unknown as { key: string }[]).map((record) => record.key))
  const pending = due.filter((checkin) => !done.has(checkinKey(checkin)))
  if (pending.length === 0) return result

  const byId = new Map(rows.map((row) => [String(row.id), row]))
  const ids = (field: 'mentor' | 'candidate') => [
    ...new Set(
      pending
        .map((checkin) => idOf(byId.get(String(checkin.pairing))?.[field] as never))
        .filter((id) => id !== undefined),
    ),
  ]
  const [mentors, candidates] = await Promise.all([
    payload.db.find({
      collection: 'mentors',
      where: { id: { in: ids('mentor') } },
      select: { name: true, email: true } as never,
      pagination: false,
      limit: 0,
    }),
    payload.db.find({
      collection: 'candidates',
      where: { id: { in: ids('candidate') } },
      select: { name: true, email: true } as never,
      pagination: false,
      limit: 0,
    }),
  ])
  const people = {
    mentor: new Map(
      (mentors.docs as unknown as Person[]).map((person) => [String(person.id), person]),
    ),
    mentee: new Map(
      (candidates.docs as unknown as Person[]).map((person) => [String(person.id), person]),
    ),
  }
  for (const checkin of pending) {
    const row = byId.get(String(checkin.pairing)) as Row
    const mentor = people.mentor.get(String(idOf(row.mentor as never)))
    const mentee = people.mentee.get(String(idOf(row.candidate as never)))
    const person = checkin.party === 'mentor' ? mentor : mentee
    const other = checkin.party === 'mentor' ? mentee : mentor
    // An erased person's address receives nothing.
    if (!person?.email || isErasedEmail(person.email)) continue
    const outcome = await writeCheckin(
      payload,
      checkin,
      person,
      other?.name ?? (checkin.party === 'mentor' ? 'la persona mentorada' : 'la persona mentora'),
      now,
    )
    if (outcome === 'written') result.sent += 1
    else if (outcome === 'already') result.alreadySent += 1
  }
  if (result.sent > 0) deliverQueuedEmails({ payload } as PayloadRequest)
  return result
}

async function writeCheckin(
  payload: Payload,
  checkin: DueCheckin,
  person: Person,
  otherName: string,
  now: Date,
): Promise<'written' | 'already' | 'failed'> {
  const key = checkinKey(checkin)
  const transactionID = (await payload.db.beginTransaction()) ?? undefined
  const req = await createLocalReq({}, payload)
  req.transactionID = transactionID
  try {
    const nonce = newNonce()
    const record = await payload.db.create({
      collection: CHECKINS_SLUG as never,
      data: {
        key,
        pairing: checkin.pairing,
        kind: checkin.kind,
        party: checkin.party,
        to: person.email,
        sentAt: now.toISOString(),
        nonce,
      },
      req,
    })
    const links = Object.fromEntries(
      answersFor(checkin.kind).map((answer) => [
        answer,
        checkinAnswerUrl(
          payload.config.serverURL || '',
          signCheckinLink(payload.secret, { checkin: String(record.id), answer, nonce }),
        ),
      ]),
    )
    const message = checkinEmail({
      to: String(person.email),
      name: person.name ?? '',
      kind: checkin.kind,
      otherName,
      links,
    })
    await payload.jobs.queue({
      task: 'sendEmail',
      input: mailJobInput(message) as never,
      queue: MAIL_QUEUE,
      req,
    })
    if (transactionID !== undefined) await payload.db.commitTransaction(transactionID)
    return 'written'
  } catch (error) {
    if (transactionID !== undefined)
      await payload.db.rollbackTransaction(transactionID).catch(() => undefined)
    const { totalDocs } = await payload.db.count({
      collection: CHECKINS_SLUG as never,
      where: { key: { equals: key } },
    })
    if (totalDocs > 0) return 'already'
    payload.logger.error({
      err: error,
      msg: `No s'ha pogut enviar el seguiment ${checkin.kind} de la parella ${checkin.pairing}; la propera ronda ho tornarà a provar.`,
    })
    return 'failed'
  }
}
