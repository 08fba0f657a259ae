import type { CollectionConfig } from 'payload'

import { isSecretariat } from '../access/roles'
import {
  READ_CHANNEL_LABELS,
  READ_CHANNELS,
  READ_KIND_LABELS,
  READ_KINDS,
  READ_LOG_SLUG,
} from '../src/rules/read-log'
import { datePicker } from './fields'

const readOnly = { readOnly: true }

/**
 * «Registre de lectures» (ENS): who of the secretariat read which incident, evaluation or check-in
 * answer, when and how. Written only by the application (src/services/read-log.ts); read by the
 * secretariat alone; changed and deleted by nobody, the secretariat included. It names no person but
 * the reader, and erasing the reader keeps the entry without them.
 */
export const ReadLog: CollectionConfig = {
  slug: READ_LOG_SLUG,
  labels: {
    singular: { ca: 'Lectura registrada', es: 'Lectura registrada', en: 'Logged read' },
    plural: { ca: 'Registre de lectures', es: 'Registro de lecturas', en: 'Read log' },
  },
  admin: {
    defaultColumns: ['readAt', 'user', 'kind', 'documentId', 'channel'],
    group: { ca: 'Administració', es: 'Administración', en: 'Administration' },
    description: {
      ca: 'Cada vegada que algú de la secretaria obre una incidència, una valoració o una resposta de seguiment: qui, què, quan i per on. No es pot canviar ni esborrar.',
      es: 'Cada vez que alguien de la secretaría abre una incidencia, una valoración o una respuesta de seguimiento: quién, qué, cuándo y por dónde. No se puede cambiar ni borrar.',
      en: 'Every time someone in the secretariat opens an incident, an evaluation or a check-in answer: who, what, when and how. It cannot be changed or deleted.',
    },
  },
  defaultSort: '-readAt',
  access: {
    read: isSecretariat,
    create: () => false,
    update: () => false,
    delete: () => false,
  },
  fields: [
    {
      name: 'readAt',
      type: 'date',
      required: true,
      index: true,
      label: { ca: 'Llegit el', es: 'Leído el', en: 'Read on' },
      admin: { ...readOnly, date: datePicker('dayAndTime') },
    },
    {
      name: 'user',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      label: { ca: 'Qui', es: 'Quién', en: 'Who' },
      admin: readOnly,
    },
    {
      name: 'kind',
      type: 'select',
      required: true,
      label: { ca: 'Què', es: 'Qué', en: 'What' },
      options: READ_KINDS.map((value) => ({ value, label: READ_KIND_LABELS[value] })),
      admin: readOnly,
    },
    {
      name: 'documentCollection',
      type: 'text',
      required: true,
      label: { ca: 'Col·lecció', es: 'Colección', en: 'Collection' },
      admin: readOnly,
    },
    {
      name: 'documentId',
      type: 'text',
      required: true,
      index: true,
      label: { ca: 'Registre (ID)', es: 'Registro (ID)', en: 'Record (ID)' },
      admin: readOnly,
    },
    {
      name: 'channel',
      type: 'select',
      required: true,
      label: { ca: 'Per on', es: 'Por dónde', en: 'Channel' },
      options: READ_CHANNELS.map((value) => ({ value, label: READ_CHANNEL_LABELS[value] })),
      admin: readOnly,
    },
  ],
}
