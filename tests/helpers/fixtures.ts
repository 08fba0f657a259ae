import type { EmailAdapter, SendEmailOptions } from 'payload'

import { deliveriesSettled } from '../../src/services/mail-queue'
import type { TestApp } from './payload'

export type ID = number | string

/**
 * Sends the queued emails now. Against the production server (HTTP_SERVER=production) the server sends
 * them itself right after each change: running the queue here too would race it, so this waits for it.
 * In process, the prompt delivery after a change may hold the claim on an email this run also picked
 * (src/jobs/mail.ts): wait for it too, so that what was queued has gone when this returns.
 */
export const deliverMail = async (app: TestApp) => {
  if (process.env.HTTP_SERVER !== 'production') {
    await app.payload.jobs.run({ queue: 'mentoria-mail', limit: 1000 })
    await deliveriesSettled(app.payload)
    return
  }
  const deadline = Date.now() + 15_000
  const pending = {
    and: [
      { queue: { equals: 'mentoria-mail' } },
      { completedAt: { exists: false } },
      { hasError: { not_equals: true } },
    ],
  }
  while (
    (await app.payload.count({ collection: 'payload-jobs', where: pending as never })).totalDocs > 0
  ) {
    if (Date.now() > deadline)
      throw new Error('The production server did not send its queued emails in 15 s')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Payload's email adapter boundary, keeping what was sent in memory so tests can read it. */
export function memoryEmail() {
  const sent: SendEmailOptions[] = []
  const adapter: EmailAdapter = () => ({
    name: 'memory',
    defaultFromAddress: 'mentoria@xmess.example',
    defaultFromName: 'Mentoria XMESS',
    sendEmail: async (message) => {
      sent.push(message)
      return { accepted: [message.to] }
    },
  })
  return { adapter, sent }
}

export const PASSWORD = 'contrasenya-de-prova-123'

export type Programme = Awaited<ReturnType<typeof setupProgramme>>

const isoDaysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString()

/**
 * A small programme: three councils (one not a member), an open edition, a secretariat, a mentor
 * and a mentee with their records, and one more eligible candidate. Tokens come from the real login.
 */
export async function setupProgramme(app: TestApp, { mentorCapacity = 1 } = {}) {
  const { payload, rest } = app
  const first = await rest.post('/api/users/first-register', {
    email: 'secretaria@xmess.example',
    password: PASSWORD,
    confirmPassword: PASSWORD,
  })
  if (first.status !== 200)
    throw new Error(`first-register: ${first.status} ${JSON.stringify(first.body)}`)
  const make = async (collection: string, data: Record<string, unknown>) =>
    (await payload.create({
      collection: collection as never,
      data: data as never,
      depth: 0,
    })) as unknown as { id: ID } & Record<string, unknown>

  const sabadell = await make('municipalities', {
    name: 'Ajuntament de Sabadell',
    member: true,
    latitude: 41.55,
    longitude: 2.11,
  })
  const vilafranca = await make('municipalities', {
    name: 'Ajuntament de Vilafranca del Penedès',
    member: true,
    latitude: 41.35,
    longitude: 1.7,
  })
  const olot = await make('municipalities', {
    name: "Ajuntament d'Olot",
    member: true,
    latitude: 42.18,
    longitude: 2.49,
  })
  const cadaques = await make('municipalities', { name: 'Ajuntament de Cadaqués', member: false })
  const edition = await make('editions', {
    year: new Date().getUTCFullYear(),
    name: 'Convocatòria de prova',
    applicationsOpenAt: isoDaysFromNow(-10),
    applicationsCloseAt: isoDaysFromNow(10),
  })
  const closedEdition = await make('editions', {
    year: new Date().getUTCFullYear() - 1,
    name: 'Convocatòria passada',
    applicationsOpenAt: isoDaysFromNow(-400),
    applicationsCloseAt: isoDaysFromNow(-370),
  })

  const user = async (email: string, roles: string[]) =>
    make('users', { email, password: PASSWORD, roles })
  const mentorUser = await user('mentora@xmess.example', ['mentor'])
  const menteeUser = await user('mentorada@xmess.example', ['mentee'])
  const otherMenteeUser = await user('altra@xmess.example', ['mentee'])

  const mentor = await make('mentors', {
    name: 'Laia Mentora',
    email: 'laia@sabadell.example',
    phone: '600000001',
    municipality: sabadell.id,
    topics: ['estrategia-ess'],
    capacity: mentorCapacity,
    available: true,
    user: mentorUser.id,
  })
  const candidateData = (name: string, email: string, municipality: ID, userId?: ID) => ({
    name,
    email,
    phone: '600000002',
    municipality,
    edition: edition.id,
    topics: ['estrategia-ess'],
    status: 'eligible',
    consents: { dataProcessing: true, commitment: true },
    user: userId,
  })
  const candidate = await make(
    'candidates',
    candidateData('Pau Mentorat', 'pau@vilafranca.example', vilafranca.id, menteeUser.id),
  )
  const otherCandidate = await make(
    'candidates',
    candidateData('Marta Altra', 'marta@olot.example', olot.id, otherMenteeUser.id),
  )

  const tokens = {
    secretariat: await rest.login('secretaria@xmess.example', PASSWORD),
    mentor: await rest.login('mentora@xmess.example', PASSWORD),
    mentee: await rest.login('mentorada@xmess.example', PASSWORD),
    otherMentee: await rest.login('altra@xmess.example', PASSWORD),
  }
  return {
    councils: { sabadell, vilafranca, olot, cadaques },
    edition,
    closedEdition,
    users: { mentorUser, menteeUser, otherMenteeUser },
    mentor,
    candidate,
    otherCandidate,
    tokens,
    candidateData,
  }
}

/** A valid agreement, dates within a year, and a finished closing, for moving pairings along. */
export const startData = () => ({
  startDate: isoDaysFromNow(-60),
  endDate: isoDaysFromNow(200),
  agreement: {
    objectives: 'Redactar el pla municipal',
    activities: 'Dues visites i revisió del document',
    calendar: 'Novembre–juny',
  },
})

export const closingData = () => ({
  closing: {
    closingDate: isoDaysFromNow(-1),
    menteeEvaluation: { rating: 5, comments: 'Molt útil' },
  },
})

export { isoDaysFromNow }
