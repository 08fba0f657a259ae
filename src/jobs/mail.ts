import type { PayloadRequest, TaskConfig } from 'payload'

import { releaseOnce, takeOnce } from '../lib/unique-keys'
import type { EmailMessage } from '../notifications/emails'
import { REMINDERS_SLUG } from '../rules/reminders'

type SendEmailInput = EmailMessage & { reminder?: string; once?: string }

const MAIL_CLAIM_PREFIX = 'mail-claim:'

/**
 * The task behind the mail queue (src/services/mail-queue.ts): one email, retried on failure. Two
 * runners can pick the same job (on MongoDB Payload reads, then marks): the runner whose claim on the
 * job the database accepts (a unique key, `takeOnce`) sends, the other sends nothing; a failed send gives the
 * claim back for the retry. A reminder's email says which reminder it is: once that one is marked
 * sent, running the job again (a retry after a crash) sends nothing.
 */
export const sendEmailTask = {
  slug: 'sendEmail',
  label: 'Enviar un correu',
  retries: 5,
  inputSchema: [
    { name: 'to', type: 'json', required: true },
    { name: 'subject', type: 'text', required: true },
    { name: 'text', type: 'textarea', required: true },
    { name: 'replyTo', type: 'text' },
    { name: 'reminder', type: 'text' },
    { name: 'lang', type: 'text' },
    { name: 'attachments', type: 'json' },
    { name: 'once', type: 'text' },
  ],
  handler: async ({
    input,
    job,
    req,
  }: {
    input: SendEmailInput
    job: { id: number | string; createdAt?: string }
    req: PayloadRequest
  }) => {
    const { payload } = req
    // The email's own key (mailJobInput); else the job's id, which SQLite gives again once a job is
    // finished, so with its creation time. The time comes first: old claims sort before a date.
    const claim = `${MAIL_CLAIM_PREFIX}${job.createdAt ?? ''}:${input.once ?? job.id}`
    if (!(await takeOnce(payload, claim))) return { output: {} }
    try {
      await send(req, input)
    } catch (error) {
      await releaseOnce(payload, claim).catch(() => undefined)
      throw error
    }
    return { output: {} }
  },
} as unknown as TaskConfig

async function send(req: PayloadRequest, input: SendEmailInput): Promise<void> {
  const { payload } = req
  if (input.reminder) {
    const record = (await payload.db.findOne({
      collection: REMINDERS_SLUG as never,
      where: { id: { equals: input.reminder } },
    })) as { sentAt?: string | null } | null
    // Gone (its pairing was erased) or already sent: nothing to do.
    if (!record || record.sentAt) return
  }
  await payload.sendEmail({
    to: input.to,
    subject: input.subject,
    text: input.text,
    ...(input.replyTo ? { replyTo: input.replyTo } : {}),
    // The language it is written in: the footer follows it (src/email/recording-adapter.ts).
    ...(input.lang && input.lang !== 'ca' ? { headers: { 'Content-Language': input.lang } } : {}),
    ...(input.attachments?.length ? { attachments: input.attachments } : {}),
  })
  if (input.reminder) {
    await payload.db.updateOne({
      collection: REMINDERS_SLUG as never,
      id: input.reminder,
      data: { sentAt: new Date().toISOString() },
    })
  }
}

/** A claim only matters while its job may still run (retries end within hours): older ones go in the nightly round. */
export async function forgetOldMailClaims(
  payload: PayloadRequest['payload'],
  now = new Date(),
): Promise<void> {
  const monthAgo = new Date(now.getTime() - 30 * 24 * 60 * 60 * 1000).toISOString()
  // Keys hold the job's creation time right after the prefix, so they sort by it.
  const old = {
    and: [
      { key: { greater_than: MAIL_CLAIM_PREFIX } },
      { key: { less_than: `${MAIL_CLAIM_PREFIX}${monthAgo}` } },
    ],
  }
  await payload.db.deleteMany({ collection: 'payload-kv', where: old })
}
