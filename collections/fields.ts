import type { DateField, Field, FieldAccess, Option, PayloadRequest } from 'payload'

import { isSecretariatField } from '../access/roles'
import { LANGUAGE_OPTIONS } from '../src/lib/languages'
import type { Topic } from '../src/lib/options'
import { unknownValues, type VocabularyKind } from '../src/rules/vocabularies'
import { currentVocabularies } from '../src/services/vocabularies'

/** What a person reads in the admin, in the three languages it offers. */
export type Label = { ca: string; es: string; en: string }

/** The date picker the Catalan way (10 nov. 2026, 07:01): a day, or a day and a time. */
export const datePicker = (
  appearance: 'dayOnly' | 'dayAndTime',
): NonNullable<NonNullable<DateField['admin']>['date']> =>
  appearance === 'dayOnly'
    ? { pickerAppearance: 'dayOnly', displayFormat: 'd MMM yyyy' }
    : { pickerAppearance: 'dayAndTime', displayFormat: 'd MMM yyyy, HH:mm' }

export const topicOptions = (topics: Topic[]): Option[] =>
  topics.map((topic) => ({ value: topic.value, label: topic.label }))

/**
 * A field that stores values of a vocabulary the secretariat edits («Vocabularis»): a list of texts
 * (the same values a select stored), checked against the current list on every save, and picked in
 * the admin from that list (src/admin/vocabularies/VocabularyPicker.tsx). A select's options are
 * fixed when the server starts; these follow the vocabulary without a restart.
 */
export const vocabularyField = ({
  name,
  kind,
  label,
  required = false,
  index = false,
  description,
}: {
  name: string
  kind: VocabularyKind
  label: Label
  required?: boolean
  index?: boolean
  description?: Label
}): Field => ({
  name,
  type: 'text',
  hasMany: true,
  required,
  index,
  label,
  maxRows: 50,
  admin: {
    ...(description ? { description } : {}),
    components: {
      Field: {
        path: '/src/admin/vocabularies/VocabularyPicker#VocabularyPicker',
        serverProps: { kind },
      },
    },
  },
  validate: async (
    value: unknown,
    { req, required: isRequired }: { req: PayloadRequest; required?: boolean },
  ) => {
    const values = Array.isArray(value)
      ? value
      : value === null || value === undefined || value === ''
        ? []
        : [value]
    const { one } = kind === 'topics' ? { one: 'un àmbit' } : { one: 'una classificació' }
    if (isRequired && values.length === 0) return `Cal triar com a mínim ${one}.`
    const list = (await currentVocabularies(req.payload))[kind]
    const unknown = unknownValues(list, values)
    if (unknown.length) {
      return `«${unknown[0]}» no és a la llista (${list.map((item) => item.value).join(', ')}); la secretaria tècnica la gestiona a Vocabularis.`
    }
    return true
  },
})

/** Name, email, phone and position: the same for mentors and candidates (docs/domain.md). */
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
        // One person, one address: stored in lower case, as accounts are, so that every match by email holds.
        hooks: {
          beforeValidate: [
            ({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
          ],
        },
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

/** The language of every email the person receives (DOMAIN.md): the form's language when they apply or offer. */
export const emailLanguageField = (): Field => ({
  name: 'language',
  type: 'select',
  defaultValue: 'ca',
  options: [
    { value: 'ca', label: { ca: 'Català', es: 'Catalán', en: 'Catalan' } },
    { value: 'es', label: { ca: 'Castellà', es: 'Castellano', en: 'Spanish' } },
    { value: 'en', label: { ca: 'Anglès', es: 'Inglés', en: 'English' } },
  ],
  label: { ca: 'Idioma dels correus', es: 'Idioma de los correos', en: 'Email language' },
  admin: {
    description: {
      ca: "L'idioma en què la persona rep tots els correus del programa (no les llengües en què pot fer les trobades).",
      es: 'El idioma en que la persona recibe todos los correos del programa (no las lenguas en que puede hacer los encuentros).',
      en: 'The language of every email the person receives (not the languages they can meet in).',
    },
  },
})
