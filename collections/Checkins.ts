import type { CollectionConfig } from 'payload'

import { isSecretariatUser } from '../access/roles'
import { confidentialScope } from '../src/rules/confidentiality'
import {
  CHECKIN_ANSWER_LABELS,
  CHECKIN_ANSWERS,
  CHECKIN_KIND_LABELS,
  CHECKIN_KINDS,
  CHECKINS_SLUG,
} from '../src/rules/checkins'
import { datePicker } from './fields'

const readOnly = { readOnly: true }

/**
 * Check-ins (seguiments): one short question to one party of one pairing, and the answer they gave
 * with one signed link (src/endpoints/checkin.ts). Read by the secretariat only (R13), on every path:
 * no party reads this collection (REST, GraphQL), it has no versions, no export and no join from
 * pairings. Written only by the daily round (src/jobs/checkins.ts) and the answer link; the unique
 * `key` (pairing, kind, person) makes each go out once however many rounds run.
 */
export const Checkins: CollectionConfig = {
  slug: CHECKINS_SLUG,
  labels: {
    singular: { ca: 'Seguiment', es: 'Seguimiento', en: 'Check-in' },
    plural: { ca: 'Seguiments', es: 'Seguimientos', en: 'Check-ins' },
  },
  admin: {
    useAsTitle: 'key',
    defaultColumns: ['pairing', 'kind', 'party', 'answer', 'answeredAt', 'sentAt'],
    group: { ca: 'Acompanyaments', es: 'Acompañamientos', en: 'Accompaniments' },
    hidden: ({ user }) => !isSecretariatUser(user as never),
    description: {
      ca: "Les preguntes curtes de seguiment (primer contacte als 10 dies d'acceptar; a meitat de camí) i les respostes. Només les veu la secretaria tècnica.",
      es: 'Las preguntas cortas de seguimiento (primer contacto a los 10 días de aceptar; a mitad de camino) y las respuestas. Solo las ve la secretaría técnica.',
      en: 'The short check-in questions (first contact 10 days after accepting; halfway) and their answers. Seen by the secretariat only.',
    },
  },
  defaultSort: '-createdAt',
  access: {
    // R13: `confidentialScope('checkinAnswer', …)` is «all» for the secretariat and «none» for anyone else.
    read: ({ req }) =>
      Boolean(req.user) &&
      confidentialScope('checkinAnswer', isSecretariatUser(req.user)) === 'all',
    create: () => false,
    update: () => false,
    // Deleting one would ask the question again.
    delete: () => false,
  },
  fields: [
    {
      name: 'key',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      label: { ca: 'Clau', es: 'Clave', en: 'Key' },
      admin: { ...readOnly, hidden: true },
    },
    {
      name: 'pairing',
      type: 'relationship',
      relationTo: 'pairings',
      required: true,
      index: true,
      label: { ca: 'Parella', es: 'Pareja', en: 'Pairing' },
      admin: readOnly,
    },
    {
      name: 'kind',
      type: 'select',
      required: true,
      label: { ca: 'Pregunta', es: 'Pregunta', en: 'Question' },
      options: CHECKIN_KINDS.map((kind) => ({ value: kind, label: CHECKIN_KIND_LABELS[kind] })),
      admin: readOnly,
    },
    {
      name: 'party',
      type: 'select',
      required: true,
      label: { ca: 'A qui', es: 'A quién', en: 'To whom' },
      options: [
        { value: 'mentor', label: { ca: 'Persona mentora', es: 'Persona mentora', en: 'Mentor' } },
        {
          value: 'mentee',
          label: { ca: 'Persona mentorada', es: 'Persona mentorizada', en: 'Mentee' },
        },
      ],
      admin: readOnly,
    },
    {
      name: 'to',
      type: 'text',
      label: { ca: 'Adreça', es: 'Dirección', en: 'Address' },
      admin: readOnly,
    },
    {
      name: 'sentAt',
      type: 'date',
      label: { ca: 'Enviat', es: 'Enviado', en: 'Sent' },
      admin: { ...readOnly, date: datePicker('dayAndTime') },
    },
    {
      name: 'answer',
      type: 'select',
      index: true,
      label: { ca: 'Resposta', es: 'Respuesta', en: 'Answer' },
      options: CHECKIN_ANSWERS.map((value) => ({ value, label: CHECKIN_ANSWER_LABELS[value] })),
      admin: readOnly,
    },
    {
      name: 'comment',
      type: 'textarea',
      maxLength: 2000,
      label: { ca: 'Comentari', es: 'Comentario', en: 'Comment' },
      admin: readOnly,
    },
    {
      name: 'answeredAt',
      type: 'date',
      label: { ca: 'Resposta rebuda', es: 'Respuesta recibida', en: 'Answered' },
      admin: { ...readOnly, date: datePicker('dayAndTime') },
    },
    // The signed link's nonce: cleared when answered, so a link works once (src/notifications/checkin-links.ts).
    { name: 'nonce', type: 'text', admin: { hidden: true }, access: { read: () => false } },
  ],
}
