import type { PayloadRequest, TaskConfig } from 'payload'

import type { EmailMessage } from '../notifications/emails'
import { REMINDERS_SLUG } from '../rules/reminders'

type SendEmailInput = EmailMessage & { reminder?: string }

/**
 * The task behind the mail queue (src/services/mail-queue.ts): one email, retried on failure. A
 * reminder's email says which reminder it is: once that one is marked sent, running the job again
 * (a retry after a crash, a second worker) sends nothing.
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
  handler: async ({ input, req }: { input: SendEmailInput; req: PayloadRequest }) => {
    const { payload } = req
    if (input.reminder) {
      const record = (await payload.db.findOne({ collection: REMINDERS_SLUG as never, where: { id: { equals: input.reminder } } })) as { sentAt?: string | null } | null
      // Gone (its pairing was erased) or already sent: nothing to do.
      if (!record || record.sentAt) return { output: {} }
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
    return { output: {} }
  },
} as unknown as TaskConfig
