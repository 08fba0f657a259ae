import type { CollectionConfig } from 'payload'

import { byOwnPairing } from '../access/ownership'
import { isSecretariatUser, isSignedIn } from '../access/roles'
import { enforceMeetingRules, noticeNewMeeting, protectMeetingOnDelete } from '../hooks/meetings'
import { MEETING_MODALITIES } from '../src/plugin/options'

export const Meetings: CollectionConfig = {
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
  hooks: { beforeChange: [enforceMeetingRules], afterChange: [noticeNewMeeting], beforeDelete: [protectMeetingOnDelete] },
  fields: [
    { name: 'title', type: 'text', admin: { hidden: true }, access: { create: () => false, update: () => false } },
    { name: 'pairing', type: 'relationship', relationTo: 'pairings', required: true, index: true, label: 'Parella' },
    {
      type: 'row',
      fields: [
        { name: 'date', type: 'date', required: true, label: 'Data', admin: { date: { pickerAppearance: 'dayAndTime', displayFormat: 'd MMM yyyy, HH:mm' } } },
        {
          name: 'modality',
          type: 'select',
          required: true,
          defaultValue: 'in_person',
          label: 'Modalitat',
          options: MEETING_MODALITIES.map((value) => ({
            value,
            label: { in_person: 'Presencial', online: 'En línia', phone: 'Per telèfon' }[value],
          })),
        },
        { name: 'durationMinutes', type: 'number', min: 5, max: 24 * 60, label: 'Durada (minuts)' },
      ],
    },
    { name: 'place', type: 'text', maxLength: 200, label: 'Lloc' },
    { name: 'summary', type: 'textarea', maxLength: 4000, label: 'Resum' },
    { name: 'recordedBy', type: 'relationship', relationTo: 'users', label: 'Registrada per', admin: { readOnly: true }, access: { create: () => false, update: () => false } },
  ],
}
