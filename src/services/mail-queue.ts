import type { PayloadRequest } from 'payload'

import type { EmailMessage } from '../notifications/emails'

export const MAIL_QUEUE = 'mentoria-mail'

/**
 * Emails leave through the jobs queue: the job is written in the same transaction as the change
 * that causes it, so a refused or rolled-back change sends nothing, and a failing SMTP is retried.
 */
export async function queueEmail(req: PayloadRequest, message: EmailMessage): Promise<void> {
  await req.payload.jobs.queue({ task: 'sendEmail', input: message, queue: MAIL_QUEUE, req })
}

/**
 * Sends what is queued now rather than at the next minute, once the change that queued it is
 * committed; the scheduled run remains the safety net (and retries failures).
 */
export function deliverQueuedEmails(req: PayloadRequest): void {
  void req.payload.jobs.run({ queue: MAIL_QUEUE, limit: 100 }).catch((error: unknown) => {
    req.payload.logger.error({ err: error, msg: 'Could not send queued emails now; the scheduled run will retry.' })
  })
}
