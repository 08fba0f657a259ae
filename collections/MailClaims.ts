import type { CollectionConfig } from 'payload'

import { MAIL_CLAIMS_SLUG } from '../src/services/mail-queue'

/**
 * Which queued email is being sent, by one unique key per job. Payload's job runner on MongoDB picks
 * jobs by reading and then marking them, so two runners (a web server's prompt delivery and the
 * worker, or two web servers) can both pick the same email; the one whose claim the database accepts
 * sends it, the other sends nothing (src/jobs/mail.ts). Written and read by the mailer only.
 */
export const MailClaims: CollectionConfig = {
  slug: MAIL_CLAIMS_SLUG,
  labels: {
    singular: { ca: 'Enviament en curs', es: 'Envío en curso', en: 'Email being sent' },
    plural: { ca: 'Enviaments en curs', es: 'Envíos en curso', en: 'Emails being sent' },
  },
  admin: { hidden: true },
  access: { read: () => false, create: () => false, update: () => false, delete: () => false },
  fields: [{ name: 'job', type: 'text', required: true, unique: true }],
}
