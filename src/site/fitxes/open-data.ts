import { neutraliseCell, quoted } from '../../rules/csv'
import type { PublicFitxa } from './public-fitxa'
import { richTextToPlain } from './rich-text'

/**
 * The feed (Atom) and the open data (JSON, CSV) of the published fitxes. Pure: the routes pass the
 * list and the site's address. Only `PublicFitxa` fields go out: no person, no contact data (R12).
 */

export const OPEN_DATA_LICENCE = {
  name: 'Creative Commons Reconeixement 4.0 Internacional (CC BY 4.0)',
  url: 'https://creativecommons.org/licenses/by/4.0/deed.ca',
  attribution: "Xarxa de Municipis per l'Economia Social i Solidària (XMESS), programa de mentoria",
}

export const LICENCE_LINE = `Llicència: ${OPEN_DATA_LICENCE.name}, ${OPEN_DATA_LICENCE.url}. Citeu: ${OPEN_DATA_LICENCE.attribution}.`

/** The columns of dades.csv and the keys of each item in dades.json, documented on /fitxes and in docs. */
export const OPEN_DATA_COLUMNS: readonly { key: string; description: string; value: (fitxa: PublicFitxa, ctx: Ctx) => string | number | string[] | null }[] = [
  { key: 'slug', description: "identificador de la fitxa a l'adreça web", value: (f) => f.slug },
  { key: 'url', description: 'adreça de la fitxa al web', value: (f, ctx) => fitxaUrl(ctx.baseUrl, f.slug) },
  { key: 'titol', description: 'títol', value: (f) => f.title },
  { key: 'descripcio', description: 'descripció breu', value: (f) => f.summary },
  { key: 'any', description: 'any de la convocatòria', value: (f) => f.year ?? null },
  { key: 'inici', description: "data d'inici de l'acompanyament (AAAA-MM-DD)", value: (f) => day(f.startDate) },
  { key: 'tancament', description: "data de tancament de l'acompanyament (AAAA-MM-DD)", value: (f) => day(f.closingDate) },
  { key: 'ens_acompanyat', description: "ens que ha rebut l'acompanyament", value: (f) => f.council?.name ?? null },
  { key: 'ens_acompanyat_id', description: "identificador de l'ens acompanyat (filtre ?ens=)", value: (f) => f.council?.id ?? null },
  { key: 'ens_mentor', description: 'ens de la persona mentora', value: (f) => f.mentorCouncil?.name ?? null },
  { key: 'ens_mentor_id', description: "identificador de l'ens de la persona mentora", value: (f) => f.mentorCouncil?.id ?? null },
  { key: 'ambits', description: 'àmbits (valors separats per «;» al CSV)', value: (f) => f.topics },
  { key: 'classificacio', description: 'classificació simplificada (separada per «;» al CSV)', value: (f) => f.classification },
  { key: 'area', description: 'àrea o departament', value: (f) => f.area ?? null },
  { key: 'objectius', description: 'objectius', value: (f) => f.objectives ?? null },
  { key: 'persones_destinataries', description: 'persones destinatàries', value: (f) => f.audience ?? null },
  { key: 'activitats', description: 'activitats', value: (f) => f.activities ?? null },
  { key: 'resultats', description: 'resultats i aprenentatges', value: (f) => f.results ?? null },
  { key: 'recomanacions', description: 'recomanacions', value: (f) => f.recommendations ?? null },
  { key: 'recursos', description: 'recursos', value: (f) => f.resources ?? null },
  { key: 'text', description: 'explicació detallada, en text pla', value: (f) => richTextToPlain(f.body) || null },
  { key: 'publicada', description: 'data de la primera publicació (ISO 8601)', value: (f) => f.publishedAt ?? null },
  { key: 'actualitzada', description: 'data de la darrera versió publicada (ISO 8601)', value: (f) => f.updatedAt ?? null },
]

type Ctx = { baseUrl: string }

const day = (value: string | undefined) => (value ? value.slice(0, 10) : null)

export const fitxaUrl = (baseUrl: string, slug: string) => `${baseUrl.replace(/\/$/, '')}/fitxes/${encodeURIComponent(slug)}`

export function openDataJson(fitxes: readonly PublicFitxa[], ctx: Ctx) {
  return {
    titol: 'Fitxes de mentoria de la XMESS',
    font: `${ctx.baseUrl.replace(/\/$/, '')}/fitxes`,
    llicencia: OPEN_DATA_LICENCE,
    columnes: Object.fromEntries(OPEN_DATA_COLUMNS.map((column) => [column.key, column.description])),
    total: fitxes.length,
    fitxes: fitxes.map((fitxa) => Object.fromEntries(OPEN_DATA_COLUMNS.map((column) => [column.key, column.value(fitxa, ctx)]))),
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

/** /fitxes/feed.xml: the 50 newest published fitxes as an Atom 1.0 feed. */
export function atomFeed(fitxes: readonly PublicFitxa[], ctx: Ctx & { now?: Date }): string {
  const base = ctx.baseUrl.replace(/\/$/, '')
  const items = fitxes.slice(0, 50)
  const updated = items.map((fitxa) => fitxa.updatedAt ?? fitxa.publishedAt ?? '').sort().pop() || (ctx.now ?? new Date(0)).toISOString()
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
      ...(councils ? [`    <category term="ens" label="${xml(councils)}"/>`] : []),
      ...fitxa.topics.map((topic) => `    <category term="${xml(topic)}"/>`),
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
