import { neutraliseCell, quoted } from '../../rules/csv'
import { formatDate } from '../i18n'
import { fitxesMessages } from './i18n'
import type { PublicFitxa } from './public-fitxa'
import { richTextToPlain } from './rich-text'
import { absoluteUrl, fitxaSheet, sheetHtml, type SheetWords } from './sheet'

/**
 * The feed (Atom) and the open data (JSON, CSV) of the published fitxes. Pure: the routes pass the
 * list and the site's address. Only `PublicFitxa` fields go out: no person's data, except a fitxa's
 * reference person and mailbox where their consent to publish is recorded (R12).
 */

export const OPEN_DATA_LICENCE = {
  name: 'Creative Commons Reconeixement 4.0 Internacional (CC BY 4.0)',
  url: 'https://creativecommons.org/licenses/by/4.0/deed.ca',
  attribution: "Xarxa de Municipis per l'Economia Social i Solidària (XMESS), programa de mentoria",
}

export const LICENCE_LINE = `Llicència: ${OPEN_DATA_LICENCE.name}, ${OPEN_DATA_LICENCE.url}. Citeu: ${OPEN_DATA_LICENCE.attribution}.`

/** The columns of dades.csv and the keys of each item in dades.json, documented on /fitxes and in docs. */
export const OPEN_DATA_COLUMNS: readonly {
  key: string
  description: string
  value: (fitxa: PublicFitxa, ctx: Ctx) => string | number | string[] | null
}[] = [
  { key: 'slug', description: "identificador de la fitxa a l'adreça web", value: (f) => f.slug },
  {
    key: 'url',
    description: 'adreça de la fitxa al web',
    value: (f, ctx) => fitxaUrl(ctx.baseUrl, f.slug),
  },
  { key: 'titol', description: 'títol', value: (f) => f.title },
  { key: 'descripcio', description: 'descripció', value: (f) => f.summary },
  { key: 'any', description: 'any de la convocatòria', value: (f) => f.year ?? null },
  {
    key: 'inici',
    description: "data d'inici de l'acompanyament (AAAA-MM-DD)",
    value: (f) => day(f.startDate),
  },
  {
    key: 'tancament',
    description: "data de tancament de l'acompanyament (AAAA-MM-DD)",
    value: (f) => day(f.closingDate),
  },
  {
    key: 'ens_acompanyat',
    description: "ens que ha rebut l'acompanyament",
    value: (f) => f.council?.name ?? null,
  },
  {
    key: 'ens_acompanyat_id',
    description: "identificador de l'ens acompanyat (filtre ?ens=)",
    value: (f) => f.council?.id ?? null,
  },
  {
    key: 'ens_mentor',
    description: 'ens de la persona mentora',
    value: (f) => f.mentorCouncil?.name ?? null,
  },
  {
    key: 'ens_mentor_id',
    description: "identificador de l'ens de la persona mentora",
    value: (f) => f.mentorCouncil?.id ?? null,
  },
  { key: 'ambits', description: 'àmbits (valors separats per «;» al CSV)', value: (f) => f.topics },
  {
    key: 'classificacio',
    description: 'classificació simplificada (separada per «;» al CSV)',
    value: (f) => f.classification,
  },
  {
    key: 'persona_referencia',
    description: 'persona de referència de la XMESS (només amb el seu consentiment)',
    value: (f) => f.referencePerson?.name ?? null,
  },
  {
    key: 'mail_contacte',
    description: 'mail de contacte (només amb el consentiment de la persona de referència)',
    value: (f) => f.referencePerson?.email ?? null,
  },
  { key: 'area', description: 'àrea o departament', value: (f) => f.area ?? null },
  {
    key: 'imatge',
    description: 'adreça de la imatge destacada',
    value: (f, ctx) => (f.image ? absoluteUrl(ctx.baseUrl, f.image.url) : null),
  },
  {
    key: 'imatge_text_alternatiu',
    description: 'text alternatiu de la imatge destacada',
    value: (f) => f.image?.alt ?? null,
  },
  { key: 'objectius', description: 'objectius', value: (f) => f.objectives ?? null },
  {
    key: 'persones_destinataries',
    description: 'persones destinatàries',
    value: (f) => f.audience ?? null,
  },
  { key: 'recursos', description: 'recursos', value: (f) => f.resources ?? null },
  { key: 'elements_clau', description: 'elements clau', value: (f) => f.keyElements ?? null },
  { key: 'limitacions', description: 'limitacions', value: (f) => f.limitations ?? null },
  {
    key: 'indicadors',
    description: 'indicadors de resultat utilitzats',
    value: (f) => f.indicators ?? null,
  },
  {
    key: 'aspectes_a_tenir_en_compte',
    description: 'aspectes a tenir en compte',
    value: (f) => f.considerations ?? null,
  },
  { key: 'activitats', description: 'activitats', value: (f) => f.activities ?? null },
  { key: 'resultats', description: 'resultats i aprenentatges', value: (f) => f.results ?? null },
  { key: 'recomanacions', description: 'recomanacions', value: (f) => f.recommendations ?? null },
  {
    key: 'text',
    description: 'explicació detallada, en text pla',
    value: (f) => richTextToPlain(f.body) || null,
  },
  {
    key: 'publicada',
    description: 'data de la primera publicació (ISO 8601)',
    value: (f) => f.publishedAt ?? null,
  },
  {
    key: 'actualitzada',
    description: 'data de la darrera versió publicada (ISO 8601)',
    value: (f) => f.updatedAt ?? null,
  },
]

type Ctx = { baseUrl: string }

const day = (value: string | undefined) => (value ? value.slice(0, 10) : null)

export const fitxaUrl = (baseUrl: string, slug: string) =>
  `${baseUrl.replace(/\/$/, '')}/fitxes/${encodeURIComponent(slug)}`

export function openDataJson(fitxes: readonly PublicFitxa[], ctx: Ctx) {
  return {
    titol: 'Fitxes de mentoria de la XMESS',
    font: `${ctx.baseUrl.replace(/\/$/, '')}/fitxes`,
    llicencia: OPEN_DATA_LICENCE,
    columnes: Object.fromEntries(
      OPEN_DATA_COLUMNS.map((column) => [column.key, column.description]),
    ),
    total: fitxes.length,
    fitxes: fitxes.map((fitxa) =>
      Object.fromEntries(OPEN_DATA_COLUMNS.map((column) => [column.key, column.value(fitxa, ctx)])),
    ),
  }
}

/**
 * One CSV cell (RFC 4180). Text that a spreadsheet could read as a formula, at its start or after any
 * separator or line break inside it, is neutralised (src/rules/csv.ts), so opening the file runs nothing.
 */
export function csvCell(value: string | number | string[] | null): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  return quoted(neutraliseCell(Array.isArray(value) ? value.join('; ') : String(value)))
}

/** dades.csv: a header row, then one row per fitxa, CRLF line ends, UTF-8 with a BOM (for spreadsheets). */
export function openDataCsv(fitxes: readonly PublicFitxa[], ctx: Ctx): string {
  const rows = [
    OPEN_DATA_COLUMNS.map((column) => column.key),
    ...fitxes.map((fitxa) => OPEN_DATA_COLUMNS.map((column) => csvCell(column.value(fitxa, ctx)))),
  ]
  return `\uFEFF${rows.map((row) => row.join(',')).join('\r\n')}\r\n`
}

const xml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')

/** The Catalan words of the sheet (headings, the two councils), with the option lists' labels. */
export function catalanSheetWords(
  labels: {
    topics?: { value: string; label: string }[]
    fitxaClassifications?: { value: string; label: string }[]
  } = {},
): SheetWords {
  const t = fitxesMessages('ca')
  return {
    headings: t.headings,
    between: t.between,
    topicLabels: new Map((labels.topics ?? []).map((item) => [item.value, item.label])),
    classificationLabels: new Map(
      (labels.fitxaClassifications ?? []).map((item) => [item.value, item.label]),
    ),
    formatDate: (date) => formatDate(date, 'ca'),
  }
}

/**
 * /fitxes/feed.xml: the 50 newest published fitxes as an Atom 1.0 feed; each entry's content is the
 * fitxa in the website's headings order (the same HTML as fragment.html and the WordPress export).
 */
export function atomFeed(
  fitxes: readonly PublicFitxa[],
  ctx: Ctx & { now?: Date; words?: SheetWords },
): string {
  const words = ctx.words ?? catalanSheetWords()
  const base = ctx.baseUrl.replace(/\/$/, '')
  const items = fitxes.slice(0, 50)
  const updated =
    items
      .map((fitxa) => fitxa.updatedAt ?? fitxa.publishedAt ?? '')
      .sort()
      .pop() || (ctx.now ?? new Date(0)).toISOString()
  const entry = (fitxa: PublicFitxa) => {
    const url = fitxaUrl(base, fitxa.slug)
    const councils = [fitxa.council?.name, fitxa.mentorCouncil?.name].filter(Boolean).join(' · ')
    return [
      '  <entry>',
      `    <id>${xml(url)}</id>`,
      `    <title>${xml(fitxa.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(url)}"/>`,
      `    <published>${xml(fitxa.publishedAt ?? updated)}</published>`,
      `    <updated>${xml(fitxa.updatedAt ?? fitxa.publishedAt ?? updated)}</updated>`,
      `    <summary>${xml(fitxa.summary)}</summary>`,
      `    <content type="html">${xml(sheetHtml(fitxaSheet(fitxa, words), { baseUrl: base, withImage: true }))}</content>`,
      ...(fitxa.image
        ? [
            `    <link rel="enclosure" type="${xml(fitxa.image.mimeType ?? 'image/jpeg')}" href="${xml(absoluteUrl(base, fitxa.image.url))}"${fitxa.image.filesize ? ` length="${fitxa.image.filesize}"` : ''}/>`,
          ]
        : []),
      ...(councils ? [`    <category term="ens" label="${xml(councils)}"/>`] : []),
      ...fitxa.classification.map(
        (value) =>
          `    <category term="${xml(value)}" scheme="${xml(`${base}/fitxes#classificacio`)}" label="${xml(words.classificationLabels.get(value) ?? value)}"/>`,
      ),
      ...fitxa.topics.map(
        (topic) =>
          `    <category term="${xml(topic)}" label="${xml(words.topicLabels.get(topic) ?? topic)}"/>`,
      ),
      '  </entry>',
    ].join('\n')
  }
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ca">',
    `  <id>${xml(`${base}/fitxes`)}</id>`,
    '  <title>Fitxes de mentoria de la XMESS</title>',
    "  <subtitle>El que un ens ha après d'un altre en el programa de mentoria de la Xarxa de Municipis per l'Economia Social i Solidària.</subtitle>",
    `  <link rel="alternate" type="text/html" href="${xml(`${base}/fitxes`)}"/>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(`${base}/fitxes/feed.xml`)}"/>`,
    `  <updated>${xml(updated)}</updated>`,
    '  <author><name>XMESS</name></author>',
    `  <rights>${xml(LICENCE_LINE)}</rights>`,
    ...items.map(entry),
    '</feed>',
    '',
  ].join('\n')
}
