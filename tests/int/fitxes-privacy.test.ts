import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { STAMP_TTL_MS } from '../../src/services/site-cache'
import { publishedFitxes } from '../../src/services/public-fitxes'
import { atomFeed, openDataCsv, openDataJson } from '../../src/site/fitxes/open-data'
import {
  closingData,
  type ID,
  PASSWORD,
  type Programme,
  setupProgramme,
  startData,
} from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

/**
 * R12 for fitxes: the public and signed-in people outside a pairing read only published fitxes, by
 * every path (by id, by query, with draft=true, through versions, GraphQL), and no public answer,
 * feed or export ever carries a person's name or contact data.
 */
let app: TestApp
let p: Programme
let graphql: (request: Request) => Promise<Response>
let strangerToken: string
const ids: Record<'published' | 'draft' | 'submitted' | 'returned', ID> = {} as never
const versionIds: string[] = []

const PEOPLE = [
  'laia@sabadell.example',
  '600000001',
  'Laia Mentora',
  'pau@vilafranca.example',
  '600000002',
  'Pau Mentorat',
  'Marta Altra',
  'marta@olot.example',
  'Joana Tercera',
]
const SECRET = /SECRET/

const sheet = (marker: string) => ({
  title: `Fitxa ${marker}`,
  summary: `Resum ${marker}`,
  objectives: 'Objectius',
  activities: 'Activitats',
  results: 'Resultats',
  topics: ['estrategia-ess'],
})

beforeAll(async () => {
  app = await startTestApp()
  p = await setupProgramme(app, { mentorCapacity: 5 })
  graphql = GRAPHQL_POST(Promise.resolve(app.config))
  const { payload, rest } = app
  const otherMentor = await payload.create({
    collection: 'mentors',
    data: {
      name: 'Aliena',
      email: 'aliena@olot.example',
      municipality: p.councils.olot.id,
      topics: ['estrategia-ess'],
      capacity: 3,
      available: true,
    } as never,
  })
  const third = await payload.create({
    collection: 'candidates',
    data: p.candidateData('Joana Tercera', 'joana@olot.example', p.councils.olot.id) as never,
  })
  const pairing = (mentor: ID, candidate: ID, status: string) =>
    payload.db.create({
      collection: 'pairings',
      data: {
        edition: p.edition.id,
        mentor,
        candidate,
        status,
        title: `${status}-${String(candidate)}`,
        ...startData(),
        ...(status === 'completed' ? closingData() : {}),
      },
    })
  const done = await pairing(p.mentor.id, p.candidate.id, 'completed')
  const active = await pairing(p.mentor.id, p.candidate.id, 'active')
  const foreign = await pairing(otherMentor.id, p.otherCandidate.id, 'completed')
  const foreign2 = await pairing(otherMentor.id, third.id, 'completed')

  const mentee = { token: p.tokens.mentee }
  const secretariat = { token: p.tokens.secretariat }
  // Published, with a newer draft proposed on top of it.
  ids.published = (
    await rest.post('/api/fitxes', { pairing: done.id, ...sheet('publicada') }, mentee)
  ).body.doc.id
  await rest.patch(`/api/fitxes/${ids.published}`, { _status: 'published' }, secretariat)
  await rest.patch(
    `/api/fitxes/${ids.published}?draft=true`,
    { summary: 'Proposta SECRET-NEWVERSION' },
    mentee,
  )
  ids.draft = (
    await rest.post('/api/fitxes', { pairing: active.id, ...sheet('SECRET-DRAFT') }, mentee)
  ).body.doc.id
  // Written by the other mentee, then submitted; and a third one returned with a comment.
  ids.submitted = (
    await rest.post(
      '/api/fitxes',
      { pairing: foreign.id, ...sheet('SECRET-SUBMITTED'), reviewStatus: 'submitted' },
      { token: p.tokens.otherMentee },
    )
  ).body.doc.id
  ids.returned = (
    await payload.create({
      collection: 'fitxes',
      data: {
        pairing: foreign2.id,
        ...sheet('SECRET-RETURNED'),
        reviewStatus: 'submitted',
      } as never,
    })
  ).id
  await rest.patch(
    `/api/fitxes/${ids.returned}`,
    { reviewStatus: 'returned', reviewComment: 'SECRET-COMMENT' },
    secretariat,
  )
  for (const [key, id] of Object.entries(ids))
    if (id === undefined) throw new Error(`setup: no ${key} fitxa`)

  const versions = await payload.findVersions({ collection: 'fitxes', limit: 100 })
  versionIds.push(...versions.docs.map((version) => String(version.id)))

  await payload.create({
    collection: 'users',
    data: { email: 'ningu@xmess.example', password: PASSWORD, roles: ['mentee'] } as never,
  })
  strangerToken = await rest.login('ningu@xmess.example', PASSWORD)
})

afterAll(async () => {
  await app?.close()
})

type Viewer = 'anonymous' | 'stranger' | 'otherMentee'
const VIEWERS: Viewer[] = ['anonymous', 'stranger', 'otherMentee']
const auth = (viewer: Viewer) =>
  viewer === 'anonymous'
    ? undefined
    : { token: viewer === 'stranger' ? strangerToken : p.tokens.otherMentee }
/** The unpublished fitxes each viewer must not see (the other mentee wrote the submitted one). */
const hidden = (viewer: Viewer) =>
  viewer === 'otherMentee' ? [ids.draft, ids.returned] : [ids.draft, ids.submitted, ids.returned]

/** The other mentee may see their own pairing and its people; never the others'. */
const OWN_PAIRING_OF_OTHER_MENTEE = ['Marta Altra', 'marta@olot.example', '600000002']

const expectNoLeak = (body: unknown, viewer: Viewer) => {
  const text = JSON.stringify(body ?? null)
  const secrets =
    viewer === 'otherMentee'
      ? ['SECRET-DRAFT', 'SECRET-NEWVERSION', 'SECRET-RETURNED', 'SECRET-COMMENT']
      : ['SECRET']
  for (const secret of secrets) expect(text).not.toContain(secret)
  for (const person of PEOPLE)
    if (viewer !== 'otherMentee' || !OWN_PAIRING_OF_OTHER_MENTEE.includes(person))
      expect(text).not.toContain(person)
}

async function gql(body: string, viewer: Viewer) {
  const token = auth(viewer)?.token
  const response = await graphql(
    new Request('http://localhost:3000/api/graphql', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `JWT ${token}` } : {}),
      },
      body: JSON.stringify({ query: body }),
    }),
  )
  return (await response.json()) as { data?: Record<string, any>; errors?: { message: string }[] }
}

const gqlId = (id: ID) => (typeof id === 'number' ? String(id) : JSON.stringify(id))

describe.each(VIEWERS)('fitxes not yet published, as %s', (viewer) => {
  it('are not found by id, with or without draft=true', async () => {
    for (const id of hidden(viewer)) {
      for (const suffix of ['', '?draft=true', '?draft=true&depth=2']) {
        const response = await app.rest.get(`/api/fitxes/${id}${suffix}`, auth(viewer))
        expect([403, 404]).toContain(response.status)
        expectNoLeak(response.body, viewer)
      }
    }
  })

  it('are not found by any query, and the published one shows only its published text', async () => {
    const queries = [
      '?limit=100&depth=2',
      '?draft=true&limit=100&depth=2',
      `?where[id][in]=${hidden(viewer).join(',')}&draft=true`,
      '?where[reviewStatus][equals]=submitted&draft=true',
      '?where[reviewComment][exists]=true&draft=true',
      '?where[summary][like]=SECRET&draft=true',
      '?where[pairing.mentor.email][equals]=laia@sabadell.example',
      '?where[pairing.candidate.phone][like]=600&draft=true',
    ]
    for (const query of queries) {
      const response = await app.rest.get(`/api/fitxes${query}`, auth(viewer))
      expect(response.status, query).toBeLessThan(500)
      expectNoLeak(response.body, viewer)
      if (response.status === 200) {
        const found = response.body.docs.map((doc: { id: ID }) => String(doc.id))
        for (const id of hidden(viewer)) expect(found, query).not.toContain(String(id))
      }
    }
    const live = await app.rest.get(`/api/fitxes/${ids.published}?draft=true&depth=2`, auth(viewer))
    expect(live.status).toBe(200)
    expect(live.body.summary).toBe('Resum publicada')
    expectNoLeak(live.body, viewer)
    const count = await app.rest.get('/api/fitxes/count?draft=true', auth(viewer))
    expect(count.body.totalDocs).toBe(viewer === 'otherMentee' ? 2 : 1)
  })

  it('have no history to read: every versions path is refused', async () => {
    const list = await app.rest.get('/api/fitxes/versions?limit=100', auth(viewer))
    expect(list.status).toBe(403)
    expectNoLeak(list.body, viewer)
    for (const id of versionIds) {
      const one = await app.rest.get(`/api/fitxes/versions/${id}`, auth(viewer))
      expect(one.status).toBe(403)
      expectNoLeak(one.body, viewer)
    }
  })

  it('are not readable through GraphQL either, nor the people behind a published one', async () => {
    const queries = [
      '{ Fitxes(draft: true, limit: 100) { docs { id title summary reviewComment reviewStatus } } }',
      '{ Fitxes(limit: 100) { docs { title pairing { title mentor { name email phone } candidate { name email phone } } } } }',
      '{ versionsFitxes(limit: 100) { docs { id version { title summary reviewComment } } } }',
      ...hidden(viewer).map((id) => `{ Fitxa(id: ${gqlId(id)}, draft: true) { title summary } }`),
      ...versionIds
        .slice(0, 3)
        .map((id) => `{ versionFitxa(id: ${JSON.stringify(id)}) { version { summary } } }`),
    ]
    for (const query of queries) expectNoLeak((await gql(query, viewer)).data, viewer)
    const published = await gql('{ Fitxes { docs { title } } }', viewer)
    expect(published.data?.Fitxes.docs.map((doc: { title: string }) => doc.title)).toContain(
      'Fitxa publicada',
    )
  })
})

describe('the public website, the feed and the open data', () => {
  it('carry only published text and never a person', async () => {
    const fitxes = await publishedFitxes(app.payload)
    expect(fitxes.map((fitxa) => fitxa.title)).toEqual(['Fitxa publicada'])
    const outputs = [
      JSON.stringify(fitxes),
      atomFeed(fitxes, { baseUrl: 'https://mentoria.example' }),
      JSON.stringify(openDataJson(fitxes, { baseUrl: 'https://mentoria.example' })),
      openDataCsv(fitxes, { baseUrl: 'https://mentoria.example' }),
    ]
    for (const output of outputs) {
      expect(output).toContain('Fitxa publicada')
      expect(output).toContain('Ajuntament de Vilafranca del Penedès')
      expect(output).not.toMatch(SECRET)
      for (const person of PEOPLE) expect(output).not.toContain(person)
    }
  })

  it('follow a publication or a withdrawal made outside any web request (a script, a job)', async () => {
    await publishedFitxes(app.payload)
    // The secretariat's Local API, as a script would: hooks run, the cache hears at once.
    await app.payload.update({
      collection: 'fitxes',
      id: ids.returned,
      data: { _status: 'published' } as never,
    })
    expect((await publishedFitxes(app.payload)).map((fitxa) => fitxa.title)).toContain(
      'Fitxa SECRET-RETURNED',
    )
    await app.payload.update({
      collection: 'fitxes',
      id: ids.returned,
      data: { _status: 'draft' } as never,
    })
    expect((await publishedFitxes(app.payload)).map((fitxa) => fitxa.title)).not.toContain(
      'Fitxa SECRET-RETURNED',
    )
    // A write straight to the database (no hooks, as another server's would be to this one):
    // the stamp moves, and the pages follow within STAMP_TTL_MS.
    await app.payload.db.updateOne({
      collection: 'fitxes',
      id: ids.published,
      data: { _status: 'draft' },
    })
    await new Promise((resolve) => setTimeout(resolve, STAMP_TTL_MS + 50))
    expect(await publishedFitxes(app.payload)).toHaveLength(0)
    await app.payload.db.updateOne({
      collection: 'fitxes',
      id: ids.published,
      data: { _status: 'published' },
    })
    await new Promise((resolve) => setTimeout(resolve, STAMP_TTL_MS + 50))
    expect((await publishedFitxes(app.payload)).map((fitxa) => fitxa.title)).toEqual([
      'Fitxa publicada',
    ])
  })
})
