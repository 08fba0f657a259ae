import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEFAULT_TOPICS } from '../../src/lib/options'
import { validateApplication } from '../../src/site/schema'
import { startTestApp, type TestApp } from '../helpers/payload'

/**
 * Property: whatever body arrives — arbitrary JSON, arbitrary form fields, near-valid applications with
 * any field replaced by junk — the endpoint never answers 5xx, and every candidate it stores is valid:
 * submitted, in the open edition, from a member council, with both consents, and passing the schema.
 */

const DAY = 24 * 60 * 60 * 1000
const RUNS = Number(process.env.APPLY_PROPERTY_RUNS ?? 300)

let app: TestApp
let editionId: string
let memberId: string
let nonMemberId: string
const TOPICS = DEFAULT_TOPICS.map((topic) => topic.value)
const LANGUAGES = ['ca', 'es', 'oc', 'en', 'fr']

beforeAll(async () => {
  app = await startTestApp({
    email: () => ({
      name: 'null',
      defaultFromAddress: 'mentoria@xmess.example',
      defaultFromName: 'Mentoria XMESS',
      sendEmail: async () => undefined,
    }),
  })
  const now = Date.now()
  editionId = String(
    (
      await app.payload.create({
        collection: 'editions',
        data: {
          year: new Date().getUTCFullYear(),
          name: 'Convocatòria oberta',
          applicationsOpenAt: new Date(now - DAY).toISOString(),
          applicationsCloseAt: new Date(now + 10 * DAY).toISOString(),
        } as never,
      })
    ).id,
  )
  memberId = String(
    (
      await app.payload.create({
        collection: 'municipalities',
        data: { name: 'Ajuntament membre', member: true } as never,
      })
    ).id,
  )
  nonMemberId = String(
    (
      await app.payload.create({
        collection: 'municipalities',
        data: { name: 'Ajuntament de fora', member: false } as never,
      })
    ).id,
  )
})

afterAll(async () => {
  await app?.close()
})

/** A value for each field: usually a good one, sometimes anything at all. */
const junk = fc.oneof(
  fc.anything(),
  fc.string(),
  fc.constant(''),
  fc.constant(null),
  fc.integer(),
  fc.array(fc.string(), { maxLength: 4 }),
)
const maybe = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 30, arbitrary: good }, { weight: 1, arbitrary: junk })

const nearlyValid = fc
  .record(
    {
      name: maybe(fc.string({ minLength: 1, maxLength: 40 })),
      position: maybe(fc.string({ minLength: 1, maxLength: 40 })),
      municipality: maybe(
        fc
          .constantFrom('member', 'member', 'member', 'member', 'other', 'unknown')
          .map((pick) =>
            pick === 'member' ? memberId : pick === 'other' ? nonMemberId : '999999',
          ),
      ),
      // A small pool (so that some are duplicates, R1), fresh simple addresses, and anything fast-check calls an email.
      email: maybe(
        fc.oneof(
          fc.constantFrom(
            'anna@ajuntament.example',
            'Anna@Ajuntament.example ',
            'pere@consell.example',
          ),
          fc.stringMatching(/^[a-z][a-z0-9]{0,12}$/).map((local) => `${local}@ajuntament.example`),
          fc.emailAddress(),
        ),
      ),
      phone: maybe(fc.constantFrom('938 000 000', '+34 600 11 22 33', '', 'truca')),
      topics: maybe(fc.uniqueArray(fc.constantFrom(...TOPICS), { minLength: 1, maxLength: 3 })),
      needs: maybe(fc.string({ minLength: 1, maxLength: 200 })),
      availability: maybe(fc.string({ minLength: 1, maxLength: 200 })),
      languages: maybe(
        fc.uniqueArray(fc.constantFrom(...LANGUAGES), { minLength: 1, maxLength: 3 }),
      ),
      consents: maybe(
        fc.record({
          dataProcessing: fc.constantFrom(true, true, true, 'on', false),
          commitment: fc.constantFrom(true, true, true, 'on', false),
        }),
      ),
      website: fc.oneof(
        { weight: 12, arbitrary: fc.constant('') },
        { weight: 1, arbitrary: fc.string() },
      ),
      status: fc.constantFrom('matched', 'eligible', 'withdrawn'),
      edition: fc.constantFrom('1', '2', 999),
      user: fc.constantFrom(1, '1', null),
    },
    // Most fields are there; now and then one is missing altogether.
    {
      requiredKeys: [
        'name',
        'position',
        'municipality',
        'email',
        'topics',
        'needs',
        'availability',
        'languages',
        'consents',
        'website',
      ],
    },
  )
  .chain((value) =>
    fc
      .oneof(
        { weight: 4, arbitrary: fc.constant([] as string[]) },
        { weight: 1, arbitrary: fc.subarray(Object.keys(value), { minLength: 1, maxLength: 1 }) },
      )
      .map((dropped) => {
        const copy: Record<string, unknown> = { ...value }
        for (const key of dropped) delete copy[key]
        return copy
      }),
  )

type Body =
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; text: string }
  | { kind: 'form'; entries: [string, string][] }

const formKeys = fc.constantFrom(
  'name',
  'position',
  'municipality',
  'email',
  'phone',
  'topics',
  'needs',
  'availability',
  'languages',
  'consents.dataProcessing',
  'consents.commitment',
  'website',
  'status',
  'edition',
  '__proto__',
  'constructor',
)

const bodies: fc.Arbitrary<Body> = fc.oneof(
  { weight: 4, arbitrary: nearlyValid.map((value) => ({ kind: 'json' as const, value })) },
  { weight: 1, arbitrary: fc.jsonValue().map((value) => ({ kind: 'json' as const, value })) },
  {
    weight: 1,
    arbitrary: fc.string({ maxLength: 200 }).map((text) => ({ kind: 'raw' as const, text })),
  },
  {
    weight: 2,
    arbitrary: nearlyValid.map((value) => {
      const entries: [string, string][] = []
      for (const [key, field] of Object.entries(value)) {
        if (Array.isArray(field)) for (const item of field) entries.push([key, String(item)])
        else if (field && typeof field === 'object') {
          for (const [inner, ticked] of Object.entries(field))
            if (ticked) entries.push([`${key}.${inner}`, String(ticked === true ? 'on' : ticked)])
        } else entries.push([key, String(field)])
      }
      return { kind: 'form' as const, entries }
    }),
  },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.tuple(fc.oneof(formKeys, fc.string()), fc.string()), { maxLength: 20 })
      .map((entries) => ({ kind: 'form' as const, entries })),
  },
)

async function send(body: Body) {
  if (body.kind === 'form') {
    return app.rest.post('/api/candidates/apply', new URLSearchParams(body.entries).toString(), {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    })
  }
  if (body.kind === 'raw') return app.rest.post('/api/candidates/apply', body.text)
  return app.rest.post('/api/candidates/apply', JSON.stringify(body.value) ?? 'null')
}

describe('arbitrary bodies to POST /api/candidates/apply', () => {
  it(`never answer 5xx and never store an invalid candidate (${RUNS} runs)`, async () => {
    const statuses = new Map<number, number>()
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const response = await send(body)
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
        expect(response.status).toBeLessThan(500)
        expect([201, 400, 409, 413, 415]).toContain(response.status)
        expect(typeof response.body?.message).toBe('string')
      }),
      { numRuns: RUNS },
    )

    const { docs } = await app.payload.find({
      collection: 'candidates',
      limit: 0,
      pagination: false,
      depth: 0,
    })
    const emails = new Set<string>()
    for (const doc of docs as Record<string, any>[]) {
      expect(doc.status).toBe('submitted')
      expect(String(doc.edition)).toBe(editionId)
      expect(String(doc.municipality)).toBe(memberId)
      expect(doc.user ?? null).toBeNull()
      expect(doc.consents).toEqual({ dataProcessing: true, commitment: true })
      expect(doc.email).toBe(doc.email.trim().toLowerCase())
      expect(emails.has(doc.email)).toBe(false)
      emails.add(doc.email)
      const again = validateApplication(
        { ...doc, municipality: String(doc.municipality) },
        { topics: TOPICS, languages: LANGUAGES },
      )
      expect(again.ok).toBe(true)
    }
    console.log(
      `apply property: ${docs.length} stored; answers ${JSON.stringify(Object.fromEntries(statuses))}`,
    )
    // The generators reach every kind of answer, including real applications.
    expect(docs.length).toBeGreaterThan(0)
    expect(statuses.get(400)).toBeGreaterThan(0)
  })
})
