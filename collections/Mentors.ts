import type { CollectionConfig } from 'payload'

import { contactVisibleTo, ownProfile, ownProfileOrCounterpart } from '../access/ownership'
import { isSecretariat, isSecretariatField } from '../access/roles'
import type { MentoriaOptions } from '../src/lib/options'
import {
  emailLanguageField,
  languagesField,
  municipalityField,
  personFields,
  vocabularyField,
} from './fields'

export const createMentorsCollection = (_options: MentoriaOptions): CollectionConfig => ({
  slug: 'mentors',
  labels: {
    singular: { ca: 'Persona mentora', es: 'Persona mentora', en: 'Mentor' },
    plural: { ca: 'Persones mentores', es: 'Personas mentoras', en: 'Mentors' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'municipality', 'topics', 'capacity', 'available'],
    listSearchableFields: ['name', 'email', 'position'],
    group: { ca: 'Programa', es: 'Programa', en: 'Programme' },
    description: {
      ca: "Persones d'ajuntaments amb experiència en ESS que acompanyen altres ajuntaments. Poden acceptar o declinar cada proposta.",
      es: 'Personas de ayuntamientos con experiencia en ESS que acompañan a otros ayuntamientos.',
      en: 'Council staff with ESS experience who accompany other councils.',
    },
  },
  defaultSort: 'name',
  access: {
    read: ownProfileOrCounterpart('mentor'),
    create: isSecretariat,
    update: ownProfile('mentor'),
    delete: isSecretariat,
  },
  fields: [
    ...personFields({ contactRead: contactVisibleTo('mentor') }),
    municipalityField(),
    vocabularyField({
      name: 'topics',
      kind: 'topics',
      required: true,
      label: {
        ca: 'Àmbits en què pot acompanyar',
        es: 'Ámbitos en los que puede acompañar',
        en: 'Topics',
      },
    }),
    {
      type: 'row',
      fields: [
        {
          name: 'capacity',
          type: 'number',
          required: true,
          defaultValue: 1,
          min: 0,
          max: 10,
          label: {
            ca: 'Capacitat (acompanyaments per convocatòria)',
            es: 'Capacidad',
            en: 'Capacity',
          },
          admin: {
            description: {
              ca: 'Només compta si la persona no té cap oferta de mentoria: la capacitat i la disponibilitat de cada convocatòria són les de la seva oferta (Ofertes de mentoria).',
              es: 'Solo cuenta si la persona no tiene ninguna oferta de mentoría: cuentan las de cada convocatoria.',
              en: "Only counts if the mentor has no mentor offer: each edition's offer decides.",
            },
          },
        },
        {
          name: 'available',
          type: 'checkbox',
          defaultValue: true,
          index: true,
          label: { ca: 'Disponible', es: 'Disponible', en: 'Available' },
        },
      ],
    },
    languagesField(),
    emailLanguageField(),
    {
      name: 'bio',
      type: 'textarea',
      maxLength: 4000,
      label: { ca: 'Trajectòria', es: 'Trayectoria', en: 'Background' },
    },
    {
      name: 'user',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      label: { ca: 'Usuària', es: 'Usuaria', en: 'User' },
      admin: { position: 'sidebar' },
      access: { create: isSecretariatField, update: isSecretariatField },
    },
    {
      // No longer written: R4 is held by the pairings' seat keys (src/rules/unique-keys.ts). Kept so that
      // existing databases need no change.
      name: 'capacityCheckedAt',
      type: 'date',
      admin: { hidden: true },
      access: { read: isSecretariatField, create: () => false, update: () => false },
    },
  ],
})
