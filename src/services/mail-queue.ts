import type { PayloadRequest } from 'payload'

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

type Delivery = { running: boolean; again: boolean }
const deliveries = new WeakMap<object, Delivery>()

/**
 * Sends what is queued now rather than at the next minute, once the change that queued it is
 * committed; the scheduled run remains the safety net (and retries failures). One run at a time per
 * Payload instance, so two requests finishing together never pick the same email twice.
 */
export function deliverQueuedEmails(req: PayloadRequest): void {
  const payload = req.payload
  const state = deliveries.get(payload) ?? { running: false, again: false }
  deliveries.set(payload, state)
  if (state.running) {
    state.again = true
    return
  }
  state.running = true
  void (async () => {
    try {
      do {
        state.again = false
        await payload.jobs.run({ queue: MAIL_QUEUE, limit: 100 })
      } while (state.again)
    } catch (error: unknown) {
      payload.logger.error({ err: error, msg: 'Could not send queued emails now; the scheduled run will retry.' })
    } finally {
      state.running = false
    }
  })()
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
