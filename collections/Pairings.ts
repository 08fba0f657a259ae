import type { CollectionConfig, Field } from 'payload'

import { evaluationVisibleTo, ownPairings } from '../access/ownership'
import { isSecretariat, isSecretariatField, isSecretariatUser } from '../access/roles'
import { afterPairingChange, enforcePairingRules } from '../hooks/pairings'
import { answerProposalEndpoint } from '../src/endpoints/answer'
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

const readOnlyDate = (name: string, label: string): Field => ({
  name,
  type: 'date',
  label,
  admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime', displayFormat: 'd MMM yyyy, HH:mm' } },
  access: { create: () => false, update: () => false },
})

const evaluation = (name: string, label: string, author: 'mentor' | 'mentee'): Field => ({
  name,
  type: 'group',
  label,
  // R13: only its author and the secretariat read an evaluation.
  access: { read: evaluationVisibleTo(author) },
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
    // Mentors and mentees follow their pairings in «Les meves mentories», with actions instead of raw fields.
    hidden: ({ user }) => !isSecretariatUser(user as never),
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
  },
  endpoints: [answerProposalEndpoint],
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
    { name: 'statusChangedAt', type: 'date', label: "Darrer canvi d'estat", admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime', displayFormat: 'd MMM yyyy, HH:mm' } } },
    { name: 'answeredAt', type: 'date', label: 'Resposta de la persona mentora', admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime', displayFormat: 'd MMM yyyy, HH:mm' } } },
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
              admin: {
                description:
                  "Una proposta d'ampliació en curs: una nova data i el motiu. Canviar-los esborra els acords. Quan totes dues parts hi estan d'acord, la data de finalització passa a ser la proposada i la proposta es guarda a l'historial.",
              },
              fields: [
                { name: 'proposedEndDate', type: 'date', label: 'Nova data de finalització proposada', admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'd MMM yyyy' } } },
                { name: 'reason', type: 'textarea', maxLength: 2000, label: "Motiu de l'ampliació" },
                partyAgreement('mentor', 'Acord de la persona mentora'),
                partyAgreement('mentee', 'Acord de la persona mentorada'),
              ],
            },
            {
              name: 'extensionHistory',
              type: 'array',
              label: 'Ampliacions acordades',
              labels: { singular: 'Ampliació acordada', plural: 'Ampliacions acordades' },
              admin: { readOnly: true },
              access: { create: () => false, update: () => false },
              fields: [
                {
                  type: 'row',
                  fields: [
                    { name: 'previousEndDate', type: 'date', label: 'Data anterior', admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'd MMM yyyy' } } },
                    { name: 'endDate', type: 'date', label: 'Nova data', admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'd MMM yyyy' } } },
                    { name: 'agreedAt', type: 'date', label: 'Acordada el', admin: { date: { pickerAppearance: 'dayAndTime', displayFormat: 'd MMM yyyy, HH:mm' } } },
                  ],
                },
                { name: 'reason', type: 'textarea', label: 'Motiu' },
                { name: 'mentorBy', type: 'relationship', relationTo: 'users', label: 'Acord de la persona mentora registrat per' },
                { name: 'mentorNote', type: 'text', label: 'Nota (persona mentora)' },
                { name: 'menteeBy', type: 'relationship', relationTo: 'users', label: 'Acord de la persona mentorada registrat per' },
                { name: 'menteeNote', type: 'text', label: 'Nota (persona mentorada)' },
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
                evaluation('menteeEvaluation', 'Valoració de la persona mentorada (obligatòria per completar)', 'mentee'),
                evaluation('mentorEvaluation', 'Valoració de la persona mentora', 'mentor'),
                {
                  type: 'row',
                  fields: [
                    // Whether each evaluation exists, without its content (R13): both parties may know it.
                    readOnlyDate('menteeEvaluatedAt', 'Valoració de la persona mentorada feta el'),
                    readOnlyDate('mentorEvaluatedAt', 'Valoració de la persona mentora feta el'),
                  ],
                },
              ],
            },
            {
              name: 'cancellationReason',
              type: 'textarea',
              maxLength: 2000,
              label: 'Motiu de cancel·lació o de retirada',
              admin: { description: "Quan una de les parts deixa l'acompanyament, o la secretaria el cancel·la." },
            },
            {
              name: 'cancelledBy',
              type: 'relationship',
              relationTo: 'users',
              label: 'Cancel·lada o deixada per',
              admin: { readOnly: true },
              access: { create: () => false, update: () => false },
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
