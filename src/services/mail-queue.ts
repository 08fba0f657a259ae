import type { Payload, PayloadRequest } from 'payload'

import type { EmailMessage } from '../notifications/emails'

export const MAIL_QUEUE = 'mentoria-mail'

/**
 * Emails leave through the jobs queue: the job is written in the same transaction as the change
 * that causes it, so a refused or rolled-back change sends nothing, and a failing SMTP is retried.
 */
export async function queueEmail(req: PayloadRequest, message: EmailMessage): Promise<void> {
  await req.payload.jobs.queue({ task: 'sendEmail', input: message, queue: MAIL_QUEUE, req })
  deliverAfterCommit(req)
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
  const poll = () => {
    if (req.transactionID === undefined || Date.now() - started > 30_000) {
      req.context.mentoriaDeliveryScheduled = false
      deliverQueuedEmails(req)
      return
    }
    setTimeout(poll, 20).unref()
  }
  setTimeout(poll, 20).unref()
}

type Delivery = { running: Promise<void>; again: boolean }

/** Emails queued within this time go out in one run: a person does not notice, the single writer does. */
const GATHER_MS = 300
// Shared by the server's and Next's copies of this module (see hooks/login.ts), so one run at a time.
const DELIVERIES_KEY = Symbol.for('mentoria-xmess.mail-deliveries')
const deliveries = ((globalThis as Record<symbol, unknown>)[DELIVERIES_KEY] ??= new WeakMap<Payload, Delivery>()) as WeakMap<Payload, Delivery>

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
          payload.logger.error({ err: error, msg: 'Could not send queued emails now; the scheduled run will retry.' })
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
