import type { Field, PayloadRequest, SanitizedCollectionConfig } from 'payload'

import { RequestRefused } from '../lib/errors'
import type { ID } from '../lib/ids'

type Reference = { collection: SanitizedCollectionConfig; path: string; label: string }

const catalan = (label: unknown, fallback: string): string => {
  if (typeof label === 'string') return label
  if (label && typeof label === 'object' && typeof (label as { ca?: unknown }).ca === 'string')
    return (label as { ca: string }).ca
  return fallback
}

/** Relationship fields, at any depth of groups, rows and tabs, that point at `target`. */
function referencingPaths(
  fields: Field[],
  target: string,
  prefix = '',
): { path: string; label: string }[] {
  const found: { path: string; label: string }[] = []
  for (const field of fields) {
    if (
      (field.type === 'relationship' || field.type === 'upload') &&
      !Array.isArray(field.relationTo) &&
      field.relationTo === target
    ) {
      found.push({ path: `${prefix}${field.name}`, label: catalan(field.label, field.name) })
    } else if (field.type === 'group' || field.type === 'array') {
      const nextPrefix = 'name' in field && field.name ? `${prefix}${field.name}.` : prefix
      found.push(...referencingPaths(field.fields, target, nextPrefix))
    } else if (field.type === 'row' || field.type === 'collapsible') {
      found.push(...referencingPaths(field.fields, target, prefix))
    } else if (field.type === 'tabs') {
      for (const tab of field.tabs)
        found.push(
          ...referencingPaths(
            tab.fields,
            target,
            'name' in tab && tab.name ? `${prefix}${tab.name}.` : prefix,
          ),
        )
    }
  }
  return found
}

const cache = new WeakMap<object, Map<string, Reference[]>>()

function referencesTo(req: PayloadRequest, target: string): Reference[] {
  let byTarget = cache.get(req.payload.config)
  if (!byTarget) cache.set(req.payload.config, (byTarget = new Map()))
  const cached = byTarget.get(target)
  if (cached) return cached
  const references = req.payload.config.collections
    // Payload's own collections clean up after themselves (locks and preferences cascade).
    .filter((collection) => !collection.slug.startsWith('payload-'))
    .flatMap((collection) =>
      referencingPaths(collection.fields, target).map((reference) => ({
        collection,
        ...reference,
      })),
    )
  byTarget.set(target, references)
  return references
}

/**
 * A document others point to (in their current state or in their history) is not deleted: the
 * answer is a 409 that says what still points to it, instead of a database constraint error.
 * Used by hooks/references.ts.
 */
export async function refuseDeleteIfReferenced(
  req: PayloadRequest,
  collection: SanitizedCollectionConfig,
  id: ID,
): Promise<void> {
  const reasons: string[] = []
  for (const { collection: other, path, label } of referencesTo(req, collection.slug)) {
    const where = { [path]: { equals: id } }
    const { totalDocs } = await req.payload.count({
      collection: other.slug as never,
      where,
      overrideAccess: true,
      req,
    })
    const plural = catalan(other.labels?.plural, other.slug).toLowerCase()
    if (totalDocs > 0) {
      reasons.push(`${totalDocs} ${plural} (camp «${label}»)`)
      continue
    }
    if (other.versions) {
      const versions = await req.payload.countVersions({
        collection: other.slug as never,
        where: { [`version.${path}`]: { equals: id } },
        overrideAccess: true,
        req,
      })
      if (versions.totalDocs > 0)
        reasons.push(`l'historial de ${plural} (camp «${label}», ${versions.totalDocs} versions)`)
    }
  }
  if (reasons.length) {
    const name = catalan(collection.labels?.singular, collection.slug).toLowerCase()
    throw new RequestRefused(
      `No es pot esborrar aquest registre (${name}): encara hi fan referència ${reasons.join(', ')}. Canvieu o esborreu primer aquests registres.`,
      409,
    )
  }
}
