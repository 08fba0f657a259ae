import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type RunningServer, startProductionServer } from '../helpers/server'

/**
 * 200 mixed requests, 20 at a time, through the production server on SQLite: wrong-password logins
 * from many addresses, password resets, applications, secretariat writes and a job run. None may
 * answer 5xx, and every write is stored exactly when it was answered as stored.
 */

const PASSWORD = 'contrasenya-de-prova-123'
const DAY = 86_400_000

let server: RunningServer
let token: string
let councilId: number | string
let counter = 0

async function call(
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${server.url}${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  let parsed: any = text
  try {
    parsed = JSON.parse(text)
  } catch {
    // not JSON
  }
  return { status: response.status, body: parsed }
}

const asSecretariat = { authorization: `JWT ${''}` }
const address = () =>
  `10.${Math.floor(counter / 65536) % 256}.${Math.floor(counter / 256) % 256}.${counter++ % 256}`

beforeAll(async () => {
  server = await startProductionServer({ TRUST_PROXY: '1', JOBS_AUTORUN: 'false' })
  const first = await call('POST', '/api/users/first-register', {
    email: 'secretaria@xmess.example',
    password: PASSWORD,
    confirmPassword: PASSWORD,
  })
  expect(first.status).toBe(200)
  token = first.body.token
  asSecretariat.authorization = `JWT ${token}`
  const council = await call(
    'POST',
    '/api/municipalities',
    { name: 'Ajuntament de Manlleu', member: true, latitude: 42, longitude: 2.28 },
    asSecretariat,
  )
  councilId = council.body.doc.id
  const edition = await call(
    'POST',
    '/api/editions',
    {
      year: new Date().getUTCFullYear(),
      name: 'Convocatòria de càrrega',
      applicationsOpenAt: new Date(Date.now() - DAY).toISOString(),
      applicationsCloseAt: new Date(Date.now() + 10 * DAY).toISOString(),
    },
    asSecretariat,
  )
  expect(edition.status).toBe(201)
  const user = await call(
    'POST',
    '/api/users',
    { email: 'mentora@xmess.example', roles: ['mentor'] },
    asSecretariat,
  )
  expect(user.status).toBe(201)
}, 180_000)

afterAll(async () => {
  await server?.stop()
})

const count = async (collection: string) =>
  (await call('GET', `/api/${collection}?limit=0&depth=0`, undefined, asSecretariat)).body
    .totalDocs as number

describe('a mixed load through the production server', () => {
  it('answers no 5xx and stores exactly what it answered as stored', async () => {
    const candidatesBefore = await count('candidates')
    const councilsBefore = await count('municipalities')
    const kinds = [
      'wrongLogin',
      'reset',
      'apply',
      'council',
      'wrongLogin',
      'apply',
      'council',
      'reset',
      'jobs',
      'apply',
    ] as const
    const request = async (kind: (typeof kinds)[number], i: number) => {
      const from = { 'x-forwarded-for': address() }
      switch (kind) {
        case 'wrongLogin':
          return call(
            'POST',
            '/api/users/login',
            {
              email: i % 3 ? `ningu.${i}@example.com` : 'mentora@xmess.example',
              password: 'no-és-aquesta',
            },
            from,
          )
        case 'reset':
          return call(
            'POST',
            '/api/users/forgot-password',
            { email: 'mentora@xmess.example' },
            from,
          )
        case 'apply':
          return call(
            'POST',
            '/api/candidates/apply',
            {
              name: 'Laia Puig i Serra',
              position: 'Tècnica de promoció econòmica',
              municipality: String(councilId),
              email: `persona.${i}@ajuntament.example`,
              phone: '+34 938 000 000',
              topics: ['cooperativisme'],
              needs:
                'Volem fer el primer pla municipal d’economia social i no sabem per on començar.',
              availability: 'Dimarts i dijous al matí.',
              languages: ['ca'],
              consents: { dataProcessing: true, commitment: true },
              website: '',
            },
            from,
          )
        case 'council':
          return call(
            'POST',
            '/api/municipalities',
            { name: `Ajuntament de Càrrega ${i}`, member: true },
            asSecretariat,
          )
        case 'jobs':
          return call(
            'GET',
            '/api/payload-jobs/run?queue=mentoria-mail&limit=50',
            undefined,
            asSecretariat,
          )
      }
    }
    const plan = Array.from({ length: 200 }, (_, i) => ({ kind: kinds[i % kinds.length], i }))
    const results: { kind: string; status: number; body: unknown }[] = []
    let next = 0
    // 20 clients, each sending its next request as soon as the previous one is answered.
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (next < plan.length) {
          const { kind, i } = plan[next++]
          const response = await request(kind, i)
          results.push({ kind, status: response.status, body: response.body })
        }
      }),
    )
    expect(results).toHaveLength(200)
    expect(results.filter((result) => result.status >= 500)).toEqual([])
    const applied = results.filter(
      (result) => result.kind === 'apply' && result.status === 201,
    ).length
    const councils = results.filter(
      (result) => result.kind === 'council' && result.status === 201,
    ).length
    expect(applied).toBe(60)
    expect(councils).toBe(40)
    expect(await count('candidates')).toBe(candidatesBefore + applied)
    expect(await count('municipalities')).toBe(councilsBefore + councils)
    const byKind = Object.fromEntries(
      kinds.map((kind) => [
        kind,
        [...new Set(results.filter((r) => r.kind === kind).map((r) => r.status))].sort(),
      ]),
    )
    expect(byKind.wrongLogin.every((status: number) => [401, 423, 429].includes(status))).toBe(true)
    expect(byKind.reset.every((status: number) => [200, 429].includes(status))).toBe(true)
  }, 300_000)
})
