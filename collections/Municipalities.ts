import type { CollectionConfig } from 'payload'

import { anyone, isSecretariat } from '../access/roles'

const PROVINCES = ['Barcelona', 'Girona', 'Lleida', 'Tarragona'] as const

export const Municipalities: CollectionConfig = {
  slug: 'municipalities',
  labels: {
    singular: { ca: 'Ens membre', es: 'Ente miembro', en: 'Council' },
    plural: { ca: 'Ens membres', es: 'Entes miembros', en: 'Councils' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'comarca', 'province', 'member'],
    listSearchableFields: ['name', 'comarca'],
    group: { ca: 'Programa', es: 'Programa', en: 'Programme' },
    description: {
      ca: 'Ajuntaments i consells comarcals. Només els ens membres de la XMESS poden participar a la mentoria.',
      es: 'Ayuntamientos y consejos comarcales. Solo los entes miembros de la XMESS pueden participar.',
      en: 'Councils and county councils. Only XMESS members can take part.',
    },
  },
  defaultSort: 'name',
  access: {
    // Council names and places are public: the application form lists the member councils.
    read: anyone,
    create: isSecretariat,
    update: isSecretariat,
    delete: isSecretariat,
  },
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      maxLength: 200,
      label: { ca: 'Nom', es: 'Nombre', en: 'Name' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'comarca',
          type: 'text',
          maxLength: 100,
          label: { ca: 'Comarca', es: 'Comarca', en: 'County' },
        },
        {
          name: 'province',
          type: 'select',
          label: { ca: 'Província', es: 'Provincia', en: 'Province' },
          options: PROVINCES.map((province) => ({ value: province, label: province })),
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'latitude',
          type: 'number',
          min: -90,
          max: 90,
          label: { ca: 'Latitud', es: 'Latitud', en: 'Latitude' },
        },
        {
          name: 'longitude',
          type: 'number',
          min: -180,
          max: 180,
          label: { ca: 'Longitud', es: 'Longitud', en: 'Longitude' },
        },
      ],
    },
    {
      name: 'member',
      type: 'checkbox',
      defaultValue: true,
      index: true,
      label: { ca: 'Membre de la XMESS', es: 'Miembro de la XMESS', en: 'XMESS member' },
    },
  ],
}
