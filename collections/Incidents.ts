import type { Access, CollectionConfig, Where } from 'payload'

import { myPairingIds } from '../access/ownership'
import { isSecretariat, isSecretariatField, isSecretariatUser, isSignedIn } from '../access/roles'
import { enforceIncidentRules, notifyIncident } from '../hooks/incidents'
import type { MentoriaOptions } from '../src/lib/options'
import { confidentialScope } from '../src/rules/confidentiality'
import { INCIDENT_TYPES } from '../src/rules/incidents'

/** R13 (`mayReadConfidential`, src/rules/confidentiality.ts): the secretariat reads every incident; a party only those they reported. */
const reporterOrSecretariat: Access = async ({ req }) => {
  if (!req.user) return false
  const scope = confidentialScope('incident', isSecretariatUser(req.user))
  if (scope !== 'authored') return scope === 'all'
  const ids = await myPairingIds(req)
  const where: Where = { and: [{ pairing: { in: ids } }, { reportedBy: { equals: req.user.id } }] }
  return ids.length ? where : false
}

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
  hooks: { beforeChange: [enforceIncidentRules], afterChange: [notifyIncident(options)] },
  fields: [
    // The list's title column and its search box («Cerca per Incidència»), never Payload's «Title».
    {
      name: 'title',
      type: 'text',
      label: { ca: 'Incidència', es: 'Incidencia', en: 'Incident' },
      admin: { hidden: true },
      access: { create: () => false, update: () => false },
    },
    {
      name: 'pairing',
      type: 'relationship',
      relationTo: 'pairings',
      required: true,
      index: true,
      label: { ca: 'Parella', es: 'Pareja', en: 'Pairing' },
    },
    {
      name: 'type',
      type: 'select',
      required: true,
      defaultValue: 'other',
      label: { ca: 'Tipus', es: 'Tipo', en: 'Type' },
      options: INCIDENT_TYPES.map((type) => ({ ...type })),
    },
    {
      name: 'description',
      type: 'textarea',
      required: true,
      maxLength: 4000,
      label: { ca: 'Descripció', es: 'Descripción', en: 'Description' },
    },
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
    {
      name: 'resolution',
      type: 'textarea',
      maxLength: 4000,
      label: { ca: 'Com es va resoldre', es: 'Cómo se resolvió', en: 'How it was resolved' },
      admin: {
        description:
          "En marcar-la com a resolta, la persona que l'ha comunicada rep aquest text per correu.",
      },
      access: { create: isSecretariatField, update: isSecretariatField },
    },
    {
      name: 'resolvedAt',
      type: 'date',
      label: { ca: 'Resolta el', es: 'Resuelta el', en: 'Resolved on' },
      admin: {
        readOnly: true,
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime', displayFormat: 'd MMM yyyy, HH:mm' },
      },
      access: { create: () => false, update: () => false },
    },
  ],
})
