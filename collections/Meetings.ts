import type { CollectionConfig } from 'payload'

import { byOwnPairing } from '../access/ownership'
import { isSecretariatUser, isSignedIn } from '../access/roles'
import { recountAfterMeetingChange, recountAfterMeetingDelete } from '../hooks/meeting-count'
import {
  cancelDeletedPlannedMeeting,
  enforceMeetingRules,
  noticeNewMeeting,
  protectMeetingOnDelete,
} from '../hooks/meetings'
import type { MentoriaOptions } from '../src/lib/options'
import { MEETING_STATUSES, type MeetingStatus } from '../src/rules/meetings'
import { MEETING_MODALITIES, type MeetingModality } from '../src/rules/modalities'
import { datePicker, type Label } from './fields'

const modalityLabels: Record<MeetingModality, Label> = {
  in_person: { ca: 'Presencial', es: 'Presencial', en: 'In person' },
  online: { ca: 'En línia', es: 'En línea', en: 'Online' },
  phone: { ca: 'Per telèfon', es: 'Por teléfono', en: 'By phone' },
}

const statusLabels: Record<MeetingStatus, Label> = {
  planned: { ca: 'Prevista', es: 'Prevista', en: 'Planned' },
  held: { ca: 'Feta', es: 'Realizada', en: 'Held' },
  cancelled: { ca: 'Anul·lada', es: 'Anulada', en: 'Cancelled' },
}

export const createMeetingsCollection = (options: MentoriaOptions): CollectionConfig => ({
  slug: 'meetings',
  labels: {
    singular: { ca: 'Trobada', es: 'Encuentro', en: 'Meeting' },
    plural: { ca: 'Trobades', es: 'Encuentros', en: 'Meetings' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'pairing', 'date', 'modality', 'status'],
    group: { ca: 'Acompanyaments', es: 'Acompañamientos', en: 'Accompaniments' },
    hidden: ({ user }) => !isSecretariatUser(user as never),
    description: {
      ca: 'Les trobades de cada parella: previstes (una data acordada, que arriba a les dues persones com a invitació de calendari), fetes o anul·lades. Per completar un acompanyament calen com a mínim dues trobades presencials fetes.',
      es: 'Los encuentros de cada pareja: previstos (una fecha acordada, que llega a las dos personas como invitación de calendario), realizados o anulados. Para completar hacen falta al menos dos encuentros presenciales realizados.',
      en: 'Meetings of each pairing: planned (an agreed date, sent to both people as a calendar invitation), held or cancelled. At least two held in-person meetings are needed to complete.',
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
    afterDelete: [recountAfterMeetingDelete(options), cancelDeletedPlannedMeeting],
  },
  fields: [
    {
      name: 'title',
      type: 'text',
      admin: { hidden: true },
      access: { create: () => false, update: () => false },
    },
    {
      name: 'pairing',
      type: 'relationship',
      relationTo: 'pairings',
      required: true,
      index: true,
      label: { ca: 'Parella', es: 'Pareja', en: 'Pairing' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'date',
          type: 'date',
          required: true,
          label: { ca: 'Data', es: 'Fecha', en: 'Date' },
          admin: { date: datePicker('dayAndTime') },
        },
        {
          name: 'modality',
          type: 'select',
          required: true,
          defaultValue: 'in_person',
          label: { ca: 'Modalitat', es: 'Modalidad', en: 'Format' },
          options: MEETING_MODALITIES.map((value) => ({ value, label: modalityLabels[value] })),
        },
        {
          name: 'durationMinutes',
          type: 'number',
          min: 5,
          max: 24 * 60,
          label: { ca: 'Durada (minuts)', es: 'Duración (minutos)', en: 'Duration (minutes)' },
        },
      ],
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      // A meeting recorded after it happened, as before meetings could be planned.
      defaultValue: 'held',
      index: true,
      label: { ca: 'Estat', es: 'Estado', en: 'Status' },
      options: MEETING_STATUSES.map((value) => ({ value, label: statusLabels[value] })),
      admin: {
        description: {
          ca: 'Prevista: una data acordada (no compta encara). Un cop passat el dia, marqueu-la com a feta (compta per tancar) o anul·lada.',
          es: 'Prevista: una fecha acordada (aún no cuenta). Pasado el día, marcadla como realizada (cuenta para cerrar) o anulada.',
          en: 'Planned: an agreed date (does not count yet). Once the day has passed, mark it held (it counts for closing) or cancelled.',
        },
      },
    },
    {
      name: 'place',
      type: 'text',
      maxLength: 200,
      label: { ca: 'Lloc', es: 'Lugar', en: 'Place' },
    },
    {
      name: 'summary',
      type: 'textarea',
      maxLength: 4000,
      label: { ca: 'Resum', es: 'Resumen', en: 'Summary' },
    },
    // RFC 5545's SEQUENCE of the meeting's calendar invitation: raised on each change of a planned meeting.
    {
      name: 'sequence',
      type: 'number',
      defaultValue: 0,
      admin: { hidden: true },
      access: { create: () => false, update: () => false },
    },
    {
      name: 'recordedBy',
      type: 'relationship',
      relationTo: 'users',
      label: { ca: 'Registrada per', es: 'Registrado por', en: 'Recorded by' },
      admin: { readOnly: true },
      access: { create: () => false, update: () => false },
    },
  ],
})
