import type { CollectionConfig } from 'payload'

import { isSecretariat } from '../access/roles'
import { hideSecretLinks } from '../src/notifications/secrets'

export const SENT_EMAILS_SLUG = 'sent-emails'

const readOnly = { readOnly: true }

/**
 * Every email the application sends, as the secretariat reads it ("sent on…"), and, without SMTP
 * (development, the demo), the outbox where a person can read what would have gone out. The secret
 * part of every link (set-password, reset, answer links) is never stored: `[enllaç amagat]` stands in
 * for it, and rows stored before that are hidden on read. Written only by the application itself
 * (src/email/recording-adapter.ts).
 */
export const SentEmails: CollectionConfig = {
  slug: SENT_EMAILS_SLUG,
  labels: {
    singular: { ca: 'Correu enviat', es: 'Correo enviado', en: 'Sent email' },
    plural: { ca: 'Correus enviats', es: 'Correos enviados', en: 'Sent emails' },
  },
  admin: {
    useAsTitle: 'subject',
    defaultColumns: ['subject', 'to', 'delivery', 'createdAt'],
    group: { ca: 'Administració', es: 'Administración', en: 'Administration' },
    description: {
      ca: "Cada correu que ha enviat l'aplicació. Els enllaços personals (triar la contrasenya, respondre una proposta) no es desen: només els té la persona que rep el correu. Sense servidor de correu (SMTP), els correus no surten: es queden aquí perquè els pugueu llegir.",
      es: 'Cada correo que ha enviado la aplicación. Los enlaces personales (elegir la contraseña, responder una propuesta) no se guardan: solo los tiene la persona que recibe el correo. Sin servidor de correo (SMTP), los correos no salen: se quedan aquí para que podáis leerlos.',
      en: 'Every email the application sent. Personal links (choosing a password, answering a proposal) are not stored: only the person who receives the email has them. Without an SMTP server, emails do not leave: they stay here for you to read.',
    },
  },
  defaultSort: '-createdAt',
  access: {
    read: isSecretariat,
    create: () => false,
    update: () => false,
    delete: isSecretariat,
  },
  fields: [
    {
      name: 'to',
      type: 'text',
      required: true,
      index: true,
      label: { ca: 'Destinatàries', es: 'Destinatarias', en: 'To' },
      admin: readOnly,
    },
    {
      name: 'subject',
      type: 'text',
      required: true,
      label: { ca: 'Assumpte', es: 'Asunto', en: 'Subject' },
      admin: readOnly,
    },
    {
      name: 'text',
      type: 'textarea',
      label: { ca: 'Text', es: 'Texto', en: 'Text' },
      admin: readOnly,
      hooks: {
        beforeChange: [({ value }) => hideSecretLinks(value)],
        afterRead: [({ value }) => hideSecretLinks(value)],
      },
    },
    {
      name: 'replyTo',
      type: 'text',
      label: { ca: 'Respondre a', es: 'Responder a', en: 'Reply to' },
      admin: readOnly,
    },
    {
      name: 'delivery',
      type: 'select',
      required: true,
      label: { ca: 'Com ha sortit', es: 'Cómo ha salido', en: 'Delivery' },
      options: [
        {
          value: 'smtp',
          label: { ca: 'Enviat per SMTP', es: 'Enviado por SMTP', en: 'Sent through SMTP' },
        },
        {
          value: 'outbox',
          label: {
            ca: 'No enviat (sense SMTP): només aquí',
            es: 'No enviado (sin SMTP): solo aquí',
            en: 'Not sent (no SMTP): kept here only',
          },
        },
      ],
      admin: readOnly,
    },
  ],
}
