import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { loadMyMentoring } from '../../src/admin/my-mentoring/data'

import { type HttpServer, httpClient, smtpEmail, startHttpServer } from '../helpers/http-server'
import { startTestApp, type TestApp } from '../helpers/payload'
import { type ReceivedMail, startSmtpServer, type TestSmtp } from '../helpers/smtp'

/**
 * The year of one pairing, through the real HTTP server, as the people who live it: the secretariat
 * proposes; the mentor gets an account and an invitation by email (a real SMTP server), chooses a
 * password from the link, accepts; the mentee is invited likewise; they start, meet, report an
 * incident, extend, close and evaluate, each from their own account. Every refusal on the way leaves
 * the data as it was and says why in Catalan.
 */
const DAY = 86_400_000
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString()
const PASSWORDS = {
  secretariat: 'secretaria-contrasenya-1',
  mentor: 'mentora-tria-la-seva-1',
  mentee: 'mentorada-tria-la-seva-1',
}
const SECRETARIAT_INBOX = 'avisos@xmess.example'

let app: TestApp
let smtp: TestSmtp
let server: HttpServer
let api: ReturnType<typeof httpClient>
const tokens: Record<string, string> = {}
const ids: Record<string, string | number> = {}

const as = (who: string) => ({ token: tokens[who] })
const message = (answer: { body: { errors?: { message: string }[] } }) =>
  answer.body?.errors?.[0]?.message ?? ''
const linkIn = (mail: ReceivedMail, pattern: RegExp) => {
  const found = mail.text.match(pattern)?.[0]
  if (!found) throw new Error(`No link ${pattern} in:\n${mail.text}`)
  return found
}
/** The invitation link's token: `/admin/reset/<token>`, Payload's reset-password page. */
const resetToken = (mail: ReceivedMail) =>
  linkIn(mail, /\/admin\/reset\/[0-9a-f]+/)
    .split('/')
    .pop() as string
const mailTo = (address: string, subject: RegExp, after = 0) =>
  smtp.waitFor(
    (mail) =>
      mail.to.includes(address) &&
      subject.test(mail.subject) &&
      smtp.messages.indexOf(mail) >= after,
    15_000,
  )
const mark = () => smtp.messages.length
const pairing = async (who: string, id = ids.pairing) =>
  (await api.get(`/api/pairings/${id}?depth=0`, as(who))).body
const stored = (id = ids.pairing) => app.payload.findByID({ collection: 'pairings', id, depth: 0 })

beforeAll(async () => {
  smtp = await startSmtpServer()
  app = await startTestApp({
    email: smtpEmail(smtp),
    plugin: { secretariatEmail: SECRETARIAT_INBOX },
  })
  server = await startHttpServer(app)
  api = httpClient(server.url)

  const first = await api.post('/api/users/first-register', {
    email: 'secretaria@xmess.example',
    password: PASSWORDS.secretariat,
    confirmPassword: PASSWORDS.secretariat,
  })
  expect(first.status).toBe(200)
  tokens.secretariat = first.body.token
  const create = async (collection: string, data: Record<string, unknown>) => {
    const answer = await api.post(`/api/${collection}`, data, as('secretariat'))
    expect(answer.status, JSON.stringify(answer.body)).toBe(201)
    return answer.body.doc
  }
  const sabadell = await create('municipalities', {
    name: 'Ajuntament de Sabadell',
    member: true,
    latitude: 41.55,
    longitude: 2.11,
  })
  const vilafranca = await create('municipalities', {
    name: 'Ajuntament de Vilafranca del Penedès',
    member: true,
    latitude: 41.35,
    longitude: 1.7,
  })
  const olot = await create('municipalities', {
    name: "Ajuntament d'Olot",
    member: true,
    latitude: 42.18,
    longitude: 2.49,
  })
  const edition = await create('editions', {
    year: new Date().getUTCFullYear(),
    name: 'Convocatòria de prova',
    applicationsOpenAt: daysFromNow(-20),
    applicationsCloseAt: daysFromNow(5),
  })
  // People as the secretariat registers them: records without accounts.
  const mentor = await create('mentors', {
    name: 'Laia Puig',
    email: 'laia@sabadell.example',
    phone: '600 000 101',
    municipality: sabadell.id,
    topics: ['estrategia-ess'],
    capacity: 2,
    available: true,
  })
  const candidate = (name: string, email: string, municipality: string | number) =>
    create('candidates', {
      name,
      email,
      phone: '600 000 201',
      municipality,
      edition: edition.id,
      topics: ['estrategia-ess'],
      status: 'eligible',
      consents: { dataProcessing: true, commitment: true },
    })
  ids.mentor = mentor.id
  ids.candidate = (await candidate('Pau Martí', 'pau@vilafranca.example', vilafranca.id)).id
  ids.otherCandidate = (await candidate('Marta Soler', 'marta@olot.example', olot.id)).id
})

afterAll(async () => {
  await server?.close()
  await app?.close()
  await smtp?.close()
})

describe('the life of a pairing, from each person’s own account', () => {
  it('proposal: the mentor gets an account and a Catalan invitation with a 14-day set-password link', async () => {
    const proposed = await api.post(
      '/api/pairings',
      { mentor: ids.mentor, candidate: ids.candidate },
      as('secretariat'),
    )
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201)
    ids.pairing = proposed.body.doc.id

    const invitation = await mailTo('laia@sabadell.example', /Proposta de mentoria/)
    expect(invitation.text).toMatch(/trieu la vostra contrasenya/)
    expect(invitation.text).toContain(`/admin/les-meves-mentories/${ids.pairing}`)
    // R12: a proposal never carries the candidate's contact data.
    expect(invitation.text).not.toContain('pau@vilafranca.example')

    const user = (
      await app.payload.find({
        collection: 'users',
        where: { email: { equals: 'laia@sabadell.example' } },
        showHiddenFields: true,
      })
    ).docs[0] as never as {
      id: string
      roles: string[]
      resetPasswordExpiration: string
    }
    expect(user.roles).toEqual(['mentor'])
    const mentorRecord = await app.payload.findByID({
      collection: 'mentors',
      id: ids.mentor,
      depth: 0,
    })
    expect(String(mentorRecord.user)).toBe(String(user.id))
    const validDays = (new Date(user.resetPasswordExpiration).getTime() - Date.now()) / DAY
    expect(validDays).toBeGreaterThan(13.9)
    expect(validDays).toBeLessThanOrEqual(14)

    // Nobody knows the account's password until the person chooses it from the link.
    const guess = await api.post('/api/users/login', {
      email: 'laia@sabadell.example',
      password: PASSWORDS.mentor,
    })
    expect(guess.status).toBe(401)
    const reset = await api.post('/api/users/reset-password', {
      token: resetToken(invitation),
      password: PASSWORDS.mentor,
    })
    expect(reset.status, JSON.stringify(reset.body)).toBe(200)
    tokens.mentor = (
      await api.post('/api/users/login', {
        email: 'laia@sabadell.example',
        password: PASSWORDS.mentor,
      })
    ).body.token
    expect(tokens.mentor).toBeTruthy()
    // The link works once.
    expect(
      (
        await api.post('/api/users/reset-password', {
          token: resetToken(invitation),
          password: 'una-altra-contrasenya-9',
        })
      ).status,
    ).not.toBe(200)
  })

  it('the mentor sees their proposal, without the candidate’s contact data until they accept (R12)', async () => {
    const list = await api.get('/api/pairings?depth=0', as('mentor'))
    expect(list.body.docs.map((doc: { id: string }) => doc.id)).toEqual([ids.pairing])
    const person = await api.get(`/api/candidates/${ids.candidate}`, as('mentor'))
    expect(person.body.name).toBe('Pau Martí')
    expect(person.body.email).toBeUndefined()
  })

  it('acceptance: the mentee is invited likewise, with the mentor’s contact', async () => {
    const before = mark()
    const accepted = await api.patch(
      `/api/pairings/${ids.pairing}`,
      { status: 'accepted' },
      as('mentor'),
    )
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200)
    const invitation = await mailTo('pau@vilafranca.example', /Ja teniu persona mentora/, before)
    expect(invitation.text).toContain('laia@sabadell.example')
    expect(invitation.text).toContain(`/admin/les-meves-mentories/${ids.pairing}`)
    const reset = await api.post('/api/users/reset-password', {
      token: resetToken(invitation),
      password: PASSWORDS.mentee,
    })
    expect(reset.status).toBe(200)
    tokens.mentee = (
      await api.post('/api/users/login', {
        email: 'pau@vilafranca.example',
        password: PASSWORDS.mentee,
      })
    ).body.token
    const me = await api.get('/api/users/me', as('mentee'))
    expect(me.body.user.roles).toEqual(['mentee'])
    expect((await api.get(`/api/mentors/${ids.mentor}`, as('mentee'))).body.email).toBe(
      'laia@sabadell.example',
    )
    expect(
      (await app.payload.findByID({ collection: 'candidates', id: ids.candidate })).status,
    ).toBe('matched')
  })

  it('start: refused without the agreement; then the other party hears what was agreed and the secretariat the end date', async () => {
    const early = await api.post(
      '/api/meetings',
      { pairing: ids.pairing, date: daysFromNow(-1), modality: 'in_person' },
      as('mentee'),
    )
    expect(early.status).toBe(409)
    expect(message(early)).toMatch(/Primer cal registrar l'inici/)

    const noAgreement = await api.patch(
      `/api/pairings/${ids.pairing}`,
      { status: 'active', startDate: daysFromNow(-60), endDate: daysFromNow(250) },
      as('mentee'),
    )
    expect(noAgreement.status).toBe(400)
    expect(message(noAgreement)).toMatch(/objectius/)
    expect((await stored()).status).toBe('accepted')

    const before = mark()
    const started = await api.patch(
      `/api/pairings/${ids.pairing}`,
      {
        status: 'active',
        startDate: daysFromNow(-60),
        endDate: daysFromNow(250),
        agreement: {
          objectives: "Redactar el primer pla municipal d'ESS",
          activities: 'Dues visites i revisió del document',
          calendar: 'Una trobada al mes',
        },
      },
      as('mentee'),
    )
    expect(started.status, JSON.stringify(started.body)).toBe(200)
    const toMentor = await mailTo('laia@sabadell.example', /ha començat/, before)
    expect(toMentor.text).toMatch(/Pau Martí ha registrat l'inici/)
    expect(toMentor.text).toMatch(/primer pla municipal/)
    expect(toMentor.text).toContain(`/admin/les-meves-mentories/${ids.pairing}`)
    const toSecretariat = await mailTo(SECRETARIAT_INBOX, /Acompanyament iniciat/, before)
    expect(toSecretariat.text).toMatch(/Data de finalització pactada: \d+ d/)
    expect(toSecretariat.text).toContain(`/admin/collections/pairings/${ids.pairing}`)
  })

  it('meetings: not in the future, the other party told, changed only by whoever recorded them', async () => {
    const future = await api.post(
      '/api/meetings',
      { pairing: ids.pairing, date: daysFromNow(2), modality: 'in_person' },
      as('mentor'),
    )
    expect(future.status).toBe(400)
    expect(message(future)).toMatch(/data futura/)
    const beforeStart = await api.post(
      '/api/meetings',
      { pairing: ids.pairing, date: daysFromNow(-70), modality: 'in_person' },
      as('mentor'),
    )
    expect(beforeStart.status).toBe(400)

    const before = mark()
    const first = await api.post(
      '/api/meetings',
      {
        pairing: ids.pairing,
        date: daysFromNow(-40),
        modality: 'in_person',
        place: 'Ajuntament de Vilafranca',
        durationMinutes: 120,
        summary: 'Primera visita',
      },
      as('mentor'),
    )
    expect(first.status, JSON.stringify(first.body)).toBe(201)
    ids.meeting = first.body.doc.id
    const told = await mailTo('pau@vilafranca.example', /Nova trobada/, before)
    expect(told.text).toMatch(/Laia Puig ha registrat una trobada/)
    expect(told.text).toContain(`/admin/les-meves-mentories/${ids.pairing}`)

    const online = await api.post(
      '/api/meetings',
      { pairing: ids.pairing, date: daysFromNow(-20), modality: 'online', summary: 'Revisió' },
      as('mentee'),
    )
    expect(online.status).toBe(201)

    const notMine = await api.patch(
      `/api/meetings/${ids.meeting}`,
      { summary: 'Canviat per qui no la va registrar' },
      as('mentee'),
    )
    expect(notMine.status).toBe(403)
    expect(message(notMine)).toMatch(/Només qui ha registrat la trobada/)
    expect((await api.delete(`/api/meetings/${ids.meeting}`, as('mentee'))).status).toBe(403)
    const mine = await api.patch(
      `/api/meetings/${ids.meeting}`,
      { summary: 'Primera visita: diagnosi' },
      as('mentor'),
    )
    expect(mine.status).toBe(200)
    expect((await app.payload.findByID({ collection: 'meetings', id: ids.meeting })).summary).toBe(
      'Primera visita: diagnosi',
    )
  })

  it('incidents: the secretariat is told with a link and resolves; the reporter is told; the other party never sees it (R13)', async () => {
    const before = mark()
    const reported = await api.post(
      '/api/incidents',
      {
        pairing: ids.pairing,
        type: 'availability',
        description: 'La persona mentora té poc temps aquest mes.',
      },
      as('mentee'),
    )
    expect(reported.status, JSON.stringify(reported.body)).toBe(201)
    ids.incident = reported.body.doc.id
    const toSecretariat = await mailTo(SECRETARIAT_INBOX, /Nova incidència/, before)
    expect(toSecretariat.text).toContain(`/admin/collections/incidents/${ids.incident}`)
    expect(toSecretariat.text).toMatch(/poc temps/)

    expect((await api.get('/api/incidents', as('mentor'))).body.docs).toHaveLength(0)
    expect((await api.get(`/api/incidents/${ids.incident}`, as('mentor'))).status).toBe(404)
    expect(
      (await api.get('/api/incidents?where[description][like]=temps', as('mentor'))).body.docs ??
        [],
    ).toHaveLength(0)
    expect((await api.get('/api/incidents', as('mentee'))).body.docs).toHaveLength(1)

    expect(
      (
        await api.patch(
          `/api/incidents/${ids.incident}`,
          { status: 'resolved', resolution: 'x' },
          as('mentee'),
        )
      ).status,
    ).toBe(403)
    const resolved = await api.patch(
      `/api/incidents/${ids.incident}`,
      { status: 'resolved', resolution: 'Hem parlat amb totes dues parts i ajustat el calendari.' },
      as('secretariat'),
    )
    expect(resolved.status).toBe(200)
    const toReporter = await mailTo('pau@vilafranca.example', /incidència .* resolta/, before)
    expect(toReporter.text).toMatch(/ajustat el calendari/)
    await smtp.idle()
    expect(
      smtp.messages
        .slice(before)
        .some(
          (mail) =>
            mail.to.includes('laia@sabadell.example') && /incidència|poc temps/i.test(mail.text),
        ),
    ).toBe(false)
  })

  it('extension: a date past a year needs both agreements, each from their own account (R8)', async () => {
    const current = await stored()
    const longEnd = new Date(
      new Date(String(current.startDate)).getTime() + 420 * DAY,
    ).toISOString()
    const directly = await api.patch(
      `/api/pairings/${ids.pairing}`,
      { endDate: longEnd },
      as('mentor'),
    )
    expect(directly.status).toBe(400)
    expect(message(directly)).toMatch(/com a màxim 12 mesos/)

    const before = mark()
    const proposed = await api.patch(
      `/api/pairings/${ids.pairing}`,
      {
        extension: {
          proposedEndDate: longEnd,
          reason: 'Volem acompanyar la presentació del pla al ple.',
          mentee: { agreed: true },
        },
      },
      as('mentee'),
    )
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(200)
    const ask = await mailTo('laia@sabadell.example', /Proposta d'ampliació/, before)
    expect(ask.text).toContain(`/admin/les-meves-mentories/${ids.pairing}`)
    await mailTo(SECRETARIAT_INBOX, /Proposta d'ampliació/, before)

    // Only one party has agreed: the end date cannot move past the year yet.
    const oneParty = await api.patch(
      `/api/pairings/${ids.pairing}`,
      { endDate: longEnd },
      as('mentor'),
    )
    expect(oneParty.status).toBe(400)
    // Nobody agrees on the other's behalf.
    const onBehalf = await api.patch(
      `/api/pairings/${ids.pairing}`,
      { extension: { mentee: { agreed: false } } },
      as('mentor'),
    )
    expect(onBehalf.status).toBe(403)
    expect(message(onBehalf)).toMatch(/cada part dona el seu acord des del seu compte/)
    expect((await stored()).extension?.mentee?.agreed).toBe(true)
    expect(String((await stored()).endDate)).toBe(String(current.endDate))

    const agreed = await api.patch(
      `/api/pairings/${ids.pairing}`,
      { extension: { mentor: { agreed: true } } },
      as('mentor'),
    )
    expect(agreed.status, JSON.stringify(agreed.body)).toBe(200)
    const after = await stored()
    expect(String(after.endDate).slice(0, 10)).toBe(longEnd.slice(0, 10))
    expect(after.extension?.proposedEndDate ?? null).toBeNull()
    expect(after.extensionHistory).toHaveLength(1)
    expect(after.extensionHistory?.[0].reason).toMatch(/presentació del pla/)
    await mailTo(SECRETARIAT_INBOX, /Ampliació acordada/, before)
    await mailTo('pau@vilafranca.example', /Ampliació acordada/, before)
  })

  it('closing: refused with one in-person meeting or without the mentee’s evaluation; then completed (R7, R9)', async () => {
    const closingDate = daysFromNow(-1)
    const oneInPerson = await api.patch(
      `/api/pairings/${ids.pairing}`,
      {
        status: 'completed',
        closing: {
          closingDate,
          menteeEvaluation: { rating: 5, comments: 'Molt útil per redactar el pla.' },
        },
      },
      as('mentee'),
    )
    expect(oneInPerson.status).toBe(400)
    expect(message(oneInPerson)).toMatch(/2 trobades presencials .* n'hi ha 1/)
    expect((await stored()).status).toBe('active')
    expect((await stored()).closing?.menteeEvaluation?.rating ?? null).toBeNull()

    const second = mark()
    expect(
      (
        await api.post(
          '/api/meetings',
          { pairing: ids.pairing, date: daysFromNow(-5), modality: 'in_person', place: 'Sabadell' },
          as('mentee'),
        )
      ).status,
    ).toBe(201)
    // The meeting that completes R7 asks the mentee for the evaluation closing needs.
    const ask = await mailTo('pau@vilafranca.example', /falta la vostra valoració/, second)
    expect(ask.text).toContain(`/admin/les-meves-mentories/${ids.pairing}`)
    const withoutEvaluation = await api.patch(
      `/api/pairings/${ids.pairing}`,
      { status: 'completed', closing: { closingDate } },
      as('mentor'),
    )
    expect(withoutEvaluation.status).toBe(400)
    expect(message(withoutEvaluation)).toMatch(/valoració de la persona mentorada/)
    const future = await api.patch(
      `/api/pairings/${ids.pairing}`,
      { status: 'completed', closing: { closingDate: daysFromNow(3) } },
      as('mentor'),
    )
    expect(message(future)).toMatch(/tancament no pot ser futura/)

    const evaluated = await api.patch(
      `/api/pairings/${ids.pairing}`,
      { closing: { menteeEvaluation: { rating: 5, comments: 'Molt útil per redactar el pla.' } } },
      as('mentee'),
    )
    expect(evaluated.status).toBe(200)
    // The mentor knows it exists, not what it says.
    const seenByMentor = await pairing('mentor')
    expect(seenByMentor.closing.menteeEvaluatedAt).toBeTruthy()
    expect(seenByMentor.closing.menteeEvaluation).toBeUndefined()

    const before = mark()
    const completed = await api.patch(
      `/api/pairings/${ids.pairing}`,
      { status: 'completed', closing: { closingDate } },
      as('mentor'),
    )
    expect(completed.status, JSON.stringify(completed.body)).toBe(200)
    const askMentor = await mailTo('laia@sabadell.example', /valoració/, before)
    expect(askMentor.text).toContain(`/admin/les-meves-mentories/${ids.pairing}`)
    const fitxa = await mailTo('pau@vilafranca.example', /la fitxa/, before)
    expect(fitxa.text).toContain(`/admin/les-meves-mentories/${ids.pairing}`)
    expect(
      (await app.payload.findByID({ collection: 'candidates', id: ids.candidate })).status,
    ).toBe('completed')
    expect((await pairing('secretariat')).fitxaPending).toBe(true)
  })

  it('evaluations: each seen by its author and the secretariat only, in lists, filters and history (R13)', async () => {
    const late = await api.patch(
      `/api/pairings/${ids.pairing}`,
      { closing: { mentorEvaluation: { rating: 4, comments: 'Una experiència molt bona.' } } },
      as('mentor'),
    )
    expect(late.status, JSON.stringify(late.body)).toBe(200)

    expect((await pairing('mentor')).closing.mentorEvaluation.comments).toMatch(/molt bona/)
    expect((await pairing('mentor')).closing.menteeEvaluation).toBeUndefined()
    expect((await pairing('mentee')).closing.menteeEvaluation.comments).toMatch(/Molt útil/)
    expect((await pairing('mentee')).closing.mentorEvaluation).toBeUndefined()
    const secretariat = await pairing('secretariat')
    expect(secretariat.closing.menteeEvaluation.rating).toBe(5)
    expect(secretariat.closing.mentorEvaluation.rating).toBe(4)

    const filtered = await api.get(
      '/api/pairings?where[closing.mentorEvaluation.comments][like]=bona',
      as('mentee'),
    )
    expect(filtered.body.docs ?? []).toHaveLength(0)
    // The history is the secretariat's (or, where a party may read it, without the other's evaluation).
    const history = await api.get(
      `/api/pairings/versions?where[parent][equals]=${ids.pairing}&limit=100`,
      as('mentee'),
    )
    expect([200, 403]).toContain(history.status)
    expect(JSON.stringify(history.body)).not.toMatch(/molt bona/)
    const mentorHistory = await api.get(
      `/api/pairings/versions?where[parent][equals]=${ids.pairing}&limit=100`,
      as('mentor'),
    )
    expect(JSON.stringify(mentorHistory.body)).not.toMatch(/Molt útil/)
  })

  it('a completed pairing is read-only to the parties', async () => {
    const edit = await api.patch(
      `/api/pairings/${ids.pairing}`,
      { agreement: { objectives: 'Reescrit després' } },
      as('mentee'),
    )
    expect(edit.status).toBe(409)
    expect(message(edit)).toMatch(/completada: ja no s'hi pot canviar res/)
    expect(
      (
        await api.patch(
          `/api/pairings/${ids.pairing}`,
          { closing: { mentorEvaluation: { rating: 1 } } },
          as('mentee'),
        )
      ).status,
    ).toBe(403)
    expect(
      (
        await api.post(
          '/api/meetings',
          { pairing: ids.pairing, date: daysFromNow(-2), modality: 'in_person' },
          as('mentor'),
        )
      ).status,
    ).toBe(409)
    expect(
      (await api.patch(`/api/meetings/${ids.meeting}`, { summary: 'x' }, as('mentor'))).status,
    ).toBe(409)
    expect(
      (
        await api.post(
          '/api/incidents',
          { pairing: ids.pairing, type: 'other', description: 'x' },
          as('mentee'),
        )
      ).status,
    ).toBe(409)
    expect((await stored()).agreement?.objectives).toMatch(/primer pla/)
  })

  it('«Les meves mentories» shows each party the state of the fitxa the mentee is writing', async () => {
    const draft = await api.post(
      '/api/fitxes?draft=true',
      { pairing: ids.pairing, title: 'Un primer pla', summary: 'Com el vam fer.' },
      as('mentee'),
    )
    expect(draft.status, JSON.stringify(draft.body)).toBe(201)
    for (const email of ['pau@vilafranca.example', 'laia@sabadell.example']) {
      const user = (
        await app.payload.find({
          collection: 'users',
          where: { email: { equals: email } },
          limit: 1,
        })
      ).docs[0]
      const view = await loadMyMentoring(
        await createLocalReq({ user: { ...user, collection: 'users' } as never }, app.payload),
        String(ids.pairing),
      )
      expect(
        view.map((one) => one.fitxa.state),
        email,
      ).toEqual(['draft'])
    }
  })

  it('«Les meves mentories»/<id> with an id that names no pairing (abc, -1, 1.5, a huge number): nothing to show, no error (issue 18)', async () => {
    for (const email of ['pau@vilafranca.example', 'laia@sabadell.example']) {
      const user = (
        await app.payload.find({
          collection: 'users',
          where: { email: { equals: email } },
          limit: 1,
        })
      ).docs[0]
      const req = await createLocalReq(
        { user: { ...user, collection: 'users' } as never },
        app.payload,
      )
      for (const id of [
        'abc',
        '-1',
        '0',
        '1.5',
        '1e3',
        '99999999999999999999999',
        ' 1',
        '0x1',
        '',
      ]) {
        await expect(loadMyMentoring(req, id), `${email} ${id}`).resolves.toEqual([])
      }
      expect(await loadMyMentoring(req, String(ids.pairing))).toHaveLength(1)
    }
  })

  it('withdrawal: either party may leave with a reason; the secretariat and the other party are told (R6)', async () => {
    const proposed = await api.post(
      '/api/pairings',
      { mentor: ids.mentor, candidate: ids.otherCandidate },
      as('secretariat'),
    )
    expect(proposed.status).toBe(201)
    const id = proposed.body.doc.id
    // Already has a password: the proposal says to sign in with it, and brings no new set-password link.
    const proposal = (
      await mailTo('laia@sabadell.example', /Proposta de mentoria: Ajuntament d'Olot/)
    ).text
    expect(proposal).toMatch(
      /amb el vostre correu \(laia@sabadell\.example\) i la vostra contrasenya/,
    )
    expect(proposal).not.toMatch(/\/admin\/reset\//)
    expect(
      (await api.patch(`/api/pairings/${id}`, { status: 'accepted' }, as('mentor'))).status,
    ).toBe(200)
    const invitation = await mailTo('marta@olot.example', /Ja teniu persona mentora/)
    expect(
      (
        await api.post('/api/users/reset-password', {
          token: resetToken(invitation),
          password: 'marta-tria-la-seva-1',
        })
      ).status,
    ).toBe(200)
    tokens.otherMentee = (
      await api.post('/api/users/login', {
        email: 'marta@olot.example',
        password: 'marta-tria-la-seva-1',
      })
    ).body.token

    // The first mentee is no party here.
    expect(
      (
        await api.patch(
          `/api/pairings/${id}`,
          { status: 'cancelled', cancellationReason: 'x' },
          as('mentee'),
        )
      ).status,
    ).toBe(403)
    const noReason = await api.patch(
      `/api/pairings/${id}`,
      { status: 'cancelled' },
      as('otherMentee'),
    )
    expect(noReason.status).toBe(400)
    expect(message(noReason)).toMatch(/cal indicar-ne el motiu/)
    const before = mark()
    const left = await api.patch(
      `/api/pairings/${id}`,
      { status: 'cancelled', cancellationReason: 'Canvio de lloc de feina.' },
      as('otherMentee'),
    )
    expect(left.status, JSON.stringify(left.body)).toBe(200)
    expect((await mailTo(SECRETARIAT_INBOX, /Acompanyament deixat/, before)).text).toMatch(
      /Canvio de lloc de feina/,
    )
    expect((await mailTo('laia@sabadell.example', /s'ha acabat/, before)).text).toMatch(
      /Marta Soler ha deixat/,
    )
    expect(
      (await app.payload.findByID({ collection: 'candidates', id: ids.otherCandidate })).status,
    ).toBe('withdrawn')
    expect(
      (
        await api.patch(
          `/api/pairings/${id}`,
          { cancellationReason: 'Un altre motiu' },
          as('otherMentee'),
        )
      ).status,
    ).toBe(409)
  })

  it('the secretariat sends an invitation again; nobody else can', async () => {
    const user = (
      await app.payload.find({
        collection: 'users',
        where: { email: { equals: 'pau@vilafranca.example' } },
      })
    ).docs[0]
    expect((await api.post(`/api/users/${user.id}/invite`, undefined, as('mentor'))).status).toBe(
      403,
    )
    expect((await api.post(`/api/users/${user.id}/invite`)).status).toBe(403)
    const before = mark()
    const sent = await api.post(`/api/users/${user.id}/invite`, undefined, as('secretariat'))
    expect(sent.status, JSON.stringify(sent.body)).toBe(200)
    expect(sent.body.message).toMatch(/S'ha enviat un enllaç nou/)
    const again = await mailTo('pau@vilafranca.example', /entrada a l'aplicació/, before)
    expect(again.text).toContain('/admin/les-meves-mentories')
    expect(
      (
        await api.post('/api/users/reset-password', {
          token: resetToken(again),
          password: 'pau-nova-contrasenya-2',
        })
      ).status,
    ).toBe(200)
    // R14: nobody sets a password for someone else, not even the secretariat.
    const forced = await api.patch(
      `/api/users/${user.id}`,
      { password: 'triada-per-una-altra-1' },
      as('secretariat'),
    )
    expect(forced.status).toBe(403)
    expect(message(forced)).toMatch(/Ningú no tria la contrasenya d'una altra persona/)
    expect(
      (
        await api.post('/api/users/login', {
          email: 'pau@vilafranca.example',
          password: 'triada-per-una-altra-1',
        })
      ).status,
    ).toBe(401)
    expect(
      (
        await api.post('/api/users/login', {
          email: 'pau@vilafranca.example',
          password: 'pau-nova-contrasenya-2',
        })
      ).status,
    ).toBe(200)
  })

  it('a signed-in user with no role and no linked record sees nothing', async () => {
    // R14: the secretariat opens the account without a password; the person chooses it from the invitation.
    const before = mark()
    const created = await api.post(
      '/api/users',
      { email: 'ningu@xmess.example', roles: [] },
      as('secretariat'),
    )
    expect(created.status).toBe(201)
    const invitation = await mailTo('ningu@xmess.example', /entrada a l'aplicació/, before)
    expect(
      (
        await api.post('/api/users/reset-password', {
          token: resetToken(invitation),
          password: 'ningu-contrasenya-1',
        })
      ).status,
    ).toBe(200)
    const token = (
      await api.post('/api/users/login', {
        email: 'ningu@xmess.example',
        password: 'ningu-contrasenya-1',
      })
    ).body.token
    for (const collection of ['pairings', 'meetings', 'incidents', 'mentors', 'candidates']) {
      const list = await api.get(`/api/${collection}`, { token })
      expect(list.body.docs ?? [], collection).toHaveLength(0)
    }
    expect((await api.get(`/api/pairings/${ids.pairing}`, { token })).status).toBe(403)
    expect((await api.get('/api/pairings/versions', { token })).status).toBe(403)
    // Payload's own answer to «may this person open the admin?» (it drops false values).
    expect((await api.get('/api/access', { token })).body.canAccessAdmin ?? false).toBe(false)
    expect((await api.get('/api/access', as('mentor'))).body.canAccessAdmin).toBe(true)

    // A linked record without the role gives nothing either: access comes from both (R14).
    await app.payload.update({
      collection: 'candidates',
      id: ids.candidate,
      data: { user: created.body.doc.id },
    })
    expect((await api.get('/api/pairings', { token })).body.docs ?? []).toHaveLength(0)
  })
})
