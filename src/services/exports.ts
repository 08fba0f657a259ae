import type {
  CollectionSlug,
  Field,
  PayloadRequest,
  SanitizedCollectionConfig,
  Where,
} from 'payload'

import type { MentoriaOptions } from '../lib/options'
import { withVocabularies } from './vocabularies'
import { type Cell, type Column, toCsv } from '../rules/csv'

/** What the secretariat can download as CSV (GET /api/mentoria/export/<slug>.csv). */
export const EXPORTABLE = [
  'candidates',
  'mentors',
  'pairings',
  'meetings',
  'incidents',
  'municipalities',
] as const
export type Exportable = (typeof EXPORTABLE)[number]

export const isExportable = (value: string): value is Exportable =>
  (EXPORTABLE as readonly string[]).includes(value)

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- documents of several collections, as the Local API returns them, read field by field
type Doc = Record<string, any>

const catalan = (label: unknown): string =>
  typeof label === 'string'
    ? label
    : label && typeof label === 'object' && 'ca' in label
      ? String((label as { ca: unknown }).ca)
      : ''

/** A select field's options by value, found at any depth of rows, groups and tabs. */
function optionLabels(fields: Field[], path: string[]): Map<string, string> {
  const [name, ...rest] = path
  for (const field of fields) {
    if ((field.type === 'row' || field.type === 'collapsible') && 'fields' in field) {
      const found = optionLabels(field.fields, path)
      if (found.size) return found
    } else if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        const found = optionLabels(tab.fields, path)
        if (found.size) return found
      }
    } else if ('name' in field && field.name === name) {
      if (rest.length === 0 && (field.type === 'select' || field.type === 'radio')) {
        return new Map(
          field.options.map((option) =>
            typeof option === 'string'
              ? [option, option]
              : [option.value, catalan(option.label) || option.value],
          ),
        )
      }
      if (rest.length && (field.type === 'group' || field.type === 'array'))
        return optionLabels(field.fields, rest)
    }
  }
  return new Map()
}

const day = (value: unknown): string =>
  value ? new Date(String(value)).toISOString().slice(0, 10) : ''

const madrid = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Madrid',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
})
/** A moment as the secretariat's clock shows it (2026-11-10 08:01), which a spreadsheet reads as a date. */
const moment = (value: unknown): string => (value ? madrid.format(new Date(String(value))) : '')

const nameOf = (value: unknown): string =>
  value && typeof value === 'object'
    ? String(
        (value as Doc).name ??
          (value as Doc).title ??
          (value as Doc).email ??
          (value as Doc).id ??
          '',
      )
    : value == null
      ? ''
      : String(value)
const idCell = (value: unknown): Cell =>
  value && typeof value === 'object' ? (value as Doc).id : (value as Cell)
const councilOf = (person: unknown): string =>
  person && typeof person === 'object' ? nameOf((person as Doc).municipality) : ''

function columnsFor(
  slug: Exportable,
  collection: SanitizedCollectionConfig,
  options: MentoriaOptions,
): Column<Doc>[] {
  const label = (path: string) => {
    const labels = optionLabels(collection.fields, path.split('.'))
    return (value: unknown) =>
      value == null || value === '' ? '' : (labels.get(String(value)) ?? String(value))
  }
  const list = (path: string) => {
    const one = label(path)
    return (values: unknown) => (Array.isArray(values) ? values.map(one).join('; ') : '')
  }
  const topics = (values: unknown) =>
    Array.isArray(values)
      ? values
          .map(
            (value) =>
              options.topics.find((topic) => topic.value === value)?.label ?? String(value),
          )
          .join('; ')
      : ''
  const created: Column<Doc> = { header: 'Creat el', value: (doc) => moment(doc.createdAt) }
  // A mentor and an application open with the same columns about the person.
  const person: Column<Doc>[] = [
    { header: 'ID', value: (doc) => doc.id },
    { header: 'Nom i cognoms', value: (doc) => doc.name },
    { header: 'Correu electrònic', value: (doc) => doc.email },
    { header: 'Telèfon', value: (doc) => doc.phone },
    { header: 'Càrrec', value: (doc) => doc.position },
    { header: 'Ens', value: (doc) => nameOf(doc.municipality) },
  ]
  const editionYear = (edition: unknown) =>
    edition && typeof edition === 'object' ? (edition as { year?: unknown }).year : edition

  switch (slug) {
    case 'municipalities':
      // The same columns the import reads (src/rules/csv.ts): an exported file can be corrected and brought back.
      return [
        { header: 'ID', value: (doc) => doc.id },
        { header: 'Nom', value: (doc) => doc.name },
        { header: 'Comarca', value: (doc) => doc.comarca },
        { header: 'Província', value: (doc) => doc.province },
        { header: 'Latitud', value: (doc) => doc.latitude },
        { header: 'Longitud', value: (doc) => doc.longitude },
        { header: 'Membre de la XMESS', value: (doc) => Boolean(doc.member) },
      ]
    case 'mentors':
      return [
        ...person,
        { header: 'Àmbits', value: (doc) => topics(doc.topics) },
        { header: 'Capacitat', value: (doc) => doc.capacity },
        { header: 'Disponible', value: (doc) => Boolean(doc.available) },
        { header: 'Llengües', value: (doc) => list('languages')(doc.languages) },
        { header: 'Trajectòria', value: (doc) => doc.bio },
        { header: 'Usuària', value: (doc) => nameOf(doc.user) },
        created,
      ]
    case 'candidates':
      return [
        ...person,
        { header: 'Convocatòria', value: (doc) => editionYear(doc.edition) },
        { header: 'Àmbits (per prioritat)', value: (doc) => topics(doc.topics) },
        { header: 'Què necessiteu', value: (doc) => doc.needs },
        { header: 'Disponibilitat', value: (doc) => doc.availability },
        { header: 'Llengües', value: (doc) => list('languages')(doc.languages) },
        {
          header: 'Tractament de dades acceptat',
          value: (doc) => Boolean(doc.consents?.dataProcessing),
        },
        { header: 'Compromís acceptat', value: (doc) => Boolean(doc.consents?.commitment) },
        { header: 'Estat', value: (doc) => label('status')(doc.status) },
        { header: 'Fora de termini', value: (doc) => Boolean(doc.lateRegistration) },
        { header: 'Rebuda el', value: (doc) => moment(doc.createdAt) },
      ]
    case 'pairings':
      // Only the secretariat exports, and it reads both evaluations (R13): they are here whole.
      return [
        { header: 'ID', value: (doc) => doc.id },
        { header: 'Parella', value: (doc) => doc.title },
        { header: 'Convocatòria', value: (doc) => editionYear(doc.edition) },
        { header: 'Persona mentora', value: (doc) => nameOf(doc.mentor) },
        { header: 'Ens de la persona mentora', value: (doc) => councilOf(doc.mentor) },
        { header: 'ID persona mentora', value: (doc) => idCell(doc.mentor) },
        { header: 'Persona mentorada', value: (doc) => nameOf(doc.candidate) },
        { header: 'Ens de la persona mentorada', value: (doc) => councilOf(doc.candidate) },
        { header: 'ID sol·licitud', value: (doc) => idCell(doc.candidate) },
        { header: 'Estat', value: (doc) => label('status')(doc.status) },
        { header: "Data d'inici", value: (doc) => day(doc.startDate) },
        { header: 'Data de finalització pactada', value: (doc) => day(doc.endDate) },
        {
          header: 'Ampliacions acordades',
          value: (doc) => (Array.isArray(doc.extensionHistory) ? doc.extensionHistory.length : 0),
        },
        { header: 'Objectius', value: (doc) => doc.agreement?.objectives },
        { header: 'Activitats principals', value: (doc) => doc.agreement?.activities },
        { header: 'Calendari', value: (doc) => doc.agreement?.calendar },
        { header: 'Data de tancament', value: (doc) => day(doc.closing?.closingDate) },
        {
          header: 'Valoració de la persona mentorada (1–5)',
          value: (doc) => doc.closing?.menteeEvaluation?.rating,
        },
        {
          header: 'Comentaris de la persona mentorada',
          value: (doc) => doc.closing?.menteeEvaluation?.comments,
        },
        {
          header: 'Valoració de la persona mentora (1–5)',
          value: (doc) => doc.closing?.mentorEvaluation?.rating,
        },
        {
          header: 'Comentaris de la persona mentora',
          value: (doc) => doc.closing?.mentorEvaluation?.comments,
        },
        { header: 'Motiu de cancel·lació o de retirada', value: (doc) => doc.cancellationReason },
        { header: 'Fitxa publicada', value: (doc) => Boolean(doc.fitxaPublished) },
        { header: "Puntuació de l'aparellament", value: (doc) => doc.matching?.score },
        { header: 'Proposada el', value: (doc) => moment(doc.createdAt) },
        { header: 'Resposta de la persona mentora', value: (doc) => moment(doc.answeredAt) },
      ]
    case 'meetings':
      return [
        { header: 'ID', value: (doc) => doc.id },
        { header: 'Parella', value: (doc) => nameOf(doc.pairing) },
        { header: 'ID parella', value: (doc) => idCell(doc.pairing) },
        { header: 'Data', value: (doc) => moment(doc.date) },
        { header: 'Modalitat', value: (doc) => label('modality')(doc.modality) },
        { header: 'Durada (minuts)', value: (doc) => doc.durationMinutes },
        { header: 'Lloc', value: (doc) => doc.place },
        { header: 'Resum', value: (doc) => doc.summary },
        { header: 'Registrada per', value: (doc) => nameOf(doc.recordedBy) },
        created,
      ]
    case 'incidents':
      return [
        { header: 'ID', value: (doc) => doc.id },
        { header: 'Parella', value: (doc) => nameOf(doc.pairing) },
        { header: 'ID parella', value: (doc) => idCell(doc.pairing) },
        { header: 'Tipus', value: (doc) => label('type')(doc.type) },
        { header: 'Descripció', value: (doc) => doc.description },
        { header: 'Comunicada per', value: (doc) => nameOf(doc.reportedBy) },
        { header: 'Estat', value: (doc) => label('status')(doc.status) },
        { header: 'Com es va resoldre', value: (doc) => doc.resolution },
        { header: 'Resolta el', value: (doc) => moment(doc.resolvedAt) },
        { header: 'Comunicada el', value: (doc) => moment(doc.createdAt) },
      ]
  }
}

/** Which rows of an edition, for the collections that belong to one. */
const editionFilter = (slug: Exportable, edition: string): Where | undefined => {
  switch (slug) {
    case 'candidates':
    case 'pairings':
      return { edition: { equals: edition } }
    case 'meetings':
    case 'incidents':
      return { 'pairing.edition': { equals: edition } }
    default:
      return undefined
  }
}

/**
 * One collection as CSV, read as the requesting person (access applies: only the secretariat gets
 * here, and it reads everything), with names instead of ids for councils, editions and people.
 */
export async function exportCsv(
  req: PayloadRequest,
  slug: Exportable,
  options: MentoriaOptions,
  { edition }: { edition?: string } = {},
): Promise<{ csv: string; rows: number }> {
  const collection = req.payload.collections[slug as CollectionSlug].config
  const where = edition ? editionFilter(slug, edition) : undefined
  const { docs } = await req.payload.find({
    collection: slug as CollectionSlug,
    where,
    depth: 2,
    pagination: false,
    sort: 'createdAt',
    overrideAccess: false,
    user: req.user,
    req,
    // Names of linked records only, not whole documents.
    populate: {
      municipalities: { name: true },
      editions: { year: true },
      mentors: { name: true, municipality: true },
      candidates: { name: true, municipality: true },
      pairings: { title: true },
      users: { email: true, name: true },
    } as never,
  })
  return {
    csv: toCsv(
      columnsFor(slug, collection, await withVocabularies(req.payload, options)),
      docs as Doc[],
    ),
    rows: docs.length,
  }
}
