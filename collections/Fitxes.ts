import { lexicalEditor } from '@payloadcms/richtext-lexical'
import type { Access, CollectionConfig } from 'payload'

import { myPairingIds } from '../access/ownership'
import { isSecretariat, isSecretariatUser, isSignedIn } from '../access/roles'
import { afterFitxaChange, enforceFitxaRules } from '../hooks/fitxes'
import type { MentoriaOptions } from '../src/lib/options'
import { topicOptions } from './fields'

/** The public reads published fitxes; the two people of a pairing also their drafts; the secretariat all. */
const readFitxes: Access = async ({ req }) => {
  if (isSecretariatUser(req.user)) return true
  const published = { _status: { equals: 'published' } }
  if (!req.user) return published
  const ids = await myPairingIds(req)
  return ids.length ? { or: [published, { pairing: { in: ids } }] } : published
}

const editOwnFitxa: Access = async ({ req }) => {
  if (!req.user) return false
  if (isSecretariatUser(req.user)) return true
  const ids = await myPairingIds(req)
  return ids.length ? { pairing: { in: ids } } : false
}

export const createFitxesCollection = (options: MentoriaOptions): CollectionConfig => ({
  slug: 'fitxes',
  labels: {
    singular: { ca: 'Fitxa', es: 'Ficha', en: 'Fitxa' },
    plural: { ca: 'Fitxes', es: 'Fichas', en: 'Fitxes' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'year', '_status', 'updatedAt'],
    group: { ca: 'Acompanyaments', es: 'Acompañamientos', en: 'Accompaniments' },
    description: {
      ca: 'La fitxa pública de cada mentoria. La persona mentorada la redacta; la secretaria tècnica la publica quan l\'acompanyament s\'ha completat.',
      es: 'La ficha pública de cada mentoría. La persona mentorizada la redacta; la secretaría la publica.',
      en: 'The public write-up of each mentoring, drafted by the mentee and published by the secretariat.',
    },
  },
  defaultSort: '-updatedAt',
  versions: { drafts: true, maxPerDoc: 50 },
  access: {
    read: readFitxes,
    create: isSignedIn,
    update: editOwnFitxa,
    delete: isSecretariat,
    // Earlier drafts stay with the secretariat; the parties work on the current one.
    readVersions: isSecretariat,
  },
  hooks: { beforeChange: [enforceFitxaRules], afterChange: [afterFitxaChange] },
  fields: [
    { name: 'pairing', type: 'relationship', relationTo: 'pairings', required: true, unique: true, index: true, label: { ca: 'Parella', es: 'Pareja', en: 'Pairing' } },
    { name: 'title', type: 'text', required: true, maxLength: 200, label: { ca: 'Títol', es: 'Título', en: 'Title' } },
    {
      name: 'slug',
      type: 'text',
      unique: true,
      index: true,
      label: { ca: 'Adreça (slug)', es: 'Dirección (slug)', en: 'Address (slug)' },
      admin: { position: 'sidebar', readOnly: true },
      access: { create: () => false, update: () => false },
    },
    { name: 'summary', type: 'textarea', required: true, maxLength: 1000, label: { ca: 'Resum', es: 'Resumen', en: 'Summary' } },
    // The plugin's own editor: the fitxa does not depend on the host app choosing one.
    { name: 'body', type: 'richText', editor: lexicalEditor(), label: { ca: "Què vam fer i què n'hem après", es: 'Qué hicimos y qué hemos aprendido', en: 'What we did and what we learnt' } },
    { name: 'topics', type: 'select', hasMany: true, options: topicOptions(options.topics), label: { ca: 'Àmbits', es: 'Ámbitos', en: 'Topics' } },
    { name: 'year', type: 'number', label: { ca: 'Any', es: 'Año', en: 'Year' }, admin: { position: 'sidebar', readOnly: true }, access: { create: () => false, update: () => false } },
    {
      name: 'municipality',
      type: 'relationship',
      relationTo: 'municipalities',
      label: { ca: 'Ens acompanyat', es: 'Ente acompañado', en: 'Council accompanied' },
      admin: { position: 'sidebar', readOnly: true },
      access: { create: () => false, update: () => false },
    },
    {
      name: 'mentorMunicipality',
      type: 'relationship',
      relationTo: 'municipalities',
      label: { ca: 'Ens de la persona mentora', es: 'Ente de la persona mentora', en: "Mentor's council" },
      admin: { position: 'sidebar', readOnly: true },
      access: { create: () => false, update: () => false },
    },
  ],
})
