import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { formatNames } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { operationsOf } from '../../src/plugin/declared-access'
import { ACCESS_MATRIX, type Decision, MATRIX_ROLES, type MatrixRole } from '../../access/matrix'
import {
  closingData,
  type ID,
  isoDaysFromNow,
  PASSWORD,
  type Programme,
  setupProgramme,
  startData,
} from '../helpers/fixtures'
import { type HttpApp, introspect, startHttpApp } from '../helpers/http'

/**
 * The deny-by-default access matrix (access/matrix.ts), walked over HTTP: every collection and global
 * of the running config (Payload's own included) × every operation Payload exposes for it × every
 * role, over REST and over GraphQL. An operation with no decision in the matrix fails here.
 */

let web: HttpApp
let p: Programme
const tokens: Partial<Record<MatrixRole, string>> = {}
const userIds: Partial<Record<MatrixRole, ID>> = {}
/** Per collection: a document that is nobody's here, and each role's own one where there is one. */
/** `own`: theirs to read; `mine`: theirs to change (a profile is read by the other side of a pairing, changed only by its person). */
const docs: Record<
  string,
  {
    foreign: ID
    own: Partial<Record<MatrixRole, ID>>
    mine?: Partial<Record<MatrixRole, ID>>
    published?: ID
  }
> = {}
let ownPairing: ID
let foreignPairing: ID
let missingId: ID
let imagesDir: string

const as = (role: MatrixRole) => ({ token: tokens[role] })
const gqlId = (id: ID) => (typeof id === 'number' ? String(id) : JSON.stringify(id))

beforeAll(async () => {
  // Express's sign-in limit would count this file's logins; it has its own tests.
  imagesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mentoria-matriu-'))
  // The production server keeps images where its options say (data/imatges-fitxes); it cannot be given a folder.
  const plugin =
    process.env.HTTP_SERVER === 'production' ? {} : { plugin: { fitxaImagesDir: imagesDir } }
  web = await startHttpApp({ ...plugin, rateLimits: { login: { windowMs: 60_000, limit: 1000 } } })
  p = await setupProgramme(web.app, { mentorCapacity: 5 })
  const { payload } = web.app
  const db = payload.db
  const secretariatUser = (
    await payload.find({
      collection: 'users',
      where: { email: { equals: 'secretaria@xmess.example' } },
    })
  ).docs[0]
  const unrelatedUser = await payload.create({
    collection: 'users',
    data: { email: 'ningu@xmess.example', password: PASSWORD, roles: ['mentee'] } as never,
  })
  Object.assign(tokens, {
    mentor: p.tokens.mentor,
    mentee: p.tokens.mentee,
    secretariat: p.tokens.secretariat,
    unrelated: await web.app.rest.login('ningu@xmess.example', PASSWORD),
  })
  Object.assign(userIds, {
    mentor: p.users.mentorUser.id,
    mentee: p.users.menteeUser.id,
    secretariat: secretariatUser.id,
    unrelated: unrelatedUser.id,
  })
  missingId = payload.db.defaultIDType === 'number' ? 987654 : '0123456789abcdef01234567'

  const otherMentor = await payload.create({
    collection: 'mentors',
    data: {
      name: 'Aliena',
      email: 'aliena@vilafranca.example',
      municipality: p.councils.vilafranca.id,
      topics: ['estrategia-ess'],
      capacity: 3,
      available: true,
    } as never,
  })
  ownPairing = (
    await db.create({
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
  ).id
  foreignPairing = (
    await db.create({
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
  ).id
  await payload.update({
    collection: 'pairings',
    id: foreignPairing,
    data: { agreement: { calendar: 'Una versió a la història' } } as never,
  })
  const done = (
    await db.create({
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
  ).id
  const both = (id: ID) => ({ mentor: id, mentee: id })

  docs.users = { foreign: p.users.otherMenteeUser.id, own: { ...userIds } }
  docs.municipalities = { foreign: p.councils.olot.id, own: {} }
  docs.editions = { foreign: p.edition.id, own: {} }
  docs.mentors = { foreign: otherMentor.id, own: both(p.mentor.id), mine: { mentor: p.mentor.id } }
  docs.candidates = {
    foreign: p.otherCandidate.id,
    own: both(p.candidate.id),
    mine: { mentee: p.candidate.id },
  }
  docs.pairings = { foreign: foreignPairing, own: both(ownPairing) }
  // A meeting is changed by whoever recorded it (R7); an incident is seen by whoever reported it (R13).
  const meeting = async (pairing: ID, recordedBy: ID) =>
    (
      await db.create({
        collection: 'meetings',
        data: { pairing, date: isoDaysFromNow(-5), modality: 'in_person', recordedBy },
      })
    ).id
  docs.meetings = {
    foreign: await meeting(foreignPairing, userIds.secretariat as ID),
    own: {
      mentor: await meeting(ownPairing, userIds.mentor as ID),
      mentee: await meeting(ownPairing, userIds.mentee as ID),
    },
  }
  const incident = async (pairing: ID, reportedBy: ID) =>
    (
      await db.create({
        collection: 'incidents',
        data: { pairing, type: 'other', description: 'Prova', reportedBy },
      })
    ).id
  docs.incidents = {
    foreign: await incident(foreignPairing, userIds.secretariat as ID),
    own: {
      mentor: await incident(ownPairing, userIds.mentor as ID),
      mentee: await incident(ownPairing, userIds.mentee as ID),
    },
  }
  // Images: one nobody's, one the mentee uploaded for their own fitxa, one on the published fitxa.
  const image = async (alt: string, user?: unknown) => {
    const data = await sharp({
      create: { width: 20, height: 20, channels: 3, background: { r: 0, g: 90, b: 60 } },
    })
      .png()
      .toBuffer()
    return (
      await payload.create({
        collection: 'fitxa-images',
        data: { alt },
        file: { data, mimetype: 'image/png', name: `${alt}.png`, size: data.length },
        user,
        overrideAccess: !user,
      } as never)
    ).id
  }
  const ownImage = await image('propia', p.users.menteeUser)
  const publishedImage = await image('publicada')
  docs['fitxa-images'] = {
    foreign: await image('aliena'),
    own: both(ownImage),
    mine: { mentee: ownImage },
    published: publishedImage,
  }
  const fitxa = (pairing: ID, title: string, publish: boolean, picture?: ID) =>
    payload.create({
      collection: 'fitxes',
      data: {
        pairing,
        title,
        summary: 'Resum',
        image: picture,
        _status: publish ? 'published' : 'draft',
      } as never,
      draft: !publish,
    })
  docs.fitxes = {
    foreign: (await fitxa(foreignPairing, 'Aliena', false)).id,
    own: both((await fitxa(ownPairing, 'Pròpia', false, ownImage)).id),
    published: (await fitxa(done, 'Publicada', true, publishedImage)).id,
  }

  await ensureLocks()
  const preference = async (user: ID) =>
    (
      await db.create({
        collection: 'payload-preferences',
        data: { key: 'matriu', value: { a: 1 }, user: { relationTo: 'users', value: user } },
      })
    ).id
  docs['payload-preferences'] = {
    foreign: await preference(p.users.otherMenteeUser.id),
    own: {
      mentor: await preference(userIds.mentor as ID),
      mentee: await preference(userIds.mentee as ID),
      unrelated: await preference(unrelatedUser.id),
      secretariat: await preference(secretariatUser.id),
    },
  }
  const job = await payload.jobs.queue({
    task: 'sendReminders' as never,
    input: {} as never,
    queue: 'matriu',
  })
  docs['payload-jobs'] = { foreign: (job as { id: ID }).id, own: {} }
  // SQLite records its migrations; a MongoDB database has none, so one is written here.
  const migration =
    (await payload.find({ collection: 'payload-migrations', limit: 1 })).docs[0] ??
    (await db.create({ collection: 'payload-migrations', data: { name: 'matriu', batch: 1 } }))
  docs['payload-migrations'] = { foreign: migration.id, own: {} }
  const sentEmail = await db.create({
    collection: 'sent-emails',
    data: {
      to: 'algu@x.example',
      subject: 'Restabliment de la contrasenya',
      text: 'enllaç secret',
      delivery: 'outbox',
    } as never,
  })
  docs['sent-emails'] = { foreign: sentEmail.id, own: {} }
  const reminder = await db.create({
    collection: 'reminders',
    data: {
      key: `${ownPairing}:overdue:matriu:mentor`,
      pairing: ownPairing,
      kind: 'overdue',
      occasion: 'matriu',
      audience: 'mentor',
      to: 'algu@x.example',
    } as never,
  })
  docs.reminders = { foreign: reminder.id, own: {} }
  const read = await db.create({
    collection: 'read-log',
    data: {
      user: userIds.secretariat,
      kind: 'incident',
      documentCollection: 'incidents',
      documentId: '1',
      channel: 'rest',
      readAt: new Date().toISOString(),
    } as never,
  })
  docs['read-log'] = { foreign: read.id, own: {} }
  const checkin = await db.create({
    collection: 'checkins',
    data: {
      key: `${ownPairing}:midterm:mentor`,
      pairing: ownPairing,
      kind: 'midterm',
      party: 'mentor',
      to: 'algu@x.example',
      answer: '2',
      comment: 'confidencial',
    } as never,
  })
  docs.checkins = { foreign: checkin.id, own: {} }
  // Offers: the other mentor's is foreign; the mentor reads their own.
  const offer = async (mentor: ID) =>
    (
      await payload.create({
        collection: 'mentor-offers',
        data: { mentor, edition: p.edition.id, topics: ['estrategia-ess'], capacity: 2 } as never,
      })
    ).id
  docs['mentor-offers'] = {
    foreign: await offer(otherMentor.id),
    own: { mentor: await offer(p.mentor.id) },
  }
  docs['payload-kv'] = {
    foreign: (
      await db.create({ collection: 'payload-kv', data: { key: 'matriu', data: { a: 1 } } })
    ).id,
    own: {},
  }
})

afterAll(async () => {
  await web?.close()
  if (imagesDir) fs.rmSync(imagesDir, { recursive: true, force: true })
})

/** Payload drops a document's locks when the document is saved: the lock fixtures are made again as needed. */
async function ensureLocks() {
  const { db } = web.app.payload
  const lock = async (relationTo: string, value: ID, user: ID) => {
    const locks = (await db.find({ collection: 'payload-locked-documents', pagination: false }))
      .docs as { id: ID; document?: { relationTo?: string; value?: ID } | null }[]
    const existing = locks.find(
      (doc) =>
        doc.document?.relationTo === relationTo && String(doc.document?.value) === String(value),
    )
    return (
      existing?.id ??
      (
        await db.create({
          collection: 'payload-locked-documents',
          data: { document: { relationTo, value }, user: { relationTo: 'users', value: user } },
        })
      ).id
    )
  }
  const mentorLock = await lock('pairings', ownPairing, userIds.mentor as ID)
  docs['payload-locked-documents'] = {
    foreign: await lock('pairings', foreignPairing, userIds.secretariat as ID),
    own: {
      mentor: mentorLock,
      mentee: mentorLock,
      unrelated: await lock('users', userIds.unrelated as ID, userIds.unrelated as ID),
    },
  }
}

/** A proposal nobody has answered, for the secretariat to delete. */
async function throwawayPairing(): Promise<ID> {
  const candidate = await web.app.payload.create({
    collection: 'candidates',
    data: p.candidateData(
      `Provisional ${Math.random()}`,
      `prov-${Date.now()}-${Math.random()}@olot.example`,
      p.councils.olot.id,
    ) as never,
  })
  return (
    await web.app.payload.create({
      collection: 'pairings',
      data: { mentor: p.mentor.id, candidate: candidate.id } as never,
    })
  ).id
}

describe('every operation has a decision', () => {
  it('in access/matrix.ts, for each collection and global of the running config, and nothing stale', () => {
    const expected: Record<string, string[]> = {}
    for (const collection of web.app.config.collections)
      expected[collection.slug] = operationsOf(collection).sort()
    for (const global of web.app.config.globals)
      expected[`global:${global.slug}`] = [
        'read',
        'update',
        ...(global.versions ? ['readVersions'] : []),
      ].sort()
    const decided = Object.fromEntries(
      Object.entries(ACCESS_MATRIX).map(([slug, row]) => [slug, Object.keys(row).sort()]),
    )
    expect(decided).toEqual(expected)
  })
})

const REFUSED = [401, 403]
const REFUSED_OR_MISSING = [401, 403, 404]

type Target = { slug: string; graphQL: boolean; versions: boolean }
const targets = (): Target[] =>
  Object.keys(ACCESS_MATRIX)
    .filter((slug) => !slug.startsWith('global:'))
    .map((slug) => ({ slug, graphQL: true, versions: false }))

/** What a role sees in a list, as ids. */
async function listed(path: string, role: MatrixRole): Promise<{ status: number; ids: string[] }> {
  const response = await web.request('GET', path, undefined, as(role))
  const ids =
    response.status < 300
      ? (response.body.docs as { id: ID; parent?: unknown }[]).map((doc) =>
          String(
            path.includes('/versions')
              ? typeof doc.parent === 'object' && doc.parent
                ? (doc.parent as { id: ID }).id
                : doc.parent
              : doc.id,
          ),
        )
      : []
  return { status: response.status, ids }
}

function expectSeen(decision: Decision, ids: string[], slug: string, role: MatrixRole) {
  const { foreign, own, published } = docs[slug]
  const ownId = own[role]
  if (decision === 'all')
    expect(ids, 'sees a document that is not theirs').toContain(String(foreign))
  else expect(ids, 'must not see a document that is not theirs').not.toContain(String(foreign))
  if (decision === 'own' && ownId !== undefined)
    expect(ids, 'sees their own').toContain(String(ownId))
  if (decision === 'none' && ownId !== undefined)
    expect(ids, 'sees nothing, not even their own').not.toContain(String(ownId))
  if (decision === 'public' && published !== undefined)
    expect(ids, 'sees what is published').toContain(String(published))
}

/** A body for create: on the role's own pairing (or its own user) or on the foreign one. */
function createBody(
  slug: string,
  role: MatrixRole,
  on: 'own' | 'foreign',
): Record<string, unknown> {
  const pairing = on === 'own' ? ownPairing : foreignPairing
  if (['meetings', 'incidents', 'fitxes'].includes(slug)) return { pairing }
  if (slug === 'payload-locked-documents') {
    if (on === 'own' && role === 'unrelated')
      return {
        document: { relationTo: 'users', value: userIds.unrelated },
        user: { relationTo: 'users', value: userIds.unrelated },
      }
    return {
      document: { relationTo: 'pairings', value: pairing },
      user: { relationTo: 'users', value: userIds[role] ?? userIds.secretariat },
    }
  }
  if (slug === 'payload-preferences') return { key: `matriu-${role}-${on}`, value: { a: 1 } }
  return {}
}

const hasOwn = (slug: string, role: MatrixRole) =>
  docs[slug].own[role] !== undefined ||
  (role !== 'anonymous' && ['payload-preferences'].includes(slug))

describe('REST', () => {
  for (const { slug } of targets()) {
    for (const [operation, row] of Object.entries(ACCESS_MATRIX[slug])) {
      for (const role of MATRIX_ROLES) {
        const decision = row[role]
        it(`${slug} ${operation} as ${role}: ${decision}`, async () => {
          if (slug === 'payload-locked-documents') await ensureLocks()
          const { foreign } = docs[slug]
          if (
            web.app.config.collections.find((collection) => collection.slug === slug)?.endpoints ===
            false
          ) {
            // Payload serves no REST for this one at all (501 Not Implemented), whoever asks.
            const response = await web.request('GET', `/api/${slug}`, undefined, as(role))
            expect([404, 501]).toContain(response.status)
            return
          }
          if (operation === 'read') {
            const list = await listed(`/api/${slug}?limit=200&depth=0`, role)
            expect(list.status).toBeLessThan(500)
            expectSeen(decision, list.ids, slug, role)
            const one = await web.request(
              'GET',
              `/api/${slug}/${foreign}?depth=0`,
              undefined,
              as(role),
            )
            if (slug === 'payload-preferences') {
              // GET /:key reads the requester's own preference with that key, never someone else's.
              expect(one.text).not.toContain('"matriu"')
            } else if (decision === 'all') expect(one.status).toBe(200)
            else expect(REFUSED_OR_MISSING).toContain(one.status)
          } else if (operation === 'readVersions') {
            const list = await listed(`/api/${slug}/versions?limit=200&depth=0`, role)
            if (decision === 'none') expect(REFUSED).toContain(list.status)
            expectSeen(decision, list.ids, slug, role)
          } else if (operation === 'create') {
            const foreignTry = await web.request(
              'POST',
              `/api/${slug}`,
              createBody(slug, role, 'foreign'),
              as(role),
            )
            expect(foreignTry.status).toBeLessThan(500)
            if (decision === 'all') expect(REFUSED).not.toContain(foreignTry.status)
            else expect(REFUSED, foreignTry.text).toContain(foreignTry.status)
            if (decision === 'own' && hasOwn(slug, role)) {
              const ownTry = await web.request(
                'POST',
                `/api/${slug}`,
                createBody(slug, role, 'own'),
                as(role),
              )
              expect(ownTry.status).toBeLessThan(500)
              expect(REFUSED, ownTry.text).not.toContain(ownTry.status)
            }
          } else if (operation === 'update') {
            const foreignTry = await web.request('PATCH', `/api/${slug}/${foreign}`, {}, as(role))
            expect(foreignTry.status).toBeLessThan(500)
            if (decision === 'all')
              expect(REFUSED_OR_MISSING, foreignTry.text).not.toContain(foreignTry.status)
            else expect(REFUSED_OR_MISSING, foreignTry.text).toContain(foreignTry.status)
            const ownId = (docs[slug].mine ?? docs[slug].own)[role]
            if (decision === 'own' && ownId !== undefined) {
              const ownTry = await web.request('PATCH', `/api/${slug}/${ownId}`, {}, as(role))
              expect(REFUSED_OR_MISSING, ownTry.text).not.toContain(ownTry.status)
            }
          } else if (operation === 'delete') {
            if (decision === 'all') {
              // Deletes nothing real: a missing document is 404 for whoever may delete.
              const target = slug === 'pairings' ? await throwawayPairing() : missingId
              const response = await web.request(
                'DELETE',
                `/api/${slug}/${target}`,
                undefined,
                as(role),
              )
              expect(response.status, response.text).toBe(slug === 'pairings' ? 200 : 404)
            } else {
              const response = await web.request(
                'DELETE',
                `/api/${slug}/${foreign}`,
                undefined,
                as(role),
              )
              // Preferences: DELETE /:key removes the requester's own preference of that key, if any.
              if (slug !== 'payload-preferences')
                expect(REFUSED_OR_MISSING, response.text).toContain(response.status)
              expect(response.status).toBeLessThan(500)
              expect(
                (
                  await web.app.payload.count({
                    collection: slug as never,
                    where: { id: { equals: foreign } },
                  })
                ).totalDocs,
              ).toBe(1)
            }
          } else if (operation === 'unlock') {
            const response = await web.request(
              'POST',
              `/api/${slug}/unlock`,
              { email: 'altra@xmess.example' },
              as(role),
            )
            if (decision === 'all') expect(response.status).toBe(200)
            else expect(REFUSED).toContain(response.status)
          } else if (operation === 'admin') {
            const response = await web.request('GET', '/api/access', undefined, as(role))
            expect(Boolean(response.body.canAccessAdmin)).toBe(decision === 'all')
          } else {
            throw new Error(`No REST check for ${operation}: add one.`)
          }
        })
      }
    }
  }

  for (const [key, row] of Object.entries(ACCESS_MATRIX).filter(([slug]) =>
    slug.startsWith('global:'),
  )) {
    const slug = key.slice('global:'.length)
    for (const [operation, decisions] of Object.entries(row)) {
      for (const role of MATRIX_ROLES) {
        it(`global ${slug} ${operation} as ${role}: ${decisions[role]}`, async () => {
          const response =
            operation === 'read'
              ? await web.request('GET', `/api/globals/${slug}`, undefined, as(role))
              : await web.request(
                  'POST',
                  `/api/globals/${slug}`,
                  { stats: { hacked: true } },
                  as(role),
                )
          if (decisions[role] === 'all') expect(REFUSED).not.toContain(response.status)
          else expect(REFUSED, response.text).toContain(response.status)
        })
      }
    }
  }
})

type TypeRef = { kind: string; name: string | null; ofType: TypeRef | null }
type SchemaType = {
  name: string
  kind: string
  inputFields: { name: string; type: TypeRef }[] | null
  enumValues: { name: string }[] | null
}
let schema:
  | { types: Map<string, SchemaType>; mutations: Map<string, { name: string; type: TypeRef }[]> }
  | undefined
let sample = 0

/** A GraphQL literal with every required field of a mutation's `data` filled in, so that access is what decides. */
async function sampleInput(mutation: string, role: MatrixRole): Promise<string> {
  if (!schema) {
    const ref =
      'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }'
    const { __schema: data } = await introspect(
      web.app,
      `{ __schema { types { name kind inputFields { name type { ${ref} } } enumValues { name } } mutationType { fields { name args { name type { ${ref} } } } } } }`,
    )
    schema = {
      types: new Map(data.types.map((type: SchemaType) => [type.name, type])),
      mutations: new Map(
        data.mutationType.fields.map(
          (field: { name: string; args: { name: string; type: TypeRef }[] }) => [
            field.name,
            field.args,
          ],
        ),
      ),
    }
  }
  const known = schema
  const literal = (type: TypeRef, name: string, depth: number): string => {
    if (type.kind === 'NON_NULL') return literal(type.ofType as TypeRef, name, depth)
    if (type.kind === 'LIST') return `[${literal(type.ofType as TypeRef, name, depth)}]`
    const named = known.types.get(type.name ?? '')
    // A relationship to users names the requester: locks and preferences are taken in one's own name.
    if (type.kind === 'ENUM')
      return name === 'relationTo' && named?.enumValues?.some((value) => value.name === 'users')
        ? 'users'
        : (named?.enumValues?.[0]?.name ?? 'x')
    if (type.kind === 'INPUT_OBJECT') {
      // Required fields, and a lock's document and holder (a lock without a document is refused).
      const required = (named?.inputFields ?? []).filter(
        (field) =>
          (field.type.kind === 'NON_NULL' ||
            ['document', 'user', 'relationTo', 'value'].includes(field.name)) &&
          depth < 4,
      )
      return `{ ${required.map((field) => `${field.name}: ${literal(field.type, field.name, depth + 1)}`).join(', ')} }`
    }
    if (name === 'pairing') return gqlId(ownPairing)
    if (name === 'user' || name === 'value')
      return gqlId(userIds[role] ?? (userIds.secretariat as ID))
    if (type.name === 'Int' || type.name === 'Float') return '1'
    if (type.name === 'Boolean') return 'false'
    if (type.name === 'JSON' || type.name === 'JSONObject') return '{}'
    if (type.name === 'DateTime') return '"2026-01-01T00:00:00.000Z"'
    if (name === 'email' || type.name === 'EmailAddress') return `"matriu-${sample++}@x.example"`
    // Nobody chooses another person's password (R14): GraphQL's schema asks for one; empty is none.
    if (name === 'password') return '""'
    return '"x"'
  }
  const args = known.mutations.get(mutation)
  const data = args?.find((arg) => arg.name === 'data')
  if (!data) throw new Error(`${mutation} has no data argument`)
  return literal(data.type, 'data', 0)
}

describe('GraphQL', () => {
  const namesOf = (slug: string) => {
    // A collection may name its GraphQL types itself (fitxes: Fitxa / Fitxes).
    const named = web.app.config.collections.find((collection) => collection.slug === slug)?.graphQL
    const { singular, plural } =
      named && typeof named === 'object' && named.singularName
        ? { singular: named.singularName, plural: named.pluralName ?? named.singularName }
        : formatNames(slug)
    return { singular, plural: singular === plural ? `all${singular}` : plural }
  }
  const errorsOf = (body: {
    errors?: { extensions?: { statusCode?: number }; message: string }[]
  }) => body.errors ?? []

  for (const { slug } of targets()) {
    for (const [operation, row] of Object.entries(ACCESS_MATRIX[slug])) {
      for (const role of MATRIX_ROLES) {
        const decision = row[role]
        it(`${slug} ${operation} as ${role}: ${decision}`, async (context) => {
          if (slug === 'payload-locked-documents') await ensureLocks()
          const collection = web.app.config.collections.find((candidate) => candidate.slug === slug)
          if (collection?.graphQL === false) {
            // No GraphQL at all for this one: nothing to walk, and nothing exposed.
            const schema = await introspect(
              web.app,
              '{ __schema { queryType { fields { name } } } }',
            )
            expect(JSON.stringify(schema)).toContain('Pairings')
            expect(JSON.stringify(schema)).not.toContain(namesOf(slug).plural)
            return context.skip()
          }
          const { singular, plural } = namesOf(slug)
          const { foreign } = docs[slug]
          if (operation === 'read' || operation === 'readVersions') {
            const field = operation === 'read' ? plural : `versions${plural}`
            const result = await web.graphql(
              `{ ${field}(limit: 200) { docs { id${operation === 'readVersions' ? ' parent { id }' : ''} } } }`,
              as(role),
            )
            const found = (result.body.data?.[field]?.docs ?? []) as {
              id: ID
              parent?: { id: ID } | null
            }[]
            const ids = found.map((doc) =>
              String(operation === 'readVersions' ? doc.parent?.id : doc.id),
            )
            if (decision === 'none' && operation === 'readVersions')
              expect(errorsOf(result.body).length).toBeGreaterThan(0)
            expectSeen(decision, ids, slug, role)
          } else if (operation === 'update') {
            const result = await web.graphql(
              `mutation { update${singular}(id: ${gqlId(foreign)}, data: {}) { id } }`,
              as(role),
            )
            const statuses = errorsOf(result.body).map((error) => error.extensions?.statusCode)
            if (decision === 'all')
              expect(
                statuses.filter((status) => REFUSED_OR_MISSING.includes(Number(status))),
                result.text,
              ).toEqual([])
            else
              expect(
                statuses.some((status) => REFUSED_OR_MISSING.includes(Number(status))),
                result.text,
              ).toBe(true)
          } else if (operation === 'delete') {
            const target =
              decision !== 'all'
                ? foreign
                : slug === 'pairings'
                  ? await throwawayPairing()
                  : missingId
            const result = await web.graphql(
              `mutation { delete${singular}(id: ${gqlId(target)}) { id } }`,
              as(role),
            )
            const statuses = errorsOf(result.body).map((error) =>
              Number(error.extensions?.statusCode),
            )
            if (decision === 'all')
              expect(statuses, result.text).toEqual(slug === 'pairings' ? [] : [404])
            else
              expect(
                statuses.some((status) => REFUSED_OR_MISSING.includes(status)),
                result.text,
              ).toBe(true)
            if (decision !== 'all')
              expect(
                (
                  await web.app.payload.count({
                    collection: slug as never,
                    where: { id: { equals: foreign } },
                  })
                ).totalDocs,
              ).toBe(1)
          } else if (operation === 'create') {
            const data = await sampleInput(`create${singular}`, role)
            const result = await web.graphql(
              `mutation { create${singular}(data: ${data}) { id } }`,
              as(role),
            )
            const statuses = errorsOf(result.body).map((error) =>
              Number(error.extensions?.statusCode),
            )
            expect(
              statuses.filter((status) => status >= 500),
              result.text,
            ).toEqual([])
            if (decision === 'none') {
              // Refused by access or by the rules that decide who writes on a pairing: nothing is created.
              expect(statuses.length, result.text).toBeGreaterThan(0)
              expect(result.body.data?.[`create${singular}`] ?? null).toBeNull()
            } else
              expect(
                statuses.filter((status) => REFUSED.includes(status)),
                result.text,
              ).toEqual([])
          } else if (operation === 'unlock') {
            const result = await web.graphql(
              `mutation { unlock${singular}(email: "altra@xmess.example") }`,
              as(role),
            )
            if (decision === 'all') expect(errorsOf(result.body), result.text).toEqual([])
            else
              expect(
                errorsOf(result.body).some((error) =>
                  REFUSED.includes(Number(error.extensions?.statusCode)),
                ),
                result.text,
              ).toBe(true)
          } else if (operation === 'admin') {
            // The admin panel has no GraphQL operation; REST's /api/access covers it.
            return context.skip()
          } else {
            throw new Error(`No GraphQL check for ${operation}: add one.`)
          }
        })
      }
    }
  }
})
