import type { PayloadRequest } from 'payload'

import { LANGUAGE_OPTIONS } from '../lib/languages'
import type { MentoriaOptions } from '../lib/options'
import { withVocabularies } from './vocabularies'
import {
  checkImportRows,
  headerKey,
  type ImportKind,
  type MentorRow,
  type MunicipalityRow,
  readCsv,
  type RowError,
} from '../rules/csv'

export type PlannedRow = {
  row: number
  action: 'create' | 'update' | 'unchanged'
  name: string
  id?: number | string
  changes: string[]
}

export type ImportPlan =
  | {
      ok: true
      kind: ImportKind
      rows: PlannedRow[]
      counts: { create: number; update: number; unchanged: number }
    }
  | { ok: false; kind: ImportKind; errors: RowError[] }

const FIELD_LABELS: Record<ImportKind, Record<string, string>> = {
  mentors: {
    name: 'Nom i cognoms',
    email: 'Correu electrònic',
    phone: 'Telèfon',
    position: 'Càrrec',
    municipality: 'Ens',
    topics: 'Àmbits',
    capacity: 'Capacitat',
    available: 'Disponible',
    languages: 'Llengües',
    bio: 'Trajectòria',
  },
  municipalities: {
    name: 'Nom',
    comarca: 'Comarca',
    province: 'Província',
    latitude: 'Latitud',
    longitude: 'Longitud',
    member: 'Membre de la XMESS',
  },
}

type Existing = Record<string, unknown> & { id: number | string }

const comparable = (value: unknown): string => {
  if (value && typeof value === 'object' && 'id' in value)
    return String((value as { id: unknown }).id)
  if (Array.isArray(value)) return JSON.stringify(value)
  return value === undefined || value === null || value === '' ? '' : String(value)
}

/** What an update writes: only the columns the file has (a file without «Telèfon» keeps the phones). */
const presentOnly = (data: MentorRow | MunicipalityRow, fields: string[]) =>
  Object.fromEntries(Object.entries(data).filter(([field]) => fields.includes(field)))

function changedFields(
  kind: ImportKind,
  data: Record<string, unknown>,
  existing: Existing,
): string[] {
  return Object.entries(data)
    .filter(([field, value]) => comparable(value) !== comparable(existing[field]))
    .map(([field]) => FIELD_LABELS[kind][field] ?? field)
}

type Checked = {
  kind: ImportKind
  fields: string[]
  rows: { row: number; data: MentorRow | MunicipalityRow; existing?: Existing }[]
}

/** Reads and checks the whole file, and finds which rows are already on record (mentors by email, councils by name). */
async function check(
  req: PayloadRequest,
  kind: ImportKind,
  csv: string,
  options: MentoriaOptions,
): Promise<{ ok: true; checked: Checked } | { ok: false; errors: RowError[] }> {
  const read = readCsv(csv)
  if (!read.ok) return read
  const { docs: councils } = await req.payload.find({
    collection: 'municipalities',
    depth: 0,
    pagination: false,
    overrideAccess: false,
    user: req.user,
    req,
  })
  const context = {
    topics: (await withVocabularies(req.payload, options)).topics,
    languages: LANGUAGE_OPTIONS.map((language) => ({
      value: language.value,
      label: language.label.ca,
    })),
    municipalities: councils.map((council) => ({ id: council.id, name: council.name })),
  }
  if (kind === 'municipalities') {
    const result = checkImportRows('municipalities', read.table, context)
    if (!result.ok) return result
    const byName = new Map(
      councils.map((council) => [headerKey(council.name), council as unknown as Existing]),
    )
    return {
      ok: true,
      checked: {
        kind,
        fields: result.fields,
        rows: result.rows.map(({ row, data }) => ({
          row,
          data,
          existing: byName.get(headerKey(data.name)),
        })),
      },
    }
  }
  const result = checkImportRows('mentors', read.table, context)
  if (!result.ok) return result
  const { docs: mentors } = await req.payload.find({
    collection: 'mentors',
    // Any case: a mentor stored as «Anna.Puig@Vic.cat» is the row «anna.puig@vic.cat» (`like` ignores case; the
    // exact address is compared below, so a wider match changes nothing).
    where: { or: result.rows.map(({ data }) => ({ email: { like: data.email } })) },
    depth: 0,
    pagination: false,
    overrideAccess: false,
    user: req.user,
    req,
  })
  const byEmail = new Map(
    mentors.map((mentor) => [
      String(mentor.email).trim().toLowerCase(),
      mentor as unknown as Existing,
    ]),
  )
  return {
    ok: true,
    checked: {
      kind,
      fields: result.fields,
      rows: result.rows.map(({ row, data }) => ({
        row,
        data,
        existing: byEmail.get((data as MentorRow).email),
      })),
    },
  }
}

function planOf(checked: Checked): PlannedRow[] {
  return checked.rows.map(({ row, data, existing }) => {
    if (!existing) return { row, action: 'create', name: data.name, changes: [] }
    const changes = changedFields(checked.kind, presentOnly(data, checked.fields), existing)
    return {
      row,
      action: changes.length ? 'update' : 'unchanged',
      name: data.name,
      id: existing.id,
      changes,
    }
  })
}

const countsOf = (rows: PlannedRow[]) => ({
  create: rows.filter((row) => row.action === 'create').length,
  update: rows.filter((row) => row.action === 'update').length,
  unchanged: rows.filter((row) => row.action === 'unchanged').length,
})

/** The dry run: what the file would create and update, or every error in it. Writes nothing. */
export async function previewImport(
  req: PayloadRequest,
  kind: ImportKind,
  csv: string,
  options: MentoriaOptions,
): Promise<ImportPlan> {
  const result = await check(req, kind, csv, options)
  if (!result.ok) return { ok: false, kind, errors: result.errors }
  const rows = planOf(result.checked)
  return { ok: true, kind, rows, counts: countsOf(rows) }
}

/**
 * Imports the file: every row checked first; then each row created or updated as the requesting
 * person (access and the collections' own validation apply) in the caller's transaction, so that a
 * row refused by the database leaves nothing from the others either.
 */
export async function runImport(
  req: PayloadRequest,
  kind: ImportKind,
  csv: string,
  options: MentoriaOptions,
): Promise<ImportPlan> {
  const result = await check(req, kind, csv, options)
  if (!result.ok) return { ok: false, kind, errors: result.errors }
  const rows = planOf(result.checked)
  for (const [index, planned] of rows.entries()) {
    const { data } = result.checked.rows[index]
    try {
      if (planned.action === 'create') {
        const created = await req.payload.create({
          collection: kind,
          data: data as never,
          depth: 0,
          overrideAccess: false,
          user: req.user,
          req,
        })
        planned.id = created.id
      } else if (planned.action === 'update') {
        await req.payload.update({
          collection: kind,
          id: planned.id!,
          data: presentOnly(data, result.checked.fields) as never,
          depth: 0,
          overrideAccess: false,
          user: req.user,
          req,
        })
      }
    } catch (error) {
      const fieldErrors = (error as { data?: { errors?: { path?: string; message?: string }[] } })
        .data?.errors
      const errors: RowError[] = fieldErrors?.length
        ? fieldErrors.map((fieldError) => ({
            row: planned.row,
            field:
              FIELD_LABELS[kind][String(fieldError.path)] ?? String(fieldError.path ?? '(fila)'),
            message: String(fieldError.message ?? (error as Error).message),
          }))
        : [{ row: planned.row, field: '(fila)', message: (error as Error).message }]
      return { ok: false, kind, errors }
    }
  }
  return { ok: true, kind, rows, counts: countsOf(rows) }
}
