import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { memoryEmail, type Programme, setupProgramme } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'
import { forgetOldMailClaims } from '../../src/jobs/mail'

let app: TestApp
let p: Programme
const email = memoryEmail()

beforeAll(async () => {
  app = await startTestApp({
    email: email.adapter,
    plugin: { secretariatEmail: 'avisos@xmess.example' },
  })
  p = await setupProgramme(app, { mentorCapacity: 5 })
})

afterAll(async () => {
  await app?.close()
})

// The reminders themselves: tests/int/reminders.test.ts.
describe('scheduled jobs', () => {
  it('only the secretariat may run jobs through the API', async () => {
    expect((await app.rest.get('/api/payload-jobs/run?queue=mentoria')).status).toBe(401)
    expect(
      (await app.rest.get('/api/payload-jobs/run?queue=mentoria', { token: p.tokens.mentee }))
        .status,
    ).toBe(401)
    expect(
      (await app.rest.get('/api/payload-jobs/run?queue=mentoria', { token: p.tokens.secretariat }))
        .status,
    ).toBe(200)
  })
})

describe('the mail queue', () => {
  it('two runners over the same queue at once send each email once (MongoDB picks jobs by reading, then marking)', async () => {
    const before = email.sent.length
    const subjects = Array.from({ length: 6 }, (_, n) => `[Mentoria XMESS] Prova de cua ${n}`)
    for (const subject of subjects) {
      await app.payload.jobs.queue({
        task: 'sendEmail',
        input: { to: 'laia@sabadell.example', subject, text: 'Hola' } as never,
        queue: 'mentoria-mail',
      })
    }
    await Promise.all(
      [0, 1, 2].map(() => app.payload.jobs.run({ queue: 'mentoria-mail', limit: 100 })),
    )
    const sent = email.sent
      .slice(before)
      .map((message) => String(message.subject))
      .filter((subject) => subject.includes('Prova de cua'))
    expect(sent.sort()).toEqual([...subjects].sort())
  })

  it('a send that fails gives its claim back, and the retry sends it once', async () => {
    const before = email.sent.length
    const subject = '[Mentoria XMESS] Prova de reintent'
    const original = app.payload.sendEmail.bind(app.payload)
    let failures = 1
    app.payload.sendEmail = (async (message: Parameters<typeof original>[0]) => {
      if (failures-- > 0) throw new Error('SMTP caigut')
      return original(message)
    }) as typeof original
    try {
      await app.payload.jobs.queue({
        task: 'sendEmail',
        input: { to: 'pau@vilafranca.example', subject, text: 'Hola' } as never,
        queue: 'mentoria-mail',
      })
      await app.payload.jobs.run({ queue: 'mentoria-mail', limit: 100 })
      expect(
        email.sent.slice(before).filter((message) => message.subject === subject),
      ).toHaveLength(0)
      // The retry waits for its backoff, if any: run until it has gone, at most a few rounds.
      for (
        let round = 0;
        round < 5 && !email.sent.slice(before).some((message) => message.subject === subject);
        round++
      ) {
        await app.payload.jobs.run({ queue: 'mentoria-mail', limit: 100 })
      }
      expect(
        email.sent.slice(before).filter((message) => message.subject === subject),
      ).toHaveLength(1)
    } finally {
      app.payload.sendEmail = original
    }
  })

  it('the nightly round forgets claims older than a month, and keeps the recent ones and every other key', async () => {
    const now = new Date('2027-05-10T03:30:00.000Z')
    const keys = [
      'mail-claim:2027-03-01T10:00:00.000Z:7',
      'mail-claim:2027-05-09T10:00:00.000Z:8',
      'answer-link:abc',
    ]
    for (const key of keys)
      await app.payload.db.create({ collection: 'payload-kv', data: { key, data: {} } })
    await forgetOldMailClaims(app.payload, now)
    const left = (
      await app.payload.db.find({
        collection: 'payload-kv',
        where: { key: { in: keys } },
        limit: 0,
      })
    ).docs.map((doc) => String((doc as unknown as { key: string }).key))
    expect(left.sort()).toEqual(['answer-link:abc', 'mail-claim:2027-05-09T10:00:00.000Z:8'])
  })
})
