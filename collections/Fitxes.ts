import {
  BoldFeature,
  FixedToolbarFeature,
  HeadingFeature,
  InlineToolbarFeature,
  ItalicFeature,
  LinkFeature,
  OrderedListFeature,
  ParagraphFeature,
  UnorderedListFeature,
  lexicalEditor,
} from '@payloadcms/richtext-lexical'
import type { Access, CollectionConfig, Field, FieldAccess } from 'payload'

import { myPairingIds, myProfiles } from '../access/ownership'
import { isSecretariat, isSecretariatField, isSecretariatUser } from '../access/roles'
import {
  afterFitxaChange,
  afterFitxaDelete,
  enforceFitxaRules,
  fitxaWritesAsDraft,
} from '../hooks/fitxes'
import { sameId } from '../src/lib/ids'
import type { MentoriaOptions } from '../src/lib/options'
import { FITXA_REVIEW_STATUSES, REFERENCE_CONSENT_TEXT } from '../src/rules/fitxes'
import { vocabularyField } from './fields'

const PUBLISHED = { _status: { equals: 'published' } } as const

/** The public reads published fitxes; the two people of a pairing also its drafts; the secretariat all. */
const readFitxes: Access = async ({ req }) => {
  if (isSecretariatUser(req.user)) return true
  if (!req.user) return PUBLISHED
  const ids = await myPairingIds(req)
  return ids.length ? { or: [PUBLISHED, { pairing: { in: ids } }] } : PUBLISHED
}

/** The mentee's own pairings: only the mentee writes the fitxa (the mentor reads it). */
async function menteePairingIds(req: Parameters<Access>[0]['req']) {
  const { candidateIds } = await myProfiles(req)
  if (!candidateIds.length) return []
  const pairings = await req.payload.find({
    collection: 'pairings',
    where: { candidate: { in: candidateIds } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: {},
    req,
  })
  return pairings.docs.map((pairing) => pairing.id)
}

const createFitxa: Access = async ({ req }) => {
  if (!req.user) return false
  if (isSecretariatUser(req.user)) return true
  return (await myProfiles(req)).candidateIds.length > 0
}

const updateOwnFitxa: Access = async ({ req }) => {
  if (!req.user) return false
  if (isSecretariatUser(req.user)) return true
  const ids = await menteePairingIds(req)
  return ids.length ? { pairing: { in: ids } } : false
}

/** Who wrote it and how the review goes: the secretariat and the two people of the pairing. */
const readInternal: FieldAccess = async ({ req, doc }) => {
  if (!req.user) return false
  if (isSecretariatUser(req.user)) return true
  if (!doc) return false
  const ids = await myPairingIds(req)
  return ids.some((id) => sameId(id, doc.pairing))
}

/**
 * R12: the reference person's name and mailbox are public only with their recorded consent (on the
 * document read: the live one for the public); otherwise only the pairing's people and the secretariat.
 */
const readReferencePerson: FieldAccess = async (args) => {
  const person = (args.doc as { referencePerson?: { consent?: unknown } } | undefined)
    ?.referencePerson
  if (person?.consent === true) return true
  return readInternal(args)
}

const systemOnly = { create: () => false, update: () => false }

const copied = (field: Field): Field =>
  ({
    ...field,
    admin: { ...field.admin, position: 'sidebar', readOnly: true },
    access: { ...(field as { access?: object }).access, ...systemOnly },
  }) as Field

const text = (
  name: string,
  label: { ca: string; es: string; en: string },
  description: string,
  maxLength = 4000,
): Field => ({
  name,
  type: 'textarea',
  maxLength,
  label,
  admin: { description },
})

export const createFitxesCollection = (options: MentoriaOptions): CollectionConfig => ({
  slug: 'fitxes',
  labels: {
    singular: { ca: 'Fitxa', es: 'Ficha', en: 'Fitxa' },
    plural: { ca: 'Fitxes', es: 'Fichas', en: 'Fitxes' },
  },
  admin: {
    useAsTitle: 'title',
    // One state column: «Revisió» says where the fitxa stands, published included (Payload's own
    // draft/published column said «Borrador» beside «Enviada a revisió» and disagreed with it).
    defaultColumns: ['title', 'reviewStatus', 'year', 'updatedAt'],
    // The mentee writes the fitxa on their own page in «Les meves mentories»; these forms are the secretariat's.
    hidden: ({ user }) => !isSecretariatUser(user as never),
    components: {
      edit: {
        PublishButton: '/src/admin/fitxes/FitxaPublishButton#FitxaPublishButton',
        // The published fitxa as clean HTML on the clipboard, for xmess.cat's WordPress editor.
        beforeDocumentControls: ['/src/admin/fitxes/CopyForXmessButton#CopyForXmessButton'],
      },
    },
    group: { ca: 'Acompanyaments', es: 'Acompañamientos', en: 'Accompaniments' },
    description: {
      ca: "La fitxa pública de cada mentoria. La persona mentorada l'escriu des de l'inici de l'acompanyament i l'envia a revisió; la secretaria tècnica la publica al web o la retorna amb comentaris.",
      es: 'La ficha pública de cada mentoría. La persona mentorizada la escribe y la envía a revisión; la secretaría la publica o la devuelve con comentarios.',
      en: 'The public write-up of each mentoring: the mentee writes and submits it; the secretariat publishes it or returns it with comments.',
    },
  },
  defaultSort: '-updatedAt',
  graphQL: { singularName: 'Fitxa', pluralName: 'Fitxes' },
  versions: { drafts: true, maxPerDoc: 50 },
  access: {
    read: readFitxes,
    create: createFitxa,
    update: updateOwnFitxa,
    delete: isSecretariat,
    // The history (every draft, comment and earlier text) is the secretariat's.
    readVersions: isSecretariat,
  },
  hooks: {
    beforeOperation: [fitxaWritesAsDraft],
    beforeChange: [enforceFitxaRules],
    afterChange: [afterFitxaChange(options)],
    afterDelete: [afterFitxaDelete],
  },
  fields: [
    {
      name: 'pairing',
      type: 'relationship',
      relationTo: 'pairings',
      required: true,
      unique: true,
      index: true,
      label: { ca: 'Parella', es: 'Pareja', en: 'Pairing' },
      access: { read: readInternal },
    },
    {
      name: 'title',
      type: 'text',
      required: true,
      maxLength: 200,
      label: { ca: 'Títol', es: 'Título', en: 'Title' },
    },
    {
      name: 'slug',
      type: 'text',
      unique: true,
      index: true,
      label: 'Adreça (slug)',
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: "Es fixa en publicar-la: l'adreça de la fitxa al web no canvia.",
      },
      access: systemOnly,
    },
    // The headings of the good-practice sheets on xmess.cat, in their order (DOMAIN.md, «Fitxa»).
    {
      name: 'referencePerson',
      type: 'group',
      label: {
        ca: 'Persona de referència de la XMESS',
        es: 'Persona de referencia de la XMESS',
        en: 'XMESS reference person',
      },
      admin: {
        description: {
          ca: 'Qui pot respondre preguntes sobre aquesta experiència. El nom i el correu només es publiquen si marqueu que la persona hi ha donat el consentiment. Us recomanem un correu institucional (del servei), no un de personal.',
          es: 'Quién puede responder preguntas sobre esta experiencia. El nombre y el correo solo se publican si marcáis que la persona ha dado su consentimiento. Os recomendamos un correo institucional.',
          en: 'Who can answer questions about this experience. Name and email are published only if you record that the person consented. An institutional mailbox is advised.',
        },
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'name',
              type: 'text',
              maxLength: 200,
              label: {
                ca: 'Persona de referència de la XMESS',
                es: 'Persona de referencia de la XMESS',
                en: 'Reference person',
              },
              access: { read: readReferencePerson },
            },
            {
              name: 'email',
              type: 'email',
              label: { ca: 'Mail de contacte', es: 'Correo de contacto', en: 'Contact email' },
              access: { read: readReferencePerson },
            },
          ],
        },
        {
          name: 'consent',
          type: 'checkbox',
          defaultValue: false,
          label: {
            ca: REFERENCE_CONSENT_TEXT.ca,
            es: REFERENCE_CONSENT_TEXT.es,
            en: REFERENCE_CONSENT_TEXT.en,
          },
          admin: {
            description: {
              ca: "Si la persona retira el consentiment, desmarqueu-ho i deseu: el nom i el correu desapareixen del web a l'instant, també de la fitxa ja publicada.",
              es: 'Si la persona retira el consentimiento, desmarcadlo y guardad: el nombre y el correo desaparecen de la web al instante, también de la ficha ya publicada.',
              en: 'If the person withdraws consent, untick and save: name and email leave the website at once, the published fitxa included.',
            },
          },
        },
        {
          name: 'consentRecordedBy',
          type: 'relationship',
          relationTo: 'users',
          label: {
            ca: 'Consentiment registrat per',
            es: 'Consentimiento registrado por',
            en: 'Consent recorded by',
          },
          admin: {
            readOnly: true,
            condition: (_data, siblingData) => Boolean(siblingData?.consentRecordedAt),
          },
          access: { read: readInternal, ...systemOnly },
        },
        {
          name: 'consentRecordedAt',
          type: 'date',
          label: {
            ca: 'Consentiment registrat el',
            es: 'Consentimiento registrado el',
            en: 'Consent recorded at',
          },
          admin: {
            readOnly: true,
            condition: (_data, siblingData) => Boolean(siblingData?.consentRecordedAt),
            date: { pickerAppearance: 'dayAndTime', displayFormat: 'd MMM yyyy, HH:mm' },
          },
          access: { read: readInternal, ...systemOnly },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'area',
          type: 'text',
          maxLength: 200,
          label: { ca: 'Àrea o Departament', es: 'Área o Departamento', en: 'Area or department' },
        },
        vocabularyField({
          name: 'classification',
          kind: 'fitxaClassifications',
          label: {
            ca: 'Classificació simplificada',
            es: 'Clasificación simplificada',
            en: 'Simplified classification',
          },
        }),
      ],
    },
    {
      name: 'image',
      type: 'upload',
      relationTo: 'fitxa-images',
      label: { ca: 'Imatge destacada', es: 'Imagen destacada', en: 'Featured image' },
      admin: {
        description: {
          ca: "Opcional. JPEG, PNG o WebP, com a molt 2 MB, amb un text alternatiu que digui què s'hi veu.",
          es: 'Opcional. JPEG, PNG o WebP, 2 MB como máximo, con texto alternativo.',
          en: 'Optional. JPEG, PNG or WebP, at most 2 MB, with alt text.',
        },
      },
    },
    {
      name: 'summary',
      type: 'textarea',
      required: true,
      maxLength: 6000,
      label: { ca: 'Descripció', es: 'Descripción', en: 'Description' },
      admin: {
        description: {
          ca: "La descripció principal de l'experiència: què s'ha fet, on i per què és útil per a altres ens. El primer paràgraf es mostra a la llista i als cercadors.",
          es: 'La descripción principal de la experiencia: qué se ha hecho y por qué es útil para otros entes.',
          en: 'The main description: what was done and why it is useful to other councils.',
        },
      },
    },
    text(
      'objectives',
      { ca: 'Objectius', es: 'Objetivos', en: 'Objectives' },
      'Què volíeu aconseguir.',
    ),
    text(
      'audience',
      { ca: 'Persones destinatàries', es: 'Personas destinatarias', en: 'Audience' },
      "A qui s'adreça la política o l'actuació.",
      2000,
    ),
    text(
      'resources',
      { ca: 'Recursos', es: 'Recursos', en: 'Resources' },
      'Recursos emprats: persones, pressupost, eines; documents o webs útils (sense dades personals).',
      2000,
    ),
    text(
      'keyElements',
      { ca: 'Elements clau', es: 'Elementos clave', en: 'Key elements' },
      'Què ha fet que funcionés.',
    ),
    text(
      'limitations',
      { ca: 'Limitacions', es: 'Limitaciones', en: 'Limitations' },
      'Què no ha funcionat o què ho ha fet difícil.',
    ),
    text(
      'indicators',
      {
        ca: 'Indicadors de resultat utilitzats',
        es: 'Indicadores de resultado utilizados',
        en: 'Result indicators used',
      },
      'Com heu mesurat els resultats.',
    ),
    text(
      'considerations',
      {
        ca: 'Aspectes a tenir en compte',
        es: 'Aspectos a tener en cuenta',
        en: 'Things to bear in mind',
      },
      'Què ha de saber un altre ens abans de començar.',
    ),
    // The mentoring extras, after the website's headings.
    text(
      'activities',
      { ca: 'Activitats', es: 'Actividades', en: 'Activities' },
      'Què vau fer: trobades, visites, documents.',
    ),
    text(
      'results',
      {
        ca: 'Resultats i aprenentatges',
        es: 'Resultados y aprendizajes',
        en: 'Results and learnings',
      },
      "Què n'ha sortit i què n'heu après.",
    ),
    text(
      'recommendations',
      { ca: 'Recomanacions', es: 'Recomendaciones', en: 'Recommendations' },
      'Què diríeu a un altre ens que vulgui fer el mateix.',
    ),
    vocabularyField({
      name: 'topics',
      kind: 'topics',
      index: true,
      label: { ca: 'Àmbits', es: 'Ámbitos', en: 'Topics' },
    }),
    {
      name: 'body',
      type: 'richText',
      label: {
        ca: 'Explicació detallada (opcional)',
        es: 'Explicación detallada (opcional)',
        en: 'Longer account (optional)',
      },
      // A short list of formats: what a good-practice sheet needs, nothing that could carry code.
      editor: lexicalEditor({
        features: () => [
          ParagraphFeature(),
          HeadingFeature({ enabledHeadingSizes: ['h3', 'h4'] }),
          BoldFeature(),
          ItalicFeature(),
          UnorderedListFeature(),
          OrderedListFeature(),
          LinkFeature({ enabledCollections: [], disableAutoLinks: 'creationOnly' }),
          FixedToolbarFeature(),
          InlineToolbarFeature(),
        ],
      }),
    },
    {
      name: 'reviewStatus',
      type: 'select',
      index: true,
      defaultValue: 'draft',
      label: { ca: 'Revisió', es: 'Revisión', en: 'Review' },
      options: [
        { value: 'draft', label: { ca: 'Esborrany', es: 'Borrador', en: 'Draft' } },
        {
          value: 'submitted',
          label: { ca: 'Enviada a revisió', es: 'Enviada a revisión', en: 'Submitted' },
        },
        {
          value: 'returned',
          label: { ca: 'Retornada amb comentaris', es: 'Devuelta con comentarios', en: 'Returned' },
        },
        { value: 'published', label: { ca: 'Publicada', es: 'Publicada', en: 'Published' } },
      ] satisfies { value: (typeof FITXA_REVIEW_STATUSES)[number]; label: unknown }[],
      // Each person sees the steps that are theirs; «publicada» comes from publishing, not from here.
      filterOptions: ({ options: all, req, data }) =>
        all.filter((option) => {
          const value = typeof option === 'string' ? option : option.value
          if (value === 'published') return data?.reviewStatus === 'published'
          if (value === 'returned')
            return isSecretariatUser(req.user) || data?.reviewStatus === 'returned'
          return true
        }),
      access: { read: readInternal },
      admin: {
        position: 'sidebar',
        description:
          "La persona mentorada l'envia a revisió des de la seva pàgina. Per retornar-la, trieu «Retornada amb comentaris», escriviu el comentari i deseu; per publicar-la, feu servir el botó de publicar.",
      },
    },
    {
      name: 'reviewComment',
      type: 'textarea',
      maxLength: 4000,
      label: {
        ca: 'Comentari de la secretaria tècnica',
        es: 'Comentario de la secretaría',
        en: "Secretariat's comment",
      },
      access: { read: readInternal, create: isSecretariatField, update: isSecretariatField },
      admin: {
        position: 'sidebar',
        description:
          'Per retornar una fitxa: què cal canviar. La persona mentorada el rep per correu.',
        condition: (data) =>
          Boolean(data?.reviewComment) ||
          data?.reviewStatus === 'submitted' ||
          data?.reviewStatus === 'returned',
      },
    },
    copied({
      name: 'submittedAt',
      type: 'date',
      label: 'Enviada a revisió',
      access: { read: readInternal },
      admin: { date: { pickerAppearance: 'dayAndTime', displayFormat: 'd MMM yyyy, HH:mm' } },
    }),
    copied({
      name: 'publishedAt',
      type: 'date',
      index: true,
      label: 'Publicada per primer cop',
      admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'd MMM yyyy' } },
    }),
    copied({ name: 'year', type: 'number', index: true, label: 'Any' }),
    copied({
      name: 'municipality',
      type: 'relationship',
      relationTo: 'municipalities',
      index: true,
      label: 'Ens acompanyat',
    }),
    copied({
      name: 'mentorMunicipality',
      type: 'relationship',
      relationTo: 'municipalities',
      index: true,
      label: 'Ens de la persona mentora',
    }),
    copied({
      name: 'startDate',
      type: 'date',
      label: "Inici de l'acompanyament",
      admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'd MMM yyyy' } },
    }),
    copied({
      name: 'closingDate',
      type: 'date',
      label: "Tancament de l'acompanyament",
      admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'd MMM yyyy' } },
    }),
  ],
})
