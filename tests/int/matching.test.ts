import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { signProposalLink } from '../../src/notifications/links'
import {
  deliverMail,
  type ID,
  memoryEmail,
  type Programme,
  setupProgramme,
} from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

let app: TestApp
let p: Programme
const email = memoryEmail()
let girona: { id: ID }
let marc: { id: ID }

beforeAll(async () => {
  app = await startTestApp({ email: email.adapter })
  p = await setupProgramme(app, { mentorCapacity: 1 })
  girona = await app.payload.create({
    collection: 'municipalities',
    data: { name: 'Ajuntament de Girona', member: true, latitude: 41.98, longitude: 2.82 } as never,
  })
  marc = await app.payload.create({
    collection: 'mentors',
    data: {
      name: 'Marc Mentor',
      email: 'marc@girona.example',
      phone: '600000009',
      municipality: girona.id,
      topics: ['estrategia-ess'],
      capacity: 1,
      available: true,
    } as never,
  })
})

afterAll(async () => {
  await app?.close()
})

const as = (role: keyof Programme['tokens']) => ({ token: p.tokens[role] })
const editionUrl = () => `/api/editions/${p.edition.id}`
const pairingsCount = async () => (await app.payload.count({ collection: 'pairings' })).totalDocs
const tokenFromEmail = (text: string, decision: 'Acceptar la proposta' | 'No la puc acceptar') =>
  new URL(new RegExp(`${decision}: (\\S+)`).exec(text)?.[1] ?? 'http://x/').searchParams.get(
    'token',
  ) ?? ''
const answer = (token: string) =>
  app.rest.post('/api/pairings/answer', { token }, { headers: { Accept: 'application/json' } })

describe('matching through REST', () => {
  it('is for the secretariat only', async () => {
    for (const role of [undefined, 'mentor', 'mentee'] as const) {
      const options = role ? as(role) : {}
      expect((await app.rest.post(`${editionUrl()}/match`, {}, options)).status).toBe(403)
      expect(
        (
          await app.rest.post(
            `${editionUrl()}/match/confirm`,
            { proposals: [{ candidateId: p.candidate.id, mentorId: p.mentor.id }] },
            options,
          )
        ).status,
      ).toBe(403)
    }
    expect(await pairingsCount()).toBe(0)
  })

  it('proposes in a dry run, explained in Catalan, and writes nothing', async () => {
    const run = await app.rest.post(`${editionUrl()}/match`, {}, as('secretariat'))
    expect(run.status).toBe(200)
    expect(run.body.proposals).toHaveLength(2)
    for (const proposal of run.body.proposals) {
      expect(proposal.explanation).toMatch(/Coincideixen|àmbit/)
      expect(proposal.candidateName).toBeTruthy()
      expect(proposal.mentorName).toBeTruthy()
    }
    expect(await pairingsCount()).toBe(0)
    const bad = await app.rest.post(`${editionUrl()}/match`, { locked: 'tots' }, as('secretariat'))
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].message).toMatch(/Dades no vàlides a «locked»/)
  })

  it('confirms all or nothing, rechecking the rules', async () => {
    // Laia (Sabadell) with Marta (Olot) is fine; Marc (Girona) with a Girona candidate breaks R5.
    const local = await app.payload.create({
      collection: 'candidates',
      data: p.candidateData('Gironina', 'gironina@girona.example', girona.id) as never,
    })
    const confirm = await app.rest.post(
      `${editionUrl()}/match/confirm`,
      {
        proposals: [
          { candidateId: p.otherCandidate.id, mentorId: p.mentor.id },
          { candidateId: local.id, mentorId: marc.id },
        ],
      },
      as('secretariat'),
    )
    expect(confirm.status).toBe(409)
    expect(confirm.body.errors[0].message).toMatch(
      /No s'ha creat cap parella\. Gironina amb Marc Mentor: .*mateix ens/,
    )
    expect(await pairingsCount()).toBe(0)
    await app.payload.update({
      collection: 'candidates',
      id: local.id,
      data: { status: 'withdrawn' } as never,
    })
  })

  it('proposes, emails the mentor signed links, and the links work once', async () => {
    const run = await app.rest.post(`${editionUrl()}/match`, {}, as('secretariat'))
    const chosen = run.body.proposals.map((proposal: { candidateId: ID; mentorId: ID }) => ({
      candidateId: proposal.candidateId,
      mentorId: proposal.mentorId,
    }))
    email.sent.length = 0
    const confirm = await app.rest.post(
      `${editionUrl()}/match/confirm`,
      { proposals: chosen },
      as('secretariat'),
    )
    expect(confirm.status, JSON.stringify(confirm.body)).toBe(201)
    expect(confirm.body.created).toHaveLength(2)
    const stored = await app.payload.findByID({
      collection: 'pairings',
      id: confirm.body.created[0],
    })
    expect(stored.status).toBe('proposed')
    expect(stored.matching?.explanation).toMatch(/àmbit/)

    await deliverMail(app)
    const toLaia = email.sent.find((message) => message.to === 'laia@sabadell.example')
    expect(toLaia?.subject).toMatch(/Proposta de mentoria/)
    // Needs, not contact data (R12).
    const candidateOfLaia = chosen.find(
      (choice: { mentorId: ID }) => String(choice.mentorId) === String(p.mentor.id),
    ).candidateId
    const candidate = await app.payload.findByID({ collection: 'candidates', id: candidateOfLaia })
    expect(toLaia?.text).toContain(candidate.name)
    expect(toLaia?.text).not.toContain(candidate.email)
    expect(toLaia?.text).not.toContain('600000002')

    const acceptToken = tokenFromEmail(String(toLaia?.text ?? ''), 'Acceptar la proposta')
    const declineToken = tokenFromEmail(String(toLaia?.text ?? ''), 'No la puc acceptar')

    // Forged: any change to the token breaks the signature.
    const forged = await answer(`${acceptToken.slice(0, -2)}xx`)
    expect(forged.status).toBe(400)
    expect(forged.body.result).toBe('invalid')

    email.sent.length = 0
    const accepted = await answer(acceptToken)
    expect(accepted.status).toBe(200)
    expect(accepted.body.result).toBe('accepted')
    const pairingOfLaia = (
      await app.payload.find({ collection: 'pairings', where: { mentor: { equals: p.mentor.id } } })
    ).docs[0]
    expect(pairingOfLaia.status).toBe('accepted')

    // Once: neither the same link nor its decline twin works again.
    expect((await answer(acceptToken)).body.result).toBe('used')
    expect((await answer(declineToken)).body.result).toBe('used')
    expect(
      (await app.payload.findByID({ collection: 'pairings', id: pairingOfLaia.id })).status,
    ).toBe('accepted')

    // The mentee gets the mentor's contact and is told to get in touch.
    await deliverMail(app)
    const toMentee = email.sent.find((message) => message.to === candidate.email)
    expect(toMentee?.subject).toMatch(/Ja teniu persona mentora/)
    expect(toMentee?.text).toContain('laia@sabadell.example')
    expect(toMentee?.text).toMatch(/poseu-vos en contacte/)
  })

  it('refuses an expired link', async () => {
    const pairing = (
      await app.payload.find({ collection: 'pairings', where: { mentor: { equals: marc.id } } })
    ).docs[0]
    const nonce = (
      await app.payload.findByID({
        collection: 'pairings',
        id: pairing.id,
        showHiddenFields: true,
        overrideAccess: true,
      })
    ).answerNonce as string
    const expired = signProposalLink(app.payload.secret, {
      pairing: String(pairing.id),
      decision: 'accept',
      expiresAt: Date.now() - 1000,
      nonce,
    })
    const response = await answer(expired)
    expect(response.status).toBe(400)
    expect(response.body.result).toBe('expired')
    expect((await app.payload.findByID({ collection: 'pairings', id: pairing.id })).status).toBe(
      'proposed',
    )
  })

  it('frees the place when a mentor declines, and re-running proposes only the unmatched', async () => {
    const pairing = (
      await app.payload.find({ collection: 'pairings', where: { mentor: { equals: marc.id } } })
    ).docs[0]
    const nonce = (
      await app.payload.findByID({
        collection: 'pairings',
        id: pairing.id,
        showHiddenFields: true,
        overrideAccess: true,
      })
    ).answerNonce as string
    const decline = signProposalLink(app.payload.secret, {
      pairing: String(pairing.id),
      decision: 'decline',
      expiresAt: Date.now() + 60_000,
      nonce,
    })
    expect((await answer(decline)).body.result).toBe('declined')

    const newcomer = await app.payload.create({
      collection: 'candidates',
      data: p.candidateData(
        'Nouvinguda',
        'nova@vilafranca.example',
        p.councils.vilafranca.id,
      ) as never,
    })
    const run = await app.rest.post(`${editionUrl()}/match`, {}, as('secretariat'))
    const pairs = run.body.proposals.map((proposal: { candidateId: ID; mentorId: ID }) => [
      String(proposal.candidateId),
      String(proposal.mentorId),
    ])
    // Marc's place is free again; the accepted pairing is kept; the declined pair is not proposed again.
    expect(pairs).toContainEqual([String(newcomer.id), String(marc.id)])
    const declinedCandidate = String(
      typeof pairing.candidate === 'object' ? pairing.candidate.id : pairing.candidate,
    )
    expect(pairs).not.toContainEqual([declinedCandidate, String(marc.id)])
    // Laia's accepted pairing stays, so her candidate is not proposed again.
    const laiaCandidate = (
      await app.payload.find({
        collection: 'pairings',
        where: { mentor: { equals: p.mentor.id } },
        depth: 0,
      })
    ).docs[0].candidate
    expect(pairs.map(([candidateId]: string[]) => candidateId)).not.toContain(String(laiaCandidate))
    // Laia is full and Marc already declined: that candidate is told why.
    const unmatched = run.body.unmatched.find(
      (entry: { candidateId: ID }) => String(entry.candidateId) === declinedCandidate,
    )
    expect(unmatched?.explanation).toBeTruthy()
  })
})
