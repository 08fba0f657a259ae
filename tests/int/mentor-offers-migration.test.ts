import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { getPayload, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { migrations } from '../../migrations'
import { databaseAdapter } from '../../src/host/config/database'
import { loadEnv } from '../../src/host/config/env'
import { createPayloadConfig } from '../../src/host/config/payload'
import { rootDir, testDatabase } from '../helpers/payload'

/**
 * The migration that brings in `mentor-offers` (SQLite; MongoDB has no migrations): each mentor's
 * capacity, availability and topics become their offer for the current edition, so that R4 and the
 * matching, which now read offers, find what the mentors had before.
 */
const DAY = 86_400_000
const id = crypto.randomBytes(6).toString('hex')
const file = path.join(os.tmpdir(), `mentoria-offers-migration-${id}.db`)
let payload: Payload
const sqlite = testDatabase() === 'sqlite'
const index = migrations.findIndex((migration) => migration.name === '20261206_112229')

beforeAll(async () => {
  if (!sqlite) return
  const env = loadEnv({
    NODE_ENV: 'test',
    DATABASE_URI: `file:${file}`,
    PAYLOAD_SECRET: `test-secret-${id}-0123456789abcdef`,
    JOBS_AUTORUN: 'false',
  })
  const config = await createPayloadConfig({
    env,
    rootDir,
    db: databaseAdapter(env.database, { useMigrations: true }),
  })
  payload = await getPayload({ config, key: `offers-migration-${id}` })
  // The database as it stood before the migration, with its data.
  await payload.db.migrate({ migrations: migrations.slice(0, index) as never })
})

afterAll(async () => {
  await payload?.destroy()
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
})

describe.runIf(sqlite)('migration 20261206_112229 (mentor_offers)', () => {
  it("turns each mentor's capacity, availability and topics into an offer for the open edition", async () => {
    const { db } = payload
    const now = Date.now()
    const iso = (days: number) => new Date(now + days * DAY).toISOString()
    const past = await db.create({
      collection: 'editions',
      data: {
        year: 2025,
        name: 'Passada',
        applicationsOpenAt: iso(-400),
        applicationsCloseAt: iso(-370),
      },
    })
    const open = await db.create({
      collection: 'editions',
      data: {
        year: 2026,
        name: 'Oberta',
        applicationsOpenAt: iso(-5),
        applicationsCloseAt: iso(20),
      },
    })
    // Opens later than the open one: still, the open one is the current edition.
    await db.create({
      collection: 'editions',
      data: {
        year: 2027,
        name: 'Futura',
        applicationsOpenAt: iso(300),
        applicationsCloseAt: iso(330),
      },
    })
    const council = await db.create({
      collection: 'municipalities',
      data: { name: 'Ajuntament de Sabadell', member: true },
    })
    const busy = await db.create({
      collection: 'mentors',
      data: {
        name: 'Laia',
        email: 'laia@x.example',
        municipality: council.id,
        topics: ['cooperativisme', 'finances-etiques'],
        capacity: 3,
        available: true,
      },
    })
    const resting = await db.create({
      collection: 'mentors',
      data: {
        name: 'Pere',
        email: 'pere@x.example',
        municipality: council.id,
        topics: ['habitatge-cooperatiu'],
        capacity: 1,
        available: false,
      },
    })

    await payload.db.migrate({ migrations: migrations as never })

    const { docs } = await payload.find({
      collection: 'mentor-offers',
      depth: 0,
      sort: 'mentor',
      pagination: false,
    })
    expect(
      docs.map(({ mentor, edition, capacity, available, review, source, topics, title }) => ({
        mentor,
        edition,
        capacity,
        available,
        review,
        source,
        topics,
        title,
      })),
    ).toEqual([
      {
        mentor: busy.id,
        edition: open.id,
        capacity: 3,
        available: true,
        review: 'accepted',
        source: 'migration',
        topics: ['cooperativisme', 'finances-etiques'],
        title: 'Laia · Oberta',
      },
      {
        mentor: resting.id,
        edition: open.id,
        capacity: 1,
        available: false,
        review: 'accepted',
        source: 'migration',
        topics: ['habitatge-cooperatiu'],
        title: 'Pere · Oberta',
      },
    ])
    expect(docs.some((offer) => offer.edition === past.id)).toBe(false)
    // The mentors keep their own fields.
    expect(
      (await payload.findByID({ collection: 'mentors', id: busy.id, depth: 0 })).capacity,
    ).toBe(3)
  })
})
