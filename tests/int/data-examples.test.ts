import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seed } from '../../seed'
import { rootDir, startTestApp, type TestApp } from '../helpers/payload'

/** The example files in seed/exemples import cleanly into the demo: what the README tells people to try. */
let app: TestApp
let token: string
const example = (name: string) => fs.readFileSync(path.join(rootDir, 'seed/exemples', name), 'utf8')
const post = (kind: string, step: string, csv: string) =>
  app.rest.post(`/api/mentoria/import/${kind}/${step}`, csv, {
    token,
    headers: { 'Content-Type': 'text/csv' },
  })

beforeAll(async () => {
  app = await startTestApp()
  const summary = await seed(app.payload, new Date('2026-11-28T10:00:00Z'))
  const secretariat = summary.credentials.find((user) => user.roles.includes('secretariat'))!
  token = await app.rest.login(secretariat.email, secretariat.password)
}, 120_000)

afterAll(async () => {
  await app?.close()
})

describe('example import files', () => {
  it('the councils, then the mentors: new ones created, a known one updated by email', async () => {
    const councils = await post('municipalities', 'confirm', example('ens.csv'))
    expect(councils.status, JSON.stringify(councils.body)).toBe(200)
    expect(councils.body.counts).toEqual({ create: 2, update: 0, unchanged: 0 })

    const preview = await post('mentors', 'preview', example('persones-mentores.csv'))
    expect(preview.status, JSON.stringify(preview.body)).toBe(200)
    expect(
      preview.body.rows.map((row: { action: string; name: string; changes: string[] }) => [
        row.action,
        row.name,
        row.changes,
      ]),
    ).toEqual([
      ['create', 'Montse Ribas Coll', []],
      ['create', 'Albert Sala Pont', []],
      ['update', 'Laia Puig Soler', ['Capacitat']],
    ])
    const confirm = await post('mentors', 'confirm', example('persones-mentores.csv'))
    expect(confirm.status).toBe(200)
    const montse = (
      await app.payload.find({
        collection: 'mentors',
        where: { email: { equals: 'montse.ribas@mentora.xmess.example' } },
        depth: 1,
      })
    ).docs[0]
    expect(montse).toMatchObject({
      topics: ['cooperativisme', 'sobirania-alimentaria'],
      municipality: { name: 'Ajuntament de Ripoll' },
      capacity: 1,
    })
  })
})
