import type { Field } from 'payload'

/**
 * What the input hooks (hooks/input.ts, src/services/input-guards.ts) check a request's data and filters against, by walking the
 * collection's fields: pure over the field config, no database.
 */

type DateField = { path: string[]; label: string }

const labelOf = (field: { label?: unknown; name?: string }): string => {
  const label = field.label
  if (typeof label === 'string') return label
  if (label && typeof label === 'object' && typeof (label as { ca?: unknown }).ca === 'string')
    return (label as { ca: string }).ca
  return field.name ?? ''
}

/** Date fields at any depth of groups, rows, collapsibles and tabs (not inside arrays). */
export function dateFields(fields: Field[], prefix: string[] = []): DateField[] {
  const found: DateField[] = []
  for (const field of fields) {
    if (field.type === 'date') found.push({ path: [...prefix, field.name], label: labelOf(field) })
    else if (field.type === 'group')
      found.push(
        ...dateFields(
          field.fields,
          'name' in field && field.name ? [...prefix, field.name] : prefix,
        ),
      )
    else if (field.type === 'row' || field.type === 'collapsible')
      found.push(...dateFields(field.fields, prefix))
    else if (field.type === 'tabs')
      for (const tab of field.tabs)
        found.push(
          ...dateFields(tab.fields, 'name' in tab && tab.name ? [...prefix, tab.name] : prefix),
        )
  }
  return found
}

export const valueAt = (data: unknown, path: string[]): unknown =>
  path.reduce<unknown>(
    (value, key) =>
      value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
    data,
  )

type Shape = { path: string; label: string; kind: 'group' | 'array' | 'text' }

export function shapeIssues(fields: Field[], data: unknown, prefix = ''): Shape[] {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return []
  const record = data as Record<string, unknown>
  const issues: Shape[] = []
  for (const field of fields) {
    if (field.type === 'row' || field.type === 'collapsible') {
      issues.push(...shapeIssues(field.fields, data, prefix))
    } else if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if ('name' in tab && tab.name) {
          const value = record[tab.name]
          if (
            value !== undefined &&
            (value === null || typeof value !== 'object' || Array.isArray(value))
          )
            issues.push({
              path: `${prefix}${tab.name}`,
              label: labelOf(tab as never),
              kind: 'group',
            })
          else issues.push(...shapeIssues(tab.fields, value, `${prefix}${tab.name}.`))
        } else {
          issues.push(...shapeIssues(tab.fields, data, prefix))
        }
      }
    } else if (field.type === 'group' && 'name' in field && field.name) {
      const value = record[field.name]
      if (
        value !== undefined &&
        (value === null || typeof value !== 'object' || Array.isArray(value))
      )
        issues.push({ path: `${prefix}${field.name}`, label: labelOf(field), kind: 'group' })
      else issues.push(...shapeIssues(field.fields, value, `${prefix}${field.name}.`))
    } else if (field.type === 'group') {
      issues.push(...shapeIssues(field.fields, data, prefix))
    } else if (field.type === 'array') {
      const value = record[field.name]
      if (value !== undefined && value !== null && !Array.isArray(value))
        issues.push({ path: `${prefix}${field.name}`, label: labelOf(field), kind: 'array' })
      else if (
        Array.isArray(value) &&
        value.some((row) => !row || typeof row !== 'object' || Array.isArray(row))
      )
        issues.push({ path: `${prefix}${field.name}`, label: labelOf(field), kind: 'array' })
    }
  }
  return issues
}

/** An email field (the users' own included) given a number or an object: Payload's check would throw on it. */
export function emailIssues(fields: Field[], data: unknown): Shape[] {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return []
  const record = data as Record<string, unknown>
  return fields
    .filter((field): field is Field & { name: string } => field.type === 'email' && 'name' in field)
    .filter(
      (field) =>
        record[field.name] !== undefined &&
        record[field.name] !== null &&
        typeof record[field.name] !== 'string',
    )
    .map((field) => ({ path: field.name, label: labelOf(field), kind: 'text' as const }))
}

/** The field a query path names (`pairing`, `closing.closingDate`, `version.mentor`), if any. */
function fieldAt(fields: Field[], path: string[]): Field | undefined {
  const [head, ...rest] = path
  for (const field of fields) {
    if (
      field.type === 'row' ||
      field.type === 'collapsible' ||
      (field.type === 'group' && !('name' in field && field.name))
    ) {
      const inner = fieldAt(field.fields, path)
      if (inner) return inner
    } else if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        const inner =
          'name' in tab && tab.name
            ? tab.name === head
              ? fieldAt(tab.fields, rest)
              : undefined
            : fieldAt(tab.fields, path)
        if (inner) return inner
      }
    } else if ('name' in field && field.name === head) {
      if (!rest.length) return field
      if (field.type === 'group' || field.type === 'array') return fieldAt(field.fields, rest)
      return undefined
    }
  }
  return undefined
}

type Kind = 'id' | 'number' | 'date'

const valuesOf = (operator: string, value: unknown): unknown[] => {
  if (['in', 'not_in', 'all'].includes(operator))
    return typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : [value]
  return [value]
}

function badValue(kind: Kind, value: unknown, numericIds: boolean): boolean {
  if (value === null || value === undefined || value === '' || value === 'null') return false
  // Payload's own calls compare dates with Date objects (the admin's lock check, for one).
  if (value instanceof Date) return kind !== 'date' || Number.isNaN(value.getTime())
  // A MongoDB ObjectId from Payload's own calls is an id.
  if (
    kind === 'id' &&
    typeof value === 'object' &&
    typeof (value as { toHexString?: unknown }).toHexString === 'function'
  )
    return false
  // GraphQL's JSON filters let a `true` through, which Number() would read as 1.
  if (typeof value === 'object' || typeof value === 'boolean') return true
  if (kind === 'id')
    return numericIds ? !(Number.isSafeInteger(Number(value)) && Number(value) > 0) : false
  if (kind === 'number') return !Number.isFinite(Number(value))
  return Number.isNaN(Date.parse(String(value)))
}

const GEO = new Set(['near', 'within', 'intersects'])

/** An object as JSON writes it (not a date nor a MongoDB ObjectId from Payload's own calls). */
export const isPlainObject = (value: unknown): boolean =>
  Boolean(value) &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  !(value instanceof Date) &&
  typeof (value as { toHexString?: unknown }).toHexString !== 'function'
const LISTS = new Set(['in', 'not_in', 'all'])
const TEXT_SEARCHES = new Set(['like', 'not_like', 'contains'])
const COMPARISONS = new Set([
  'equals',
  'not_equals',
  'in',
  'not_in',
  'all',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
])

export function whereIssues(
  fields: Field[],
  where: unknown,
  numericIds: boolean,
  versions: boolean,
  depth = 0,
): string[] {
  if (!where || typeof where !== 'object' || depth > 20) return []
  const issues: string[] = []
  for (const [key, condition] of Object.entries(where as Record<string, unknown>)) {
    if (key === 'and' || key === 'or') {
      const list = Array.isArray(condition)
        ? condition
        : condition && typeof condition === 'object'
          ? Object.values(condition)
          : []
      for (const inner of list)
        issues.push(...whereIssues(fields, inner, numericIds, versions, depth + 1))
      continue
    }
    if (!condition || typeof condition !== 'object') continue
    const path = key.split('.')
    const field =
      key === 'id' || (versions && key === 'parent')
        ? undefined
        : fieldAt(fields, versions && path[0] === 'version' ? path.slice(1) : path)
    const kind: Kind | undefined =
      key === 'id' || (versions && key === 'parent')
        ? 'id'
        : field &&
            (field.type === 'relationship' || field.type === 'upload') &&
            !Array.isArray(field.relationTo)
          ? 'id'
          : field?.type === 'number'
            ? 'number'
            : field?.type === 'date'
              ? 'date'
              : undefined
    for (const operator of Object.keys(condition as Record<string, unknown>)) {
      // Geographic comparisons only make sense on a point; elsewhere the database throws.
      if (GEO.has(operator) && field?.type !== 'point')
        issues.push(
          `el filtre «${operator}» sobre «${key}» no és vàlid: només s'aplica a punts geogràfics`,
        )
      const value = (condition as Record<string, unknown>)[operator]
      // «all» of nothing reaches the database as an empty list, which it refuses.
      if (operator === 'all' && (value === '' || (Array.isArray(value) && value.length === 0)))
        issues.push(`el filtre «all» sobre «${key}» necessita com a mínim un valor`)
    }
    // A value that is itself an object (`where[name][equals][x]=y`) compares a field with nothing it can
    // hold; the database refuses it. (Geographic filters and JSON fields take objects.)
    const takesObjects = field?.type === 'json' || field?.type === 'point'
    const polymorphic = Boolean(field && 'relationTo' in field && Array.isArray(field.relationTo))
    const reference = (one: unknown) =>
      polymorphic &&
      Object.keys(one as object).every((name) => name === 'relationTo' || name === 'value')
    for (const [operator, value] of Object.entries(condition as Record<string, unknown>)) {
      if (takesObjects || GEO.has(operator)) continue
      const values = Array.isArray(value) ? value : [value]
      if (values.some((one) => isPlainObject(one) && !reference(one)))
        issues.push(
          `el filtre «${operator}» sobre «${key}» no és vàlid: espera un valor, no un grup de valors`,
        )
    }
    const manyValues = Boolean(field && 'hasMany' in field && field.hasMany)
    for (const [operator, value] of Object.entries(condition as Record<string, unknown>)) {
      // «all» compares the values of a field that holds several; on one value the database refuses it.
      if (operator === 'all' && !manyValues)
        issues.push(
          `el filtre «all» sobre «${key}» no és vàlid: només s'aplica a camps amb diversos valors (feu servir «in»)`,
        )
      // A relationship to several collections compared with nothing: «exists» says it.
      if (
        field &&
        (field.type === 'relationship' || field.type === 'upload') &&
        Array.isArray(field.relationTo) &&
        (value === null || value === 'null') &&
        !['exists'].includes(operator)
      ) {
        issues.push(
          `el filtre «${operator}» sobre «${key}» no és vàlid amb un valor buit: feu servir «exists»`,
        )
      }
    }
    // Only `in`, `not_in`, `all` and the geographic filters take a list; anywhere else a list reaches
    // the database as a malformed query (`_status[equals][0]=false`, a relationship to several collections).
    for (const [operator, value] of Object.entries(condition as Record<string, unknown>)) {
      if (!LISTS.has(operator) && !GEO.has(operator) && Array.isArray(value))
        issues.push(
          `el filtre «${operator}» sobre «${key}» no és vàlid: espera un sol valor, no una llista`,
        )
    }
    if (!kind) continue
    for (const operator of Object.keys(condition as Record<string, unknown>)) {
      // Text searches on dates, numbers and ids reach the database as a malformed query.
      if (TEXT_SEARCHES.has(operator))
        issues.push(`el filtre «${operator}» sobre «${key}» no és vàlid: només s'aplica a textos`)
    }
    for (const [operator, value] of Object.entries(condition as Record<string, unknown>)) {
      if (!COMPARISONS.has(operator)) continue
      const bad = valuesOf(operator, value).find((one) => badValue(kind, one, numericIds))
      if (bad !== undefined) {
        const what =
          kind === 'id' ? 'un identificador' : kind === 'number' ? 'un nombre' : 'una data'
        issues.push(
          `el filtre sobre «${key}» no és vàlid: «${String(typeof bad === 'object' ? JSON.stringify(bad) : bad).slice(0, 40)}» no és ${what}`,
        )
      }
    }
  }
  return issues
}
