import type { CollectionSlug, Payload, Where } from 'payload'

import { candidates, DEMO_PASSWORD, demoUsers, mentors, municipalities } from './data'

export type SeedSummary = { created: number; existing: number; credentials: { email: string; password: string; roles: readonly string[] }[] }

/** The edition whose cycle is under way on `today`: September opens it, so January–August belong to last year's. */
export function currentEditionYear(today: Date): number {
  return today.getUTCMonth() >= 8 ? today.getUTCFullYear() : today.getUTCFullYear() - 1
}

export function editionDates(year: number) {
  return {
    year,
    name: `Convocatòria ${year}`,
    applicationsOpenAt: new Date(Date.UTC(year, 8, 1, 7, 0)).toISOString(),
    applicationsCloseAt: new Date(Date.UTC(year, 8, 30, 21, 59)).toISOString(),
    matchingBy: new Date(Date.UTC(year, 9, 31, 12, 0)).toISOString(),
    startBy: new Date(Date.UTC(year, 10, 30, 12, 0)).toISOString(),
  }
}

/**
 * Creates the demo data through the Local API. Idempotent: a record that already exists (by its
 * natural key) is left as it is, so a second run changes nothing.
 */
export async function seed(payload: Payload, today = new Date()): Promise<SeedSummary> {
  let created = 0
  let existing = 0

  async function ensure<T extends { id: number | string }>(
    collection: CollectionSlug,
    where: Where,
    data: Record<string, unknown>,
  ): Promise<T> {
    const found = await payload.find({ collection, where, limit: 1, depth: 0, pagination: false })
    if (found.docs[0]) {
      existing++
      return found.docs[0] as unknown as T
    }
    created++
    return (await payload.create({ collection, data: data as never, depth: 0 })) as unknown as T
  }

  const councilIds = new Map<string, number | string>()
  for (const municipality of municipalities) {
    const doc = await ensure('municipalities', { name: { equals: municipality.name } }, municipality)
    councilIds.set(municipality.name, doc.id)
  }
  const council = (name: string) => {
    const id = councilIds.get(name)
    if (id === undefined) throw new Error(`Seed: unknown council ${name}`)
    return id
  }

  const year = currentEditionYear(today)
  const edition = await ensure('editions', { year: { equals: year } }, { ...editionDates(year), status: 'accompaniment' })
  await ensure('editions', { year: { equals: year + 1 } }, { ...editionDates(year + 1), status: 'planned' })

  const userIds = new Map<string, number | string>()
  for (const user of demoUsers) {
    const doc = await ensure('users', { email: { equals: user.email } }, {
      email: user.email,
      name: user.name,
      password: DEMO_PASSWORD,
      roles: [...user.roles],
    })
    userIds.set(user.email, doc.id)
  }

  for (const mentor of mentors) {
    await ensure('mentors', { email: { equals: mentor.email } }, {
      ...mentor,
      municipality: council(mentor.municipality),
      user: userIds.get(mentor.email),
    })
  }

  for (const candidate of candidates) {
    await ensure(
      'candidates',
      { and: [{ email: { equals: candidate.email } }, { edition: { equals: edition.id } }] },
      {
        ...candidate,
        municipality: council(candidate.municipality),
        edition: edition.id,
        consents: { dataProcessing: true, commitment: true },
        user: userIds.get(candidate.email),
      },
    )
  }

  return {
    created,
    existing,
    credentials: demoUsers.map((user) => ({ email: user.email, password: DEMO_PASSWORD, roles: user.roles })),
  }
}
