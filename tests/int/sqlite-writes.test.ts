import fs from 'node:fs'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { memoryEmail, PASSWORD, setupProgramme } from '../helpers/fixtures'
import { startTestApp, testDatabase, type TestApp } from '../helpers/payload'

/**
 * Every write answered as done is stored, every write answered as refused is not, and no write
 * answers 5xx because another one holds the database — whatever mix of Payload's own operations
 * (sign-in attempts, password reset, jobs) and the programme's runs at the same time.
 */

let app: TestApp
let programme: Awaited<ReturnType<typeof setupProgramme>>
let counter = 0
// What leaves the machine (the person's own email, links included); sent-emails keeps a copy without them.
const email = memoryEmail()

const application = () => ({
  name: 'Laia Puig i Serra',
  position: 'Tècnica de promoció econòmica',
  municipality: String(programme.councils.olot.id),
  email: `persona.${++counter}@ajuntament.example`,
  phone: '+34 938 000 000',
  topics: ['cooperativisme'],
  needs: 'Volem fer el primer pla municipal d’economia social i no sabem per on començar.',
  availability: 'Dimarts i dijous al matí.',
  languages: ['ca'],
  consents: { dataProcessing: true, commitment: true },
  website: '',
})

const count = async (collection: string) =>
  (await app.payload.count({ collection: collection as never, overrideAccess: true })).totalDocs

/** The email as the person receives it (Payload sends the reset email itself, right away). */
async function waitForEmail(to: string, subject: RegExp) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const sent = email.sent.find(
      (message) => message.to === to && subject.test(String(message.subject)),
    )
    if (sent) return { subject: String(sent.subject), text: String(sent.text ?? sent.html ?? '') }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`no email to ${to} matching ${subject}`)
}

beforeAll(async () => {
  app = await startTestApp({ database: { writeWaitMs: 1_500 }, email: email.adapter })
  programme = await setupProgramme(app)
})
afterAll(async () => app?.close())

describe('password reset', () => {
  it('stores an application sent right after a password reset request', async () => {
    const before = await count('candidates')
    const reset = await app.rest.post('/api/users/forgot-password', {
      email: 'mentora@xmess.example',
    })
    expect(reset.status).toBe(200)
    const applied = await app.rest.post('/api/candidates/apply', application())
    expect(applied.status).toBe(201)
    expect(await count('candidates')).toBe(before + 1)
  })

  it('emails a link that sets a new password, and the new password signs in', async () => {
    const reset = await app.rest.post('/api/users/forgot-password', {
      email: 'mentorada@xmess.example',
    })
    expect(reset.status).toBe(200)
    const email = await waitForEmail('mentorada@xmess.example', /.*/)
    const token = /\/admin\/reset\/([a-f0-9]+)/.exec(email.text)?.[1]
    expect(token, email.text).toBeTruthy()
    const changed = await app.rest.post('/api/users/reset-password', {
      token,
      password: 'una-contrasenya-nova-456',
    })
    expect(changed.status).toBe(200)
    await expect(app.rest.login('mentorada@xmess.example', PASSWORD)).rejects.toThrow()
    expect(await app.rest.login('mentorada@xmess.example', 'una-contrasenya-nova-456')).toBeTruthy()
  })
})

describe('the record of sent emails', () => {
  it('keeps each email for the secretariat without its secret link, and nobody else reads or writes it', async () => {
    const asSecretariat = await app.rest.get('/api/sent-emails?limit=100', {
      token: programme.tokens.secretariat,
    })
    expect(asSecretariat.status).toBe(200)
    const reset = asSecretariat.body.docs.find(
      (doc: { to: string }) => doc.to === 'mentora@xmess.example',
    )
    expect(reset).toMatchObject({ delivery: 'smtp' })
    expect(reset.text).toContain('/admin/reset/[enllaç amagat]')
    expect(reset.text).not.toMatch(/\/admin\/reset\/[0-9a-f]/)

    expect(
      (await app.rest.get('/api/sent-emails', { token: programme.tokens.mentor })).status,
    ).toBe(403)
    expect((await app.rest.get('/api/sent-emails')).status).toBe(403)
    const forged = await app.rest.post(
      '/api/sent-emails',
      { to: 'x@example.com', subject: 'x', delivery: 'smtp' },
      { token: programme.tokens.secretariat },
    )
    expect(forged.status).toBe(403)
  })
})

describe.runIf(testDatabase() === 'sqlite')('SQLite under concurrency', () => {
  it('answers a write that cannot get the database in time with 503 and Retry-After, and stores nothing', async () => {
    const before = await count('municipalities')
    // Another writer holds the database (the lock is this process's, as a long import would).
    const held = await app.payload.db.beginTransaction()
    try {
      const refused = await app.rest.post(
        '/api/municipalities',
        { name: 'Ajuntament de Prova Ocupada', member: true },
        { token: programme.tokens.secretariat },
      )
      expect(refused.status).toBe(503)
      expect(refused.headers.get('retry-after')).toBe('5')
      expect(refused.body.errors[0].message).toMatch(/base de dades està ocupada/)
      const login = await app.rest.post('/api/users/login', {
        email: 'mentora@xmess.example',
        password: 'dolenta',
      })
      expect(login.status).toBe(503)
    } finally {
      await app.payload.db.rollbackTransaction(held as string)
    }
    expect(await count('municipalities')).toBe(before)
    const stored = await app.rest.post(
      '/api/municipalities',
      { name: 'Ajuntament de Prova Lliure', member: true },
      { token: programme.tokens.secretariat },
    )
    expect(stored.status).toBe(201)
    expect(await count('municipalities')).toBe(before + 1)
  })
})

describe.runIf(testDatabase() === 'sqlite')('SQLite connections', () => {
  it('reuses one connection for transactions: 150 writes leave the open files as they were', async () => {
    const openFiles = () => fs.readdirSync('/proc/self/fd').length
    // Warm up (first connections, statement caches), then measure.
    for (let i = 0; i < 10; i++)
      await app.rest.post(
        '/api/municipalities',
        { name: `Ajuntament d'Escalfament ${i}`, member: true },
        { token: programme.tokens.secretariat },
      )
    const before = openFiles()
    for (let i = 0; i < 150; i++) {
      const created = await app.rest.post(
        '/api/municipalities',
        { name: `Ajuntament de Connexió ${i}`, member: true },
        { token: programme.tokens.secretariat },
      )
      expect(created.status).toBe(201)
    }
    // A connection per transaction, never released, would be 150 files more or worse.
    expect(openFiles() - before).toBeLessThan(30)
  })
})

describe('a mixed load', () => {
  it('answers no 5xx, and stores exactly the writes it answered as stored', async () => {
    const candidatesBefore = await count('candidates')
    const councilsBefore = await count('municipalities')
    const kinds = ['wrongLogin', 'reset', 'apply', 'council', 'jobs'] as const
    const results: { kind: (typeof kinds)[number]; status: number }[] = []
    const run = async (kind: (typeof kinds)[number], i: number) => {
      switch (kind) {
        case 'wrongLogin':
          return (
            await app.rest.post('/api/users/login', {
              email: i % 2 ? 'mentora@xmess.example' : `ningu.${i}@example.com`,
              password: 'no-és-aquesta',
            })
          ).status
        case 'reset':
          return (
            await app.rest.post('/api/users/forgot-password', { email: 'altra@xmess.example' })
          ).status
        case 'apply':
          return (await app.rest.post('/api/candidates/apply', application())).status
        case 'council':
          return (
            await app.rest.post(
              '/api/municipalities',
              { name: `Ajuntament de Càrrega ${i}`, member: true },
              { token: programme.tokens.secretariat },
            )
          ).status
        case 'jobs':
          await app.payload.jobs.run({ queue: 'mentoria-mail', limit: 50 })
          return 200
      }
    }
    const jobs = Array.from({ length: 60 }, (_, i) => ({ kind: kinds[i % kinds.length], i }))
    for (let start = 0; start < jobs.length; start += 12) {
      const batch = jobs.slice(start, start + 12)
      const statuses = await Promise.all(batch.map(({ kind, i }) => run(kind, i)))
      batch.forEach(({ kind }, index) => results.push({ kind, status: statuses[index] }))
    }
    const serverErrors = results.filter((result) => result.status >= 500)
    expect(serverErrors).toEqual([])
    const applied = results.filter(
      (result) => result.kind === 'apply' && result.status === 201,
    ).length
    const councils = results.filter(
      (result) => result.kind === 'council' && result.status === 201,
    ).length
    expect(applied).toBeGreaterThan(0)
    expect(await count('candidates')).toBe(candidatesBefore + applied)
    expect(await count('municipalities')).toBe(councilsBefore + councils)
    expect(
      results
        .filter((result) => result.kind === 'wrongLogin')
        .every((result) => result.status === 401 || result.status === 429 || result.status === 423),
    ).toBe(true)
  })
})
