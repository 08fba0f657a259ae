import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type Programme, setupProgramme } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

let app: TestApp
let programme: Programme

beforeAll(async () => {
  app = await startTestApp()
  programme = await setupProgramme(app, { mentorCapacity: 1 })
})

afterAll(async () => {
  await app?.close()
})

describe('R4 capacity under concurrency', () => {
  it('20 simultaneous proposals for a mentor of capacity 1: exactly one wins, the others are told why', async () => {
    const candidates = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        app.payload.create({
          collection: 'candidates',
          data: programme.candidateData(`Persona ${index}`, `persona${index}@olot.example`, programme.councils.olot.id) as never,
        }),
      ),
    )
    const responses = await Promise.all(
      candidates.map((candidate) =>
        app.rest.post('/api/pairings', { mentor: programme.mentor.id, candidate: candidate.id }, { token: programme.tokens.secretariat }),
      ),
    )
    const statuses = responses.map((response) => response.status)
    expect(statuses.filter((status) => status === 201)).toHaveLength(1)
    expect(statuses.filter((status) => status === 409)).toHaveLength(19)
    const refusal = responses.find((response) => response.status === 409)
    expect(refusal?.body.errors[0].message).toMatch(/capacitat és 1/)
    const { totalDocs } = await app.payload.count({ collection: 'pairings', where: { mentor: { equals: programme.mentor.id } } })
    expect(totalDocs).toBe(1)
  })

  it('20 simultaneous acceptances for a mentor of capacity 1: exactly one wins', async () => {
    // Proposals made before the capacity went down to 1 (written directly, as old data would be).
    const mentor = await app.payload.create({
      collection: 'mentors',
      data: { name: 'Jordi', email: 'jordi@sabadell.example', municipality: programme.councils.sabadell.id, topics: ['estrategia-ess'], capacity: 1, available: true, user: programme.users.mentorUser.id } as never,
    })
    const pairings: { id: number | string }[] = []
    for (let index = 0; index < 20; index++) {
      const candidate = await app.payload.create({
        collection: 'candidates',
        data: programme.candidateData(`Acceptació ${index}`, `acc${index}@olot.example`, programme.councils.olot.id) as never,
      })
      pairings.push(
        await app.payload.db.create({
          collection: 'pairings',
          data: { edition: programme.edition.id, mentor: mentor.id, candidate: candidate.id, status: 'proposed', title: `p${index}` },
        }),
      )
    }
    const responses = await Promise.all(
      pairings.map((pairing) => app.rest.patch(`/api/pairings/${pairing.id}`, { status: 'accepted' }, { token: programme.tokens.mentor })),
    )
    const statuses = responses.map((response) => response.status)
    expect(statuses.filter((status) => status === 200)).toHaveLength(1)
    expect(statuses.filter((status) => status === 409)).toHaveLength(19)
    const { totalDocs } = await app.payload.count({ collection: 'pairings', where: { and: [{ mentor: { equals: mentor.id } }, { status: { equals: 'accepted' } }] } })
    expect(totalDocs).toBe(1)
  })
})
