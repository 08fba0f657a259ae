import type { CollectionConfig } from 'payload'

import { contactVisibleTo, ownProfile, ownProfileOrCounterpart } from '../access/ownership'
import { isSecretariat, isSecretariatField } from '../access/roles'
import { enforceCandidateRules, normaliseCandidateEmail } from '../hooks/candidates'
import type { MentoriaOptions } from '../src/lib/options'
import {
  emailLanguageField,
  languagesField,
  municipalityField,
  personFields,
  vocabularyField,
} from './fields'

export const createCandidatesCollection = (_options: MentoriaOptions): CollectionConfig => ({
  slug: 'candidates',
  labels: {
    singular: { ca: 'Sol·licitud', es: 'Solicitud', en: 'Application' },
    plural: { ca: 'Sol·licituds', es: 'Solicitudes', en: 'Applications' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'municipality', 'edition', 'status', 'createdAt'],
    listSearchableFields: ['name', 'email'],
    group: { ca: 'Programa', es: 'Programa', en: 'Programme' },
    description: {
      ca: 'Persones que demanen rebre la mentoria en una convocatòria.',
      es: 'Personas que piden recibir la mentoría en una convocatoria.',
      en: 'People who apply to be mentored in an edition.',
    },
  },
  defaultSort: '-createdAt',
  // The console counts by edition and state (src/services/edition-summary.ts).
  indexes: [{ fields: ['edition', 'status'] }],
  access: {
    read: ownProfileOrCounterpart('candidate'),
    create: isSecretariat,
    update: ownProfile('candidate'),
    delete: isSecretariat,
  },
  hooks: {
    beforeValidate: [normaliseCandidateEmail],
    beforeChange: [enforceCandidateRules],
  },
  fields: [
    ...personFields({ contactRead: contactVisibleTo('candidate') }),
    {
      type: 'row',
      fields: [
        municipalityField(),
        {
          name: 'edition',
          type: 'relationship',
          relationTo: 'editions',
          required: true,
          index: true,
          label: { ca: 'Convocatòria', es: 'Convocatoria', en: 'Edition' },
          access: { update: isSecretariatField },
        },
      ],
    },
    vocabularyField({
      name: 'topics',
      kind: 'topics',
      required: true,
      label: {
        ca: 'Necessitats (àmbits, per ordre de prioritat)',
        es: 'Necesidades (por prioridad)',
        en: 'Needs (by priority)',
      },
    }),
    {
      name: 'needs',
      type: 'textarea',
      maxLength: 4000,
      label: { ca: 'Què necessiteu', es: 'Qué necesitáis', en: 'What you need' },
    },
    {
      name: 'availability',
      type: 'textarea',
      maxLength: 2000,
      label: {
        ca: 'Disponibilitat i limitacions per desplaçar-se',
        es: 'Disponibilidad',
        en: 'Availability',
      },
    },
    languagesField(),
    emailLanguageField(),
    {
      name: 'consents',
      type: 'group',
      access: { update: isSecretariatField },
      label: { ca: 'Consentiments', es: 'Consentimientos', en: 'Consents' },
      fields: [
        {
          name: 'dataProcessing',
          type: 'checkbox',
          defaultValue: false,
          label: {
            ca: 'Accepta el tractament de dades',
            es: 'Acepta el tratamiento de datos',
            en: 'Data processing accepted',
          },
        },
        {
          name: 'commitment',
          type: 'checkbox',
          defaultValue: false,
          label: {
            ca: "Es compromet a fer l'acompanyament, comunicar incidències i documentar la fitxa",
            es: 'Se compromete a realizar el acompañamiento, comunicar incidencias y documentar la ficha',
            en: 'Commits to the accompaniment, reporting incidents and writing the fitxa',
          },
        },
      ],
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'submitted',
      index: true,
      label: { ca: 'Estat', es: 'Estado', en: 'Status' },
      access: { create: isSecretariatField, update: isSecretariatField },
      admin: { position: 'sidebar' },
      options: [
        { value: 'submitted', label: { ca: 'Rebuda', es: 'Recibida', en: 'Submitted' } },
        { value: 'eligible', label: { ca: 'Admesa', es: 'Admitida', en: 'Eligible' } },
        { value: 'ineligible', label: { ca: 'No admesa', es: 'No admitida', en: 'Ineligible' } },
        { value: 'matched', label: { ca: 'Aparellada', es: 'Emparejada', en: 'Matched' } },
        {
          value: 'completed',
          label: {
            ca: 'Mentoria completada',
            es: 'Mentoría completada',
            en: 'Mentoring completed',
          },
        },
        { value: 'withdrawn', label: { ca: 'Retirada', es: 'Retirada', en: 'Withdrawn' } },
      ],
    },
    // R1 held by the database, without transactions (src/rules/unique-keys.ts): `<edition>:<email>` while open.
    {
      name: 'openKey',
      type: 'text',
      unique: true,
      admin: { hidden: true },
      access: { read: () => false, create: () => false, update: () => false },
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
      name: 'lateRegistration',
      type: 'checkbox',
      defaultValue: false,
      label: {
        ca: 'Sol·licitud fora de termini',
        es: 'Solicitud fuera de plazo',
        en: 'Late application',
      },
      admin: {
        position: 'sidebar',
        description: 'Registrada per la secretaria tècnica fora del termini de sol·licituds.',
      },
      access: { create: isSecretariatField, update: isSecretariatField },
    },
  ],
})
