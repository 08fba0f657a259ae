import type { CollectionConfig, FieldHook } from 'payload'

import { anyone, isSecretariat } from '../access/roles'
import { EDITION_PHASE_LABELS, EDITION_PHASES, type EditionPhase } from '../src/rules/phases'
import { editionPhaseOf } from '../src/services/edition-summary'
import { datePicker } from './fields'

const EDITION_PHASE_LABELS_ES: Record<EditionPhase, string> = {
  applications: 'Solicitudes',
  matching: 'Emparejamiento',
  start: 'Inicio de los acompañamientos',
  accompaniment: 'Acompañamientos en curso',
  closing: 'Cierre y fichas',
  closed: 'Cerrada',
}
const EDITION_PHASE_LABELS_EN: Record<EditionPhase, string> = {
  applications: 'Applications',
  matching: 'Matching',
  start: 'Accompaniments starting',
  accompaniment: 'Accompaniments under way',
  closing: 'Closing and fitxes',
  closed: 'Closed',
}

/** Once per edition and request: a list of pairings at depth 1 populates the same edition many times. */
const phaseAfterRead: FieldHook = async ({ siblingData, req }) => {
  if (!siblingData?.id || !siblingData.applicationsOpenAt || !siblingData.applicationsCloseAt)
    return undefined
  const cache = ((req.context.editionPhases as Map<string, Promise<EditionPhase>> | undefined) ??=
    new Map())
  const key = String(siblingData.id)
  if (!cache.has(key)) cache.set(key, editionPhaseOf(req, siblingData as never))
  return cache.get(key)
}

export const Editions: CollectionConfig = {
  slug: 'editions',
  labels: {
    singular: { ca: 'Convocatòria', es: 'Convocatoria', en: 'Edition' },
    plural: { ca: 'Convocatòries', es: 'Convocatorias', en: 'Editions' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'year', 'phase', 'applicationsOpenAt', 'applicationsCloseAt'],
    group: { ca: 'Programa', es: 'Programa', en: 'Programme' },
    description: {
      ca: "Cada any: sol·licituds al setembre, aparellament a l'octubre i inici dels acompanyaments al novembre.",
      es: 'Cada año: solicitudes en septiembre, emparejamiento en octubre e inicio en noviembre.',
      en: 'Each year: applications in September, matching in October, accompaniments from November.',
    },
  },
  defaultSort: '-year',
  access: {
    // Dates of the call are public so that the form can say when it opens.
    read: anyone,
    create: isSecretariat,
    update: isSecretariat,
    delete: isSecretariat,
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'year',
          type: 'number',
          required: true,
          unique: true,
          min: 2017,
          max: 2100,
          label: { ca: 'Any', es: 'Año', en: 'Year' },
        },
        {
          name: 'name',
          type: 'text',
          required: true,
          maxLength: 120,
          label: { ca: 'Nom', es: 'Nombre', en: 'Name' },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'applicationsOpenAt',
          type: 'date',
          required: true,
          label: {
            ca: 'Obertura de sol·licituds',
            es: 'Apertura de solicitudes',
            en: 'Applications open',
          },
          admin: { date: datePicker('dayAndTime') },
        },
        {
          name: 'applicationsCloseAt',
          type: 'date',
          required: true,
          label: {
            ca: 'Tancament de sol·licituds',
            es: 'Cierre de solicitudes',
            en: 'Applications close',
          },
          admin: { date: datePicker('dayAndTime') },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'matchingBy',
          type: 'date',
          label: {
            ca: 'Aparellament com a tard',
            es: 'Emparejamiento a más tardar',
            en: 'Matching by',
          },
          admin: { date: datePicker('dayOnly') },
        },
        {
          name: 'startBy',
          type: 'date',
          label: {
            ca: 'Inici dels acompanyaments',
            es: 'Inicio de los acompañamientos',
            en: 'Accompaniments start',
          },
          admin: { date: datePicker('dayOnly') },
        },
      ],
    },
    {
      // DOMAIN.md «Phases of an edition»: follows from the dates and the pairings; nobody sets it.
      name: 'phase',
      type: 'select',
      virtual: true,
      label: { ca: 'Fase', es: 'Fase', en: 'Phase' },
      options: EDITION_PHASES.map((phase) => ({
        value: phase,
        label: {
          ca: EDITION_PHASE_LABELS[phase],
          es: EDITION_PHASE_LABELS_ES[phase],
          en: EDITION_PHASE_LABELS_EN[phase],
        },
      })),
      access: { create: () => false, update: () => false },
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: {
          ca: "Es dedueix de les dates i de l'estat de les parelles: sol·licituds, aparellament, inici, acompanyaments, tancament i fitxes, tancada.",
          es: 'Se deduce de las fechas y del estado de las parejas.',
          en: 'Follows from the dates and the state of the pairings.',
        },
      },
      hooks: { afterRead: [phaseAfterRead] },
    },
  ],
}
