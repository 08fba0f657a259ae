import { getPayload, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { databaseAdapter } from '../../src/host/config/database'
import { createPayloadConfig } from '../../src/host/config/payload'
import { runRemindersRound } from '../../src/jobs/reminders'
import { mentoriaOptionsOf } from '../../src/plugin'
import { addDays } from '../../src/rules/reminders'
import { deliveriesSettled } from '../../src/services/mail-queue'
import { type ID, type Programme, setupProgramme } from '../helpers/fixtures'
import { type HttpServer, httpClient, smtpEmail, startHttpServer } from '../helpers/http-server'
import { rootDir, startTestApp, type TestApp } from '../helpers/payload'
import { type ReceivedMail, startSmtpServer, type TestSmtp } from '../helpers/smtp'

/**
 * The programme's own calendar: each reminder of DOMAIN.md to the right people on the right day, once,
 * with a controlled clock (the round takes `now`), read from a real SMTP server.
 */
const SECRETARIAT_INBOX = 'avisos@xmess.example'
const MENTOR = 'laia@sabadell.example'
const MENTEE = 'pau@vilafranca.example'
/** The controlled clock: 10 March 2030, 10:00 in Barcelona. */
const TODAY = '2030-03-10'
const clock = (day: string, time = '09:00:00Z') => new Date(`${day}T${time}`)
/** A date field as the admin stores a picked day. */
const at = (day: string) => `${day}T11:00:00.000Z`

let app: TestApp
let smtp: TestSmtp
let server: HttpServer
let p: Programme
let api: ReturnType<typeof httpClient>

beforeAll(async () => {
  smtp = await startSmtpServer()
  app = await startTestApp({
    email: smtpEmail(smtp),
    plugin: { secretariatEmail: SECRETARIAT_INBOX },
  })
  p = await setupProgramme(app, { mentorCapacity: 10 })
  server = await startHttpServer(app)
  api = httpClient(server.url)
})

afterAll(async () => {
  await server?.close()
  await app?.close()
  await smtp?.close()
})

const options = () => mentoriaOptionsOf(app.config)

/** Runs the daily round at `now`, then lets its emails reach the SMTP server. */
async function round(now: Date, payload: Payload = app.payload) {
  const result = await runRemindersRound(payload, options(), { now })
  await settle()
  return result
}

async function settle() {
  await deliveriesSettled(app.payload)
  await app.payload.jobs.run({ queue: 'mentoria-mail', limit: 1000 })
}

/** The emails about one pairing: its page in «Les meves mentories», or its page in the admin. */
const about = (id: ID, mails: ReceivedMail[] = smtp.messages) =>
  mails.filter((mail) =>
    new RegExp(`(les-meves-mentories|collections/pairings)/${id}(#|/fitxa|\\s|$)`).test(mail.text),
  )
const recipients = (mails: ReceivedMail[]) => mails.flatMap((mail) => mail.to).sort()

async function pairing(data: Record<string, unknown>): Promise<ID> {
  const doc = await app.payload.db.create({
    collection: 'pairings',
    data: {
      edition: p.edition.id,
      mentor: p.mentor.id,
      candidate: p.candidate.id,
      title: 'Laia Mentora → Pau Mentorat',
      ...data,
    },
  })
  return doc.id as ID
}

const activeData = (start: string, end: string) => ({
  status: 'active',
  startDate: at(start),
  endDate: at(end),
  agreement: { objectives: 'Pla municipal', activities: 'Visites', calendar: 'Mensual' },
})

describe('POST /api/mentoria/reminders/run, through the real server, as each role', () => {
  it('only the secretariat runs the round; the answer counts each kind; a second run sends nothing', async () => {
    // A proposal of a week ago, by the real clock: due today.
    const id = await pairing({
      status: 'proposed',
      createdAt: new Date(Date.now() - 7 * 86_400_000 - 3_600_000).toISOString(),
    })
    const path = '/api/mentoria/reminders/run'
    expect((await api.post(path)).status).toBe(401)
    const asMentor = await api.post(path, undefined, { token: p.tokens.mentor })
    expect(asMentor.status).toBe(403)
    expect(asMentor.body.errors[0].message).toBe(
      'Només la secretaria tècnica pot enviar els recordatoris.',
    )
    expect((await api.post(path, undefined, { token: p.tokens.mentee })).status).toBe(403)
    expect((await app.payload.count({ collection: 'reminders' })).totalDocs).toBe(0)

    const first = await api.post(path, undefined, { token: p.tokens.secretariat })
    expect(first.status).toBe(200)
    expect(first.body.sent).toEqual({
      proposalUnanswered: 1,
      notStarted: 0,
      noMeeting: 0,
      endApproaching: 0,
      overdue: 0,
      evaluationMissing: 0,
      fitxaMissing: 0,
    })
    expect(first.body.emails).toBe(1)
    expect(first.body.message).toBe("S'han enviat 1 correu de recordatori.")
    await settle()
    const [mail] = about(id)
    expect(mail.to).toEqual([MENTOR])

    const second = await api.post(path, undefined, { token: p.tokens.secretariat })
    expect(second.body.emails).toBe(0)
    expect(second.body.message).toBe("Avui no hi havia cap recordatori pendent d'enviar.")
    await settle()
    expect(about(id)).toHaveLength(1)

    // The record is what the secretariat reads as «enviat el…»; nobody else reads it.
    const records = await api.get(`/api/reminders?where[pairing][equals]=${id}`, {
      token: p.tokens.secretariat,
    })
    expect(records.body.docs).toHaveLength(1)
    expect(records.body.docs[0]).toMatchObject({
      kind: 'proposalUnanswered',
      audience: 'mentor',
      to: MENTOR,
    })
    expect(Date.parse(records.body.docs[0].sentAt)).toBeGreaterThan(Date.now() - 60_000)
    expect((await api.get('/api/reminders', { token: p.tokens.mentor })).status).toBe(403)
    expect((await api.get('/api/reminders')).status).toBe(403)
    await app.payload.db.updateOne({ collection: 'pairings', id, data: { status: 'declined' } })
  })
})

describe('each kind to the right people on the right day, exactly once (controlled clock)', () => {
  it('proposal unanswered: the mentor at 7 days, then the mentor and the secretariat at 14; a link to answer it', async () => {
    const proposedOn = addDays(TODAY, -7)
    const id = await pairing({ status: 'proposed', createdAt: `${proposedOn}T08:00:00.000Z` })
    await round(clock(addDays(TODAY, -1)))
    expect(about(id)).toHaveLength(0)
    // 23:30 UTC the evening before is already 10 March in Barcelona: the day is the programme's.
    await round(new Date(`${addDays(TODAY, -1)}T23:30:00Z`))
    const [first] = about(id)
    expect(first.to).toEqual([MENTOR])
    expect(first.subject).toBe('[Mentoria XMESS] Teniu una proposta de mentoria per respondre')
    expect(first.text).toMatch(/^Hola, Laia Mentora:/)
    expect(first.text).toContain(
      'el 3 de març del 2030 el programa de mentoria de la XMESS us va proposar acompanyar Pau Mentorat',
    )
    expect(first.text).toContain(`${app.config.serverURL}/admin/les-meves-mentories/${id}#resposta`)
    await round(clock(TODAY, '15:00:00Z'))
    await round(clock(addDays(TODAY, 3)))
    expect(about(id)).toHaveLength(1)

    await round(clock(addDays(TODAY, 7)))
    const again = about(id).slice(1)
    expect(recipients(again)).toEqual([MENTOR, SECRETARIAT_INBOX].sort())
    const toSecretariat = again.find((mail) => mail.to.includes(SECRETARIAT_INBOX)) as ReceivedMail
    expect(toSecretariat.subject).toBe(
      '[Mentoria XMESS] Proposta sense resposta: Laia Mentora → Pau Mentorat',
    )
    expect(toSecretariat.text).toContain(`${app.config.serverURL}/admin/collections/pairings/${id}`)
    await round(clock(addDays(TODAY, 30)))
    expect(about(id)).toHaveLength(3)
  })

  it('not started: both parties, 7 days after the edition’s start-by, while still accepted', async () => {
    const edition = await app.payload.db.create({
      collection: 'editions',
      data: {
        year: 2029,
        name: 'Convocatòria 2029',
        applicationsOpenAt: at(addDays(TODAY, -190)),
        applicationsCloseAt: at(addDays(TODAY, -160)),
        startBy: at(addDays(TODAY, -7)),
      },
    })
    const id = await pairing({ status: 'accepted', edition: edition.id })
    const cancelled = await pairing({
      status: 'cancelled',
      edition: edition.id,
      cancellationReason: 'Se’n va',
    })
    await round(clock(addDays(TODAY, -1)))
    expect(about(id)).toHaveLength(0)
    await round(clock(TODAY))
    await round(clock(TODAY))
    const mails = about(id)
    expect(recipients(mails)).toEqual([MENTEE, MENTOR].sort())
    const toMentee = mails.find((mail) => mail.to.includes(MENTEE)) as ReceivedMail
    expect(toMentee.text).toMatch(/Us toca fer el primer pas/)
    expect(toMentee.text).toContain(`/admin/les-meves-mentories/${id}#inici`)
    expect(about(cancelled)).toHaveLength(0)
  })

  it('no meeting yet: both parties at 60 days; not for a pairing that met in person; an online meeting does not count', async () => {
    const start = addDays(TODAY, -60)
    const none = await pairing(activeData(start, addDays(start, 300)))
    const met = await pairing(activeData(start, addDays(start, 300)))
    const online = await pairing(activeData(start, addDays(start, 300)))
    await app.payload.db.create({
      collection: 'meetings',
      data: {
        pairing: met,
        date: at(addDays(start, 20)),
        modality: 'in_person',
        durationMinutes: 60,
      },
    })
    await app.payload.db.create({
      collection: 'meetings',
      data: {
        pairing: online,
        date: at(addDays(start, 20)),
        modality: 'online',
        durationMinutes: 60,
      },
    })
    await round(clock(addDays(TODAY, -1)))
    expect(about(none)).toHaveLength(0)
    await Promise.all([round(clock(TODAY)), round(clock(TODAY))])
    expect(recipients(about(none))).toEqual([MENTEE, MENTOR].sort())
    expect(about(none)[0].text).toContain(`/admin/les-meves-mentories/${none}#trobades`)
    expect(about(met)).toHaveLength(0)
    expect(recipients(about(online))).toEqual([MENTEE, MENTOR].sort())
    await round(clock(addDays(TODAY, 40)))
    expect(about(none)).toHaveLength(2)
  })

  it('end approaching 30 days before, overdue the day after; a new end date re-arms both', async () => {
    const end = addDays(TODAY, 30)
    const id = await pairing(activeData(addDays(TODAY, -300), end))
    await app.payload.db.create({
      collection: 'meetings',
      data: { pairing: id, date: at(addDays(TODAY, -250)), modality: 'in_person' },
    })
    await round(clock(addDays(TODAY, -1)))
    expect(about(id)).toHaveLength(0)
    await round(clock(TODAY))
    const approaching = about(id)
    expect(recipients(approaching)).toEqual([MENTEE, MENTOR].sort())
    expect(approaching[0].subject).toBe("[Mentoria XMESS] L'acompanyament s'acaba d'aquí a 30 dies")
    expect(approaching[0].text).toMatch(
      /té la data de finalització pactada el 9 d.abril del 2030\./,
    )
    await round(clock(addDays(TODAY, 10)))
    await round(clock(end))
    expect(about(id)).toHaveLength(2)

    await round(clock(addDays(end, 1)))
    const overdue = about(id).slice(2)
    expect(recipients(overdue)).toEqual([MENTEE, MENTOR, SECRETARIAT_INBOX].sort())
    expect(overdue.find((mail) => mail.to.includes(SECRETARIAT_INBOX))?.subject).toBe(
      '[Mentoria XMESS] Acompanyament fora de termini: Laia Mentora → Pau Mentorat',
    )
    await round(clock(addDays(end, 2)))
    expect(about(id)).toHaveLength(5)

    // Both parties agree an extension: a new end date, a new occasion for both reminders.
    const newEnd = addDays(end, 60)
    await app.payload.db.updateOne({ collection: 'pairings', id, data: { endDate: at(newEnd) } })
    await round(clock(addDays(end, 3)))
    expect(about(id)).toHaveLength(5)
    await round(clock(addDays(newEnd, -30)))
    expect(recipients(about(id).slice(5))).toEqual([MENTEE, MENTOR].sort())
    await round(clock(addDays(newEnd, 1)))
    expect(recipients(about(id).slice(7))).toEqual([MENTEE, MENTOR, SECRETARIAT_INBOX].sort())
    expect(about(id)).toHaveLength(10)
  })

  it('evaluation missing: the mentor, 7 days after closing; not once the mentor has evaluated', async () => {
    const closing = addDays(TODAY, -7)
    const completed = {
      ...activeData(addDays(TODAY, -200), addDays(TODAY, 100)),
      status: 'completed',
      fitxaPublished: true,
    }
    const missing = await pairing({
      ...completed,
      closing: {
        closingDate: at(closing),
        menteeEvaluation: { rating: 5 },
        menteeEvaluatedAt: at(closing),
      },
    })
    const evaluated = await pairing({
      ...completed,
      closing: {
        closingDate: at(closing),
        menteeEvaluation: { rating: 5 },
        mentorEvaluation: { rating: 4 },
        mentorEvaluatedAt: at(closing),
      },
    })
    await round(clock(addDays(TODAY, -1)))
    expect(about(missing)).toHaveLength(0)
    await round(clock(TODAY))
    await round(clock(addDays(TODAY, 20)))
    const mails = about(missing)
    expect(recipients(mails)).toEqual([MENTOR])
    expect(mails[0].subject).toBe('[Mentoria XMESS] Falta la vostra valoració de la mentoria')
    expect(mails[0].text).toContain(`/admin/les-meves-mentories/${missing}#valoracio`)
    expect(about(evaluated)).toHaveLength(0)
  })

  it('fitxa missing: the mentee 15 days after closing and every 14 days, 4 times; then the secretariat; never asked to publish', async () => {
    const closing = addDays(TODAY, -15)
    const closed = {
      ...activeData(addDays(TODAY, -200), addDays(TODAY, 100)),
      status: 'completed',
      closing: {
        closingDate: at(closing),
        menteeEvaluation: { rating: 5 },
        mentorEvaluation: { rating: 5 },
        mentorEvaluatedAt: at(closing),
      },
    }
    const id = await pairing(closed)
    const published = await pairing({ ...closed, fitxaPublished: true })
    const submitted = await pairing(closed)
    await app.payload.create({
      collection: 'fitxes',
      data: {
        pairing: submitted,
        title: 'En revisió',
        summary: 'Resum',
        objectives: 'Objectius',
        activities: 'Activitats',
        results: 'Resultats',
        topics: ['estrategia-ess'],
        reviewStatus: 'submitted',
        _status: 'draft',
      } as never,
      draft: true,
    })

    await round(clock(addDays(TODAY, -1)))
    expect(about(id)).toHaveLength(0)
    for (let day = 0; day <= 14 * 4 + 3; day++) await round(clock(addDays(TODAY, day)))
    const mails = about(id)
    expect(mails.map((mail) => mail.to.join())).toEqual([
      MENTEE,
      MENTEE,
      MENTEE,
      MENTEE,
      SECRETARIAT_INBOX,
    ])
    expect(mails[0].subject).toBe('[Mentoria XMESS] Us falta enviar la fitxa de la mentoria')
    expect(mails[0].text).toContain('envieu-la a revisió')
    expect(mails[0].text).not.toMatch(/publiqueu|publicar-la|Publica/)
    expect(mails[0].text).toContain(`/admin/les-meves-mentories/${id}/fitxa`)
    expect(mails[3].text).toContain('És el recordatori 4 de 4.')
    expect(mails[4].subject).toBe(
      '[Mentoria XMESS] Fitxa pendent després de 4 recordatoris: Laia Mentora → Pau Mentorat',
    )
    expect(about(published)).toHaveLength(0)
    expect(about(submitted)).toHaveLength(0)
  })

  it("a fitxa in progress: the reminder links to the mentee's own fitxa page, not the secretariat's form", async () => {
    const closing = addDays(TODAY, -15)
    const id = await pairing({
      ...activeData(addDays(TODAY, -200), addDays(TODAY, 100)),
      status: 'completed',
      closing: {
        closingDate: at(closing),
        menteeEvaluation: { rating: 5 },
        mentorEvaluatedAt: at(closing),
      },
    })
    const fitxa = await app.payload.create({
      collection: 'fitxes',
      data: { pairing: id, title: 'Mig feta', summary: 'Resum', _status: 'draft' } as never,
      draft: true,
    })
    const before = smtp.messages.length
    await round(clock(TODAY))
    const mail = smtp.messages
      .slice(before)
      .find((message) => message.text.includes(`/admin/les-meves-mentories/${id}/fitxa`))
    expect(mail?.to).toEqual([MENTEE])
    expect(mail?.text).not.toContain(`/admin/collections/fitxes/${fitxa.id}`)
    expect(mail?.text).toContain('«Envia a revisió»')
  })
})

describe('exactly once, however the round runs', () => {
  it('two rounds at the same moment, and a round on a second server on the same database, send nothing more', async () => {
    const id = await pairing(activeData(addDays(TODAY, 400), addDays(TODAY, 700)))
    await app.payload.db.create({
      collection: 'meetings',
      data: { pairing: id, date: at(addDays(TODAY, 410)), modality: 'in_person' },
    })
    const end = addDays(TODAY, 700)
    const day = addDays(end, 1)
    const second = await getPayload({
      config: createPayloadConfig({
        env: app.env,
        rootDir,
        db: databaseAdapter(app.env.database, { useMigrations: true }),
        email: smtpEmail(smtp),
        plugin: { secretariatEmail: SECRETARIAT_INBOX },
      }),
      key: `segon-servidor-${Date.now()}`,
    })
    try {
      const records = async () => (await app.payload.count({ collection: 'reminders' })).totalDocs
      const [recordsBefore, mailsBefore] = [await records(), smtp.messages.length]
      const results = await Promise.all([
        runRemindersRound(app.payload, options(), { now: clock(day) }),
        runRemindersRound(app.payload, options(), { now: clock(day) }),
        runRemindersRound(second, mentoriaOptionsOf(second.config), { now: clock(day) }),
      ])
      await settle()
      await deliveriesSettled(second)
      await second.jobs.run({ queue: 'mentoria-mail', limit: 1000 })
      expect(recipients(about(id))).toEqual([MENTEE, MENTOR, SECRETARIAT_INBOX].sort())
      // What the three rounds say they sent is what was recorded and what arrived: each once.
      const emails = results.reduce((sum, result) => sum + result.emails, 0)
      expect(emails).toBeGreaterThanOrEqual(3)
      expect((await records()) - recordsBefore).toBe(emails)
      expect(smtp.messages.length - mailsBefore).toBe(emails)
      expect(results.reduce((sum, result) => sum + result.alreadySent, 0)).toBeGreaterThan(0)
      await round(clock(day))
      expect(smtp.messages.length - mailsBefore).toBe(emails)
    } finally {
      await second.destroy()
    }
  })

  it('a retried email job sends nothing twice', async () => {
    const end = addDays(TODAY, 800)
    const id = await pairing(activeData(addDays(TODAY, 500), end))
    await app.payload.db.create({
      collection: 'meetings',
      data: { pairing: id, date: at(addDays(TODAY, 510)), modality: 'in_person' },
    })
    await round(clock(addDays(end, 1)))
    expect(about(id)).toHaveLength(3)
    const record = (
      await app.payload.find({
        collection: 'reminders',
        where: { and: [{ pairing: { equals: id } }, { audience: { equals: 'mentor' } }] },
      })
    ).docs[0]
    expect(record.sentAt).toBeTruthy()
    // The same email job again, as after a crash between sending and recording the job's end.
    await app.payload.jobs.queue({
      task: 'sendEmail',
      input: {
        to: record.to,
        subject: String(record.subject),
        text: 'Un altre cop',
        reminder: String(record.id),
      },
      queue: 'mentoria-mail',
    })
    await settle()
    expect(about(id)).toHaveLength(3)
  })

  it('is on the jobs queue, scheduled by itself, and JOBS_AUTORUN=false schedules nothing in that process', async () => {
    const task = app.config.jobs.tasks?.find((candidate) => candidate.slug === 'sendReminders')
    expect(task?.schedule).toEqual([{ cron: '0 * * * *', queue: 'mentoria' }])
    const withCrons = await createPayloadConfig({
      env: { ...app.env, jobsAutorun: true },
      rootDir,
      db: databaseAdapter(app.env.database),
    })
    expect(withCrons.jobs.autoRun).toEqual(
      expect.arrayContaining([expect.objectContaining({ queue: 'mentoria' })]),
    )
    expect(app.config.jobs.autoRun).toBeUndefined()
  })
})
