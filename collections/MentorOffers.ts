import type { CollectionConfig } from 'payload'

import { ownMentorOffers } from '../access/ownership'
import { isSecretariat } from '../access/roles'
import { offerUniqueKey } from '../hooks/mentor-offers'
import {
  MAX_OFFER_CAPACITY,
  MENTOR_OFFERS_SLUG,
  OFFER_REVIEW_LABELS,
  OFFER_REVIEW_STATES,
} from '../src/rules/mentor-offers'
import { vocabularyField } from './fields'

/**
 * Ofertes de mentoria (DOMAIN.md, R4): what one mentor offers for one edition (topics, capacity,
 * availability). Offered on /oferta-mentoria (new mentors, and returning ones with a signed link), or
 * recorded by the secretariat. R4 and the matching read a mentor's capacity and availability here,
 * edition by edition (src/services/mentor-offers.ts). One per (mentor, edition): the unique `key`.
 */
export const MentorOffers: CollectionConfig = {
  slug: MENTOR_OFFERS_SLUG,
  labels: {
    singular: { ca: 'Oferta de mentoria', es: 'Oferta de mentoría', en: 'Mentor offer' },
    plural: { ca: 'Ofertes de mentoria', es: 'Ofertas de mentoría', en: 'Mentor offers' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'edition', 'review', 'capacity', 'available', 'topics'],
    group: { ca: 'Programa', es: 'Programa', en: 'Programme' },
    description: {
      ca: "El que cada persona mentora ofereix per a una convocatòria: àmbits, capacitat i disponibilitat. Les ofertes del formulari públic esperen «Per revisar» fins que la secretaria les accepta; l'aparellament i la capacitat de cada persona mentora només compten les acceptades.",
      es: 'Lo que cada persona mentora ofrece para una convocatoria: ámbitos, capacidad y disponibilidad. Solo cuentan las aceptadas.',
      en: 'What each mentor offers for one edition: topics, capacity and availability. Only accepted offers count.',
    },
  },
  defaultSort: '-createdAt',
  access: {
    read: ownMentorOffers,
    create: isSecretariat,
    update: isSecretariat,
    delete: isSecretariat,
  },
  hooks: { beforeChange: [offerUniqueKey] },
  fields: [
    {
      name: 'key',
      type: 'text',
      unique: true,
      index: true,
      admin: { hidden: true },
      access: { read: () => false, create: () => false, update: () => false },
    },
    {
      name: 'title',
      type: 'text',
      admin: { hidden: true },
      access: { create: () => false, update: () => false },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'mentor',
          type: 'relationship',
          relationTo: 'mentors',
          required: true,
          index: true,
          label: { ca: 'Persona mentora', es: 'Persona mentora', en: 'Mentor' },
        },
        {
          name: 'edition',
          type: 'relationship',
          relationTo: 'editions',
          required: true,
          index: true,
          label: { ca: 'Convocatòria', es: 'Convocatoria', en: 'Edition' },
        },
      ],
    },
    {
      name: 'review',
      type: 'select',
      required: true,
      defaultValue: 'accepted',
      index: true,
      options: OFFER_REVIEW_STATES.map((value) => ({ value, label: OFFER_REVIEW_LABELS[value] })),
      label: { ca: 'Revisió', es: 'Revisión', en: 'Review' },
      admin: {
        position: 'sidebar',
        description: {
          ca: "Només les ofertes acceptades compten per a l'aparellament i la capacitat.",
          es: 'Solo cuentan las ofertas aceptadas.',
          en: 'Only accepted offers count.',
        },
      },
    },
    vocabularyField({
      name: 'topics',
      kind: 'topics',
      required: true,
      label: {
        ca: 'Àmbits que ofereix aquest any',
        es: 'Ámbitos que ofrece este año',
        en: "This year's topics",
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
          max: MAX_OFFER_CAPACITY,
          label: {
            ca: 'Capacitat (acompanyaments en aquesta convocatòria)',
            es: 'Capacidad en esta convocatoria',
            en: 'Capacity in this edition',
          },
        },
        {
          name: 'available',
          type: 'checkbox',
          defaultValue: true,
          label: {
            ca: 'Disponible en aquesta convocatòria',
            es: 'Disponible en esta convocatoria',
            en: 'Available in this edition',
          },
        },
      ],
    },
    {
      name: 'availability',
      type: 'textarea',
      maxLength: 2000,
      label: { ca: 'Disponibilitat (quan i com)', es: 'Disponibilidad', en: 'Availability' },
    },
    {
      name: 'source',
      type: 'select',
      defaultValue: 'secretariat',
      options: [
        {
          value: 'form',
          label: { ca: 'Formulari públic', es: 'Formulario público', en: 'Public form' },
        },
        {
          value: 'renewal',
          label: { ca: 'Renovació amb enllaç', es: 'Renovación con enlace', en: 'Renewal link' },
        },
        {
          value: 'secretariat',
          label: { ca: 'Secretaria tècnica', es: 'Secretaría técnica', en: 'Secretariat' },
        },
        {
          value: 'migration',
          label: { ca: 'Dades anteriors', es: 'Datos anteriores', en: 'Earlier data' },
        },
      ],
      label: { ca: 'Origen', es: 'Origen', en: 'Source' },
      admin: { position: 'sidebar', readOnly: true },
      access: { create: () => false, update: () => false },
    },
  ],
}
