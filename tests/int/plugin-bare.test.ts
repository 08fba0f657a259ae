import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { buildConfig, getPayload, type Payload, type SanitizedConfig } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { migrations } from '../../migrations'
import { mentoriaPlugin } from '../../src/plugin'
import { currentVocabularies } from '../../src/services/vocabularies'
import { RestClient, testDatabase } from '../helpers/payload'

/**
 * The plugin in a Payload config of its own, without the host app (no src/host/config, no Express, no
 * Next, no editor, languages or email): it must bring everything it needs.
 */

const id = crypto.randomBytes(6).toString('hex')
const file = path.join(os.tmpdir(), `mentoria-bare-${id}.db`)
let payload: Payload
let config: SanitizedConfig
let rest: RestClient

beforeAll(async () => {
  const mongo = testDatabase() === 'mongodb'
  const mongoUrl = new URL(process.env.MONGODB_URI ?? 'mongodb://localhost')
  mongoUrl.pathname = `/mentoria_bare_${id}`
  config = await buildConfig({
    secret: `bare-secret-${id}-0123456789abcdef`,
    db: mongo
      ? mongooseAdapter({ url: mongoUrl.toString() })
      : sqliteAdapter({ client: { url: `file:${file}` }, push: false }),
    plugins: [
      mentoriaPlugin({
        secretariatEmail: 'secretaria@example.cat',
        topics: [{ value: 'cooperativisme', label: 'Cooperativisme' }],
      }),
    ],
  })
  payload = await getPayload({ config, key: `bare-${id}` })
  if (!mongo) await payload.db.migrate({ migrations: migrations as never })
  rest = new RestClient(config, `bare-${id}`)
})

afterAll(async () => {
  if (testDatabase() === 'mongodb') {
    await (
      payload.db as unknown as { connection: { dropDatabase: () => Promise<void> } }
    ).connection.dropDatabase()
  }
  await payload?.destroy()
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
})

describe('the plugin in a bare Payload config', () => {
  it('adds its collections, endpoints and jobs', () => {
    const slugs = config.collections.map((collection) => collection.slug)
    expect(slugs).toEqual(
      expect.arrayContaining([
        'users',
        'municipalities',
        'editions',
        'mentors',
        'candidates',
        'pairings',
        'meetings',
        'incidents',
        'fitxes',
      ]),
    )
    const endpointsOf = (slug: string) =>
      (config.collections.find((collection) => collection.slug === slug)?.endpoints || []).map(
        (endpoint) => `${endpoint.method} ${endpoint.path}`,
      )
    expect(endpointsOf('candidates')).toEqual(
      expect.arrayContaining(['post /apply', 'get /apply/challenge']),
    )
    expect(endpointsOf('editions')).toEqual(
      expect.arrayContaining(['post /:id/match', 'post /:id/match/confirm']),
    )
    expect(endpointsOf('pairings')).toEqual(expect.arrayContaining(['post /answer']))
    expect((config.jobs.tasks ?? []).map((task) => task.slug)).toEqual(
      expect.arrayContaining(['sendEmail', 'sendReminders']),
    )
    expect(
      (config.endpoints || []).map((endpoint) => `${endpoint.method} ${endpoint.path}`),
    ).toEqual(expect.arrayContaining(['post /mentoria/reminders/run']))
    expect(config.admin.user).toBe('users')
  })

  it('answers through its endpoints and applies its rules, with the options it was given', async () => {
    expect((await rest.get('/api/candidates/apply/challenge')).body).toEqual({ enabled: false })

    // No edition yet: R2, in Catalan.
    const apply = await rest.post('/api/candidates/apply', { name: 'Marta' })
    expect(apply.status).toBe(409)
    expect(apply.body.message).toMatch(/^Ara no hi ha cap convocatòria oberta/)

    // The first user becomes the secretariat (hooks/users.ts), and matching is hers alone.
    const first = await rest.post('/api/users/first-register', {
      email: `primera-${id}@example.cat`,
      password: 'una-clau-llarga-123',
    })
    expect(first.status).toBe(200)
    expect(first.body.user.roles).toEqual(['secretariat'])
    const anonymous = await rest.post('/api/editions/1/match', {})
    expect(anonymous.status).toBe(403)

    // The topics option is the initial «Vocabularis», which the fields are checked against.
    expect((await currentVocabularies(payload)).topics.map((topic) => topic.value)).toEqual([
      'cooperativisme',
    ])
    const vocabularies = config.globals
      .find((global) => global.slug === 'vocabularies')
      ?.fields.find((field) => 'name' in field && field.name === 'topics')
    expect(
      (vocabularies as { defaultValue?: { value: string }[] }).defaultValue?.map(
        (option) => option.value,
      ),
    ).toEqual(['cooperativisme'])
  })
})
