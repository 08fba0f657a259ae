import type { CollectionConfig, Field } from 'payload'

import { ownPairings } from '../access/ownership'
import { isSecretariat, isSecretariatField } from '../access/roles'
import { afterPairingChange, enforcePairingRules } from '../hooks/pairings'
import { answerProposalEndpoint, answerProposalGetEndpoint } from '../src/endpoints/answer'
import { PAIRING_STATUSES } from '../src/rules/pairings'

const statusLabels: Record<(typeof PAIRING_STATUSES)[number], { ca: string; es: string; en: string }> = {
  proposed: { ca: 'Proposada', es: 'Propuesta', en: 'Proposed' },
  accepted: { ca: 'Acceptada', es: 'Aceptada', en: 'Accepted' },
  declined: { ca: 'Declinada', es: 'Declinada', en: 'Declined' },
  active: { ca: 'En curs', es: 'En curso', en: 'Active' },
  completed: { ca: 'Completada', es: 'Completada', en: 'Completed' },
  cancelled: { ca: 'Cancel·lada', es: 'Cancelada', en: 'Cancelled' },
}

const partyAgreement = (name: 'mentor' | 'mentee', label: string): Field => ({
  name,
  type: 'group',
  label,
  fields: [
    { name: 'agreed', type: 'checkbox', defaultValue: false, label: 'Hi està d\'acord' },
    {
      name: 'note',
      type: 'text',
      maxLength: 500,
      label: 'Nota (obligatòria si la secretaria ho registra en nom seu)',
    },
    { name: 'by', type: 'relationship', relationTo: 'users', label: 'Registrat per', admin: { readOnly: true } },
    { name: 'at', type: 'date', label: 'Registrat el', admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime', displayFormat: 'd MMM yyyy, HH:mm' } } },
  ],
})

const evaluation = (name: string, label: string): Field => ({
  name,
  type: 'group',
  label,
  fields: [
    { name: 'rating', type: 'number', min: 1, max: 5, label: 'Valoració (1–5)' },
    { name: 'comments', type: 'textarea', maxLength: 4000, label: 'Comentaris' },
  ],
})

export const Pairings: CollectionConfig = {
  slug: 'pairings',
  labels: {
    singular: { ca: 'Parella', es: 'Pareja', en: 'Pairing' },
    plural: { ca: 'Parelles', es: 'Parejas', en: 'Pairings' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'edition', 'status', 'startDate', 'endDate'],
    listSearchableFields: ['title'],
    group: { ca: 'Acompanyaments', es: 'Acompañamientos', en: 'Accompaniments' },
    description: {
      ca: "Cada parella és un acompanyament: es proposa, la persona mentora l'accepta o el declina, comença amb un acord i es tanca amb una valoració.",
      es: 'Cada pareja es un acompañamiento: se propone, se acepta o declina, empieza con un acuerdo y se cierra con una valoración.',
      en: 'Each pairing is one accompaniment: proposed, accepted or declined, started with an agreement and closed with an evaluation.',
    },
  },
  defaultSort: '-createdAt',
  versions: { maxPerDoc: 100 },
  access: {
    create: isSecretariat,
    read: ownPairings,
    update: ownPairings,
    // History matters: only proposals that never started can be deleted; the rest are cancelled.
    delete: ({ req }) => (isSecretariat({ req }) ? { status: { in: ['proposed', 'declined'] } } : false),
    // Past versions hold evaluations and cancellation reasons of earlier states: the secretariat's alone.
    readVersions: isSecretariat,
  },
  endpoints: [answerProposalEndpoint, answerProposalGetEndpoint],
  hooks: {
    beforeChange: [enforcePairingRules],
    afterChange: [afterPairingChange],
  },
  fields: [
    {
      name: 'title',
      type: 'text',
      label: 'Parella',
      admin: { readOnly: true, hidden: true },
      access: { create: () => false, update: () => false },
    },
    {
      type: 'row',
      fields: [
        { name: 'edition', type: 'relationship', relationTo: 'editions', index: true, label: 'Convocatòria', access: { update: isSecretariatField } },
        { name: 'mentor', type: 'relationship', relationTo: 'mentors', required: true, index: true, label: 'Persona mentora', access: { update: isSecretariatField } },
        { name: 'candidate', type: 'relationship', relationTo: 'candidates', required: true, index: true, label: 'Persona mentorada (sol·licitud)', access: { update: isSecretariatField } },
      ],
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'proposed',
      index: true,
      label: 'Estat',
      options: PAIRING_STATUSES.map((status) => ({ value: status, label: statusLabels[status] })),
      admin: { position: 'sidebar', description: 'Els canvis possibles depenen de l\'estat i de qui sou (R6).' },
    },
    // Audit fields: written by the rules (hooks/pairings), never by a request.
    { name: 'statusChangedAt', type: 'date', label: "Darrer canvi d'estat", access: { create: () => false, update: () => false }, admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime', displayFormat: 'd MMM yyyy, HH:mm' } } },
    { name: 'answeredAt', type: 'date', label: 'Resposta de la persona mentora', access: { create: () => false, update: () => false }, admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime', displayFormat: 'd MMM yyyy, HH:mm' } } },
    {
      name: 'overdue',
      type: 'checkbox',
      virtual: true,
      label: 'Ha passat la data de finalització',
      admin: { readOnly: true, position: 'sidebar' },
      hooks: {
        afterRead: [({ siblingData }) => siblingData.status === 'active' && Boolean(siblingData.endDate) && new Date(siblingData.endDate) < new Date()],
      },
    },
    {
      name: 'fitxaPublished',
      type: 'checkbox',
      defaultValue: false,
      label: 'Fitxa publicada',
      access: { create: () => false, update: () => false },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      // The current signed answer link's nonce (R4 by email); cleared once the mentor answers.
      name: 'answerNonce',
      type: 'text',
      admin: { hidden: true },
      access: { read: () => false, create: () => false, update: () => false },
    },
    {
      name: 'overdueNotifiedAt',
      type: 'date',
      label: 'Secretaria avisada del retard',
      admin: { readOnly: true, position: 'sidebar', condition: (data) => Boolean(data?.overdueNotifiedAt), date: { pickerAppearance: 'dayAndTime', displayFormat: 'd MMM yyyy, HH:mm' } },
      access: { create: () => false, update: () => false },
    },
    {
      name: 'fitxaReminderSentAt',
      type: 'date',
      label: 'Darrer recordatori de la fitxa',
      admin: { readOnly: true, position: 'sidebar', condition: (data) => Boolean(data?.fitxaReminderSentAt), date: { pickerAppearance: 'dayAndTime', displayFormat: 'd MMM yyyy, HH:mm' } },
      access: { create: () => false, update: () => false },
    },
    {
      name: 'fitxaPending',
      type: 'checkbox',
      virtual: true,
      label: 'Fitxa pendent (R10)',
      admin: { readOnly: true, position: 'sidebar' },
      hooks: { afterRead: [({ siblingData }) => siblingData.status === 'completed' && !siblingData.fitxaPublished] },
    },
    {
      type: 'tabs',
      tabs: [
        {
          label: 'Acord',
          description: 'El que pacten les dues parts en començar (durada, objectius, activitats, calendari).',
          fields: [
            {
              type: 'row',
              fields: [
                { name: 'startDate', type: 'date', label: "Data d'inici", admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'd MMM yyyy' } } },
                { name: 'endDate', type: 'date', label: 'Data de finalització pactada', admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'd MMM yyyy' } } },
              ],
            },
            {
              name: 'agreement',
              type: 'group',
              label: 'Acord',
              fields: [
                { name: 'objectives', type: 'textarea', maxLength: 4000, label: 'Objectius' },
                { name: 'activities', type: 'textarea', maxLength: 4000, label: 'Activitats principals' },
                { name: 'calendar', type: 'textarea', maxLength: 2000, label: 'Calendari' },
              ],
            },
          ],
        },
        {
          label: 'Ampliació',
          description: "Per passar d'un any cal que totes dues parts hi estiguin d'acord explícitament (R8).",
          fields: [
            {
              name: 'extension',
              type: 'group',
              label: 'Ampliació',
              fields: [
                partyAgreement('mentor', 'Acord de la persona mentora'),
                partyAgreement('mentee', 'Acord de la persona mentorada'),
                { name: 'reason', type: 'textarea', maxLength: 2000, label: "Motiu de l'ampliació" },
              ],
            },
          ],
        },
        {
          label: 'Tancament',
          fields: [
            {
              name: 'closing',
              type: 'group',
              label: 'Tancament i valoració',
              fields: [
                { name: 'closingDate', type: 'date', label: 'Data de tancament', admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'd MMM yyyy' } } },
                evaluation('menteeEvaluation', 'Valoració de la persona mentorada (obligatòria per completar)'),
                evaluation('mentorEvaluation', 'Valoració de la persona mentora'),
              ],
            },
            {
              name: 'cancellationReason',
              type: 'textarea',
              maxLength: 2000,
              label: 'Motiu de cancel·lació',
              access: { create: isSecretariatField, update: isSecretariatField },
            },
          ],
        },
        {
          label: 'Aparellament',
          fields: [
            {
              name: 'matching',
              type: 'group',
              label: 'Proposta del programa',
              access: { create: isSecretariatField, update: isSecretariatField },
              admin: { readOnly: true },
              fields: [
                { name: 'score', type: 'number', label: 'Puntuació' },
                { name: 'explanation', type: 'textarea', label: 'Explicació' },
              ],
            },
          ],
        },
      ],
    },
  ],
}
