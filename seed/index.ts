import type { CollectionSlug, Payload, Where } from 'payload'

import { LEGAL_SETTINGS_SLUG, missingLegalSettings } from '../src/rules/legal'
import { readLegalSettings } from '../src/services/legal-settings'
import { seedConsoleDemo } from './demo-console'
import { seedDocumentedMentorings } from './fitxes'
import {
  candidates,
  DEMO_PASSWORD,
  demoLegalSettings,
  demoUsers,
  mentors,
  municipalities,
  pastCandidate,
  pastFitxa,
} from './data'

export type SeedSummary = {
  created: number
  existing: number
  credentials: { email: string; password: string; roles: readonly string[] }[]
}

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
    const doc = await ensure(
      'municipalities',
      { name: { equals: municipality.name } },
      municipality,
    )
    councilIds.set(municipality.name, doc.id)
  }
  const council = (name: string) => {
    const id = councilIds.get(name)
    if (id === undefined) throw new Error(`Seed: unknown council ${name}`)
    return id
  }

  const year = currentEditionYear(today)
  const pastEdition = await ensure<{ id: number | string }>(
    'editions',
    { year: { equals: year - 1 } },
    editionDates(year - 1),
  )
  const edition = await ensure<{ id: number | string }>(
    'editions',
    { year: { equals: year } },
    editionDates(year),
  )
  await ensure('editions', { year: { equals: year + 1 } }, editionDates(year + 1))

  const userIds = new Map<string, number | string>()
  for (const user of demoUsers) {
    const doc = await ensure(
      'users',
      { email: { equals: user.email } },
      {
        email: user.email,
        name: user.name,
        password: DEMO_PASSWORD,
        roles: [...user.roles],
      },
    )
    userIds.set(user.email, doc.id)
  }

  const mentorIds = new Map<string, number | string>()
  for (const mentor of mentors) {
    const doc = await ensure(
      'mentors',
      { email: { equals: mentor.email } },
      {
        ...mentor,
        municipality: council(mentor.municipality),
        user: userIds.get(mentor.email),
      },
    )
    mentorIds.set(mentor.name.split(' ')[0], doc.id)
  }

  const candidateIds = new Map<string, number | string>()
  for (const [candidate, editionId] of [
    ...candidates.map((c) => [c, edition.id] as const),
    [pastCandidate, pastEdition.id] as const,
  ]) {
    const doc = await ensure(
      'candidates',
      { and: [{ email: { equals: candidate.email } }, { edition: { equals: editionId } }] },
      {
        ...candidate,
        municipality: council(candidate.municipality),
        edition: editionId,
        consents: { dataProcessing: true, commitment: true },
        user: userIds.get(candidate.email),
        lateRegistration: false,
      },
    )
    candidateIds.set(candidate.name.split(' ')[0], doc.id)
  }

  await seedPairings(payload, {
    year,
    today,
    mentorIds,
    candidateIds,
    count: (isNew) => (isNew ? created++ : existing++),
  })
  await seedDocumentedMentorings(payload, {
    year,
    pastEditionId: pastEdition.id,
    council,
    mentorIds,
    count: (isNew) => (isNew ? created++ : existing++),
  })
  await seedConsoleDemo(payload, {
    edition: edition.id,
    longRunningEdition: pastEdition.id,
    councils: municipalities
      .filter((m) => m.member)
      .slice(-10)
      .map((m) => council(m.name)),
    today,
  })
  await seedLegalSettings(payload, today)

  return {
    created,
    existing,
    credentials: demoUsers.map((user) => ({
      email: user.email,
      password: DEMO_PASSWORD,
      roles: user.roles,
    })),
  }
}

/** «Avís legal i accessibilitat» for the demo, unless someone already filled it in (the production start needs it). */
async function seedLegalSettings(payload: Payload, today: Date) {
  const current = await readLegalSettings(payload)
  if (missingLegalSettings(current).length === 0) return
  await payload.updateGlobal({
    slug: LEGAL_SETTINGS_SLUG as never,
    data: demoLegalSettings(today) as never,
    depth: 0,
  })
}

type PairingSeedArgs = {
  year: number
  today: Date
  mentorIds: Map<string, number | string>
  candidateIds: Map<string, number | string>
  count: (isNew: boolean) => void
}

/**
 * One pairing in every state, moved through the real transitions (so every rule hook runs):
 * completed with a published fitxa (last year), active, accepted, proposed, declined and cancelled.
 */
async function seedPairings(
  payload: Payload,
  { year, today, mentorIds, candidateIds, count }: PairingSeedArgs,
) {
  const id = (map: Map<string, number | string>, key: string) => {
    const value = map.get(key)
    if (value === undefined) throw new Error(`Seed: unknown ${key}`)
    return value
  }
  const day = (date: string) => new Date(`${date}T10:00:00Z`).toISOString()
  /**
   * That day, or `daysBefore` days before `today` if that is earlier: this year's accompaniments start
   * in November, and seeded in September or October their first meeting would be in the future
   * (R7 refuses a meeting not yet held). So the demo works whatever the day.
   */
  const heldBy = (date: string, daysBefore: number) =>
    new Date(
      Math.min(Date.parse(day(date)), today.getTime() - daysBefore * 86_400_000),
    ).toISOString()
  const move = (pairing: number | string, data: Record<string, unknown>) =>
    payload.update({ collection: 'pairings', id: pairing, data: data as never, depth: 0 })
  const meet = (pairing: number | string, date: string, modality: string, summary: string) =>
    payload.create({
      collection: 'meetings',
      data: {
        pairing,
        date: date.includes('T') ? date : day(date),
        modality,
        place: 'Ajuntament',
        durationMinutes: 120,
        summary,
      } as never,
    })

  /** Creates the proposal unless this mentor and candidate were already paired, then runs `steps`. */
  const pair = async (
    mentor: string,
    candidate: string,
    steps: (pairing: number | string) => Promise<void>,
  ) => {
    const where: Where = {
      and: [
        { mentor: { equals: id(mentorIds, mentor) } },
        { candidate: { equals: id(candidateIds, candidate) } },
      ],
    }
    if ((await payload.count({ collection: 'pairings', where })).totalDocs > 0) {
      count(false)
      return
    }
    const pairing = await payload.create({
      collection: 'pairings',
      data: { mentor: id(mentorIds, mentor), candidate: id(candidateIds, candidate) } as never,
      depth: 0,
    })
    count(true)
    await steps(pairing.id)
  }

  const agreement = {
    objectives: "Definir les prioritats del primer pla municipal d'ESS i els indicadors.",
    activities: 'Dues visites presencials, revisió del document de pla i contacte amb entitats.',
    calendar: "Visita al novembre, revisió al febrer, tancament a l'octubre.",
  }

  // Last year's: completed, evaluated and documented.
  await pair('Marc', 'Júlia', async (pairing) => {
    await move(pairing, { status: 'accepted' })
    await move(pairing, {
      status: 'active',
      startDate: day(`${year - 1}-11-15`),
      endDate: day(`${year}-10-31`),
      agreement,
    })
    await meet(
      pairing,
      `${year - 1}-12-10`,
      'in_person',
      'Visita a la comunitat energètica de Girona.',
    )
    await meet(pairing, `${year}-02-18`, 'online', 'Revisió del model de governança.')
    await meet(
      pairing,
      `${year}-04-22`,
      'in_person',
      'Sessió amb les entitats del barri a Granollers.',
    )
    await move(pairing, {
      status: 'completed',
      closing: {
        // Closed in July: already past on any day the demo is seeded (from September, `year` is this
        // year, and an October closing was still to come; R9 refuses a closing date in the future).
        closingDate: day(`${year}-07-15`),
        menteeEvaluation: { rating: 5, comments: 'Molt útil: ens ha estalviat mesos de feina.' },
        mentorEvaluation: { rating: 4, comments: 'Un equip amb ganes; caldria més temps polític.' },
      },
    })
    await payload.create({
      collection: 'fitxes',
      data: { ...pastFitxa, pairing, _status: 'published' } as never,
    })
  })

  // This year's, one in each state.
  await pair('Laia', 'Pau', async (pairing) => {
    await move(pairing, { status: 'accepted' })
    await move(pairing, {
      status: 'active',
      startDate: heldBy(`${year}-11-10`, 11),
      // At most a year (R8): the end moves back with the start.
      endDate: new Date(
        Math.min(
          Date.parse(day(`${year + 1}-10-31`)),
          Date.parse(heldBy(`${year}-11-10`, 11)) + 355 * 86_400_000,
        ),
      ).toISOString(),
      agreement,
    })
    await meet(
      pairing,
      heldBy(`${year}-11-20`, 1),
      'in_person',
      'Primera trobada a Vilafranca: diagnosi i prioritats.',
    )
  })
  await pair('Núria', 'Clara', async (pairing) => {
    await move(pairing, { status: 'accepted' })
  })
  await pair('Jordi', 'Gemma', async () => undefined)
  await pair('Laia', 'Oriol', async (pairing) => {
    await move(pairing, { status: 'declined' })
  })
  await pair('Marc', 'Oriol', async (pairing) => {
    await move(pairing, { status: 'accepted' })
    await move(pairing, {
      status: 'cancelled',
      cancellationReason: 'La persona sol·licitant ha canviat de lloc de treball.',
    })
  })
  await pair('Marc', 'Marta', async (pairing) => {
    await move(pairing, { status: 'accepted' })
    await move(pairing, {
      status: 'active',
      startDate: day(`${year}-11-05`),
      endDate: day(`${year + 1}-09-30`),
      agreement,
    })
  })
}
