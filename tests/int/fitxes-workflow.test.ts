import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  closingData,
  deliverMail,
  type ID,
  memoryEmail,
  type Programme,
  setupProgramme,
  startData,
} from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

/**
 * R10 through REST, as each person: the mentee writes and submits, the secretariat returns it with a
 * comment or publishes it; a published fitxa changes only when the secretariat publishes again.
 */
const email = memoryEmail()
let app: TestApp
let p: Programme
let done: ID
let active: ID

type Role = 'secretariat' | 'mentor' | 'mentee' | 'otherMentee'
const as = (role: Role) => ({ token: p.tokens[role] })

const fields = {
  title: "Un pla d'ESS per a Vilafranca",
  summary: 'Com vam fer el primer pla municipal amb la mentoria de Sabadell.',
  objectives: 'Tenir un pla aprovat pel ple.',
  activities: 'Dues visites i la revisió del document.',
  results: 'El pla, i una taula amb les entitats.',
  topics: ['estrategia-ess'],
}

beforeAll(async () => {
  app = await startTestApp({
    email: email.adapter,
    plugin: { secretariatEmail: 'secretaria-avisos@xmess.example' },
  })
  p = await setupProgramme(app, { mentorCapacity: 5 })
  const make = (status: string, extra: Record<string, unknown>) =>
    app.payload.db.create({
      collection: 'pairings',
      data: {
        edition: p.edition.id,
        mentor: p.mentor.id,
        candidate: p.candidate.id,
        status,
        title: status,
        ...startData(),
        ...extra,
      },
    })
  done = (await make('completed', closingData())).id
  active = (await make('active', {})).id
})

afterAll(async () => {
  await app?.close()
})

const publicFitxa = async (id: ID) => app.rest.get(`/api/fitxes/${id}`)
const pending = async (pairing: ID) =>
  (await app.rest.get(`/api/pairings/${pairing}`, as('secretariat'))).body.fitxaPending as boolean
const sentTo = (address: string) =>
  email.sent.filter((message) => [message.to].flat().includes(address))

describe('R10: the review of a fitxa', () => {
  let id: ID

  it('the mentee writes a draft from the start of the accompaniment; nobody outside sees it', async () => {
    const created = await app.rest.post(
      '/api/fitxes',
      { pairing: active, title: 'En curs', summary: 'Encara escrivint' },
      as('mentee'),
    )
    expect(created.status).toBe(201)
    expect(created.body.doc._status).toBe('draft')
    expect(created.body.doc.reviewStatus).toBe('draft')
    expect((await publicFitxa(created.body.doc.id)).status).toBe(404)
  })

  it('the mentor reads but does not write it; a stranger can do neither', async () => {
    const byMentor = await app.rest.post('/api/fitxes', { pairing: done, ...fields }, as('mentor'))
    expect(byMentor.status).toBe(403)
    const byStranger = await app.rest.post(
      '/api/fitxes',
      { pairing: done, ...fields },
      as('otherMentee'),
    )
    expect(byStranger.status).toBe(403)
    expect(byStranger.body.errors[0].message).toMatch(/Només les dues persones/)
  })

  it('the mentee may not publish, nor call it published or returned', async () => {
    const published = await app.rest.post(
      '/api/fitxes',
      { pairing: done, ...fields, _status: 'published' },
      as('mentee'),
    )
    expect(published.status).toBe(403)
    expect(published.body.errors[0].message).toBe(
      'Només la secretaria tècnica pot publicar una fitxa: envieu-la a revisió.',
    )
    const created = await app.rest.post(
      '/api/fitxes',
      { pairing: done, title: fields.title, summary: fields.summary },
      as('mentee'),
    )
    expect(created.status).toBe(201)
    id = created.body.doc.id
    for (const reviewStatus of ['published', 'returned']) {
      const response = await app.rest.patch(`/api/fitxes/${id}`, { reviewStatus }, as('mentee'))
      expect(response.status).toBe(403)
    }
    expect(await pending(done)).toBe(true)
  })

  it('submitting needs the fields of the good-practice sheet, and says which one is missing', async () => {
    const early = await app.rest.patch(
      `/api/fitxes/${id}`,
      { reviewStatus: 'submitted' },
      as('mentee'),
    )
    expect(early.status).toBe(400)
    expect(early.body.errors[0].message).toBe(
      "Abans d'enviar la fitxa a revisió, cal omplir-hi els objectius.",
    )
    expect(early.body.errors[0].data.field).toBe('objectives')
  })

  it('once submitted, the secretariat is told (R11)', async () => {
    email.sent.length = 0
    const submitted = await app.rest.patch(
      `/api/fitxes/${id}?draft=true`,
      { ...fields, reviewStatus: 'submitted' },
      as('mentee'),
    )
    expect(submitted.status).toBe(200)
    expect(submitted.body.doc.reviewStatus).toBe('submitted')
    expect(submitted.body.doc.submittedAt).toBeTruthy()
    await deliverMail(app)
    const notice = sentTo('secretaria-avisos@xmess.example')
    expect(notice).toHaveLength(1)
    expect(notice[0].subject).toBe(`[Mentoria XMESS] Fitxa per revisar: ${fields.title}`)
    expect(String(notice[0].text)).toContain(`/admin/collections/fitxes/${id}`)
    expect((await publicFitxa(id)).status).toBe(404)
  })

  it('the secretariat returns it only with a comment; the mentee gets the comment by email and cannot write one', async () => {
    const bare = await app.rest.patch(
      `/api/fitxes/${id}`,
      { reviewStatus: 'returned' },
      as('secretariat'),
    )
    expect(bare.status).toBe(400)
    expect(bare.body.errors[0].data.field).toBe('reviewComment')
    email.sent.length = 0
    const comment = 'Afegiu què ha canviat a la relació amb les entitats.'
    const returned = await app.rest.patch(
      `/api/fitxes/${id}`,
      { reviewStatus: 'returned', reviewComment: comment },
      as('secretariat'),
    )
    expect(returned.status).toBe(200)
    expect(returned.body.doc.reviewStatus).toBe('returned')
    await deliverMail(app)
    const toMentee = sentTo('pau@vilafranca.example')
    expect(toMentee).toHaveLength(1)
    expect(String(toMentee[0].text)).toContain(comment)
    // The link takes the mentee to their own fitxa page (the secretariat's form is not theirs).
    expect(String(toMentee[0].text)).toContain(`/admin/les-meves-mentories/${done}/fitxa`)
    expect(String(toMentee[0].text)).not.toContain('/admin/collections/fitxes/')

    const rewrite = await app.rest.patch(
      `/api/fitxes/${id}?draft=true`,
      { reviewComment: 'Ja està', results: 'El pla i la taula.' },
      as('mentee'),
    )
    expect(rewrite.status).toBe(200)
    const latest = await app.rest.get(`/api/fitxes/${id}?draft=true`, as('mentee'))
    expect(latest.body.reviewComment).toBe(comment)
    expect(latest.body.reviewStatus).toBe('returned')
    expect(latest.body.results).toBe('El pla i la taula.')
  })

  it('publishing copies both councils, the year and the period from the pairing; the pairing is no longer pending', async () => {
    await app.rest.patch(
      `/api/fitxes/${id}?draft=true`,
      { reviewStatus: 'submitted' },
      as('mentee'),
    )
    const published = await app.rest.patch(
      `/api/fitxes/${id}`,
      { _status: 'published' },
      as('secretariat'),
    )
    expect(published.status).toBe(200)
    const live = (await publicFitxa(id)).body
    expect(live.title).toBe(fields.title)
    expect(live.results).toBe('El pla i la taula.')
    expect(live.year).toBe(p.edition.year)
    expect(live.municipality.name).toBe('Ajuntament de Vilafranca del Penedès')
    expect(live.mentorMunicipality.name).toBe('Ajuntament de Sabadell')
    expect(live.startDate.slice(0, 10)).toBe(startData().startDate.slice(0, 10))
    expect(live.closingDate.slice(0, 10)).toBe(closingData().closing.closingDate.slice(0, 10))
    expect(live.slug).toBe(`un-pla-d-ess-per-a-vilafranca-${String(done)}`)
    expect(live.publishedAt).toBeTruthy()
    // The review is between the mentee and the secretariat; the public sees only the fitxa.
    expect(live.reviewComment).toBeUndefined()
    expect(live.reviewStatus).toBeUndefined()
    expect(live.pairing).toBeUndefined()
    expect(await pending(done)).toBe(false)
  })

  it("a mentee's change to a published fitxa is a new draft: the website and the pairing stay as they were", async () => {
    const before = (await publicFitxa(id)).body
    for (const path of [`/api/fitxes/${id}`, `/api/fitxes/${id}?draft=true`]) {
      const edit = await app.rest.patch(
        path,
        { title: 'Un altre títol', summary: 'Proposta de text nou' },
        as('mentee'),
      )
      expect(edit.status).toBe(200)
    }
    const unpublish = await app.rest.patch(`/api/fitxes/${id}`, { _status: 'draft' }, as('mentee'))
    expect(unpublish.status).toBe(200)
    const live = (await publicFitxa(id)).body
    expect(live.summary).toBe(before.summary)
    expect(live.updatedAt).toBe(before.updatedAt)
    expect(await pending(done)).toBe(false)
    const draft = (await app.rest.get(`/api/fitxes/${id}?draft=true`, as('mentee'))).body
    expect(draft.summary).toBe('Proposta de text nou')
    expect(draft.reviewStatus).toBe('draft')
    // Even the secretariat changes the live text only by publishing.
    await app.rest.patch(`/api/fitxes/${id}`, { area: 'Promoció econòmica' }, as('secretariat'))
    expect((await publicFitxa(id)).body.area ?? null).toBeNull()
  })

  it('the secretariat publishes the new version; the address stays the same', async () => {
    await app.rest.patch(
      `/api/fitxes/${id}?draft=true`,
      { reviewStatus: 'submitted' },
      as('mentee'),
    )
    const published = await app.rest.patch(
      `/api/fitxes/${id}`,
      { _status: 'published' },
      as('secretariat'),
    )
    expect(published.status).toBe(200)
    const live = (await publicFitxa(id)).body
    expect(live.summary).toBe('Proposta de text nou')
    expect(live.title).toBe('Un altre títol')
    expect(live.slug).toBe(`un-pla-d-ess-per-a-vilafranca-${String(done)}`)
  })

  it("the history is the secretariat's only", async () => {
    for (const role of [undefined, 'mentee', 'mentor', 'otherMentee'] as const) {
      const versions = await app.rest.get(
        `/api/fitxes/versions?where[parent][equals]=${id}`,
        role ? as(role) : undefined,
      )
      expect(versions.status).toBe(403)
    }
    const history = await app.rest.get(
      `/api/fitxes/versions?where[parent][equals]=${id}&limit=100`,
      as('secretariat'),
    )
    expect(history.status).toBe(200)
    const statuses = history.body.docs.map(
      (version: { version: { reviewStatus: string } }) => version.version.reviewStatus,
    )
    expect(statuses).toEqual(
      expect.arrayContaining(['draft', 'submitted', 'returned', 'published']),
    )
    const versionId = history.body.docs[0].id
    expect((await app.rest.get(`/api/fitxes/versions/${versionId}`, as('mentee'))).status).toBe(403)
    expect((await app.rest.get(`/api/fitxes/versions/${versionId}`)).status).toBe(403)
    expect(
      (await app.rest.post(`/api/fitxes/versions/${versionId}`, {}, as('mentee'))).status,
    ).toBe(403)
  })

  it('only the secretariat takes a fitxa off the website; then the pairing is pending again', async () => {
    const byMentee = await app.rest.delete(`/api/fitxes/${id}`, as('mentee'))
    expect(byMentee.status).toBe(403)
    const off = await app.rest.patch(`/api/fitxes/${id}`, { _status: 'draft' }, as('secretariat'))
    expect(off.status).toBe(200)
    expect((await publicFitxa(id)).status).toBe(404)
    expect(await pending(done)).toBe(true)
  })

  it('a fitxa is published only once the accompaniment is completed', async () => {
    const draft = (
      await app.rest.get(
        `/api/fitxes?where[pairing][equals]=${active}&draft=true`,
        as('secretariat'),
      )
    ).body.docs[0]
    const response = await app.rest.patch(
      `/api/fitxes/${draft.id}`,
      { ...fields, _status: 'published' },
      as('secretariat'),
    )
    expect(response.status).toBe(409)
    expect(response.body.errors[0].message).toBe(
      "Una fitxa es publica quan l'acompanyament s'ha completat.",
    )
  })
})

describe('«Comença la fitxa» in «Les meves mentories»', () => {
  it('the mentee starts an empty fitxa with only the pairing, saves it and sends it for review', async () => {
    const pairing = (
      await app.payload.db.create({
        collection: 'pairings',
        data: {
          edition: p.edition.id,
          mentor: p.mentor.id,
          candidate: p.candidate.id,
          status: 'active',
          title: 'nova',
          ...startData(),
        },
      })
    ).id
    const started = await app.rest.post('/api/fitxes', { pairing }, as('mentee'))
    expect(started.status).toBe(201)
    expect(started.body.doc.reviewStatus).toBe('draft')
    expect(started.body.doc._status).toBe('draft')
    const id = started.body.doc.id

    // A second start (another tab, a double click) creates nothing and says why.
    const again = await app.rest.post('/api/fitxes', { pairing }, as('mentee'))
    expect(again.status).toBe(400)
    expect(
      (
        await app.rest.get(
          `/api/fitxes?where[pairing][equals]=${pairing}&draft=true`,
          as('secretariat'),
        )
      ).body.totalDocs,
    ).toBe(1)

    // What the page sends: every field of the template at once, then the same with the review asked.
    const form = {
      ...fields,
      referencePerson: { name: '', email: null, consent: false },
      area: '',
      classification: [],
      audience: '',
      resources: '',
    }
    const saved = await app.rest.patch(
      `/api/fitxes/${id}?draft=true`,
      { ...form, summary: '' },
      as('mentee'),
    )
    expect(saved.status).toBe(200)
    const early = await app.rest.patch(
      `/api/fitxes/${id}?draft=true`,
      { ...form, summary: '', reviewStatus: 'submitted' },
      as('mentee'),
    )
    expect(early.status).toBe(400)
    expect(early.body.errors[0].message).toBe(
      "Abans d'enviar la fitxa a revisió, cal omplir-hi la descripció.",
    )
    expect(early.body.errors[0].data.field).toBe('summary')
    const sent = await app.rest.patch(
      `/api/fitxes/${id}?draft=true`,
      { ...form, reviewStatus: 'submitted' },
      as('mentee'),
    )
    expect(sent.status).toBe(200)
    const stored = await app.rest.get(`/api/fitxes/${id}?draft=true`, as('secretariat'))
    expect(stored.body.reviewStatus).toBe('submitted')
    expect(stored.body.title).toBe(fields.title)
  })
})
