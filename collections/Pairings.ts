import type { CollectionConfig, Field } from 'payload'

import { evaluationVisibleTo, ownPairings } from '../access/ownership'
import { isSecretariat, isSecretariatField, isSecretariatUser } from '../access/roles'
import { recountOnStartChange } from '../hooks/meeting-count'
import { afterPairingChange, enforcePairingRules, recordWrittenPaths } from '../hooks/pairings'
import type { MentoriaOptions } from '../src/lib/options'
import { PAIRING_STATUSES } from '../src/rules/pairings'
import { isOverdue } from '../src/rules/reminders'
import { datePicker, type Label } from './fields'

const statusLabels: Record<(typeof PAIRING_STATUSES)[number], Label> = {
  proposed: { ca: 'Proposada', es: 'Propuesta', en: 'Proposed' },
  accepted: { ca: 'Acceptada', es: 'Aceptada', en: 'Accepted' },
  declined: { ca: 'Declinada', es: 'Declinada', en: 'Declined' },
  active: { ca: 'En curs', es: 'En curso', en: 'Active' },
  completed: { ca: 'Completada', es: 'Completada', en: 'Completed' },
  cancelled: { ca: 'Cancel·lada', es: 'Cancelada', en: 'Cancelled' },
}

const partyAgreement = (name: 'mentor' | 'mentee', label: Label): Field => ({
  name,
  type: 'group',
  label,
  fields: [
    {
      name: 'agreed',
      type: 'checkbox',
      defaultValue: false,
      label: { ca: "Hi està d'acord", es: 'Está de acuerdo', en: 'Agrees' },
    },
    {
      name: 'note',
      type: 'text',
      maxLength: 500,
      label: {
        ca: 'Nota (obligatòria si la secretaria ho registra en nom seu)',
        es: 'Nota (obligatoria si la secretaría lo registra en su nombre)',
        en: 'Note (required if the secretariat records it on their behalf)',
      },
    },
    {
      name: 'by',
      type: 'relationship',
      relationTo: 'users',
      label: { ca: 'Registrat per', es: 'Registrado por', en: 'Recorded by' },
      admin: { readOnly: true },
    },
    {
      name: 'at',
      type: 'date',
      label: { ca: 'Registrat el', es: 'Registrado el', en: 'Recorded on' },
      admin: { readOnly: true, date: datePicker('dayAndTime') },
    },
  ],
})

const readOnlyDate = (name: string, label: Label): Field => ({
  name,
  type: 'date',
  label,
  admin: { readOnly: true, date: datePicker('dayAndTime') },
  access: { create: () => false, update: () => false },
})

const evaluation = (name: string, label: Label, author: 'mentor' | 'mentee'): Field => ({
  name,
  type: 'group',
  label,
  // R13: only its author and the secretariat read an evaluation, and only they write it (the other
  // party's write is refused by the rules whatever its value: hooks/pairings.ts, recordWrittenPaths).
  access: { read: evaluationVisibleTo(author), update: evaluationVisibleTo(author) },
  fields: [
    {
      name: 'rating',
      type: 'number',
      min: 1,
      max: 5,
      label: { ca: 'Valoració (1–5)', es: 'Valoración (1–5)', en: 'Rating (1–5)' },
    },
    {
      name: 'comments',
      type: 'textarea',
      maxLength: 4000,
      label: { ca: 'Comentaris', es: 'Comentarios', en: 'Comments' },
    },
  ],
})

export const createPairingsCollection = (options: MentoriaOptions): CollectionConfig => ({
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
  // The console counts by edition and state (src/services/edition-summary.ts).
  indexes: [{ fields: ['edition', 'status'] }],
  versions: { maxPerDoc: 100 },
  access: {
    create: isSecretariat,
    read: ownPairings,
    update: ownPairings,
    // History matters: only proposals that never started can be deleted; the rest are cancelled.
    delete: ({ req }) =>
      isSecretariat({ req }) ? { status: { in: ['proposed', 'declined'] } } : false,
    // Past versions hold evaluations (R13) and cancellation reasons of earlier states: the secretariat's alone.
    readVersions: isSecretariat,
  },
  hooks: {
    beforeOperation: [recordWrittenPaths],
    beforeChange: [enforcePairingRules(options), recountOnStartChange(options)],
    afterChange: [afterPairingChange(options)],
  },
  fields: [
    {
      name: 'title',
      type: 'text',
      label: { ca: 'Parella', es: 'Pareja', en: 'Pairing' },
      admin: { readOnly: true, hidden: true },
      access: { create: () => false, update: () => false },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'edition',
          type: 'relationship',
          relationTo: 'editions',
          index: true,
          label: { ca: 'Convocatòria', es: 'Convocatoria', en: 'Edition' },
          access: { update: isSecretariatField },
        },
        {
          name: 'mentor',
          type: 'relationship',
          relationTo: 'mentors',
          required: true,
          index: true,
          label: { ca: 'Persona mentora', es: 'Persona mentora', en: 'Mentor' },
          access: { update: isSecretariatField },
        },
        {
          name: 'candidate',
          type: 'relationship',
          relationTo: 'candidates',
          required: true,
          index: true,
          label: {
            ca: 'Persona mentorada (sol·licitud)',
            es: 'Persona mentorizada (solicitud)',
            en: 'Mentee (application)',
          },
          access: { update: isSecretariatField },
        },
      ],
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'proposed',
      index: true,
      label: { ca: 'Estat', es: 'Estado', en: 'Status' },
      options: PAIRING_STATUSES.map((status) => ({ value: status, label: statusLabels[status] })),
      admin: {
        position: 'sidebar',
        description: {
          ca: "Els canvis possibles depenen de l'estat i de qui sou.",
          es: 'Los cambios posibles dependen del estado y de quién sois.',
          en: 'Which changes are possible depends on the status and on who you are.',
        },
      },
    },
    // Audit fields: written by the rules (hooks/pairings), never by a request.
    {
      name: 'statusChangedAt',
      type: 'date',
      label: {
        ca: "Darrer canvi d'estat",
        es: 'Último cambio de estado',
        en: 'Last status change',
      },
      access: { create: () => false, update: () => false },
      admin: { readOnly: true, position: 'sidebar', date: datePicker('dayAndTime') },
    },
    {
      name: 'answeredAt',
      type: 'date',
      label: {
        ca: 'Resposta de la persona mentora',
        es: 'Respuesta de la persona mentora',
        en: "Mentor's answer",
      },
      access: { create: () => false, update: () => false },
      admin: { readOnly: true, position: 'sidebar', date: datePicker('dayAndTime') },
    },
    {
      name: 'overdue',
      type: 'checkbox',
      virtual: true,
      label: {
        ca: 'Ha passat la data de finalització',
        es: 'Ha pasado la fecha de finalización',
        en: 'Past its end date',
      },
      admin: { readOnly: true, position: 'sidebar' },
      hooks: { afterRead: [({ siblingData }) => isOverdue(siblingData, new Date())] },
    },
    {
      name: 'fitxaPublished',
      type: 'checkbox',
      defaultValue: false,
      label: { ca: 'Fitxa publicada', es: 'Ficha publicada', en: 'Fitxa published' },
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
    // R4 held by the database, without transactions (src/rules/unique-keys.ts): the seat this pairing
    // takes of its mentor's capacity in the edition while proposed, accepted or active, and while accepted or active.
    {
      name: 'capacitySeat',
      type: 'text',
      unique: true,
      admin: { hidden: true },
      access: { read: () => false, create: () => false, update: () => false },
    },
    {
      name: 'underwaySeat',
      type: 'text',
      unique: true,
      admin: { hidden: true },
      access: { read: () => false, create: () => false, update: () => false },
    },
    {
      // What the secretariat reads as «enviat el…»: the reminders and notices of this pairing (src/jobs/reminders.ts).
      name: 'reminders',
      type: 'join',
      collection: 'reminders',
      on: 'pairing',
      defaultLimit: 20,
      defaultSort: '-createdAt',
      label: { ca: 'Recordatoris enviats', es: 'Recordatorios enviados', en: 'Reminders sent' },
      access: { read: isSecretariatField },
      admin: { defaultColumns: ['kind', 'audience', 'to', 'sentAt'], allowCreate: false },
    },
    {
      // Kept by hooks/meeting-count.ts: the console counts pairings short of R7 with a plain query.
      name: 'countedMeetings',
      type: 'number',
      defaultValue: 0,
      label: {
        ca: 'Trobades que compten per completar-la',
        es: 'Encuentros que cuentan para completarla',
        en: 'Meetings that count towards completion',
      },
      access: { create: () => false, update: () => false },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'fitxaPending',
      type: 'checkbox',
      virtual: true,
      label: {
        ca: 'Fitxa pendent de publicar',
        es: 'Ficha pendiente de publicar',
        en: 'Fitxa not yet published',
      },
      admin: { readOnly: true, position: 'sidebar' },
      hooks: {
        afterRead: [
          ({ siblingData }) => siblingData.status === 'completed' && !siblingData.fitxaPublished,
        ],
      },
    },
    {
      type: 'tabs',
      tabs: [
        {
          label: { ca: 'Acord', es: 'Acuerdo', en: 'Agreement' },
          description: {
            ca: 'El que pacten les dues parts en començar (durada, objectius, activitats, calendari).',
            es: 'Lo que pactan las dos partes al empezar (duración, objetivos, actividades, calendario).',
            en: 'What both parties agree at the start (duration, objectives, activities, calendar).',
          },
          fields: [
            {
              type: 'row',
              fields: [
                {
                  name: 'startDate',
                  type: 'date',
                  label: { ca: "Data d'inici", es: 'Fecha de inicio', en: 'Start date' },
                  admin: { date: datePicker('dayOnly') },
                },
                {
                  name: 'endDate',
                  type: 'date',
                  label: {
                    ca: 'Data de finalització pactada',
                    es: 'Fecha de finalización pactada',
                    en: 'Agreed end date',
                  },
                  admin: { date: datePicker('dayOnly') },
                },
              ],
            },
            {
              name: 'agreement',
              type: 'group',
              label: { ca: 'Acord', es: 'Acuerdo', en: 'Agreement' },
              fields: [
                {
                  name: 'objectives',
                  type: 'textarea',
                  maxLength: 4000,
                  label: { ca: 'Objectius', es: 'Objetivos', en: 'Objectives' },
                },
                {
                  name: 'activities',
                  type: 'textarea',
                  maxLength: 4000,
                  label: {
                    ca: 'Activitats principals',
                    es: 'Actividades principales',
                    en: 'Main activities',
                  },
                },
                {
                  name: 'calendar',
                  type: 'textarea',
                  maxLength: 2000,
                  label: { ca: 'Calendari', es: 'Calendario', en: 'Calendar' },
                },
              ],
            },
          ],
        },
        {
          label: { ca: 'Ampliació', es: 'Ampliación', en: 'Extension' },
          description: {
            ca: "Per passar d'un any cal que totes dues parts hi estiguin d'acord explícitament.",
            es: 'Para pasar de un año hace falta que las dos partes estén de acuerdo explícitamente.',
            en: 'Going beyond a year needs the explicit agreement of both parties.',
          },
          fields: [
            {
              name: 'extension',
              type: 'group',
              label: { ca: 'Ampliació', es: 'Ampliación', en: 'Extension' },
              admin: {
                description:
                  "Una proposta d'ampliació en curs: una nova data i el motiu. Canviar-los esborra els acords. Quan totes dues parts hi estan d'acord, la data de finalització passa a ser la proposada i la proposta es guarda a l'historial.",
              },
              fields: [
                {
                  name: 'proposedEndDate',
                  type: 'date',
                  label: {
                    ca: 'Nova data de finalització proposada',
                    es: 'Nueva fecha de finalización propuesta',
                    en: 'Proposed new end date',
                  },
                  admin: { date: datePicker('dayOnly') },
                },
                {
                  name: 'reason',
                  type: 'textarea',
                  maxLength: 2000,
                  label: {
                    ca: "Motiu de l'ampliació",
                    es: 'Motivo de la ampliación',
                    en: 'Reason for the extension',
                  },
                },
                partyAgreement('mentor', {
                  ca: 'Acord de la persona mentora',
                  es: 'Acuerdo de la persona mentora',
                  en: "Mentor's agreement",
                }),
                partyAgreement('mentee', {
                  ca: 'Acord de la persona mentorada',
                  es: 'Acuerdo de la persona mentorizada',
                  en: "Mentee's agreement",
                }),
              ],
            },
            {
              name: 'extensionHistory',
              type: 'array',
              label: {
                ca: 'Ampliacions acordades',
                es: 'Ampliaciones acordadas',
                en: 'Agreed extensions',
              },
              labels: {
                singular: {
                  ca: 'Ampliació acordada',
                  es: 'Ampliación acordada',
                  en: 'Agreed extension',
                },
                plural: {
                  ca: 'Ampliacions acordades',
                  es: 'Ampliaciones acordadas',
                  en: 'Agreed extensions',
                },
              },
              admin: { readOnly: true },
              access: { create: () => false, update: () => false },
              fields: [
                {
                  type: 'row',
                  fields: [
                    {
                      name: 'previousEndDate',
                      type: 'date',
                      label: { ca: 'Data anterior', es: 'Fecha anterior', en: 'Previous date' },
                      admin: { date: datePicker('dayOnly') },
                    },
                    {
                      name: 'endDate',
                      type: 'date',
                      label: { ca: 'Nova data', es: 'Nueva fecha', en: 'New date' },
                      admin: { date: datePicker('dayOnly') },
                    },
                    {
                      name: 'agreedAt',
                      type: 'date',
                      label: { ca: 'Acordada el', es: 'Acordada el', en: 'Agreed on' },
                      admin: { date: datePicker('dayAndTime') },
                    },
                  ],
                },
                {
                  name: 'reason',
                  type: 'textarea',
                  label: { ca: 'Motiu', es: 'Motivo', en: 'Reason' },
                },
                {
                  name: 'mentorBy',
                  type: 'relationship',
                  relationTo: 'users',
                  label: {
                    ca: 'Acord de la persona mentora registrat per',
                    es: 'Acuerdo de la persona mentora registrado por',
                    en: "Mentor's agreement recorded by",
                  },
                },
                {
                  name: 'mentorNote',
                  type: 'text',
                  label: {
                    ca: 'Nota (persona mentora)',
                    es: 'Nota (persona mentora)',
                    en: 'Note (mentor)',
                  },
                },
                {
                  name: 'menteeBy',
                  type: 'relationship',
                  relationTo: 'users',
                  label: {
                    ca: 'Acord de la persona mentorada registrat per',
                    es: 'Acuerdo de la persona mentorizada registrado por',
                    en: "Mentee's agreement recorded by",
                  },
                },
                {
                  name: 'menteeNote',
                  type: 'text',
                  label: {
                    ca: 'Nota (persona mentorada)',
                    es: 'Nota (persona mentorizada)',
                    en: 'Note (mentee)',
                  },
                },
              ],
            },
          ],
        },
        {
          label: { ca: 'Tancament', es: 'Cierre', en: 'Closing' },
          fields: [
            {
              name: 'closing',
              type: 'group',
              label: {
                ca: 'Tancament i valoració',
                es: 'Cierre y valoración',
                en: 'Closing and evaluation',
              },
              fields: [
                {
                  name: 'closingDate',
                  type: 'date',
                  label: { ca: 'Data de tancament', es: 'Fecha de cierre', en: 'Closing date' },
                  admin: { date: datePicker('dayOnly') },
                },
                evaluation(
                  'menteeEvaluation',
                  {
                    ca: 'Valoració de la persona mentorada (obligatòria per completar)',
                    es: 'Valoración de la persona mentorizada (obligatoria para completar)',
                    en: "Mentee's evaluation (required to complete)",
                  },
                  'mentee',
                ),
                evaluation(
                  'mentorEvaluation',
                  {
                    ca: 'Valoració de la persona mentora',
                    es: 'Valoración de la persona mentora',
                    en: "Mentor's evaluation",
                  },
                  'mentor',
                ),
                {
                  type: 'row',
                  fields: [
                    // Whether each evaluation exists, without its content (R13): both parties may know it.
                    readOnlyDate('menteeEvaluatedAt', {
                      ca: 'Valoració de la persona mentorada feta el',
                      es: 'Valoración de la persona mentorizada hecha el',
                      en: "Mentee's evaluation given on",
                    }),
                    readOnlyDate('mentorEvaluatedAt', {
                      ca: 'Valoració de la persona mentora feta el',
                      es: 'Valoración de la persona mentora hecha el',
                      en: "Mentor's evaluation given on",
                    }),
                  ],
                },
              ],
            },
            {
              name: 'cancellationReason',
              type: 'textarea',
              maxLength: 2000,
              label: {
                ca: 'Motiu de cancel·lació o de retirada',
                es: 'Motivo de cancelación o de retirada',
                en: 'Reason for cancelling or withdrawing',
              },
              admin: {
                description:
                  "Quan una de les parts deixa l'acompanyament, o la secretaria el cancel·la.",
              },
            },
            {
              name: 'cancelledBy',
              type: 'relationship',
              relationTo: 'users',
              label: {
                ca: 'Cancel·lada o deixada per',
                es: 'Cancelada o dejada por',
                en: 'Cancelled or left by',
              },
              admin: { readOnly: true },
              access: { create: () => false, update: () => false },
            },
          ],
        },
        {
          label: { ca: 'Aparellament', es: 'Emparejamiento', en: 'Matching' },
          fields: [
            {
              name: 'matching',
              type: 'group',
              label: {
                ca: 'Proposta del programa',
                es: 'Propuesta del programa',
                en: "The programme's proposal",
              },
              access: { create: isSecretariatField, update: isSecretariatField },
              admin: { readOnly: true },
              fields: [
                {
                  name: 'score',
                  type: 'number',
                  label: { ca: 'Puntuació', es: 'Puntuación', en: 'Score' },
                },
                {
                  name: 'explanation',
                  type: 'textarea',
                  label: { ca: 'Explicació', es: 'Explicación', en: 'Explanation' },
                },
              ],
            },
          ],
        },
      ],
    },
  ],
})
