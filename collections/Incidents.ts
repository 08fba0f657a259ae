import type { Access, CollectionConfig, Where } from 'payload'

import { myPairingIds } from '../access/ownership'
import { isSecretariat, isSecretariatField, isSecretariatUser, isSignedIn } from '../access/roles'
import { enforceIncidentRules, notifyIncident } from '../hooks/incidents'
import { INCIDENT_TYPES } from '../src/rules/incidents'

/** R13: an incident is seen by the person who reported it and the secretariat, never by the other party. */
const reporterOrSecretariat: Access = async ({ req }) => {
  if (!req.user) return false
  if (isSecretariatUser(req.user)) return true
  const ids = await myPairingIds(req)
  const where: Where = { and: [{ pairing: { in: ids } }, { reportedBy: { equals: req.user.id } }] }
  return ids.length ? where : false
}

export const Incidents: CollectionConfig = {
  slug: 'incidents',
  labels: {
    singular: { ca: 'Incidència', es: 'Incidencia', en: 'Incident' },
    plural: { ca: 'Incidències', es: 'Incidencias', en: 'Incidents' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'pairing', 'type', 'status', 'createdAt'],
    group: { ca: 'Acompanyaments', es: 'Acompañamientos', en: 'Accompaniments' },
    hidden: ({ user }) => !isSecretariatUser(user as never),
    description: {
      ca: "Qualsevol cosa rellevant per a l'acompanyament que la secretaria tècnica ha de saber. Cada incidència nova l'avisa.",
      es: 'Cualquier cosa relevante que la secretaría técnica debe saber. Cada incidencia nueva la avisa.',
      en: 'Anything relevant the secretariat must know. Each new incident notifies it.',
    },
  },
  defaultSort: '-createdAt',
  access: {
    read: reporterOrSecretariat,
    create: isSignedIn,
    update: isSecretariat,
    delete: isSecretariat,
  },
  hooks: { beforeChange: [enforceIncidentRules], afterChange: [notifyIncident] },
  fields: [
    { name: 'title', type: 'text', admin: { hidden: true }, access: { create: () => false, update: () => false } },
    { name: 'pairing', type: 'relationship', relationTo: 'pairings', required: true, index: true, label: 'Parella' },
    { name: 'type', type: 'select', required: true, defaultValue: 'other', label: 'Tipus', options: INCIDENT_TYPES },
    { name: 'description', type: 'textarea', required: true, maxLength: 4000, label: 'Descripció' },
    {
      name: 'reportedBy',
      type: 'relationship',
      relationTo: 'users',
      label: 'Comunicada per',
      admin: { readOnly: true },
      access: { create: () => false, update: () => false },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'open',
      index: true,
      label: 'Estat',
      options: [
        { value: 'open', label: 'Oberta' },
        { value: 'resolved', label: 'Resolta' },
      ],
      access: { create: isSecretariatField, update: isSecretariatField },
      admin: { position: 'sidebar' },
    },
    {
      name: 'resolution',
      type: 'textarea',
      maxLength: 4000,
      label: 'Com es va resoldre',
      admin: { description: "En marcar-la com a resolta, la persona que l'ha comunicada rep aquest text per correu." },
      access: { create: isSecretariatField, update: isSecretariatField },
    },
    {
      name: 'resolvedAt',
      type: 'date',
      label: 'Resolta el',
      admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime', displayFormat: 'd MMM yyyy, HH:mm' } },
      access: { create: () => false, update: () => false },
    },
  ],
}
