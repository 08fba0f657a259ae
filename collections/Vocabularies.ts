import type { Field, GlobalConfig } from 'payload'

import { isSecretariat } from '../access/roles'
import { refuseRemovingUsedValues, vocabulariesSaved } from '../hooks/vocabularies'
import type { MentoriaOptions } from '../src/lib/options'
import { VOCABULARIES_SLUG } from '../src/services/vocabularies'
import type { Label } from './fields'

const valueDescription: Label = {
  ca: 'El codi que es desa (minúscules, xifres i guionets). No el canvieu si ja hi ha registres que el fan servir.',
  es: 'El código que se guarda (minúsculas, cifras y guiones). No lo cambiéis si ya hay registros que lo usan.',
  en: 'The stored code (lower case, digits and hyphens). Do not change it while records use it.',
}

const list = (
  name: 'topics' | 'fitxaClassifications',
  label: Label,
  singular: Label,
  description: Label,
  defaults: MentoriaOptions['topics'],
): Field => ({
  name,
  type: 'array',
  label,
  labels: { singular, plural: label },
  minRows: 1,
  admin: {
    description,
    initCollapsed: true,
    components: { RowLabel: '/src/admin/vocabularies/RowLabel#VocabularyRowLabel' },
  },
  defaultValue: defaults.map(({ value, label: name }) => ({ value, label: name })),
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'value',
          type: 'text',
          required: true,
          maxLength: 80,
          label: { ca: 'Valor', es: 'Valor', en: 'Value' },
          admin: { description: valueDescription },
        },
        {
          name: 'label',
          type: 'text',
          required: true,
          maxLength: 200,
          label: { ca: 'Nom (català)', es: 'Nombre (catalán)', en: 'Name (Catalan)' },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'es',
          type: 'text',
          maxLength: 200,
          label: {
            ca: 'Nom en castellà (opcional)',
            es: 'Nombre en castellano (opcional)',
            en: 'Name in Spanish (optional)',
          },
        },
        {
          name: 'en',
          type: 'text',
          maxLength: 200,
          label: {
            ca: 'Nom en anglès (opcional)',
            es: 'Nombre en inglés (opcional)',
            en: 'Name in English (optional)',
          },
        },
      ],
    },
  ],
})

/**
 * «Vocabularis»: the àmbits and the classifications, edited by the secretariat without a deploy. The
 * plugin options' lists are the initial values (src/services/vocabularies.ts reads them where nothing
 * is stored yet). A value still used by a candidate, mentor or fitxa cannot be removed (hooks/vocabularies.ts).
 */
export const createVocabulariesGlobal = (options: MentoriaOptions): GlobalConfig => ({
  slug: VOCABULARIES_SLUG,
  label: { ca: 'Vocabularis', es: 'Vocabularios', en: 'Vocabularies' },
  admin: {
    group: { ca: 'Administració', es: 'Administración', en: 'Administration' },
    description: {
      ca: 'Els àmbits (sol·licituds, persones mentores, fitxes i aparellament) i la classificació simplificada de les fitxes. Els canvis es veuen de seguida al formulari de sol·licitud, a les fitxes i als filtres de /fitxes. No es pot treure un valor que encara fa servir algun registre.',
      es: 'Los ámbitos (solicitudes, personas mentoras, fichas y emparejamiento) y la clasificación simplificada de las fichas. Los cambios se ven enseguida. No se puede quitar un valor que aún usa algún registro.',
      en: 'The topics (applications, mentors, fitxes and matching) and the fitxes’ simplified classification. Changes show at once. A value still used by a record cannot be removed.',
    },
  },
  access: { read: isSecretariat, update: isSecretariat },
  hooks: { beforeChange: [refuseRemovingUsedValues], afterChange: [vocabulariesSaved] },
  fields: [
    list(
      'topics',
      { ca: 'Àmbits', es: 'Ámbitos', en: 'Topics' },
      { ca: 'àmbit', es: 'ámbito', en: 'topic' },
      {
        ca: 'Les necessitats que tria qui sol·licita, el que ofereix cada persona mentora i els temes de les fitxes.',
        es: 'Las necesidades de las solicitudes, lo que ofrece cada persona mentora y los temas de las fichas.',
        en: 'The needs applicants choose, what each mentor offers and the fitxes’ topics.',
      },
      options.topics,
    ),
    list(
      'fitxaClassifications',
      {
        ca: 'Classificació simplificada (fitxes)',
        es: 'Clasificación simplificada (fichas)',
        en: 'Simplified classification (fitxes)',
      },
      { ca: 'classificació', es: 'clasificación', en: 'classification' },
      {
        ca: 'Com a les fitxes del web de la XMESS.',
        es: 'Como en las fichas de la web de la XMESS.',
        en: 'As on the XMESS website’s fitxes.',
      },
      options.fitxaClassifications,
    ),
  ],
})
