import type { Field, FieldAccess, Option } from 'payload'

import { isSecretariatField } from '../access/roles'

import type { Topic } from '../src/plugin/options'

export const LANGUAGE_OPTIONS: Option[] = [
  { value: 'ca', label: { ca: 'Català', es: 'Catalán', en: 'Catalan' } },
  { value: 'es', label: { ca: 'Castellà', es: 'Castellano', en: 'Spanish' } },
  { value: 'oc', label: { ca: 'Occità (aranès)', es: 'Occitano (aranés)', en: 'Occitan (Aranese)' } },
  { value: 'en', label: { ca: 'Anglès', es: 'Inglés', en: 'English' } },
  { value: 'fr', label: { ca: 'Francès', es: 'Francés', en: 'French' } },
]

export const topicOptions = (topics: Topic[]): Option[] =>
  topics.map((topic) => ({ value: topic.value, label: topic.label }))

/** Name, email, phone and position: the same for mentors and candidates (DOMAIN.md). */
export const personFields = ({ contactRead }: { contactRead: FieldAccess }): Field[] => [
  {
    type: 'row',
    fields: [
      {
        name: 'name',
        type: 'text',
        required: true,
        maxLength: 200,
        label: { ca: 'Nom i cognoms', es: 'Nombre y apellidos', en: 'Full name' },
      },
      {
        name: 'position',
        type: 'text',
        maxLength: 200,
        label: { ca: 'Càrrec', es: 'Cargo', en: 'Position' },
      },
    ],
  },
  {
    type: 'row',
    fields: [
      {
        name: 'email',
        type: 'email',
        required: true,
        index: true,
        // R12: contact data only for the person, the secretariat, and the other side of an accepted pairing.
        access: { read: contactRead },
        label: { ca: 'Correu electrònic', es: 'Correo electrónico', en: 'Email' },
      },
      {
        name: 'phone',
        type: 'text',
        access: { read: contactRead },
        maxLength: 40,
        label: { ca: 'Telèfon', es: 'Teléfono', en: 'Phone' },
      },
    ],
  },
]

/** The council a person works for: it decides R3 and R5, so only the secretariat changes it. */
export const municipalityField = (): Field => ({
  name: 'municipality',
  type: 'relationship',
  relationTo: 'municipalities',
  required: true,
  index: true,
  label: { ca: 'Ens', es: 'Ente', en: 'Council' },
  access: { update: isSecretariatField },
})

export const languagesField = (): Field => ({
  name: 'languages',
  type: 'select',
  hasMany: true,
  defaultValue: ['ca'],
  options: LANGUAGE_OPTIONS,
  label: { ca: 'Llengües', es: 'Lenguas', en: 'Languages' },
})
