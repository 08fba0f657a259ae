import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type ID, PASSWORD, type Programme, setupProgramme } from '../helpers/fixtures'
import { type HttpApp, startHttpApp } from '../helpers/http'

/**
 * The read log (issue 23, ENS): every way the secretariat can read an incident or an evaluation
 * (REST by id and as a list, GraphQL, the CSV export) leaves exactly one entry per read; the parties'
 * own reads leave none; only the secretariat reads the log, nobody changes or deletes it; erasing the
 * reader keeps the entry without them.
 */

let web: HttpApp
let p: Programme
let pairingId: ID
let incidentId: ID
const as = (token?: string) => ({ token })
const gqlId = (id: ID) => (typeof id === 'number' ? String(id) : JSON.stringify(id))

type Entry = {
  id: ID
  user: ID | null
  kind: string
  documentCollection: string
  documentId: string
  channel: string
}

/** The log as stored (read past access, as the test's eye on the database). */
async function entriesFor(collection: string, id: ID): Promise<Entry[]> {
  const { docs } = await web.app.payload.find({
    collection: 'read-log',
    where: {
      and: [{ documentCollection: { equals: collection } }, { documentId: { equals: String(id) } }],
    },
    depth: 0,
    pagination: false,
    sort: 'createdAt',
  })
  return docs as unknown as Entry[]
}

beforeAll(async () => {
  web = await startHttpApp()
  p = await setupProgramme(web.app)
  const proposed = await web.request(
    'POST',
    '/api/pairings',
    { mentor: p.mentor.id, candidate: p.candidate.id },
    as(p.tokens.secretariat),
  )
  expect(proposed.status, proposed.text).toBe(201)
  pairingId = proposed.body.doc.id
  const accepted = await web.request(
    'PATCH',
    `/api/pairings/${pairingId}`,
    { status: 'accepted' },
    as(p.tokens.mentor),
  )
  expect(accepted.status, accepted.text).toBe(200)
  const reported = await web.request(
    'POST',
    '/api/incidents',
    { pairing: pairingId, type: 'other', description: 'No aconseguim quedar.' },
    as(p.tokens.mentee),
  )
  expect(reported.status, reported.text).toBe(201)
  incidentId = reported.body.doc.id
})

afterAll(async () => {
  await web?.close()
})

describe('the read log of incidents', () => {
  it('the party who reported it reads it without an entry', async () => {
    expect(
      (await web.request('GET', `/api/incidents/${incidentId}`, undefined, as(p.tokens.mentee)))
        .status,
    ).toBe(200)
    expect(await entriesFor('incidents', incidentId)).toEqual([])
  })

  it('REST by id: one entry, who, what and how', async () => {
    const read = await web.request(
      'GET',
      `/api/incidents/${incidentId}`,
      undefined,
      as(p.tokens.secretariat),
    )
    expect(read.status).toBe(200)
    const entries = await entriesFor('incidents', incidentId)
    expect(entries).toHaveLength(1)
    const secretariat = (
      await web.app.payload.find({
        collection: 'users',
        where: { email: { equals: 'secretaria@xmess.example' } },
      })
    ).docs[0]
    expect(entries[0]).toMatchObject({ kind: 'incident', channel: 'rest', user: secretariat.id })
  })

  it('REST list: one more entry', async () => {
    const list = await web.request(
      'GET',
      '/api/incidents?limit=10',
      undefined,
      as(p.tokens.secretariat),
    )
    expect(list.status).toBe(200)
    expect(list.body.docs.map((doc: { id: ID }) => doc.id)).toContain(incidentId)
    expect(await entriesFor('incidents', incidentId)).toHaveLength(2)
  })

  it('GraphQL: one entry per request, even when the request reads it twice', async () => {
    const response = await web.graphql(
      `{ a: Incident(id: ${gqlId(incidentId)}) { id description } b: Incidents { docs { id description } } }`,
      as(p.tokens.secretariat),
    )
    expect(response.body.errors).toBeUndefined()
    const entries = await entriesFor('incidents', incidentId)
    expect(entries).toHaveLength(3)
    expect(entries[2].channel).toBe('graphql')
  })

  it('the CSV export: one entry for each incident in it', async () => {
    const csv = await web.request(
      'GET',
      '/api/mentoria/export/incidents.csv',
      undefined,
      as(p.tokens.secretariat),
    )
    expect(csv.status).toBe(200)
    expect(csv.text).toContain('No aconseguim quedar.')
    const entries = await entriesFor('incidents', incidentId)
    expect(entries).toHaveLength(4)
    expect(entries[3].channel).toBe('export')
  })
})

describe('the read log of evaluations', () => {
  it('the secretariat reading a pairing with an evaluation leaves one entry; its author reading it, none', async () => {
    await web.app.payload.db.updateOne({
      collection: 'pairings',
      id: pairingId,
      data: { closing: { menteeEvaluation: { rating: 4, comments: 'Bé' } } },
      returning: false,
    })
    expect(
      (await web.request('GET', `/api/pairings/${pairingId}`, undefined, as(p.tokens.mentee)))
        .status,
    ).toBe(200)
    expect(await entriesFor('pairings', pairingId)).toEqual([])
    const read = await web.request(
      'GET',
      `/api/pairings/${pairingId}`,
      undefined,
      as(p.tokens.secretariat),
    )
    expect(read.body.closing?.menteeEvaluation?.comments).toBe('Bé')
    const entries = await entriesFor('pairings', pairingId)
    expect(entries).toHaveLength(1)
    expect(entries[0].kind).toBe('mentee-evaluation')
    // The title only (how the admin lists pairings in a relationship field) is no read of the evaluation.
    await web.request(
      'GET',
      `/api/pairings?select[title]=true`,
      undefined,
      as(p.tokens.secretariat),
    )
    expect(await entriesFor('pairings', pairingId)).toHaveLength(1)
  })
})

describe('the read log of evaluations in the pairing history', () => {
  it('REST and GraphQL reads of past versions with an evaluation: one entry per request, naming the pairing', async () => {
    // A saved change keeps the evaluation in a past version (the history the secretariat can open).
    await web.app.payload.update({
      collection: 'pairings',
      id: pairingId,
      data: { closing: { mentorEvaluation: { rating: 5, comments: 'Molt bé' } } } as never,
      depth: 0,
    })
    const before = (await entriesFor('pairings', pairingId)).length
    const list = await web.request(
      'GET',
      `/api/pairings/versions?where[parent][equals]=${pairingId}`,
      undefined,
      as(p.tokens.secretariat),
    )
    expect(list.status, list.text).toBe(200)
    const withEvaluation = (
      list.body.docs as {
        id: ID
        version: { closing?: { mentorEvaluation?: { comments?: string } } }
      }[]
    ).find((version) => version.version.closing?.mentorEvaluation?.comments === 'Molt bé')
    expect(withEvaluation).toBeDefined()
    let entries = await entriesFor('pairings', pairingId)
    expect(
      entries
        .slice(before)
        .map((entry) => `${entry.kind}:${entry.channel}`)
        .sort(),
    ).toEqual(['mentee-evaluation:rest', 'mentor-evaluation:rest'])
    const one = await web.request(
      'GET',
      `/api/pairings/versions/${withEvaluation!.id}`,
      undefined,
      as(p.tokens.secretariat),
    )
    expect(one.status, one.text).toBe(200)
    entries = await entriesFor('pairings', pairingId)
    expect(entries).toHaveLength(before + 4)
    const gql = await web.graphql(
      `{ versionsPairings(where: { parent: { equals: ${gqlId(pairingId)} } }) { docs { id version { closing { mentorEvaluation { comments } } } } } }`,
      as(p.tokens.secretariat),
    )
    expect(gql.body.errors, JSON.stringify(gql.body.errors)).toBeUndefined()
    entries = await entriesFor('pairings', pairingId)
    expect(entries).toHaveLength(before + 6)
    expect(entries.at(-1)?.channel).toBe('graphql')
  })
})

describe('the log itself', () => {
  it('only the secretariat reads it; nobody changes or deletes it', async () => {
    for (const token of [undefined, p.tokens.mentor, p.tokens.mentee]) {
      const list = await web.request('GET', '/api/read-log', undefined, as(token))
      expect(list.status).toBe(403)
      const gql = await web.graphql('{ ReadLogs { docs { id kind } } }', as(token))
      expect(gql.body.data?.ReadLogs?.docs ?? null).toBeNull()
    }
    const list = await web.request('GET', '/api/read-log', undefined, as(p.tokens.secretariat))
    expect(list.status).toBe(200)
    const first = list.body.docs[0] as Entry
    expect(first).toBeDefined()
    expect(
      (
        await web.request(
          'PATCH',
          `/api/read-log/${first.id}`,
          { kind: 'incident' },
          as(p.tokens.secretariat),
        )
      ).status,
    ).toBe(403)
    expect(
      (
        await web.request(
          'DELETE',
          `/api/read-log/${first.id}`,
          undefined,
          as(p.tokens.secretariat),
        )
      ).status,
    ).toBe(403)
    expect(
      (
        await web.request(
          'POST',
          '/api/read-log',
          {
            kind: 'incident',
            documentCollection: 'incidents',
            documentId: '1',
            channel: 'rest',
            readAt: new Date().toISOString(),
          },
          as(p.tokens.secretariat),
        )
      ).status,
    ).toBe(403)
  })

  it('erasing the reader keeps the entries, without them', async () => {
    await web.app.payload.create({
      collection: 'users',
      data: { email: 'lectora@xmess.example', password: PASSWORD, roles: ['secretariat'] } as never,
    })
    const reader = await web.login('lectora@xmess.example', PASSWORD)
    expect(
      (await web.request('GET', `/api/incidents/${incidentId}`, undefined, as(reader))).status,
    ).toBe(200)
    const before = await entriesFor('incidents', incidentId)
    expect(before).toHaveLength(5)
    const erased = await web.request(
      'POST',
      '/api/mentoria/people/erase',
      { email: 'lectora@xmess.example' },
      as(p.tokens.secretariat),
    )
    expect(erased.status, erased.text).toBe(200)
    const after = await entriesFor('incidents', incidentId)
    expect(after).toHaveLength(5)
    expect(after[4].user ?? null).toBeNull()
    expect(after.slice(0, 4).every((entry) => entry.user !== null)).toBe(true)
  })
})

describe('the read log of check-in answers', () => {
  it('the secretariat reading an answered check-in leaves one entry; an unanswered one none', async () => {
    const { payload } = web.app
    const make = (party: string, answer?: string) =>
      payload.create({
        collection: 'checkins',
        data: {
          key: `${String(pairingId)}:midterm:${party}`,
          pairing: pairingId,
          kind: 'midterm',
          party,
          to: 'algu@x.example',
          ...(answer ? { answer } : {}),
        } as never,
      })
    const answered = await make('mentor', '2')
    const unanswered = await make('mentee')
    const read = await web.request(
      'GET',
      `/api/checkins/${answered.id}`,
      undefined,
      as(p.tokens.secretariat),
    )
    expect(read.status, read.text).toBe(200)
    expect(
      (await entriesFor('checkins', answered.id)).map(({ kind, channel }) => ({ kind, channel })),
    ).toEqual([{ kind: 'checkin-answer', channel: 'rest' }])
    expect(
      (
        await web.request(
          'GET',
          `/api/checkins/${unanswered.id}`,
          undefined,
          as(p.tokens.secretariat),
        )
      ).status,
    ).toBe(200)
    expect(await entriesFor('checkins', unanswered.id)).toEqual([])
    expect(
      (await web.request('GET', `/api/checkins/${answered.id}`, undefined, as(p.tokens.mentor)))
        .status,
    ).toBe(403)
  })
})
