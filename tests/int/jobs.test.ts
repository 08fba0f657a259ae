import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closingData, deliverMail, isoDaysFromNow, memoryEmail, type Programme, setupProgramme, startData } from '../helpers/fixtures'
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

const runTask = async (task: 'notifyOverduePairings' | 'remindPendingFitxes') => {
  await app.payload.jobs.queue({ task, input: {}, queue: 'mentoria' })
  await app.payload.jobs.run({ queue: 'mentoria' })
  await deliverMail(app)
}

describe('scheduled jobs', () => {
  it('R8: tells the secretariat once about an active pairing past its end date', async () => {
    const overdue = await app.payload.db.create({
      collection: 'pairings',
      data: { edition: p.edition.id, mentor: p.mentor.id, candidate: p.candidate.id, status: 'active', title: 'Laia → Pau', ...startData(), endDate: isoDaysFromNow(-3) },
    })
    await app.payload.db.create({
      collection: 'pairings',
      data: { edition: p.edition.id, mentor: p.mentor.id, candidate: p.otherCandidate.id, status: 'active', title: 'a temps', ...startData() },
    })
    email.sent.length = 0
    await runTask('notifyOverduePairings')
    expect(email.sent).toHaveLength(1)
    expect(email.sent[0].to).toEqual(['avisos@xmess.example'])
    expect(email.sent[0].text).toMatch(/Laia → Pau/)
    expect(email.sent[0].text).not.toMatch(/a temps/)
    expect((await app.payload.findByID({ collection: 'pairings', id: overdue.id })).overdueNotifiedAt).toBeTruthy()

    await runTask('notifyOverduePairings')
    expect(email.sent).toHaveLength(1)
  })

  it('R10: reminds the mentee of a completed pairing without a published fitxa, at most weekly', async () => {
    await app.payload.db.create({
      collection: 'pairings',
      data: { edition: p.edition.id, mentor: p.mentor.id, candidate: p.candidate.id, status: 'completed', title: 'feta', ...startData(), ...closingData() },
    })
    email.sent.length = 0
    await runTask('remindPendingFitxes')
    expect(email.sent.map((message) => message.to)).toEqual(['pau@vilafranca.example'])
    expect(email.sent[0].subject).toMatch(/fitxa/)
    await runTask('remindPendingFitxes')
    expect(email.sent).toHaveLength(1)
  })

  it('only the secretariat may run jobs through the API', async () => {
    expect((await app.rest.get('/api/payload-jobs/run?queue=mentoria')).status).toBe(401)
    expect((await app.rest.get('/api/payload-jobs/run?queue=mentoria', { token: p.tokens.mentee })).status).toBe(401)
    expect((await app.rest.get('/api/payload-jobs/run?queue=mentoria', { token: p.tokens.secretariat })).status).toBe(200)
  })
})
