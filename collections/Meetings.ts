import type { CollectionConfig } from 'payload'

import { byOwnPairing } from '../access/ownership'
import { isSecretariatUser, isSignedIn } from '../access/roles'
import { recountAfterMeetingChange, recountAfterMeetingDelete } from '../hooks/meeting-count'
import { enforceMeetingRules, noticeNewMeeting, protectMeetingOnDelete } from '../hooks/meetings'
import type { MentoriaOptions } from '../src/lib/options'
import { MEETING_MODALITIES, type MeetingModality } from '../src/rules/modalities'
import { datePicker, type Label } from './fields'

const modalityLabels: Record<MeetingModality, Label> = {
  in_person: { ca: 'Presencial', es: 'Presencial', en: 'In person' },
  online: { ca: 'En línia', es: 'En línea', en: 'Online' },
  phone: { ca: 'Per telèfon', es: 'Por teléfono', en: 'By phone' },
}

export const createMeetingsCollection = (options: MentoriaOptions): CollectionConfig => ({
  slug: 'meetings',
  labels: {
    singular: { ca: 'Trobada', es: 'Encuentro', en: 'Meeting' },
    plural: { ca: 'Trobades', es: 'Encuentros', en: 'Meetings' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'pairing', 'date', 'modality'],
    group: { ca: 'Acompanyaments', es: 'Acompañamientos', en: 'Accompaniments' },
    hidden: ({ user }) => !isSecretariatUser(user as never),
    description: {
      ca: 'Les trobades de cada parella. Per completar un acompanyament calen com a mínim dues trobades presencials.',
      es: 'Los encuentros de cada pareja. Para completar hacen falta al menos dos encuentros presenciales.',
      en: 'Meetings of each pairing. At least two in-person meetings are needed to complete.',
    },
  },
  defaultSort: '-date',
  access: {
    read: byOwnPairing,
    create: isSignedIn,
    update: byOwnPairing,
    delete: byOwnPairing,
  },
  hooks: {
    beforeChange: [enforceMeetingRules],
    afterChange: [noticeNewMeeting(options), recountAfterMeetingChange(options)],
    beforeDelete: [protectMeetingOnDelete],
    afterDelete: [recountAfterMeetingDelete(options)],
  },
  fields: [
    { name: 'title', type: 'text', admin: { hidden: true }, access: { create: () => false, update: () => false } },
    { name: 'pairing', type: 'relationship', relationTo: 'pairings', required: true, index: true, label: { ca: 'Parella', es: 'Pareja', en: 'Pairing' } },
    {
      type: 'row',
      fields: [
        { name: 'date', type: 'date', required: true, label: { ca: 'Data', es: 'Fecha', en: 'Date' }, admin: { date: datePicker('dayAndTime') } },
        {
          name: 'modality',
          type: 'select',
          required: true,
          defaultValue: 'in_person',
          label: { ca: 'Modalitat', es: 'Modalidad', en: 'Format' },
          options: MEETING_MODALITIES.map((value) => ({ value, label: modalityLabels[value] })),
        },
        { name: 'durationMinutes', type: 'number', min: 5, max: 24 * 60, label: { ca: 'Durada (minuts)', es: 'Duración (minutos)', en: 'Duration (minutes)' } },
      ],
    },
    { name: 'place', type: 'text', maxLength: 200, label: { ca: 'Lloc', es: 'Lugar', en: 'Place' } },
    { name: 'summary', type: 'textarea', maxLength: 4000, label: { ca: 'Resum', es: 'Resumen', en: 'Summary' } },
    { name: 'recordedBy', type: 'relationship', relationTo: 'users', label: { ca: 'Registrada per', es: 'Registrado por', en: 'Recorded by' }, admin: { readOnly: true }, access: { create: () => false, update: () => false } },
  ],
})
