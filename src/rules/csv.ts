import { parse } from 'csv-parse/sync'
import { z } from 'zod'

/**
 * CSV files the secretariat opens in a spreadsheet or brings in from one: writing (exports) and
 * reading and checking rows (imports of mentors and member councils). Pure: no Payload here.
 */

export type Cell = string | number | boolean | null | undefined
export type Column<T> = { header: string; value: (row: T) => Cell }

/**
 * A spreadsheet runs a cell that starts with one of these as a formula (CSV injection); one that trims
 * spaces or quotes first may find one behind them.
 */
const FORMULA_START = /^(?:[\t\r]|[\s"]*[=+\-@])/

/**
 * Where a spreadsheet may start a new cell inside this one: a separator it may be set to (comma; the
 * semicolon, the Catalan and Spanish default; tab) or a line break, then any spaces or quotes, then a
 * formula character. Which separator the person's spreadsheet uses is not ours to know.
 */
const FORMULA_AFTER_SEPARATOR = /([,;\t\r\n])([\s"]*)(?=[=+\-@])/g

/**
 * A text cell that a spreadsheet would run as a formula gets an apostrophe before each formula
 * character that could start a cell, whatever the separator: at the very start, and after any comma,
 * semicolon, tab or line break (`Anna Puig;=cmd|…` → `Anna Puig;'=cmd|…`). It stays text everywhere.
 */
export function neutraliseCell(value: string): string {
  const inside = value.replace(FORMULA_AFTER_SEPARATOR, "$1$2'")
  return FORMULA_START.test(inside) ? `'${inside}` : inside
}

function cellText(value: Cell): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'boolean') return value ? 'sí' : 'no'
  // Numbers are numbers (a negative one is not a formula); everything else is text and neutralised.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  return neutraliseCell(value)
}

/** Quoted whenever it holds a separator a spreadsheet may use (a semicolon or tab too), a quote or a line break. */
export function quoted(text: string): string {
  return /[",;\t\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * RFC 4180 CSV (comma, CRLF, double quotes), with a byte order mark so that Excel reads it as UTF-8
 * (accents in Catalan names).
 */
export function toCsv<T>(columns: Column<T>[], rows: Iterable<T>): string {
  const lines = [columns.map((column) => quoted(neutraliseCell(column.header))).join(',')]
  for (const row of rows)
    lines.push(columns.map((column) => quoted(cellText(column.value(row)))).join(','))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

// ---------------------------------------------------------------------------------------------------
// Reading

/** One thing wrong in an imported file: the spreadsheet row (the header is row 1), the column, what. */
export type RowError = { row: number; field: string; message: string }

export type CsvTable = { headers: string[]; rows: { row: number; cells: Record<string, string> }[] }

/** How a header is matched: lower case, no accents, letters and digits only («Correu electrònic» → correuelectronic). */
export const headerKey = (header: string): string =>
  header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')

/** Comma or semicolon (a spreadsheet in Catalan saves with semicolons): whichever the header line uses more. */
function delimiterOf(text: string): ',' | ';' {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? ''
  return (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ','
}

/** Parses a CSV file into rows keyed by header; a file that is not CSV gives one error on its row. */
export function readCsv(
  text: string,
): { ok: true; table: CsvTable } | { ok: false; errors: RowError[] } {
  let records: { record: string[]; info: { lines: number } }[]
  try {
    records = parse(text, {
      bom: true,
      delimiter: delimiterOf(text),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as never
  } catch (error) {
    const line = (error as { lines?: number }).lines
    return {
      ok: false,
      errors: [
        {
          row: line ?? 1,
          field: '(fitxer)',
          message: `El fitxer no és un CSV vàlid: ${(error as Error).message}`,
        },
      ],
    }
  }
  if (records.length === 0)
    return {
      ok: false,
      errors: [
        {
          row: 1,
          field: '(fitxer)',
          message: 'El fitxer és buit: cal una primera fila amb els noms de les columnes.',
        },
      ],
    }
  const [header, ...data] = records
  const headers = header.record.map((cell) => cell.trim())
  // More cells than columns is a comma or semicolon inside an unquoted cell: the row would be misread.
  const misaligned = data
    .filter(({ record }) => record.slice(headers.length).some((cell) => cell !== ''))
    .map(({ record, info }) => ({
      row: info.lines,
      field: '(fila)',
      message: `Aquesta fila té ${record.length} cel·les i la capçalera, ${headers.length} columnes: potser hi ha un separador dins d'un text sense cometes.`,
    }))
  if (misaligned.length) return { ok: false, errors: misaligned }
  return {
    ok: true,
    table: {
      headers,
      rows: data
        .filter(({ record }) => record.some((cell) => cell !== ''))
        .map(({ record, info }) => ({
          row: info.lines,
          cells: Object.fromEntries(headers.map((name, index) => [name, record[index] ?? ''])),
        })),
    },
  }
}

// ---------------------------------------------------------------------------------------------------
// Import rows

export type Option = { value: string; label: string }
export type NamedRecord = { id: number | string; name: string }

export type ImportKind = 'mentors' | 'municipalities'

/** One column of an import: the header written in exports (and the template) and the names also accepted. */
type ImportColumn = { field: string; header: string; aliases: string[]; required?: boolean }

export const IMPORT_COLUMNS: Record<ImportKind, ImportColumn[]> = {
  mentors: [
    // An exported file brought back: its ID column is read and ignored (people are found by email).
    { field: 'id', header: 'ID', aliases: ['id'] },
    { field: 'name', header: 'Nom i cognoms', aliases: ['nom', 'name'], required: true },
    {
      field: 'email',
      header: 'Correu electrònic',
      aliases: ['correu', 'email', 'correuelectronic'],
      required: true,
    },
    { field: 'phone', header: 'Telèfon', aliases: ['telefon', 'phone'] },
    { field: 'position', header: 'Càrrec', aliases: ['carrec', 'position'] },
    {
      field: 'municipality',
      header: 'Ens',
      aliases: ['ens', 'municipality', 'ajuntament'],
      required: true,
    },
    { field: 'topics', header: 'Àmbits', aliases: ['ambits', 'topics'], required: true },
    { field: 'capacity', header: 'Capacitat', aliases: ['capacitat', 'capacity'] },
    { field: 'available', header: 'Disponible', aliases: ['disponible', 'available'] },
    { field: 'languages', header: 'Llengües', aliases: ['llengues', 'languages'] },
    { field: 'bio', header: 'Trajectòria', aliases: ['trajectoria', 'bio'] },
  ],
  municipalities: [
    { field: 'id', header: 'ID', aliases: ['id'] },
    { field: 'name', header: 'Nom', aliases: ['nom', 'name', 'ens'], required: true },
    { field: 'comarca', header: 'Comarca', aliases: ['comarca'] },
    { field: 'province', header: 'Província', aliases: ['provincia', 'province'] },
    { field: 'latitude', header: 'Latitud', aliases: ['latitud', 'latitude'] },
    { field: 'longitude', header: 'Longitud', aliases: ['longitud', 'longitude'] },
    {
      field: 'member',
      header: 'Membre de la XMESS',
      aliases: ['membre', 'member', 'membredelaxmess'],
    },
  ],
}

export const PROVINCES = ['Barcelona', 'Girona', 'Lleida', 'Tarragona'] as const

export type MentorRow = {
  name: string
  email: string
  phone: string | null
  position: string | null
  municipality: number | string
  topics: string[]
  capacity: number
  available: boolean
  languages: string[]
  bio: string | null
}

export type MunicipalityRow = {
  name: string
  comarca: string | null
  province: (typeof PROVINCES)[number] | null
  latitude: number | null
  longitude: number | null
  member: boolean
}

export type ImportContext = {
  topics: Option[]
  languages: Option[]
  /** The councils on record, to find a mentor's council by name. */
  municipalities: NamedRecord[]
}

const folded = (text: string) => headerKey(text)
const emptyToNull = (value: string) => (value.trim() === '' ? null : value.trim())
const listOf = (value: string) =>
  value
    .split(/[;,|\n]/)
    .map((part) => part.trim())
    .filter(Boolean)

const YES = new Set(['si', 's', 'yes', 'y', 'true', '1', 'x', 'cert'])
const NO = new Set(['no', 'n', 'false', '0', 'fals'])

/** A yes/no cell as people type it: «sí», «no», «1», «0», «true»; empty is the default. */
const yesNo = (fallback: boolean) =>
  z.string().transform((value, ctx) => {
    const key = folded(value)
    if (key === '') return fallback
    if (YES.has(key)) return true
    if (NO.has(key)) return false
    ctx.addIssue({ code: 'custom', message: `«${value}» no és ni «sí» ni «no».` })
    return z.NEVER
  })

/** A decimal number, with a comma or a point («41,55» or «41.55»); empty is none. */
const decimal = (min: number, max: number) =>
  z.string().transform((value, ctx) => {
    const trimmed = value.trim()
    if (trimmed === '') return null
    const number = Number(trimmed.replace(',', '.'))
    if (!Number.isFinite(number) || !/^-?\d+([.,]\d+)?$/.test(trimmed)) {
      ctx.addIssue({ code: 'custom', message: `«${value}» no és un número.` })
      return z.NEVER
    }
    if (number < min || number > max) {
      ctx.addIssue({ code: 'custom', message: `Ha d'estar entre ${min} i ${max}.` })
      return z.NEVER
    }
    return number
  })

/** Values of an option list, by value or by label, in any case and with or without accents. */
const optionsFrom = (options: Option[], what: string, required: boolean) =>
  z.string().transform((value, ctx) => {
    const byKey = new Map<string, string>()
    for (const option of options) {
      byKey.set(folded(option.value), option.value)
      byKey.set(folded(option.label), option.value)
    }
    const found: string[] = []
    for (const part of listOf(value)) {
      const match = byKey.get(folded(part))
      if (!match) {
        ctx.addIssue({
          code: 'custom',
          message: `«${part}» no és ${what} de la llista (${options.map((option) => option.value).join(', ')}).`,
        })
        return z.NEVER
      }
      if (!found.includes(match)) found.push(match)
    }
    if (required && found.length === 0) {
      ctx.addIssue({ code: 'custom', message: `Cal com a mínim ${what}.` })
      return z.NEVER
    }
    return found
  })

const text = (max: number, required: boolean) =>
  z.string().transform((value, ctx) => {
    const trimmed = value.trim()
    if (required && trimmed === '') {
      ctx.addIssue({ code: 'custom', message: 'És obligatori i és buit.' })
      return z.NEVER
    }
    if (trimmed.length > max) {
      ctx.addIssue({ code: 'custom', message: `És massa llarg: com a màxim ${max} caràcters.` })
      return z.NEVER
    }
    return trimmed
  })

function mentorSchema(context: ImportContext) {
  const councils = new Map(
    context.municipalities.map((council) => [folded(council.name), council.id]),
  )
  return z.object({
    name: text(200, true),
    email: z
      .string()
      .transform((value) => value.trim().toLowerCase())
      .pipe(z.email({ message: 'No és una adreça de correu vàlida.' })),
    phone: text(40, false).transform(emptyToNull),
    position: text(200, false).transform(emptyToNull),
    municipality: z.string().transform((value, ctx) => {
      const id = councils.get(folded(value))
      if (value.trim() === '') {
        ctx.addIssue({ code: 'custom', message: 'És obligatori i és buit.' })
        return z.NEVER
      }
      if (id === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `L'ens «${value.trim()}» no és a la llista d'ens: importeu-lo primer o corregiu-ne el nom.`,
        })
        return z.NEVER
      }
      return id
    }),
    topics: optionsFrom(context.topics, 'un àmbit', true),
    capacity: z.string().transform((value, ctx) => {
      const trimmed = value.trim()
      if (trimmed === '') return 1
      if (!/^\d+$/.test(trimmed) || Number(trimmed) > 10) {
        ctx.addIssue({ code: 'custom', message: `«${value}» no és un nombre enter entre 0 i 10.` })
        return z.NEVER
      }
      return Number(trimmed)
    }),
    available: yesNo(true),
    languages: optionsFrom(context.languages, 'una llengua', false).transform((languages) =>
      languages.length ? languages : ['ca'],
    ),
    bio: text(4000, false).transform(emptyToNull),
  })
}

const municipalitySchema = z.object({
  name: text(200, true),
  comarca: text(100, false).transform(emptyToNull),
  province: z.string().transform((value, ctx) => {
    if (value.trim() === '') return null
    const province = PROVINCES.find((name) => folded(name) === folded(value))
    if (!province) {
      ctx.addIssue({
        code: 'custom',
        message: `«${value}» no és una província (${PROVINCES.join(', ')}).`,
      })
      return z.NEVER
    }
    return province
  }),
  latitude: decimal(-90, 90),
  longitude: decimal(-180, 180),
  member: yesNo(true),
})

/** `fields`: the fields the file has a column for (an update changes only those). */
export type CheckedRows<T> =
  | { ok: true; rows: { row: number; data: T }[]; fields: string[] }
  | { ok: false; errors: RowError[] }

/**
 * Every row of an import checked before anything is written: all errors at once, each with its row,
 * its column (as the file names it) and what is wrong, in Catalan.
 */
export function checkImportRows(
  kind: 'mentors',
  table: CsvTable,
  context: ImportContext,
): CheckedRows<MentorRow>
export function checkImportRows(
  kind: 'municipalities',
  table: CsvTable,
  context: ImportContext,
): CheckedRows<MunicipalityRow>
export function checkImportRows(
  kind: ImportKind,
  table: CsvTable,
  context: ImportContext,
): CheckedRows<MentorRow | MunicipalityRow> {
  const columns = IMPORT_COLUMNS[kind]
  const errors: RowError[] = []
  // Which header of the file feeds each field.
  const source = new Map<string, string>()
  for (const header of table.headers) {
    const column = columns.find(
      (candidate) =>
        candidate.aliases.includes(headerKey(header)) ||
        headerKey(candidate.header) === headerKey(header),
    )
    if (!column) {
      errors.push({
        row: 1,
        field: header || '(columna sense nom)',
        message: `Columna desconeguda. Les columnes possibles són: ${columns.map((c) => c.header).join(', ')}.`,
      })
    } else if (source.has(column.field)) {
      errors.push({
        row: 1,
        field: header,
        message: `Columna repetida (ja hi ha «${source.get(column.field)}»).`,
      })
    } else {
      source.set(column.field, header)
    }
  }
  for (const column of columns) {
    if (column.required && !source.has(column.field))
      errors.push({
        row: 1,
        field: column.header,
        message: 'Falta aquesta columna, que és obligatòria.',
      })
  }
  if (errors.length) return { ok: false, errors }
  if (table.rows.length === 0)
    return {
      ok: false,
      errors: [{ row: 2, field: '(fitxer)', message: 'El fitxer no té cap fila de dades.' }],
    }

  const schema = kind === 'mentors' ? mentorSchema(context) : municipalitySchema
  const headerOf = (field: string) =>
    source.get(field) ?? columns.find((column) => column.field === field)?.header ?? field
  const rows: { row: number; data: MentorRow | MunicipalityRow }[] = []
  // The same person (email) or council (name) twice in one file is a mistake, not two records.
  const keyField = kind === 'mentors' ? 'email' : 'name'
  const seen = new Map<string, number>()
  for (const { row, cells } of table.rows) {
    const input = Object.fromEntries(
      columns.map((column) => [
        column.field,
        source.has(column.field) ? (cells[source.get(column.field)!] ?? '') : '',
      ]),
    )
    const parsed = schema.safeParse(input)
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push({ row, field: headerOf(String(issue.path[0] ?? '')), message: issue.message })
      continue
    }
    const key = folded(String((parsed.data as Record<string, unknown>)[keyField]))
    const earlier = seen.get(key)
    if (earlier !== undefined) {
      errors.push({
        row,
        field: headerOf(keyField),
        message: `Aquest valor ja és a la fila ${earlier}: cada ${kind === 'mentors' ? 'persona' : 'ens'} hi ha de ser una sola vegada.`,
      })
      continue
    }
    seen.set(key, row)
    rows.push({ row, data: parsed.data as MentorRow | MunicipalityRow })
  }
  return errors.length
    ? { ok: false, errors }
    : { ok: true, rows, fields: [...source.keys()].filter((field) => field !== 'id') }
}

/** How a council's name is compared on import (case, accents and punctuation aside). */
export const sameName = (a: string, b: string): boolean => folded(a) === folded(b)
