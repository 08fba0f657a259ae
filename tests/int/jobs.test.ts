import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { memoryEmail, type Programme, setupProgramme } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

let app: TestApp
let p: Programme
const email = memoryEmail()

beforeAll(async () => {
  app = await startTestApp({ email: email.adapter, plugin: { secretariatEmail: 'avisos@xmess.example' } })
  p = await setupProgramme(app, { mentorCapacity: 5 })
})

afterAll(async () => {
  await app?.close()
})

// The reminders themselves: tests/int/reminders.test.ts.
describe('scheduled jobs', () => {
  it('only the secretariat may run jobs through the API', async () => {
    expect((await app.rest.get('/api/payload-jobs/run?queue=mentoria')).status).toBe(401)
    expect((await app.rest.get('/api/payload-jobs/run?queue=mentoria', { token: p.tokens.mentee })).status).toBe(401)
    expect((await app.rest.get('/api/payload-jobs/run?queue=mentoria', { token: p.tokens.secretariat })).status).toBe(200)
  })
})
