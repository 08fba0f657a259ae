import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type Programme, setupProgramme, startData } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

/** The rules hold on GraphQL too: the same operations, hooks and access run behind it. */
let app: TestApp
let p: Programme
let graphql: (request: Request) => Promise<Response>

beforeAll(async () => {
  app = await startTestApp()
  p = await setupProgramme(app, { mentorCapacity: 3 })
  graphql = GRAPHQL_POST(Promise.resolve(app.config))
})

afterAll(async () => {
  await app?.close()
})

async function query(body: string, token?: string) {
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

describe('GraphQL', () => {
  it('refuses a transition the state table does not allow, with the Catalan reason', async () => {
    const pairing = await app.payload.db.create({
      collection: 'pairings',
      data: {
        edition: p.edition.id,
        mentor: p.mentor.id,
        candidate: p.candidate.id,
        status: 'active',
        title: 'gql',
        ...startData(),
      },
    })
    const id = typeof pairing.id === 'number' ? pairing.id : JSON.stringify(pairing.id)
    const result = await query(
      `mutation { updatePairing(id: ${id}, data: { status: accepted }) { status } }`,
      p.tokens.mentee,
    )
    expect(result.errors?.[0].message).toMatch(/no pot passar a acceptada/)
    expect((await app.payload.findByID({ collection: 'pairings', id: pairing.id })).status).toBe(
      'active',
    )
  })

  it('does not show people or their contact data to the public', async () => {
    const result = await query('{ Candidates { docs { name email } } }')
    expect(result.errors?.[0].message).toBeTruthy()
    expect(JSON.stringify(result.data ?? {})).not.toContain('pau@vilafranca.example')
  })
})
