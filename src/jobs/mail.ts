import type { PayloadRequest, TaskConfig } from 'payload'

import type { EmailMessage } from '../notifications/emails'

/** The task behind the mail queue (src/services/mail-queue.ts): one email, retried on failure. */
export const sendEmailTask = {
  slug: 'sendEmail',
  label: 'Enviar un correu',
  retries: 5,
  inputSchema: [
    { name: 'to', type: 'json', required: true },
    { name: 'subject', type: 'text', required: true },
    { name: 'text', type: 'textarea', required: true },
    { name: 'replyTo', type: 'text' },
  ],
  handler: async ({ input, req }: { input: EmailMessage; req: PayloadRequest }) => {
    await req.payload.sendEmail({ to: input.to, subject: input.subject, text: input.text, ...(input.replyTo ? { replyTo: input.replyTo } : {}) })
    return { output: {} }
  },
} as unknown as TaskConfig
