import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { DatabaseOptions } from '../../src/host/config/database'
import { runRemindersRound } from '../../src/jobs/reminders'
import { signProposalLink } from '../../src/notifications/links'
import { mentoriaOptionsOf } from '../../src/plugin'
import { memoryEmail, type Programme, setupProgramme } from '../helpers/fixtures'
import { startTestApp, testDatabase, type TestApp } from '../helpers/payload'

/**
 * The rules that concurrent requests could break, each by many requests at the same moment. They must
 * hold with the database's transactions (SQLite), and without any: SQLite with transactions turned off
 * in the adapter, and MongoDB over the wire (FerretDB in CI, like a standalone MongoDB server, has none).
 * What holds them is the database itself (unique keys: src/rules/unique-keys.ts), not a read before a write.
 */
const variants: { name: string; database: DatabaseOptions }[] =
  testDatabase() === 'sqlite'
    ? [
        { name: 'SQLite with transactions', database: {} },
        { name: 'SQLite without transactions', database: { transactionOptions: false } },
      ]
    : [{ name: 'MongoDB as the server allows (FerretDB: no transactions)', database: {} }]

describe.each(variants)('$name', ({ database }) => {
  let app: TestApp
  let programme: Programme

  beforeAll(async () => {
    app = await startTestApp({ database, email: memoryEmail().adapter })
    programme = await setupProgramme(app, { mentorCapacity: 1 })
  })

  afterAll(async () => {
    await app?.close()
  })

  /** `prefix`: plain letters, it makes the email addresses. */
  const candidates = (prefix: string, count: number) =>
    Promise.all(
      Array.from({ length: count }, (_, index) =>
        app.payload.create({
          collection: 'candidates',
          data: programme.candidateData(
            `${prefix} ${index}`,
            `${prefix.toLowerCase()}${index}@olot.example`,
            programme.councils.olot.id,
          ) as never,
        }),
      ),
    )

  const newMentor = (name: string, email: string, capacity = 1) =>
    app.payload.create({
      collection: 'mentors',
      data: {
        name,
        email,
        municipality: programme.councils.sabadell.id,
        topics: ['estrategia-ess'],
        capacity,
        available: true,
      } as never,
    })

  it('R4: 20 simultaneous proposals for a mentor of capacity 1: exactly one wins, the others are told why', async () => {
    const people = await candidates('Persona', 20)
    const responses = await Promise.all(
      people.map((candidate) =>
        app.rest.post(
          '/api/pairings',
          { mentor: programme.mentor.id, candidate: candidate.id },
          { token: programme.tokens.secretariat },
        ),
      ),
    )
    const statuses = responses.map((response) => response.status)
    expect(statuses.filter((status) => status === 201)).toHaveLength(1)
    expect(statuses.filter((status) => status === 409)).toHaveLength(19)
    const refusal = responses.find((response) => response.status === 409)
    expect(refusal?.body.errors[0].message).toMatch(/capacitat és 1/)
    const { totalDocs } = await app.payload.count({
      collection: 'pairings',
      where: { mentor: { equals: programme.mentor.id } },
    })
    expect(totalDocs).toBe(1)
  })

  it('R4: 20 simultaneous proposals for a mentor of capacity 3: three win, and a declined one frees its place', async () => {
    const mentor = await newMentor('Queralt', 'queralt@sabadell.example', 3)
    const people = await candidates('Tres', 20)
    const responses = await Promise.all(
      people.map((candidate) =>
        app.rest.post(
          '/api/pairings',
          { mentor: mentor.id, candidate: candidate.id },
          { token: programme.tokens.secretariat },
        ),
      ),
    )
    const created = responses.filter((response) => response.status === 201)
    // Never more than the capacity; a request that lost a race for a free place says so and may try again.
    expect(created.length).toBeGreaterThanOrEqual(1)
    expect(created.length).toBeLessThanOrEqual(3)
    expect(
      responses
        .filter((response) => response.status !== 201 && response.status !== 409)
        .map((response) => [response.status, response.body]),
    ).toEqual([])
    const count = async () =>
      (
        await app.payload.count({
          collection: 'pairings',
          where: {
            and: [
              { mentor: { equals: mentor.id } },
              { status: { in: ['proposed', 'accepted', 'active'] } },
            ],
          },
        })
      ).totalDocs
    expect(await count()).toBe(created.length)
    // Fill the remaining places one by one, then one more is refused.
    const rest = people.filter((_, index) => responses[index].status !== 201)
    for (const candidate of rest.slice(0, 3 - created.length)) {
      expect(
        (
          await app.rest.post(
            '/api/pairings',
            { mentor: mentor.id, candidate: candidate.id },
            { token: programme.tokens.secretariat },
          )
        ).status,
      ).toBe(201)
    }
    const full = await app.rest.post(
      '/api/pairings',
      { mentor: mentor.id, candidate: rest[3].id },
      { token: programme.tokens.secretariat },
    )
    expect(full.status).toBe(409)
    expect(full.body.errors[0].message).toMatch(/capacitat és 3/)
    // The secretariat cancels one proposal: its place is free again.
    const one = created[0].body.doc.id
    expect(
      (
        await app.rest.patch(
          `/api/pairings/${one}`,
          { status: 'cancelled', cancellationReason: 'Canvi de pla' },
          { token: programme.tokens.secretariat },
        )
      ).status,
    ).toBe(200)
    expect(
      (
        await app.rest.post(
          '/api/pairings',
          { mentor: mentor.id, candidate: rest[3].id },
          { token: programme.tokens.secretariat },
        )
      ).status,
    ).toBe(201)
    expect(await count()).toBe(3)
  })

  it("R4 per edition: one mentor offering 2 in one edition and 4 in another, under 20 simultaneous proposals in each, never exceeds that edition's offer", async () => {
    // The profile says 9: what counts is each edition's offer (mentor-offers).
    const mentor = await newMentor('Ona Dues Convocatòries', 'ona@sabadell.example', 9)
    const editions = [
      { id: programme.edition.id, capacity: 2, prefix: 'Actual' },
      { id: programme.closedEdition.id, capacity: 4, prefix: 'Passada' },
    ]
    for (const { id, capacity } of editions) {
      const offer = await app.rest.post(
        '/api/mentor-offers',
        { mentor: mentor.id, edition: id, topics: ['estrategia-ess'], capacity },
        { token: programme.tokens.secretariat },
      )
      expect(offer.status, JSON.stringify(offer.body)).toBe(201)
    }
    const people = await Promise.all(
      editions.map(({ id, prefix }) =>
        Promise.all(
          Array.from({ length: 20 }, (_, index) =>
            app.payload.create({
              collection: 'candidates',
              data: {
                ...programme.candidateData(
                  `${prefix} ${index}`,
                  `${prefix.toLowerCase()}${index}@olot.example`,
                  programme.councils.olot.id,
                ),
                edition: id,
              } as never,
            }),
          ),
        ),
      ),
    )
    const responses = await Promise.all(
      people.flatMap((group, which) =>
        group.map(async (candidate) => ({
          which,
          response: await app.rest.post(
            '/api/pairings',
            { mentor: mentor.id, candidate: candidate.id, edition: editions[which].id },
            { token: programme.tokens.secretariat },
          ),
        })),
      ),
    )
    for (const [which, { id, capacity }] of editions.entries()) {
      const mine = responses.filter((answer) => answer.which === which)
      expect(mine.filter((answer) => answer.response.status === 201)).toHaveLength(capacity)
      for (const refused of mine.filter((answer) => answer.response.status !== 201)) {
        expect(refused.response.status).toBe(409)
        expect(JSON.stringify(refused.response.body)).toMatch(
          /capacitat és \d|ara mateix; torneu-ho a provar/,
        )
      }
      const stored = await app.payload.count({
        collection: 'pairings',
        where: { and: [{ mentor: { equals: mentor.id } }, { edition: { equals: id } }] },
      })
      expect(stored.totalDocs).toBe(capacity)
    }
  })

  it('R4: 20 simultaneous acceptances for a mentor of capacity 1: exactly one wins', async () => {
    // Proposals made before the capacity went down to 1 (written directly, as old data would be).
    const mentor = await app.payload.create({
      collection: 'mentors',
      data: {
        name: 'Jordi',
        email: 'jordi@sabadell.example',
        municipality: programme.councils.sabadell.id,
        topics: ['estrategia-ess'],
        capacity: 1,
        available: true,
        user: programme.users.mentorUser.id,
      } as never,
    })
    const people = await candidates('Acceptacio', 20)
    const pairings: { id: number | string }[] = []
    for (const [index, candidate] of people.entries()) {
      pairings.push(
        await app.payload.db.create({
          collection: 'pairings',
          data: {
            edition: programme.edition.id,
            mentor: mentor.id,
            candidate: candidate.id,
            status: 'proposed',
            title: `p${index}`,
          },
        }),
      )
    }
    const responses = await Promise.all(
      pairings.map((pairing) =>
        app.rest.patch(
          `/api/pairings/${pairing.id}`,
          { status: 'accepted' },
          { token: programme.tokens.mentor },
        ),
      ),
    )
    const statuses = responses.map((response) => response.status)
    expect(statuses.filter((status) => status === 200)).toHaveLength(1)
    expect(statuses.filter((status) => status === 409)).toHaveLength(19)
    const { totalDocs } = await app.payload.count({
      collection: 'pairings',
      where: { and: [{ mentor: { equals: mentor.id } }, { status: { equals: 'accepted' } }] },
    })
    expect(totalDocs).toBe(1)
  })

  it('R1: ten identical applications at the same moment give one record; the others are told it exists', async () => {
    const body = {
      name: 'Laia Puig i Serra',
      position: 'Tècnica de promoció econòmica',
      municipality: String(programme.councils.olot.id),
      email: 'alhora@olot.example',
      phone: '+34 972 000 000',
      topics: ['estrategia-ess'],
      needs: 'Volem fer el primer pla municipal d’economia social i no sabem per on començar.',
      availability: 'Dimarts i dijous al matí.',
      languages: ['ca'],
      consents: { dataProcessing: true, commitment: true },
      website: '',
    }
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        app.rest.post('/api/candidates/apply', {
          ...body,
          email: index % 2 ? body.email.toUpperCase() : body.email,
        }),
      ),
    )
    const statuses = responses.map((response) => response.status)
    expect(statuses.filter((status) => status === 201)).toHaveLength(1)
    expect(statuses.filter((status) => status === 409)).toHaveLength(9)
    expect(responses.find((response) => response.status === 409)?.body.errors).toEqual([
      {
        field: 'email',
        message: 'Aquesta adreça de correu ja té una sol·licitud oberta en aquesta convocatòria.',
      },
    ])
    expect(
      (
        await app.payload.count({
          collection: 'candidates',
          where: { email: { equals: body.email } },
        })
      ).totalDocs,
    ).toBe(1)
    // Once that application is closed, the person may apply again.
    const first = (
      await app.payload.find({ collection: 'candidates', where: { email: { equals: body.email } } })
    ).docs[0]
    await app.payload.update({
      collection: 'candidates',
      id: first.id,
      data: { status: 'withdrawn' } as never,
    })
    expect((await app.rest.post('/api/candidates/apply', body)).status).toBe(201)
  })

  it('a proposal link used at the same moment to accept and to decline, five times each: one answer counts', async () => {
    const mentor = await newMentor('Roser', 'roser@sabadell.example')
    const [candidate] = await candidates('Enllac', 1)
    const proposed = await app.rest.post(
      '/api/pairings',
      { mentor: mentor.id, candidate: candidate.id },
      { token: programme.tokens.secretariat },
    )
    expect(proposed.status).toBe(201)
    const id = proposed.body.doc.id
    const { answerNonce: nonce } = await app.payload.findByID({
      collection: 'pairings',
      id,
      showHiddenFields: true,
      overrideAccess: true,
    })
    const link = (decision: 'accept' | 'decline') =>
      signProposalLink(app.payload.secret, {
        pairing: String(id),
        decision,
        expiresAt: Date.now() + 60_000,
        nonce: String(nonce),
      })
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        app.rest.post(
          '/api/pairings/answer',
          { token: link(index % 2 ? 'decline' : 'accept') },
          { headers: { Accept: 'application/json' } },
        ),
      ),
    )
    const results = answers.map((response) => response.body.result)
    expect(results.filter((result) => result === 'accepted' || result === 'declined')).toHaveLength(
      1,
    )
    expect(results.filter((result) => result === 'used')).toHaveLength(9)
    const stored = await app.payload.findByID({ collection: 'pairings', id, overrideAccess: true })
    expect(stored.status).toBe(results.find((result) => result !== 'used'))
  })

  it('two reminder rounds at the same moment send each reminder once', async () => {
    const mentor = await newMentor('Núria', 'nuria@sabadell.example')
    const [candidate] = await candidates('Recordatori', 1)
    const at = (days: number) => new Date(Date.UTC(2030, 2, 10 + days, 11)).toISOString()
    const pairing = await app.payload.db.create({
      collection: 'pairings',
      data: {
        edition: programme.edition.id,
        mentor: mentor.id,
        candidate: candidate.id,
        status: 'active',
        title: 'Núria → Recordatori',
        startDate: at(-300),
        endDate: at(-1),
        agreement: { objectives: 'Pla', activities: 'Visites', calendar: 'Mensual' },
      },
    })
    const now = new Date(Date.UTC(2030, 2, 10, 9))
    const options = mentoriaOptionsOf(app.config)
    const total = async () => (await app.payload.count({ collection: 'reminders' })).totalDocs
    const before = await total()
    const rounds = await Promise.all([
      runRemindersRound(app.payload, options, { now }),
      runRemindersRound(app.payload, options, { now }),
    ])
    const records = await app.payload.find({
      collection: 'reminders',
      where: { pairing: { equals: pairing.id } },
      limit: 100,
    })
    expect(records.totalDocs).toBeGreaterThan(0)
    expect(rounds[0].emails + rounds[1].emails).toBe((await total()) - before)
    // Each reminder to each person once: what the rounds say they sent is what was recorded.
    const perPerson = records.docs.map(
      (doc) => `${String((doc as { kind?: string }).kind)}→${String((doc as { to?: string }).to)}`,
    )
    expect(new Set(perPerson).size).toBe(perPerson.length)
    expect((await runRemindersRound(app.payload, options, { now })).emails).toBe(0)
  })
})
