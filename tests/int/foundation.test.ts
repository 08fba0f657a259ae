import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seed } from '../../seed/index'
import { startTestApp, type TestApp } from '../helpers/payload'

let app: TestApp

beforeAll(async () => {
  app = await startTestApp()
})

afterAll(async () => {
  await app?.close()
})

describe('users and roles', () => {
  it('makes the first user ever registered a member of the secretariat', async () => {
    const response = await app.rest.post('/api/users/first-register', {
      email: 'primera@xmess.example',
      password: 'una-contrasenya-llarga',
      confirmPassword: 'una-contrasenya-llarga',
      roles: ['mentee'],
    })
    expect(response.status).toBe(200)
    expect(response.body.user.roles).toEqual(['secretariat'])
    // There is only one first user.
    const second = await app.rest.post('/api/users/first-register', {
      email: 'segona@xmess.example',
      password: 'una-contrasenya-llarga',
      confirmPassword: 'una-contrasenya-llarga',
    })
    expect(second.status).toBe(403)
  })

  it('does not let a stranger create an account', async () => {
    const response = await app.rest.post('/api/users', {
      email: 'intrus@example.com',
      password: 'x-12345678',
      roles: ['secretariat'],
    })
    expect(response.status).toBe(403)
    const { totalDocs } = await app.payload.count({
      collection: 'users',
      where: { email: { equals: 'intrus@example.com' } },
    })
    expect(totalDocs).toBe(0)
  })

  it('lets the secretariat create a mentor, who cannot promote themselves', async () => {
    const secretariat = await app.rest.login('primera@xmess.example', 'una-contrasenya-llarga')
    const created = await app.rest.post(
      '/api/users',
      { email: 'mentora@xmess.example', roles: ['mentor'] },
      { token: secretariat },
    )
    expect(created.status).toBe(201)
    expect(created.body.doc.roles).toEqual(['mentor'])
    // The account has no password until she chooses one (R14; here as her invitation link would).
    await app.payload.update({
      collection: 'users',
      id: created.body.doc.id,
      data: { password: 'contrasenya-mentora' } as never,
    })

    const mentor = await app.rest.login('mentora@xmess.example', 'contrasenya-mentora')
    const promoted = await app.rest.patch(
      `/api/users/${created.body.doc.id}`,
      { roles: ['secretariat'], name: 'Mentora' },
      { token: mentor },
    )
    expect(promoted.status).toBe(200)
    const stored = await app.payload.findByID({ collection: 'users', id: created.body.doc.id })
    expect(stored.roles).toEqual(['mentor'])
    expect(stored.name).toBe('Mentora')

    // A mentor sees only their own user.
    const list = await app.rest.get('/api/users', { token: mentor })
    expect(list.status).toBe(200)
    expect(list.body.docs.map((user: { email: string }) => user.email)).toEqual([
      'mentora@xmess.example',
    ])
  })

  it('answers a failed sign-in in Catalan', async () => {
    const response = await app.rest.post('/api/users/login', {
      email: 'primera@xmess.example',
      password: 'dolenta',
    })
    expect(response.status).toBe(401)
    expect(response.body.errors[0].message).toMatch(/contrasenya/i)
  })
})

describe('demo data', () => {
  it('creates councils, editions, mentors, candidates and one user per role, and changes nothing the second time', async () => {
    const first = await seed(app.payload, new Date('2026-11-28T10:00:00Z'))
    expect(first.created).toBeGreaterThan(30)
    const counts = async () =>
      Object.fromEntries(
        await Promise.all(
          (
            [
              'municipalities',
              'editions',
              'mentors',
              'candidates',
              'users',
              'pairings',
              'meetings',
              'fitxes',
            ] as const
          ).map(async (collection) => [
            collection,
            (await app.payload.count({ collection })).totalDocs,
          ]),
        ),
      )
    const before = await counts()
    expect(before.editions).toBe(3)
    // Every pairing state is in the demo.
    const pairings = await app.payload.find({ collection: 'pairings', pagination: false, depth: 0 })
    expect(new Set(pairings.docs.map((pairing) => pairing.status))).toEqual(
      new Set(['proposed', 'accepted', 'declined', 'active', 'completed', 'cancelled']),
    )
    // Four documented mentorings are on the public website.
    expect((await app.rest.get('/api/fitxes')).body.totalDocs).toBe(4)

    const second = await seed(app.payload, new Date('2026-11-28T10:00:00Z'))
    expect(second.created).toBe(0)
    expect(await counts()).toEqual(before)

    for (const credential of first.credentials) {
      const token = await app.rest.login(credential.email, credential.password)
      const me = await app.rest.get('/api/users/me', { token })
      expect(me.body.user.roles).toEqual(credential.roles)
    }
  }, 180_000) // The first seed moves a year of accompaniments through every rule (seed/demo-console.ts): slow on a busy machine.

  it('lists member councils to the public with their coordinates', async () => {
    const response = await app.rest.get('/api/municipalities?where[member][equals]=true&limit=100')
    expect(response.status).toBe(200)
    expect(response.body.totalDocs).toBeGreaterThan(20)
    const sabadell = response.body.docs.find(
      (doc: { name: string }) => doc.name === 'Ajuntament de Sabadell',
    )
    expect(sabadell).toMatchObject({ comarca: 'Vallès Occidental', province: 'Barcelona' })
    expect(sabadell.latitude).toBeCloseTo(41.55, 1)
  })
})
