import { randomUUID } from 'node:crypto'

import type { Payload, PayloadRequest } from 'payload'

import type { EmailMessage } from '../notifications/emails'

export const MAIL_QUEUE = 'mentoria-mail'

/**
 * Emails leave through the jobs queue: the job is written in the same transaction as the change
 * that causes it, so a refused or rolled-back change sends nothing, and a failing SMTP is retried.
 */
export async function queueEmail(req: PayloadRequest, message: EmailMessage): Promise<void> {
  const job = await req.payload.jobs.queue({
    task: 'sendEmail',
    input: mailJobInput(message),
    queue: MAIL_QUEUE,
    req,
  })
  const held = req.context[HELD_EMAILS] as unknown[] | undefined
  if (held) {
    held.push(job.id)
    return
  }
  deliverAfterCommit(req)
}

/** A queued email's input: the message and its own key, which the runner that sends it claims once (src/jobs/mail.ts). */
export const mailJobInput = <T extends object>(message: T): T & { once: string } => ({
  ...message,
  once: randomUUID(),
})

const HELD_EMAILS = 'mentoriaHeldEmails'

/**
 * Without a transaction (a standalone MongoDB), a change made of several writes cannot be rolled back
 * by the database: it holds its emails until it is whole (`sendHeldEmails`), or takes them back with
 * the rest of what it wrote (`dropHeldEmails`).
 */
export function holdEmails(req: PayloadRequest): void {
  req.context[HELD_EMAILS] = []
}

export function sendHeldEmails(req: PayloadRequest): void {
  delete req.context[HELD_EMAILS]
  deliverQueuedEmails(req)
}

export async function dropHeldEmails(req: PayloadRequest): Promise<void> {
  const held = (req.context[HELD_EMAILS] as (string | number)[] | undefined) ?? []
  delete req.context[HELD_EMAILS]
  if (held.length)
    await req.payload.db.deleteMany({ collection: 'payload-jobs', where: { id: { in: held } } })
}

/**
 * A change made through REST or the admin queues its emails inside its transaction; Payload commits
 * after the hooks, so wait until the request's transaction is gone (committed, or rolled back and
 * its emails with it) and then send.
 */
export function deliverAfterCommit(req: PayloadRequest): void {
  if (req.context.mentoriaDeliveryScheduled) return
  req.context.mentoriaDeliveryScheduled = true
  const started = Date.now()
  const poll = async () => {
    // An open transaction has an id (text or number) or a promise of one; anything else is none: not
    // begun, or none possible (a standalone MongoDB, FerretDB, transactions off: a promise of null, or
    // the empty object a copied request carries). Then send now, not after the 30 s safety wait.
    const pending = req.transactionID as unknown
    const id =
      pending && typeof (pending as PromiseLike<unknown>).then === 'function'
        ? await Promise.resolve(pending).catch(() => undefined)
        : pending
    if ((typeof id !== 'string' && typeof id !== 'number') || Date.now() - started > 30_000) {
      req.context.mentoriaDeliveryScheduled = false
      deliverQueuedEmails(req)
      return
    }
    setTimeout(() => void poll(), 20).unref()
  }
  setTimeout(() => void poll(), 20).unref()
}

type Delivery = { running: Promise<void>; again: boolean }

/** Emails queued within this time go out in one run: a person does not notice, the single writer does. */
const GATHER_MS = 300
// Shared by the server's and Next's copies of this module (see src/services/sign-in-guard.ts), so one run at a time.
const DELIVERIES_KEY = Symbol.for('mentoria-xmess.mail-deliveries')
const deliveries = ((globalThis as Record<symbol, unknown>)[DELIVERIES_KEY] ??= new WeakMap<
  Payload,
  Delivery
>()) as WeakMap<Payload, Delivery>

/**
 * Sends what is queued now rather than at the next minute, once the change that queued it is
 * committed; the scheduled run remains the safety net (and retries failures). Requests that come
 * while a run is gathering or going share it, or one more run after it: every write waits for
 * SQLite's single writer, and twenty busy requests need not start twenty runs over the same queue.
 */
export function deliverQueuedEmails(req: PayloadRequest): void {
  const { payload } = req
  const current = deliveries.get(payload)
  if (current) {
    current.again = true
    return
  }
  const delivery: Delivery = { running: Promise.resolve(), again: false }
  deliveries.set(payload, delivery)
  delivery.running = (async () => {
    try {
      await new Promise((resolve) => setTimeout(resolve, GATHER_MS))
      do {
        delivery.again = false
        await payload.jobs.run({ queue: MAIL_QUEUE, limit: 100 }).catch((error: unknown) => {
          payload.logger.error({
            err: error,
            msg: 'Could not send queued emails now; the scheduled run will retry.',
          })
        })
      } while (delivery.again)
    } finally {
      deliveries.delete(payload)
    }
  })()
}

/** Waits for a delivery in progress (shutdown, tests): nothing half-sent when the database closes. */
export async function deliveriesSettled(payload: Payload): Promise<void> {
  await deliveries.get(payload)?.running
}
