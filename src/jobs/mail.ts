import type { PayloadRequest, TaskConfig } from 'payload'

import { isDuplicate } from '../lib/unique-keys'
import type { EmailMessage } from '../notifications/emails'
import { MAIL_CLAIMS_SLUG } from '../services/mail-queue'
import { REMINDERS_SLUG } from '../rules/reminders'

type SendEmailInput = EmailMessage & { reminder?: string }

/**
 * The task behind the mail queue (src/services/mail-queue.ts): one email, retried on failure. Two
 * runners can pick the same job (on MongoDB Payload reads, then marks): the runner whose claim on the
 * job the database accepts (a unique key) sends, the other sends nothing; a failed send gives the
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
  ],
  handler: async ({ input, job, req }: { input: SendEmailInput; job: { id: number | string; createdAt?: string }; req: PayloadRequest }) => {
    const { payload } = req
    // SQLite gives a finished (deleted) job's id to the next one: the id with its creation time is never reused.
    const key = `${job.id}@${job.createdAt ?? ''}`
    const claim = { collection: MAIL_CLAIMS_SLUG as never, where: { job: { equals: key } } }
    try {
      await payload.db.create({ collection: MAIL_CLAIMS_SLUG as never, data: { job: key } })
    } catch (error) {
      if (isDuplicate(error)) return { output: {} }
      throw error
    }
    try {
      await send(req, input)
    } catch (error) {
      await payload.db.deleteMany(claim).catch(() => undefined)
      throw error
    }
    return { output: {} }
  },
} as unknown as TaskConfig

async function send(req: PayloadRequest, input: SendEmailInput): Promise<void> {
  const { payload } = req
  if (input.reminder) {
    const record = (await payload.db.findOne({ collection: REMINDERS_SLUG as never, where: { id: { equals: input.reminder } } })) as { sentAt?: string | null } | null
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
    await payload.db.updateOne({ collection: REMINDERS_SLUG as never, id: input.reminder, data: { sentAt: new Date().toISOString() } })
  }
}

/** A claim only matters while its job may still run (retries end within hours): older ones go in the nightly round. */
export async function forgetOldMailClaims(payload: PayloadRequest['payload'], now = new Date()): Promise<void> {
  const monthAgo = new Date(now.getTime() - 30 * 24 * 60 * 60 * 1000).toISOString()
  await payload.db.deleteMany({ collection: MAIL_CLAIMS_SLUG as never, where: { createdAt: { less_than: monthAgo } } })
}
