import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ACCESS_MATRIX } from '../../access/matrix'
import { type Programme, setupProgramme, startData } from '../helpers/fixtures'
import { type HttpApp, type HttpResponse, startHttpApp } from '../helpers/http'

/**
 * Property: whatever a stranger or a signed-in person sends — arbitrary ids, pages, limits, `where`
 * trees, dates, nulls and bodies — to any public or signed-in route, the answer is never a 5xx, and
 * a refusal says why in words (not Payload's "Something went wrong").
 */

const RUNS = Number(process.env.INPUT_PROPERTY_RUNS ?? 40)
// A fixed seed keeps CI reproducible; `INPUT_PROPERTY_SEED=random` explores (docs/security.md).
const SEED =
  process.env.INPUT_PROPERTY_SEED === 'random'
    ? Math.floor(Math.random() * 2 ** 31)
    : Number(process.env.INPUT_PROPERTY_SEED ?? 20261201)
const options = (numRuns: number) => ({ numRuns, seed: SEED })
const COLLECTIONS = Object.keys(ACCESS_MATRIX).filter(
  (slug) => !slug.startsWith('global:') && slug !== 'payload-migrations',
)

let web: HttpApp
let p: Programme
let tokens: (string | undefined)[]

beforeAll(async () => {
  web = await startHttpApp({
    rateLimits: {
      login: { windowMs: 60_000, limit: 100_000 },
      publicWrite: { windowMs: 60_000, limit: 100_000 },
    },
  })
  p = await setupProgramme(web.app, { mentorCapacity: 5 })
  await web.app.payload.db.create({
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
  tokens = [undefined, p.tokens.mentee, p.tokens.mentor, p.tokens.secretariat]
})

afterAll(async () => {
  await web?.close()
})

/** `{ a: { b: [1, 2] } }` as `a[b][0]=1&a[b][1]=2`, the bracket form Payload reads. */
function toQuery(value: unknown, prefix: string, out: string[] = []): string[] {
  if (value === null || value === undefined) out.push(`${prefix}=${value === null ? 'null' : ''}`)
  else if (Array.isArray(value))
    value.forEach((item, index) => toQuery(item, `${prefix}[${index}]`, out))
  else if (typeof value === 'object')
    for (const [key, inner] of Object.entries(value))
      toQuery(
        inner,
        prefix ? `${prefix}[${encodeURIComponent(key)}]` : encodeURIComponent(key),
        out,
      )
  else out.push(`${prefix}=${encodeURIComponent(String(value))}`)
  return out
}

const strange = fc.constantFrom(
  'abc',
  '-1',
  '0',
  '1e999',
  'NaN',
  'Infinity',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  'toString',
  '1.5',
  ' 1',
  '0x10',
  '',
  '..',
  '%00',
  "1' OR '1'='1",
  '{}',
  '[]',
)
const anId = fc.oneof(
  fc.integer({ min: -5, max: 50 }).map(String),
  fc.stringMatching(/^[0-9a-f]{24}$/),
  strange,
  fc.string({ maxLength: 12 }),
)
const aNumber = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
  strange,
  fc.double().map(String),
)
const aDate = fc.oneof(
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc.constantFrom(
    '2026-02-30',
    '9999-99-99',
    '0000-00-00T00:00:00Z',
    '+275760-09-13T00:00:00.000Z',
    'ahir',
    '31/12/2026',
    '2026-13-01',
  ),
  fc.string({ maxLength: 16 }),
)
const aScalar = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 20 }),
  aDate,
  anId,
)
const FIELDS = [
  'id',
  'name',
  'pairing',
  'mentor',
  'candidate',
  'edition',
  'municipality',
  'user',
  'status',
  'year',
  'date',
  'startDate',
  'endDate',
  'closing.closingDate',
  'version.mentor',
  'parent',
  '_status',
  'title',
  'capacity',
  'nope',
  '__proto__',
  'constructor',
  'document.value',
  'user.value',
]
const OPERATORS = [
  'equals',
  'not_equals',
  'in',
  'not_in',
  'all',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'like',
  'contains',
  'exists',
  'near',
  'within',
  'intersects',
  'bogus',
]
// Values include objects (`where[name][equals][x]=y`, issue 18): a text field compared with one was a 500.
const aCondition = fc
  .record({
    field: fc.constantFrom(...FIELDS),
    operator: fc.constantFrom(...OPERATORS),
    value: fc.oneof(
      aScalar,
      fc.array(aScalar, { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 4 }), aScalar, { maxKeys: 2 }),
    ),
  })
  .map(({ field, operator, value }) => ({ [field]: { [operator]: value } }))
const aWhere = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    aCondition,
    fc.record({ and: fc.array(tie('node'), { maxLength: 3 }) }),
    fc.record({ or: fc.array(tie('node'), { maxLength: 3 }) }),
  ),
})).node
const BODY_FIELDS = [
  'status',
  'startDate',
  'endDate',
  'agreement',
  'closing',
  'extension',
  'mentor',
  'candidate',
  'edition',
  'pairing',
  'date',
  'modality',
  'title',
  'summary',
  'name',
  'email',
  'capacity',
  'available',
  'municipality',
  'roles',
  'password',
  'document',
  'user',
  'key',
  'value',
  '_status',
  'answeredAt',
  'topics',
]
const aValue = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    aScalar,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(
      fc.constantFrom(...BODY_FIELDS, 'agreed', 'note', 'rating', 'objectives'),
      tie('value'),
      { maxKeys: 3 },
    ),
  ),
})).value
const aBody = fc.oneof(
  fc.dictionary(fc.constantFrom(...BODY_FIELDS), aValue, { maxKeys: 5 }),
  aScalar,
  fc.array(aScalar, { maxLength: 2 }),
)
const aToken = () => fc.constantFrom(...tokens)

function expectNoServerError(response: HttpResponse, what: string) {
  expect(response.status, `${what}: ${response.text.slice(0, 400)}`).toBeLessThan(500)
  if (
    response.status >= 400 &&
    response.body &&
    typeof response.body === 'object' &&
    'errors' in response.body
  ) {
    const message = String(response.body.errors?.[0]?.message ?? '')
    expect(message, what).not.toMatch(/Something went wrong|S'ha produït un error/)
  }
}

describe('no input reaches a 500', () => {
  it('refuses a list where a relationship to several collections compares one value (found by the property below)', async () => {
    // GraphQL's JSON filters: `true` is not an id.
    const graphql = await web.graphql(
      'query($where: Pairing_where) { Pairings(where: $where) { docs { id } } }',
      { token: tokens[2], variables: { where: { mentor: { in: [true] } } } },
    )
    expect(
      JSON.stringify(graphql.body?.errors ?? []),
      'a boolean compared with a relationship',
    ).not.toMatch(/"statusCode":5\d\d|Something went wrong/)
    expect(graphql.body?.errors?.[0]?.message ?? '').toMatch(/mentor/)
    for (const token of tokens) {
      const response = await web.request(
        'GET',
        '/api/payload-preferences?where[user][equals][0]=0',
        undefined,
        { token },
      )
      expectNoServerError(response, 'preferences filtered by a list')
      expect([400, 401, 403]).toContain(response.status)
    }
    // A list where one value is compared, on any field (found with random seeds).
    for (const path of [
      '/api/fitxes?where[_status][equals][0]=false',
      '/api/payload-preferences?where[user.value][less_than_equal][0]=false',
    ]) {
      const bulk = await web.request('PATCH', path, {}, { token: tokens[3] })
      expectNoServerError(bulk, path)
      expect(bulk.status, path).toBe(400)
    }
    // Three more from random seeds: «all» on an id, a number as an email, a relationship to several collections equal to null.
    const all = await web.request('GET', '/api/users?where[id][all][0]=1', undefined, {
      token: tokens[2],
    })
    expectNoServerError(all, 'all on an id')
    expect(all.status).toBe(400)
    const email = await web.request('POST', '/api/users', { email: -5e-324 }, { token: tokens[3] })
    expectNoServerError(email, 'a number as an email')
    expect(email.status).toBe(400)
    expect(email.text).toMatch(/correu/)
    const nullUser = await web.request(
      'DELETE',
      '/api/payload-preferences?where[user][equals]=null',
      undefined,
      { token: tokens[3] },
    )
    expectNoServerError(nullUser, 'preferences of a null user')
    expect(nullUser.status).toBeLessThan(500)
    const search = await web.request(
      'PATCH',
      '/api/meetings?where[and][0][or][0][date][contains]=-5e-324',
      {},
      { token: tokens[2] },
    )
    expectNoServerError(search, 'a text search on a date')
  })

  it("lets Payload's own queries compare dates with Date objects (the admin's edit view checks locks so)", async () => {
    const secretariat = (
      await web.app.payload.find({
        collection: 'users',
        where: { email: { equals: 'secretaria@xmess.example' } },
      })
    ).docs[0]
    const since = new Date(Date.now() - 3_600_000)
    const locks = await web.app.payload.find({
      collection: 'payload-locked-documents',
      where: { updatedAt: { greater_than: since } },
      overrideAccess: false,
      user: secretariat,
    })
    expect(locks.docs).toBeInstanceOf(Array)
    const pairings = await web.app.payload.find({
      collection: 'pairings',
      where: { createdAt: { greater_than: since } },
      overrideAccess: false,
      user: secretariat,
    })
    expect(pairings.totalDocs).toBeGreaterThan(0)
    await expect(
      web.app.payload.find({
        collection: 'pairings',
        where: { createdAt: { greater_than: new Date(Number.NaN) } },
      }),
    ).rejects.toThrow(/no és una data/)
  })

  it('GET by id, on every collection, as anyone', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...COLLECTIONS), anId, aToken(), async (slug, id, token) => {
        const path = `/api/${slug}/${encodeURIComponent(id)}`
        expectNoServerError(await web.request('GET', path, undefined, { token }), path)
        const versions = `/api/${slug}/versions/${encodeURIComponent(id)}`
        expectNoServerError(await web.request('GET', versions, undefined, { token }), versions)
      }),
      options(RUNS),
    )
  })

  it('lists with any page, limit, sort, depth and where tree', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...COLLECTIONS),
        // `where` also as one text (`?where=x`), which Payload reads as JSON before any hook (issue 18).
        fc.record(
          {
            page: aNumber,
            limit: aNumber,
            depth: aNumber,
            sort: fc.constantFrom(...FIELDS, '-id', '-createdAt'),
            where: fc.oneof(
              aWhere,
              fc.string({ maxLength: 8 }),
              aWhere.map((tree) => JSON.stringify(tree)),
            ),
          },
          { requiredKeys: [] },
        ),
        fc.boolean(),
        aToken(),
        async (slug, query, versions, token) => {
          const path = `/api/${slug}${versions ? '/versions' : ''}?${toQuery(query, '').join('&')}`
          expectNoServerError(await web.request('GET', path, undefined, { token }), path)
        },
      ),
      options(RUNS * 2),
    )
  })

  it('creates, changes and deletes with any body and id', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...COLLECTIONS),
        fc.constantFrom('POST', 'PATCH', 'DELETE'),
        anId,
        aBody,
        aToken(),
        async (slug, method, id, body, token) => {
          const path = method === 'POST' ? `/api/${slug}` : `/api/${slug}/${encodeURIComponent(id)}`
          expectNoServerError(
            await web.request(method, path, method === 'DELETE' ? undefined : body, { token }),
            `${method} ${path} ${JSON.stringify(body)}`,
          )
        },
      ),
      options(RUNS * 2),
    )
  })

  it('bulk changes with a where tree', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...COLLECTIONS),
        fc.constantFrom('PATCH', 'DELETE'),
        aWhere,
        aBody,
        aToken(),
        async (slug, method, where, body, token) => {
          const path = `/api/${slug}?${toQuery({ where }, '').join('&')}`
          expectNoServerError(
            await web.request(method, path, method === 'DELETE' ? undefined : body, { token }),
            `${method} ${path}`,
          )
        },
      ),
      options(RUNS),
    )
  })

  it('the public endpoints: sign-in, answer links, the application form, GraphQL', async () => {
    const routes = [
      '/api/users/login',
      '/api/users/forgot-password',
      '/api/users/reset-password',
      '/api/users/unlock',
      '/api/pairings/answer',
      '/api/candidates/apply',
      '/api/graphql',
      '/api/users/first-register',
      '/api/users/refresh-token',
      '/api/users/logout',
      '/api/users/me',
    ]
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.constantFrom('GET', 'POST'),
        aBody,
        aToken(),
        async (route, method, body, token) => {
          expectNoServerError(
            await web.request(method, route, method === 'GET' ? undefined : body, { token }),
            `${method} ${route} ${JSON.stringify(body)}`,
          )
        },
      ),
      options(RUNS * 2),
    )
  })

  // The public pages are Next's: only the production server serves them (the stand-in answers «next»).
  it.runIf(process.env.HTTP_SERVER === 'production')(
    'the public pages, with any query, slug, token or result',
    async () => {
      const aText = fc.oneof(strange, fc.string({ maxLength: 24 }), aNumber, aDate)
      const aPage = fc.oneof(
        fc
          .record(
            {
              ambit: aText,
              ens: aText,
              any: aText,
              q: aText,
              pagina: aText,
              lang: fc.oneof(aText, fc.constantFrom('ca', 'es', 'en')),
            },
            { requiredKeys: [] },
          )
          .chain((query) =>
            fc
              .constantFrom(
                '/fitxes',
                '/fitxes/widget',
                '/fitxes/feed.xml',
                '/fitxes/dades.json',
                '/fitxes/dades.csv',
                '/sollicitud',
              )
              .map((path) => `${path}?${toQuery(query, '').join('&')}`),
          ),
        aText.map((slug) => `/fitxes/${encodeURIComponent(slug)}`),
        aText.map((token) => `/proposta?token=${encodeURIComponent(token)}`),
        fc
          .oneof(
            aText,
            fc.constantFrom('constructor', '__proto__', 'toString', 'accepted', 'hasOwnProperty'),
          )
          .map((result) => `/proposta/resposta?resultat=${encodeURIComponent(result)}`),
        fc
          .array(fc.oneof(aText, fc.constant('resultat')), { minLength: 1, maxLength: 3 })
          .map(
            (values) =>
              `/proposta/resposta?${values.map((value) => `resultat=${encodeURIComponent(value)}`).join('&')}`,
          ),
      )
      await fc.assert(
        fc.asyncProperty(aPage, aToken(), async (path, token) => {
          const response = await web.request('GET', path, undefined, { token })
          expect(response.status, `${path}: ${response.text.slice(0, 300)}`).toBeLessThan(500)
        }),
        options(RUNS * 2),
      )
      // The result names of the issue, each a page in words.
      for (const result of ['constructor', '__proto__', 'toString']) {
        const response = await web.request('GET', `/proposta/resposta?resultat=${result}`)
        expect(response.status, result).toBe(200)
        expect(response.text).toMatch(/lang="ca"/)
      }
    },
  )

  it('GraphQL with any id, where and data in variables', async () => {
    await fc.assert(
      fc.asyncProperty(anId, aWhere, aValue, aToken(), async (id, where, data, token) => {
        const queries = [
          ['query($id: Int!) { Pairing(id: $id) { id status } }', { id: Number(id) }],
          ['query($where: Pairing_where) { Pairings(where: $where) { docs { id } } }', { where }],
          ['query($where: Fitx_where) { Fitxes(where: $where) { docs { id } } }', { where }],
          [
            'mutation($id: Int!, $data: mutationPairingUpdateInput!) { updatePairing(id: $id, data: $data) { id } }',
            { id: Number(id), data },
          ],
        ] as const
        for (const [query, variables] of queries) {
          const response = await web.graphql(query, {
            token,
            variables: variables as Record<string, unknown>,
          })
          expect(response.status, query).toBeLessThan(500)
          const serverErrors = (response.body?.errors ?? []).filter(
            (error: { extensions?: { statusCode?: number } }) =>
              Number(error.extensions?.statusCode) >= 500,
          )
          expect(serverErrors, `${query} ${JSON.stringify(variables)}`).toEqual([])
        }
      }),
      options(RUNS),
    )
  })
})
