import type { CollectionConfig } from 'payload'

import { isSecretariat } from '../access/roles'
import {
  REMINDER_AUDIENCE_LABELS,
  REMINDER_AUDIENCES,
  REMINDER_KIND_LABELS,
  REMINDER_KINDS,
  REMINDERS_SLUG,
} from '../src/rules/reminders'
import { datePicker } from './fields'

export { REMINDERS_SLUG }

const readOnly = { readOnly: true }

/**
 * One reminder email to one person (DOMAIN.md «Reminders and notices»): what the secretariat reads as
 * «enviat el…». The unique `key` (pairing, kind, occasion, recipient) is what makes a reminder go out
 * once: a second round, a round at the same moment or on another server cannot write it again, and
 * writes the email only together with it. Written only by the daily round (src/jobs/reminders.ts).
 */
export const Reminders: CollectionConfig = {
  slug: REMINDERS_SLUG,
  labels: {
    singular: { ca: 'Recordatori', es: 'Recordatorio', en: 'Reminder' },
    plural: { ca: 'Recordatoris', es: 'Recordatorios', en: 'Reminders' },
  },
  admin: {
    useAsTitle: 'subject',
    components: { beforeList: ['/src/admin/RemindersRunButton#RemindersRunButton'] },
    defaultColumns: ['kind', 'pairing', 'audience', 'to', 'sentAt'],
    group: { ca: 'Acompanyaments', es: 'Acompañamientos', en: 'Accompaniments' },
    description: {
      ca: "Cada recordatori i avís que ha enviat el programa, un per persona. Surten sols cada dia; el botó «Envia els recordatoris d'avui» de l'inici els envia al moment. Mai no s'envia dues vegades el mateix.",
      es: 'Cada recordatorio y aviso que ha enviado el programa, uno por persona. Salen solos cada día; nunca se envía dos veces el mismo.',
      en: 'Every reminder and notice the programme sent, one per person. They go out daily by themselves; the same one is never sent twice.',
    },
  },
  defaultSort: '-createdAt',
  access: {
    read: isSecretariat,
    create: () => false,
    update: () => false,
    // Deleting one would send it again: not a button for anybody.
    delete: () => false,
  },
  fields: [
    {
      name: 'key',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      label: { ca: 'Clau', es: 'Clave', en: 'Key' },
      admin: { ...readOnly, hidden: true },
    },
    {
      name: 'pairing',
      type: 'relationship',
      relationTo: 'pairings',
      required: true,
      index: true,
      label: { ca: 'Parella', es: 'Pareja', en: 'Pairing' },
      admin: readOnly,
    },
    {
      name: 'kind',
      type: 'select',
      required: true,
      index: true,
      label: { ca: 'Tipus', es: 'Tipo', en: 'Kind' },
      options: REMINDER_KINDS.map((kind) => ({ value: kind, label: REMINDER_KIND_LABELS[kind] })),
      admin: readOnly,
    },
    {
      name: 'occasion',
      type: 'text',
      required: true,
      label: { ca: 'Ocasió', es: 'Ocasión', en: 'Occasion' },
      admin: {
        ...readOnly,
        description:
          'La data de què depèn (proposta, inici, finalització, tancament) i, si es repeteix, quina vegada és.',
      },
    },
    {
      name: 'audience',
      type: 'select',
      required: true,
      label: { ca: 'Per a', es: 'Para', en: 'For' },
      options: REMINDER_AUDIENCES.map((audience) => ({
        value: audience,
        label: REMINDER_AUDIENCE_LABELS[audience],
      })),
      admin: readOnly,
    },
    {
      name: 'to',
      type: 'text',
      required: true,
      label: { ca: 'Adreça', es: 'Dirección', en: 'Address' },
      admin: readOnly,
    },
    {
      name: 'subject',
      type: 'text',
      label: { ca: 'Assumpte', es: 'Asunto', en: 'Subject' },
      admin: readOnly,
    },
    {
      name: 'sentAt',
      type: 'date',
      index: true,
      label: { ca: 'Enviat el', es: 'Enviado el', en: 'Sent on' },
      admin: {
        ...readOnly,
        date: datePicker('dayAndTime'),
        description:
          "Buit mentre el correu espera a la cua d'enviament (p. ex. si el servidor de correu no respon).",
      },
    },
  ],
}
