import {
  type CollectionBeforeOperationHook,
  type CollectionBeforeValidateHook,
  isValidID,
  ValidationError,
} from 'payload'

import { RequestRefused } from '../lib/errors'
import {
  dateFields,
  emailIssues,
  isPlainObject,
  shapeIssues,
  valueAt,
  whereIssues,
} from '../lib/input-checks'

/**
 * Bad input stops at the door with a 400 that names the field, before any query or rule runs
 * (Payload validates fields only after the collection's beforeChange hooks). Used by hooks/input.ts.
 */

const BY_ID = new Set(['read', 'update', 'delete', 'findVersionByID', 'restoreVersion'])

/** An id that cannot exist (`abc` where ids are numbers, `1e999`, a malformed ObjectId) is a 400, not a query. */
export const guardIds: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (!BY_ID.has(operation)) return args
  const id = (args as { id?: unknown }).id
  if (id === undefined || id === null) return args
  const type =
    (req.payload.collections as Record<string, { customIDType?: 'number' | 'text' }>)[
      collection.slug
    ]?.customIDType ?? req.payload.db.defaultIDType
  const valid =
    type === 'number'
      ? Number.isSafeInteger(typeof id === 'string' ? Number(id) : id) && Number(id) > 0
      : isValidID(id as string, type as 'text' | 'ObjectID') &&
        (req.payload.db.name !== 'mongoose' || isValidID(String(id), 'ObjectID'))
  if (!valid) {
    // REST has already turned `abc` into NaN: name what the person wrote.
    const written = (req.routeParams as { id?: unknown } | undefined)?.id ?? id
    throw new RequestRefused(
      `L'identificador «${String(written).slice(0, 40)}» no és vàlid (camp id): ${type === 'number' ? 'ha de ser un nombre enter positiu' : 'no té el format dels identificadors'}.`,
      400,
    )
  }
  return args
}

/** A date that does not parse is refused by name, in Catalan, before the rules compare dates. */
export const guardDates: CollectionBeforeValidateHook = ({ collection, data, req }) => {
  if (!data) return data
  const errors = dateFields(collection.fields)
    .filter(({ path }) => {
      const value = valueAt(data, path)
      if (value === undefined || value === null || value === '') return false
      if (value instanceof Date) return Number.isNaN(value.getTime())
      return typeof value !== 'string' || Number.isNaN(Date.parse(value))
    })
    .map(({ path, label }) => ({
      path: path.join('.'),
      message: `${label || path.join('.')}: no és una data vàlida (feu servir el format AAAA-MM-DD).`,
    }))
  if (errors.length) throw new ValidationError({ collection: collection.slug, errors }, req.t)
  return data
}

/**
 * A group sent as `null` or a list sent as a string would crash Payload's own field hooks: refused
 * first, naming the field.
 */
export const guardDataShape: CollectionBeforeOperationHook = ({
  args,
  collection,
  operation,
  req,
}) => {
  if (operation !== 'create' && operation !== 'update') return args
  const data = (args as { data?: unknown }).data
  if (data === undefined) return args
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new RequestRefused(
      'Les dades han de ser un objecte JSON amb els camps del formulari.',
      400,
    )
  }
  const issues = [...shapeIssues(collection.fields, data), ...emailIssues(collection.fields, data)]
  if (issues.length) {
    throw new ValidationError(
      {
        collection: collection.slug,
        errors: issues.map(({ path, label, kind }) => ({
          path,
          message: `${label || path}: ${kind === 'group' ? 'ha de ser un grup de camps (un objecte), no pas buit ni un valor sol; ometeu-lo si no el canvieu' : kind === 'text' ? 'ha de ser una adreça de correu escrita com a text' : 'ha de ser una llista de files'}.`,
        })),
      },
      req.t,
    )
  }
  return args
}

/** `page` and `limit` from a request: whole numbers, a page from 1, a limit from 0. */
export const guardPages: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (req.payloadAPI === 'local' || !['read', 'findVersions'].includes(operation)) return args
  const { page, limit } = args as { page?: unknown; limit?: unknown }
  const whole = (value: unknown, min: number) =>
    value === undefined ||
    value === null ||
    (Number.isSafeInteger(Number(value)) && Number(value) >= min)
  if (!whole(page, 1))
    throw new RequestRefused(
      `La pàgina «${String(page).slice(0, 20)}» no és vàlida (paràmetre page): ha de ser un nombre enter a partir d'1.`,
      400,
    )
  if (!whole(limit, 0))
    throw new RequestRefused(
      `El límit «${String(limit).slice(0, 20)}» no és vàlid (paràmetre limit): ha de ser un nombre enter a partir de 0.`,
      400,
    )
  return args
}

const WITH_WHERE = new Set([
  'read',
  'count',
  'update',
  'delete',
  'findVersions',
  'countVersions',
  'readDistinct',
])

/** A `where` that compares an id, a number or a date with something that is none: a 400 naming the field. */
export const guardFilters: CollectionBeforeOperationHook = ({
  args,
  collection,
  operation,
  req,
}) => {
  if (!WITH_WHERE.has(operation)) return args
  const where = (args as { where?: unknown }).where
  if (!where) return args
  if (!isPlainObject(where))
    throw new RequestRefused(
      'El filtre (paràmetre where) no és vàlid: ha de ser un grup de condicions, com where[camp][equals]=valor.',
      400,
    )
  const numericIds =
    ((req.payload.collections as Record<string, { customIDType?: string }>)[collection.slug]
      ?.customIDType ?? req.payload.db.defaultIDType) === 'number'
  const issues = whereIssues(
    collection.fields,
    where,
    numericIds,
    operation === 'findVersions' || operation === 'countVersions',
  )
  if (issues.length)
    throw new RequestRefused(`${issues[0].charAt(0).toUpperCase()}${issues[0].slice(1)}.`, 400)
  return args
}
