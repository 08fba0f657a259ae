import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  closingData,
  type ID,
  isoDaysFromNow,
  type Programme,
  setupProgramme,
  startData,
} from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

/**
 * The access matrix: every collection × role × operation through REST. Reads say which documents
 * each role sees; writes say which status each role gets. Rules (R1–R12) have their own tests.
 */
type Role = 'anonymous' | 'mentor' | 'mentee' | 'secretariat'
const ROLES: Role[] = ['anonymous', 'mentor', 'mentee', 'secretariat']

let app: TestApp
let p: Programme
const ids: Record<string, Record<string, ID>> = {}

beforeAll(async () => {
  app = await startTestApp()
  p = await setupProgramme(app, { mentorCapacity: 5 })
  const { payload } = app
  // The mentor's and mentee's own pairing (active) and a completed one with a published fitxa;
  // a third pairing between other people that neither of them may see.
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
  const own = await payload.db.create({
    collection: 'pairings',
    data: {
      edition: p.edition.id,
      mentor: p.mentor.id,
      candidate: p.candidate.id,
      status: 'active',
      title: 'own',
      ...startData(),
    },
  })
  const done = await payload.db.create({
    collection: 'pairings',
    data: {
      edition: p.edition.id,
      mentor: p.mentor.id,
      candidate: p.candidate.id,
      status: 'completed',
      title: 'done',
      ...startData(),
      ...closingData(),
    },
  })
  const foreign = await payload.db.create({
    collection: 'pairings',
    data: {
      edition: p.edition.id,
      mentor: otherMentor.id,
      candidate: p.otherCandidate.id,
      status: 'active',
      title: 'foreign',
      ...startData(),
    },
  })
  const meeting = (pairing: ID) =>
    payload.create({
      collection: 'meetings',
      data: { pairing, date: isoDaysFromNow(-5), modality: 'in_person' } as never,
    })
  // Reported by the mentee: R13, the mentor (the other party) never sees it.
  const menteeUser = await payload.findByID({ collection: 'users', id: p.users.menteeUser.id })
  const incident = (pairing: ID, byMentee = false) =>
    payload.create({
      collection: 'incidents',
      data: { pairing, type: 'other', description: 'Prova' } as never,
      ...(byMentee ? { user: { ...menteeUser, collection: 'users' } as never } : {}),
    })
  const fitxa = (pairing: ID, title: string, publish: boolean) =>
    payload.create({
      collection: 'fitxes',
      data: { pairing, title, summary: 'Resum', _status: publish ? 'published' : 'draft' } as never,
      draft: !publish,
    })

  ids.pairings = { own: own.id, done: done.id, foreign: foreign.id }
  ids.meetings = { own: (await meeting(own.id)).id, foreign: (await meeting(foreign.id)).id }
  ids.incidents = {
    own: (await incident(own.id, true)).id,
    foreign: (await incident(foreign.id)).id,
  }
  ids.fitxes = {
    published: (await fitxa(done.id, 'Publicada', true)).id,
    draft: (await fitxa(own.id, 'Esborrany propi', false)).id,
  }
  ids.mentors = { own: p.mentor.id, foreign: otherMentor.id }
  ids.candidates = { own: p.candidate.id, foreign: p.otherCandidate.id }
  const secretariatUser = (
    await payload.find({
      collection: 'users',
      where: { email: { equals: 'secretaria@xmess.example' } },
    })
  ).docs[0]
  ids.users = {
    secretariat: secretariatUser.id,
    mentor: p.users.mentorUser.id,
    mentee: p.users.menteeUser.id,
    other: p.users.otherMenteeUser.id,
  }
  const foreignDraft = await payload.db.create({
    collection: 'fitxes',
    data: { pairing: foreign.id, title: 'Aliena', summary: 'x', _status: 'draft', slug: 'aliena' },
  })
  ids.fitxes.foreign = foreignDraft.id
})

afterAll(async () => {
  await app?.close()
})

const token = (role: Role) => (role === 'anonymous' ? undefined : { token: p.tokens[role] })

/** Which named documents each role reads from a collection; `null` means the list is refused. */
const READS: Record<string, Record<Role, string[] | null>> = {
  users: {
    anonymous: null,
    mentor: ['mentor'],
    mentee: ['mentee'],
    secretariat: ['secretariat', 'mentor', 'mentee', 'other'],
  },
  mentors: { anonymous: null, mentor: ['own'], mentee: ['own'], secretariat: ['own', 'foreign'] },
  candidates: {
    anonymous: null,
    mentor: ['own'],
    mentee: ['own'],
    secretariat: ['own', 'foreign'],
  },
  pairings: {
    anonymous: null,
    mentor: ['own', 'done'],
    mentee: ['own', 'done'],
    secretariat: ['own', 'done', 'foreign'],
  },
  meetings: { anonymous: null, mentor: ['own'], mentee: ['own'], secretariat: ['own', 'foreign'] },
  incidents: { anonymous: null, mentor: [], mentee: ['own'], secretariat: ['own', 'foreign'] },
  fitxes: {
    anonymous: ['published'],
    mentor: ['published', 'draft'],
    mentee: ['published', 'draft'],
    secretariat: ['published', 'draft', 'foreign'],
  },
}

describe('reading', () => {
  for (const [collection, byRole] of Object.entries(READS)) {
    for (const role of ROLES) {
      const expected = byRole[role]
      it(`${collection} as ${role}: ${expected === null ? 'refused' : expected.join(', ')}`, async () => {
        const response = await app.rest.get(`/api/${collection}?limit=100&depth=0`, token(role))
        if (expected === null) {
          expect(response.status).toBe(403)
          return
        }
        expect(response.status).toBe(200)
        const names = Object.entries(ids[collection]).filter(([, id]) =>
          response.body.docs.some((doc: { id: ID }) => String(doc.id) === String(id)),
        )
        expect(names.map(([name]) => name).sort()).toEqual([...expected].sort())
      })
    }
  }

  it('municipalities and editions are public', async () => {
    for (const role of ROLES) {
      expect((await app.rest.get('/api/municipalities', token(role))).body.totalDocs).toBe(4)
      expect((await app.rest.get('/api/editions', token(role))).body.totalDocs).toBe(2)
    }
  })

  it('limits how deep the public can walk relationships', async () => {
    const response = await app.rest.get(`/api/fitxes/${ids.fitxes.published}?depth=10`)
    expect(response.status).toBe(200)
    // The pairing is not readable by the public: only its id comes back.
    expect(
      typeof response.body.pairing === 'object' ? response.body.pairing?.mentor : undefined,
    ).toBeUndefined()
  })
})

type WriteCase = {
  collection: string
  op: 'create' | 'update' | 'delete'
  target?: () => ID
  body?: () => Record<string, unknown>
  expect: Record<Role, number>
}

const councilBody = () => ({ name: `Ajuntament de prova ${Math.random()}`, member: true })
const WRITES: WriteCase[] = [
  {
    collection: 'municipalities',
    op: 'create',
    body: councilBody,
    expect: { anonymous: 403, mentor: 403, mentee: 403, secretariat: 201 },
  },
  {
    collection: 'editions',
    op: 'create',
    body: () => ({
      year: 2030 + Math.floor(Math.random() * 60),
      name: 'X',
      applicationsOpenAt: isoDaysFromNow(300),
      applicationsCloseAt: isoDaysFromNow(330),
    }),
    expect: { anonymous: 403, mentor: 403, mentee: 403, secretariat: 201 },
  },
  {
    collection: 'users',
    op: 'create',
    body: () => ({ email: `nova${Math.random()}@xmess.example` }),
    expect: { anonymous: 403, mentor: 403, mentee: 403, secretariat: 201 },
  },
  {
    collection: 'users',
    op: 'update',
    target: () => ids.users.other,
    body: () => ({ name: 'Canviat' }),
    expect: { anonymous: 403, mentor: 403, mentee: 403, secretariat: 200 },
  },
  {
    collection: 'mentors',
    op: 'create',
    body: () => ({
      name: 'Nova',
      email: `m${Math.random()}@x.example`,
      municipality: p.councils.olot.id,
      topics: ['estrategia-ess'],
    }),
    expect: { anonymous: 403, mentor: 403, mentee: 403, secretariat: 201 },
  },
  {
    collection: 'mentors',
    op: 'update',
    target: () => ids.mentors.own,
    body: () => ({ bio: 'Actualitzada' }),
    expect: { anonymous: 403, mentor: 200, mentee: 403, secretariat: 200 },
  },
  {
    collection: 'candidates',
    op: 'create',
    body: () => ({
      ...p.candidateData('Nova', `c${Math.random()}@x.example`, p.councils.olot.id),
      status: 'submitted',
    }),
    expect: { anonymous: 403, mentor: 403, mentee: 403, secretariat: 201 },
  },
  {
    collection: 'candidates',
    op: 'update',
    target: () => ids.candidates.own,
    body: () => ({ needs: 'Necessitats actualitzades' }),
    expect: { anonymous: 403, mentor: 403, mentee: 200, secretariat: 200 },
  },
  {
    collection: 'pairings',
    op: 'create',
    body: () => ({ mentor: ids.mentors.foreign, candidate: ids.candidates.own }),
    expect: { anonymous: 403, mentor: 403, mentee: 403, secretariat: 409 },
  },
  {
    collection: 'meetings',
    op: 'create',
    body: () => ({ pairing: ids.pairings.own, date: isoDaysFromNow(-1), modality: 'online' }),
    expect: { anonymous: 403, mentor: 201, mentee: 201, secretariat: 201 },
  },
  {
    collection: 'meetings',
    op: 'create',
    body: () => ({ pairing: ids.pairings.foreign, date: isoDaysFromNow(-1), modality: 'online' }),
    expect: { anonymous: 403, mentor: 403, mentee: 403, secretariat: 201 },
  },
  {
    collection: 'meetings',
    op: 'update',
    target: () => ids.meetings.foreign,
    body: () => ({ summary: 'x' }),
    expect: { anonymous: 403, mentor: 403, mentee: 403, secretariat: 200 },
  },
  {
    collection: 'incidents',
    op: 'create',
    body: () => ({ pairing: ids.pairings.own, type: 'other', description: 'Una incidència' }),
    expect: { anonymous: 403, mentor: 201, mentee: 201, secretariat: 201 },
  },
  {
    collection: 'incidents',
    op: 'update',
    target: () => ids.incidents.own,
    body: () => ({ status: 'resolved', resolution: 'Resolta amb totes dues parts' }),
    expect: { anonymous: 403, mentor: 403, mentee: 403, secretariat: 200 },
  },
  {
    collection: 'fitxes',
    op: 'update',
    target: () => ids.fitxes.draft,
    body: () => ({ summary: 'Nou resum' }),
    expect: { anonymous: 403, mentor: 403, mentee: 200, secretariat: 200 },
  },
  {
    collection: 'fitxes',
    op: 'update',
    target: () => ids.fitxes.foreign,
    body: () => ({ summary: 'Nou resum' }),
    expect: { anonymous: 403, mentor: 403, mentee: 403, secretariat: 200 },
  },
]

describe('writing', () => {
  for (const write of WRITES) {
    for (const role of ROLES) {
      it(`${write.op} ${write.collection}${write.target ? ' (' + write.op + ' target)' : ''} as ${role} → ${write.expect[role]}`, async () => {
        const url = write.target
          ? `/api/${write.collection}/${write.target()}`
          : `/api/${write.collection}`
        const response =
          write.op === 'create'
            ? await app.rest.post(url, write.body?.(), token(role))
            : write.op === 'update'
              ? await app.rest.patch(url, write.body?.(), token(role))
              : await app.rest.delete(url, token(role))
        expect(response.status, JSON.stringify(response.body)).toBe(write.expect[role])
      })
    }
  }
})

describe('deleting', () => {
  const deletable = async (collection: string, data: Record<string, unknown>): Promise<ID> =>
    (
      (await app.payload.create({ collection: collection as never, data: data as never })) as {
        id: ID
      }
    ).id
  for (const role of ROLES) {
    it(`only the secretariat deletes, here as ${role}`, async () => {
      const expected = role === 'secretariat' ? 200 : 403
      const council = await deletable('municipalities', councilBody())
      const incident = await deletable('incidents', {
        pairing: ids.pairings.own,
        type: 'other',
        description: 'x',
      })
      for (const [collection, id] of [
        ['municipalities', council],
        ['incidents', incident],
        ['users', role === 'secretariat' ? ids.users.other : ids.users.other],
      ] as const) {
        if (collection === 'users' && role === 'secretariat') continue
        const response = await app.rest.delete(`/api/${collection}/${id}`, token(role))
        expect(response.status, `${collection}: ${JSON.stringify(response.body)}`).toBe(expected)
      }
    })
  }

  it('the secretariat deletes only proposals that never started', async () => {
    const active = await app.rest.delete(`/api/pairings/${ids.pairings.own}`, token('secretariat'))
    expect(active.status).toBe(403)
    expect(
      await app.payload.findByID({ collection: 'pairings', id: ids.pairings.own }),
    ).toBeTruthy()
  })
})
