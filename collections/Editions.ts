import type { CollectionConfig } from 'payload'

import { anyone, isSecretariat } from '../access/roles'
import { datePicker } from './fields'

export const Editions: CollectionConfig = {
  slug: 'editions',
  labels: {
    singular: { ca: 'Convocatòria', es: 'Convocatoria', en: 'Edition' },
    plural: { ca: 'Convocatòries', es: 'Convocatorias', en: 'Editions' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'year', 'status', 'applicationsOpenAt', 'applicationsCloseAt'],
    group: { ca: 'Programa', es: 'Programa', en: 'Programme' },
    description: {
      ca: 'Cada any: sol·licituds al setembre, aparellament a l\'octubre i inici dels acompanyaments al novembre.',
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
          label: { ca: 'Obertura de sol·licituds', es: 'Apertura de solicitudes', en: 'Applications open' },
          admin: { date: datePicker('dayAndTime') },
        },
        {
          name: 'applicationsCloseAt',
          type: 'date',
          required: true,
          label: { ca: 'Tancament de sol·licituds', es: 'Cierre de solicitudes', en: 'Applications close' },
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
          label: { ca: 'Aparellament com a tard', es: 'Emparejamiento a más tardar', en: 'Matching by' },
          admin: { date: datePicker('dayOnly') },
        },
        {
          name: 'startBy',
          type: 'date',
          label: { ca: 'Inici dels acompanyaments', es: 'Inicio de los acompañamientos', en: 'Accompaniments start' },
          admin: { date: datePicker('dayOnly') },
        },
      ],
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'planned',
      index: true,
      label: { ca: 'Estat', es: 'Estado', en: 'Status' },
      options: [
        { value: 'planned', label: { ca: 'Planificada', es: 'Planificada', en: 'Planned' } },
        { value: 'applications', label: { ca: 'Sol·licituds', es: 'Solicitudes', en: 'Applications' } },
        { value: 'matching', label: { ca: 'Aparellament', es: 'Emparejamiento', en: 'Matching' } },
        { value: 'accompaniment', label: { ca: 'Acompanyaments', es: 'Acompañamientos', en: 'Accompaniments' } },
        { value: 'closed', label: { ca: 'Tancada', es: 'Cerrada', en: 'Closed' } },
      ],
    },
  ],
}
