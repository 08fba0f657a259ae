import type { CollectionConfig } from 'payload'

import { byOwnPairing } from '../access/ownership'
import { isSecretariat, isSecretariatField, isSignedIn } from '../access/roles'
import { enforceIncidentRules, notifyNewIncident } from '../hooks/incidents'
import type { MentoriaOptions } from '../src/lib/options'
import { INCIDENT_TYPES } from '../src/rules/incidents'

export const createIncidentsCollection = (options: MentoriaOptions): CollectionConfig => ({
  slug: 'incidents',
  labels: {
    singular: { ca: 'Incidència', es: 'Incidencia', en: 'Incident' },
    plural: { ca: 'Incidències', es: 'Incidencias', en: 'Incidents' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'pairing', 'type', 'status', 'createdAt'],
    group: { ca: 'Acompanyaments', es: 'Acompañamientos', en: 'Accompaniments' },
    description: {
      ca: "Qualsevol cosa rellevant per a l'acompanyament que la secretaria tècnica ha de saber. Cada incidència nova l'avisa.",
      es: 'Cualquier cosa relevante que la secretaría técnica debe saber. Cada incidencia nueva la avisa.',
      en: 'Anything relevant the secretariat must know. Each new incident notifies it.',
    },
  },
  defaultSort: '-createdAt',
  access: {
    read: byOwnPairing,
    create: isSignedIn,
    update: isSecretariat,
    delete: isSecretariat,
  },
  hooks: { beforeChange: [enforceIncidentRules], afterChange: [notifyNewIncident(options)] },
  fields: [
    { name: 'title', type: 'text', admin: { hidden: true }, access: { create: () => false, update: () => false } },
    { name: 'pairing', type: 'relationship', relationTo: 'pairings', required: true, index: true, label: { ca: 'Parella', es: 'Pareja', en: 'Pairing' } },
    { name: 'type', type: 'select', required: true, defaultValue: 'other', label: { ca: 'Tipus', es: 'Tipo', en: 'Type' }, options: INCIDENT_TYPES.map((type) => ({ ...type })) },
    { name: 'description', type: 'textarea', required: true, maxLength: 4000, label: { ca: 'Descripció', es: 'Descripción', en: 'Description' } },
    {
      name: 'reportedBy',
      type: 'relationship',
      relationTo: 'users',
      label: { ca: 'Comunicada per', es: 'Comunicada por', en: 'Reported by' },
      admin: { readOnly: true },
      access: { create: () => false, update: () => false },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'open',
      index: true,
      label: { ca: 'Estat', es: 'Estado', en: 'Status' },
      options: [
        { value: 'open', label: { ca: 'Oberta', es: 'Abierta', en: 'Open' } },
        { value: 'resolved', label: { ca: 'Resolta', es: 'Resuelta', en: 'Resolved' } },
      ],
      access: { create: isSecretariatField, update: isSecretariatField },
      admin: { position: 'sidebar' },
    },
    { name: 'resolution', type: 'textarea', maxLength: 4000, label: { ca: 'Com es va resoldre', es: 'Cómo se resolvió', en: 'How it was resolved' }, access: { create: isSecretariatField, update: isSecretariatField } },
  ],
})
