import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  closingData,
  deliverMail,
  type ID,
  isoDaysFromNow,
  memoryEmail,
  type Programme,
  setupProgramme,
  startData,
} from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

let app: TestApp
let p: Programme
const email = memoryEmail()

beforeAll(async () => {
  app = await startTestApp({
    email: email.adapter,
    plugin: { secretariatEmail: 'secretaria-avisos@xmess.example' },
  })
  p = await setupProgramme(app, { mentorCapacity: 10 })
})

afterAll(async () => {
  await app?.close()
})

const as = (role: keyof Programme['tokens']) => ({ token: p.tokens[role] })

let counter = 0
/** A new eligible candidate of the mentee user, from a council other than the mentor's. */
async function newCandidate(overrides: Record<string, unknown> = {}) {
  counter++
  return app.payload.create({
    collection: 'candidates',
    data: {
      ...p.candidateData(
        `Persona ${counter}`,
        `persona${counter}@vilafranca.example`,
        p.councils.vilafranca.id,
        p.users.menteeUser.id,
      ),
      ...overrides,
    } as never,
  })
}

async function propose(candidate?: ID, mentor: ID = p.mentor.id) {
  const candidateId = candidate ?? (await newCandidate()).id
  const response = await app.rest.post(
    '/api/pairings',
    { mentor, candidate: candidateId },
    as('secretariat'),
  )
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  return response.body.doc as { id: ID; status: string; candidate: ID }
}

async function activePairing() {
  const pairing = await propose()
  expect(
    (await app.rest.patch(`/api/pairings/${pairing.id}`, { status: 'accepted' }, as('mentor')))
      .status,
  ).toBe(200)
  const started = await app.rest.patch(
    `/api/pairings/${pairing.id}`,
    { status: 'active', ...startData() },
    as('mentee'),
  )
  expect(started.status, JSON.stringify(started.body)).toBe(200)
  return pairing
}

const meeting = (
  pairing: ID,
  date: string,
  modality = 'in_person',
  role: keyof Programme['tokens'] = 'mentee',
) => app.rest.post('/api/meetings', { pairing, date, modality, place: 'Ajuntament' }, as(role))

const stored = (id: ID) => app.payload.findByID({ collection: 'pairings', id, depth: 0 })

const refusal = (response: {
  body: { errors?: { message: string; data?: { rule?: string } }[] }
}) => response.body.errors?.[0]

describe('R1 same person', () => {
  it('lets the secretariat change the mentor of a proposal, but not once accepted', async () => {
    const other = await app.payload.create({
      collection: 'mentors',
      data: {
        name: 'Núria',
        email: 'nuria@olot.example',
        municipality: p.councils.olot.id,
        topics: ['estrategia-ess'],
        capacity: 3,
        available: true,
      } as never,
    })
    const pairing = await propose()
    const changed = await app.rest.patch(
      `/api/pairings/${pairing.id}`,
      { mentor: other.id },
      as('secretariat'),
    )
    expect(changed.status).toBe(200)
    await app.rest.patch(`/api/pairings/${pairing.id}`, { mentor: p.mentor.id }, as('secretariat'))
    expect(
      (await app.rest.patch(`/api/pairings/${pairing.id}`, { status: 'accepted' }, as('mentor')))
        .status,
    ).toBe(200)

    const refused = await app.rest.patch(
      `/api/pairings/${pairing.id}`,
      { mentor: other.id },
      as('secretariat'),
    )
    expect(refused.status).toBe(400)
    expect(refusal(refused)?.message).toMatch(/mateixes dues persones/)
    expect(refusal(refused)?.data?.rule).toBe('R1')
    expect(String((await stored(pairing.id)).mentor)).toBe(String(p.mentor.id))
  })

  it('allows one open application per email and edition', async () => {
    const data = {
      ...p.candidateData('Doble', 'Doble@Olot.example', p.councils.olot.id),
      status: 'submitted',
    }
    const first = await app.rest.post('/api/candidates', data, as('secretariat'))
    expect(first.status).toBe(201)
    expect(first.body.doc.email).toBe('doble@olot.example')
    const second = await app.rest.post(
      '/api/candidates',
      { ...data, email: ' doble@olot.EXAMPLE ' },
      as('secretariat'),
    )
    expect(second.status).toBe(409)
    expect(refusal(second)?.message).toMatch(/ja té una sol·licitud oberta/)
    expect(
      (
        await app.payload.count({
          collection: 'candidates',
          where: { email: { equals: 'doble@olot.example' } },
        })
      ).totalDocs,
    ).toBe(1)
    // Once withdrawn, the person may apply again.
    await app.rest.patch(
      `/api/candidates/${first.body.doc.id}`,
      { status: 'withdrawn' },
      as('secretariat'),
    )
    expect((await app.rest.post('/api/candidates', data, as('secretariat'))).status).toBe(201)
  })
})

describe('invitations', () => {
  it('are not sign-in attempts: the secretariat proposes more pairings in a row than the password-reset limit allows', async () => {
    const mentor = await app.payload.create({
      collection: 'mentors',
      data: {
        name: 'Rosa',
        email: 'rosa@olot.example',
        municipality: p.councils.olot.id,
        topics: ['estrategia-ess'],
        capacity: 1,
        available: true,
      } as never,
    })
    // Each proposal issues the mentor's invitation link (a reset token); 12 exceed the 10 per account.
    for (let round = 0; round < 12; round++) {
      const pairing = await propose(undefined, mentor.id)
      const cancelled = await app.rest.patch(
        `/api/pairings/${pairing.id}`,
        { status: 'cancelled', cancellationReason: 'Prova' },
        as('secretariat'),
      )
      expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200)
    }
    const proposed = await app.payload.count({
      collection: 'pairings',
      where: { mentor: { equals: mentor.id } },
    })
    expect(proposed.totalDocs).toBe(12)
  })
})

describe('R2 application window', () => {
  it('refuses a late registration unless the secretariat marks it as late', async () => {
    const data = {
      ...p.candidateData('Tardana', 'tardana@olot.example', p.councils.olot.id),
      edition: p.closedEdition.id,
      status: 'submitted',
    }
    const refused = await app.rest.post('/api/candidates', data, as('secretariat'))
    expect(refused.status).toBe(409)
    expect(refusal(refused)?.message).toMatch(
      /es va tancar (el |l')\S.* Per registrar-la igualment/,
    )
    const late = await app.rest.post(
      '/api/candidates',
      { ...data, lateRegistration: true },
      as('secretariat'),
    )
    expect(late.status).toBe(201)
  })
})

describe('R3 eligibility', () => {
  it('needs both consents', async () => {
    const data = p.candidateData('Sense consentiment', 'sense@olot.example', p.councils.olot.id)
    const refused = await app.rest.post(
      '/api/candidates',
      { ...data, consents: { dataProcessing: true, commitment: false } },
      as('secretariat'),
    )
    expect(refused.status).toBe(400)
    expect(refusal(refused)?.message).toMatch(/comprometre/)
    expect(
      (
        await app.payload.count({
          collection: 'candidates',
          where: { email: { equals: 'sense@olot.example' } },
        })
      ).totalDocs,
    ).toBe(0)
  })

  it('admits only applicants from member councils, and proposes only admitted ones', async () => {
    const created = await app.rest.post(
      '/api/candidates',
      {
        ...p.candidateData('De Cadaqués', 'cadaques@example.org', p.councils.cadaques.id),
        status: 'submitted',
      },
      as('secretariat'),
    )
    expect(created.status).toBe(201)
    const admit = await app.rest.patch(
      `/api/candidates/${created.body.doc.id}`,
      { status: 'eligible' },
      as('secretariat'),
    )
    expect(admit.status).toBe(400)
    expect(refusal(admit)?.message).toMatch(/no és membre de la XMESS/)
    const proposal = await app.rest.post(
      '/api/pairings',
      { mentor: p.mentor.id, candidate: created.body.doc.id },
      as('secretariat'),
    )
    expect(proposal.status).toBe(409)
    expect(refusal(proposal)?.message).toMatch(/sol·licituds admeses/)
  })
})

describe('R4 mentor availability and capacity', () => {
  it('never proposes an unavailable mentor', async () => {
    const away = await app.payload.create({
      collection: 'mentors',
      data: {
        name: 'Anna',
        email: 'anna@olot.example',
        municipality: p.councils.olot.id,
        topics: ['estrategia-ess'],
        capacity: 2,
        available: false,
      } as never,
    })
    const response = await app.rest.post(
      '/api/pairings',
      { mentor: away.id, candidate: (await newCandidate()).id },
      as('secretariat'),
    )
    expect(response.status).toBe(409)
    expect(refusal(response)?.message).toMatch(/no està disponible/)
  })

  it('refuses a proposal over capacity', async () => {
    const small = await app.payload.create({
      collection: 'mentors',
      data: {
        name: 'Marc',
        email: 'marc@olot.example',
        municipality: p.councils.olot.id,
        topics: ['estrategia-ess'],
        capacity: 1,
        available: true,
      } as never,
    })
    await propose(undefined, small.id)
    const second = await app.rest.post(
      '/api/pairings',
      { mentor: small.id, candidate: (await newCandidate()).id },
      as('secretariat'),
    )
    expect(second.status).toBe(409)
    expect(refusal(second)?.message).toMatch(/capacitat és 1/)
  })

  it('lets the mentor decline with no reason, and the pair is never proposed again', async () => {
    const candidate = await newCandidate()
    const pairing = await propose(candidate.id)
    const declined = await app.rest.patch(
      `/api/pairings/${pairing.id}`,
      { status: 'declined' },
      as('mentor'),
    )
    expect(declined.status).toBe(200)
    expect(declined.body.doc.status).toBe('declined')
    const again = await app.rest.post(
      '/api/pairings',
      { mentor: p.mentor.id, candidate: candidate.id },
      as('secretariat'),
    )
    expect(again.status).toBe(409)
    expect(refusal(again)?.message).toMatch(/ja va declinar/)
  })
})

describe('R5 between councils', () => {
  it('never pairs a mentor with someone from their own council', async () => {
    const sameCouncil = await newCandidate({ municipality: p.councils.sabadell.id })
    const response = await app.rest.post(
      '/api/pairings',
      { mentor: p.mentor.id, candidate: sameCouncil.id },
      as('secretariat'),
    )
    expect(response.status).toBe(400)
    expect(refusal(response)?.message).toMatch(/mateix ens/)
    expect(refusal(response)?.data?.rule).toBe('R5')
  })
})

describe('R6 transitions', () => {
  it('needs dates and the agreement to start, and a reason to cancel', async () => {
    const pairing = await propose()
    await app.rest.patch(`/api/pairings/${pairing.id}`, { status: 'accepted' }, as('mentor'))
    const noAgreement = await app.rest.patch(
      `/api/pairings/${pairing.id}`,
      { status: 'active', startDate: isoDaysFromNow(0), endDate: isoDaysFromNow(100) },
      as('mentee'),
    )
    expect(noAgreement.status).toBe(400)
    expect(refusal(noAgreement)?.message).toMatch(/objectius/)
    expect((await stored(pairing.id)).status).toBe('accepted')
    expect((await stored(pairing.id)).startDate).toBeFalsy()

    const noReason = await app.rest.patch(
      `/api/pairings/${pairing.id}`,
      { status: 'cancelled' },
      as('secretariat'),
    )
    expect(noReason.status).toBe(400)
    expect(refusal(noReason)?.message).toMatch(/motiu/)
    const cancelled = await app.rest.patch(
      `/api/pairings/${pairing.id}`,
      { status: 'cancelled', cancellationReason: 'Canvi de feina' },
      as('secretariat'),
    )
    expect(cancelled.status).toBe(200)
  })

  it('keeps each party to their own fields', async () => {
    const pairing = await activePairing()
    const forged = await app.rest.patch(
      `/api/pairings/${pairing.id}`,
      { closing: { mentorEvaluation: { rating: 1, comments: 'no és meu' } } },
      as('mentee'),
    )
    expect(forged.status).toBe(403)
    expect(refusal(forged)?.message).toMatch(/valoració de la persona mentora/)
    const stranger = await app.rest.patch(
      `/api/pairings/${pairing.id}`,
      { status: 'cancelled' },
      as('otherMentee'),
    )
    expect(stranger.status).toBe(403)
    expect((await stored(pairing.id)).status).toBe('active')
  })
})

describe('R7 two meetings in person', () => {
  it('completes only with two in-person meetings between start and closing', async () => {
    const pairing = await activePairing()
    expect((await meeting(pairing.id, isoDaysFromNow(-30))).status).toBe(201)
    expect((await meeting(pairing.id, isoDaysFromNow(-20), 'online', 'mentor')).status).toBe(201)
    // Before the start, or in the future: refused.
    const early = await meeting(pairing.id, isoDaysFromNow(-90))
    expect(early.status).toBe(400)
    expect(refusal(early)?.message).toMatch(/anterior a l'inici/)
    const future = await meeting(pairing.id, isoDaysFromNow(3))
    expect(future.status).toBe(400)
    expect(refusal(future)?.message).toMatch(/data futura/)

    const tooFew = await app.rest.patch(
      `/api/pairings/${pairing.id}`,
      { status: 'completed', ...closingData() },
      as('mentee'),
    )
    expect(tooFew.status).toBe(400)
    expect(refusal(tooFew)?.message).toMatch(/2 trobades presencials .* n'hi ha 1/)
    expect((await stored(pairing.id)).status).toBe('active')

    expect((await meeting(pairing.id, isoDaysFromNow(-10), 'in_person', 'mentor')).status).toBe(201)
    const done = await app.rest.patch(
      `/api/pairings/${pairing.id}`,
      { status: 'completed', ...closingData() },
      as('mentee'),
    )
    expect(done.status, JSON.stringify(done.body)).toBe(200)

    // The evidence is frozen once completed.
    const late = await meeting(pairing.id, isoDaysFromNow(-5))
    expect(late.status).toBe(409)
  })

  it('does not let a stranger record meetings in a pairing', async () => {
    const pairing = await activePairing()
    const response = await meeting(pairing.id, isoDaysFromNow(-3), 'in_person', 'otherMentee')
    expect(response.status).toBe(403)
    expect(
      (
        await app.payload.count({
          collection: 'meetings',
          where: { pairing: { equals: pairing.id } },
        })
      ).totalDocs,
    ).toBe(0)
  })
})

describe('R8 one year, unless both agree', () => {
  it('refuses an end date past a year until both parties agree to a proposed date, each for themselves', async () => {
    const pairing = await activePairing()
    const start = (await stored(pairing.id)).startDate as string
    const longEnd = new Date(new Date(start).getTime() + 400 * 86_400_000).toISOString()

    const refused = await app.rest.patch(
      `/api/pairings/${pairing.id}`,
      { endDate: longEnd },
      as('mentee'),
    )
    expect(refused.status).toBe(400)
    expect(refusal(refused)?.message).toMatch(/com a màxim 12 mesos/)

    const noProposal = await app.rest.patch(
      `/api/pairings/${pairing.id}`,
      { extension: { mentee: { agreed: true } } },
      as('mentee'),
    )
    expect(noProposal.status).toBe(409)
    expect(refusal(noProposal)?.message).toMatch(/cap ampliació proposada/)

    const proposed = await app.rest.patch(
      `/api/pairings/${pairing.id}`,
      {
        extension: {
          proposedEndDate: longEnd,
          reason: 'Falta la segona visita',
          mentee: { agreed: true },
        },
      },
      as('mentee'),
    )
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(200)
    const forMentor = await app.rest.patch(
      `/api/pairings/${pairing.id}`,
      { extension: { mentor: { agreed: true } } },
      as('mentee'),
    )
    expect(forMentor.status).toBe(403)
    // One party's agreement is not enough to move the end date.
    expect(
      (await app.rest.patch(`/api/pairings/${pairing.id}`, { endDate: longEnd }, as('mentee')))
        .status,
    ).toBe(400)

    // A new reason is a new proposal: the mentee's agreement is cleared.
    await app.rest.patch(
      `/api/pairings/${pairing.id}`,
      { extension: { reason: 'Falta la segona visita i el document' } },
      as('mentor'),
    )
    expect((await stored(pairing.id)).extension?.mentee?.agreed).toBe(false)
    expect(
      (
        await app.rest.patch(
          `/api/pairings/${pairing.id}`,
          { extension: { mentee: { agreed: true } } },
          as('mentee'),
        )
      ).status,
    ).toBe(200)

    const onBehalfNoNote = await app.rest.patch(
      `/api/pairings/${pairing.id}`,
      { extension: { mentor: { agreed: true } } },
      as('secretariat'),
    )
    expect(onBehalfNoNote.status).toBe(400)
    expect(refusal(onBehalfNoNote)?.message).toMatch(/cal una nota/)
    const agreed = await app.rest.patch(
      `/api/pairings/${pairing.id}`,
      { extension: { mentor: { agreed: true } } },
      as('mentor'),
    )
    expect(agreed.status).toBe(200)

    const doc = await stored(pairing.id)
    expect(String(doc.endDate).slice(0, 10)).toBe(longEnd.slice(0, 10))
    expect(doc.extension?.proposedEndDate ?? null).toBeNull()
    expect(doc.extension?.mentor?.agreed).toBe(false)
    expect(doc.extensionHistory).toHaveLength(1)
    expect(String(doc.extensionHistory?.[0].mentorBy)).toBe(String(p.users.mentorUser.id))
    expect(String(doc.extensionHistory?.[0].menteeBy)).toBe(String(p.users.menteeUser.id))
    expect(doc.extensionHistory?.[0].reason).toMatch(/el document/)
  })

  it('flags active pairings past their end date', async () => {
    const pairing = await activePairing()
    await app.payload.db.updateOne({
      collection: 'pairings',
      id: pairing.id,
      data: { endDate: isoDaysFromNow(-2) },
    })
    const read = await app.rest.get(`/api/pairings/${pairing.id}`, as('secretariat'))
    expect(read.body.overdue).toBe(true)
  })
})

describe('R9 closing and evaluation', () => {
  it('needs a closing date and the mentee evaluation to complete', async () => {
    const pairing = await activePairing()
    await meeting(pairing.id, isoDaysFromNow(-30))
    await meeting(pairing.id, isoDaysFromNow(-20))
    const noDate = await app.rest.patch(
      `/api/pairings/${pairing.id}`,
      { status: 'completed' },
      as('mentor'),
    )
    expect(noDate.status).toBe(400)
    expect(refusal(noDate)?.message).toMatch(/data de tancament/)
    const noEvaluation = await app.rest.patch(
      `/api/pairings/${pairing.id}`,
      { status: 'completed', closing: { closingDate: isoDaysFromNow(-1) } },
      as('mentor'),
    )
    expect(noEvaluation.status).toBe(400)
    expect(refusal(noEvaluation)?.message).toMatch(/valoració de la persona mentorada/)
    const outOfRange = await app.rest.patch(
      `/api/pairings/${pairing.id}`,
      { closing: { menteeEvaluation: { rating: 7, comments: 'x' } } },
      as('mentee'),
    )
    expect(outOfRange.status).toBe(400)
    expect((await stored(pairing.id)).status).toBe('active')
  })
})

describe('R10 fitxa duty', () => {
  it('is written by the mentee, published by the secretariat, and public only once published', async () => {
    const pairing = await activePairing()
    await meeting(pairing.id, isoDaysFromNow(-30))
    await meeting(pairing.id, isoDaysFromNow(-20))
    await app.rest.patch(
      `/api/pairings/${pairing.id}`,
      { status: 'completed', ...closingData() },
      as('mentee'),
    )
    expect(
      (await app.rest.get(`/api/pairings/${pairing.id}`, as('secretariat'))).body.fitxaPending,
    ).toBe(true)

    const fitxa = {
      pairing: pairing.id,
      title: "Un pla d'ESS per a Vilafranca",
      summary: 'Com vam fer el primer pla.',
    }
    expect((await app.rest.post('/api/fitxes', fitxa, as('mentor'))).status).toBe(403)
    const selfPublished = await app.rest.post(
      '/api/fitxes',
      { ...fitxa, _status: 'published' },
      as('mentee'),
    )
    expect(selfPublished.status).toBe(403)
    const draft = await app.rest.post('/api/fitxes?draft=true', fitxa, as('mentee'))
    expect(draft.status, JSON.stringify(draft.body)).toBe(201)
    expect((await app.rest.get('/api/fitxes')).body.docs).toHaveLength(0)

    const published = await app.rest.patch(
      `/api/fitxes/${draft.body.doc.id}`,
      { _status: 'published' },
      as('secretariat'),
    )
    expect(published.status).toBe(200)
    const publicList = await app.rest.get('/api/fitxes')
    expect(publicList.body.docs.map((doc: { title: string }) => doc.title)).toEqual([fitxa.title])
    expect(publicList.body.docs[0].slug).toMatch(/^un-pla-d-ess-per-a-vilafranca-[0-9a-f]+$/)
    expect(
      (await app.rest.get(`/api/pairings/${pairing.id}`, as('secretariat'))).body.fitxaPending,
    ).toBe(false)
  })
})

describe('R11 tell the secretariat', () => {
  it('notifies new incidents and changes of the agreed end date', async () => {
    const pairing = await activePairing()
    await deliverMail(app)
    email.sent.length = 0
    const incident = await app.rest.post(
      '/api/incidents',
      {
        pairing: pairing.id,
        type: 'availability',
        description: 'La persona mentora estarà de baixa un mes.',
      },
      as('mentee'),
    )
    expect(incident.status).toBe(201)
    expect(String(incident.body.doc.reportedBy?.id ?? incident.body.doc.reportedBy)).toBe(
      String(p.users.menteeUser.id),
    )
    await deliverMail(app)
    expect(email.sent.flatMap((message) => [message.to].flat())).toEqual([
      'secretaria-avisos@xmess.example',
    ])
    expect(email.sent[0].subject).toMatch(/Nova incidència/)
    expect(email.sent[0].text).toMatch(/de baixa un mes/)

    await app.rest.patch(
      `/api/pairings/${pairing.id}`,
      { endDate: isoDaysFromNow(250) },
      as('mentor'),
    )
    await deliverMail(app)
    expect(email.sent).toHaveLength(2)
    expect(email.sent[1].subject).toMatch(/data de finalització/)

    // A refused change queues nothing.
    await app.rest.post(
      '/api/incidents',
      { pairing: pairing.id, type: 'other', description: 'x' },
      as('otherMentee'),
    )
    await deliverMail(app)
    expect(email.sent).toHaveLength(2)

    // Only the secretariat resolves incidents.
    expect(
      (
        await app.rest.patch(
          `/api/incidents/${incident.body.doc.id}`,
          { status: 'resolved' },
          as('mentee'),
        )
      ).status,
    ).toBe(403)
    const noResolution = await app.rest.patch(
      `/api/incidents/${incident.body.doc.id}`,
      { status: 'resolved' },
      as('secretariat'),
    )
    expect(noResolution.status).toBe(400)
    expect(
      (
        await app.rest.patch(
          `/api/incidents/${incident.body.doc.id}`,
          { status: 'resolved', resolution: 'Ho hem parlat.' },
          as('secretariat'),
        )
      ).status,
    ).toBe(200)
  })
})

describe('R12 privacy', () => {
  it('shows contact data to the other side only once the pairing is accepted', async () => {
    // Someone who has never been paired with this mentor.
    const candidate = await newCandidate({
      user: p.users.otherMenteeUser.id,
      municipality: p.councils.olot.id,
    })
    const pairing = await propose(candidate.id)
    const before = await app.rest.get(`/api/candidates/${candidate.id}`, as('mentor'))
    expect(before.status).toBe(200)
    expect(before.body.name).toBe(candidate.name)
    expect(before.body.email).toBeUndefined()
    expect(before.body.phone).toBeUndefined()
    // R13: until the mentor accepts, the mentee does not even see who was proposed (nor who declined).
    expect([403, 404]).toContain(
      (await app.rest.get(`/api/mentors/${p.mentor.id}`, as('otherMentee'))).status,
    )
    expect([403, 404]).toContain(
      (await app.rest.get(`/api/pairings/${pairing.id}`, as('otherMentee'))).status,
    )

    await app.rest.patch(`/api/pairings/${pairing.id}`, { status: 'accepted' }, as('mentor'))
    const after = await app.rest.get(`/api/candidates/${candidate.id}`, as('mentor'))
    expect(after.body.email).toBe(candidate.email)
    expect((await app.rest.get(`/api/mentors/${p.mentor.id}`, as('otherMentee'))).body.email).toBe(
      'laia@sabadell.example',
    )
    // A mentee with no pairing with this mentor does not see the mentor at all.
    const outsider = await app.payload.create({
      collection: 'mentors',
      data: {
        name: 'Externa',
        email: 'externa@olot.example',
        municipality: p.councils.olot.id,
        topics: ['estrategia-ess'],
        capacity: 1,
        available: true,
      } as never,
    })
    expect((await app.rest.get(`/api/mentors/${outsider.id}`, as('otherMentee'))).status).toBe(404)
  })

  it('does not let contact data leak by filtering', async () => {
    const response = await app.rest.get(
      `/api/candidates?where[email][like]=vilafranca`,
      as('mentor'),
    )
    expect(response.status).toBe(400)
    expect(JSON.stringify(response.body)).toMatch(/email/)
    const phone = await app.rest.get(`/api/mentors?where[phone][exists]=true`, as('mentee'))
    expect(phone.status).toBe(400)
    // The secretariat may filter by contact data.
    expect(
      (await app.rest.get(`/api/candidates?where[email][like]=vilafranca`, as('secretariat')))
        .status,
    ).toBe(200)
    const anonymous = await app.rest.get('/api/mentors?where[email][like]=sabadell')
    expect(anonymous.status).toBe(403)
  })
})
