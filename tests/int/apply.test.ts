import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MAX_APPLICATION_BYTES } from '../../src/endpoints/apply'
import { formatDate } from '../../src/site/i18n'
import { powBitsOf, powInput, solveChallenge } from '../../src/site/pow'
import { startTestApp, type TestApp } from '../helpers/payload'
import { startSmtpServer, type TestSmtp } from '../helpers/smtp'
import { mentoriaOptionsOf } from '../../src/plugin'

const SECRETARIAT = 'secretaria@xmess.example'
const DAY = 24 * 60 * 60 * 1000

let app: TestApp
let smtp: TestSmtp
let editionId: number | string
let previousEditionId: number | string
let memberId: number | string
let otherMemberId: number | string
let nonMemberId: number | string
let counter = 0

const uniqueEmail = (prefix = 'persona') => `${prefix}.${++counter}@ajuntament.example`

function application(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Laia Puig i Serra',
    position: 'Tècnica de promoció econòmica',
    municipality: String(memberId),
    email: uniqueEmail(),
    phone: '+34 938 000 000',
    topics: ['cooperativisme', 'finances-etiques'],
    needs: 'Volem fer el primer pla municipal d’economia social i no sabem per on començar.',
    availability:
      'Dimarts i dijous al matí. Puc anar a qualsevol lloc de la província de Barcelona.',
    languages: ['ca', 'es'],
    consents: { dataProcessing: true, commitment: true },
    website: '',
    ...overrides,
  }
}

/** The same application as a browser sends it: repeated keys for the lists, dotted names for the boxes. */
function asForm(body: ReturnType<typeof application>): string {
  const form = new URLSearchParams()
  for (const [key, value] of Object.entries(body)) {
    if (Array.isArray(value)) for (const item of value) form.append(key, String(item))
    else if (value && typeof value === 'object') {
      for (const [inner, ticked] of Object.entries(value))
        if (ticked) form.append(`${key}.${inner}`, 'on')
    } else form.append(key, String(value))
  }
  return form.toString()
}

const postForm = (body: string, query = '') =>
  app.rest.post(`/api/candidates/apply${query}`, body, {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  })

const countCandidates = async (where: Record<string, unknown> = {}) =>
  (await app.payload.count({ collection: 'candidates', where: where as never })).totalDocs

async function withEditionDates(openAt: Date, closeAt: Date, run: () => Promise<void>) {
  const before = await app.payload.findByID({ collection: 'editions', id: editionId, depth: 0 })
  await app.payload.update({
    collection: 'editions',
    id: editionId,
    data: { applicationsOpenAt: openAt.toISOString(), applicationsCloseAt: closeAt.toISOString() },
  })
  try {
    await run()
  } finally {
    await app.payload.update({
      collection: 'editions',
      id: editionId,
      data: {
        applicationsOpenAt: before.applicationsOpenAt,
        applicationsCloseAt: before.applicationsCloseAt,
      },
    })
  }
}

beforeAll(async () => {
  smtp = await startSmtpServer()
  app = await startTestApp({
    email: nodemailerAdapter({
      defaultFromAddress: 'mentoria@xmess.example',
      defaultFromName: 'Mentoria XMESS',
      skipVerify: true,
      transportOptions: { host: smtp.host, port: smtp.port, secure: false, ignoreTLS: true },
    }),
    plugin: { secretariatEmail: SECRETARIAT },
  })
  const now = Date.now()
  const year = new Date().getUTCFullYear()
  previousEditionId = (
    await app.payload.create({
      collection: 'editions',
      data: {
        year: year - 1,
        name: `Convocatòria ${year - 1}`,
        applicationsOpenAt: new Date(now - 400 * DAY).toISOString(),
        applicationsCloseAt: new Date(now - 370 * DAY).toISOString(),
      } as never,
    })
  ).id
  editionId = (
    await app.payload.create({
      collection: 'editions',
      data: {
        year,
        name: `Convocatòria ${year}`,
        applicationsOpenAt: new Date(now - 2 * DAY).toISOString(),
        applicationsCloseAt: new Date(now + 20 * DAY).toISOString(),
        matchingBy: new Date(now + 50 * DAY).toISOString(),
        startBy: new Date(now + 80 * DAY).toISOString(),
      } as never,
    })
  ).id
  const council = async (name: string, member: boolean) =>
    (
      await app.payload.create({
        collection: 'municipalities',
        data: { name, comarca: 'Vallès Occidental', province: 'Barcelona', member } as never,
      })
    ).id
  memberId = await council('Ajuntament de Sabadell', true)
  otherMemberId = await council('Ajuntament de Terrassa', true)
  nonMemberId = await council('Ajuntament de Nomembre', false)
})

afterAll(async () => {
  await app?.close()
  await smtp?.close()
})

describe('POST /api/candidates/apply: a person applies', () => {
  it('stores a JSON application as submitted in the open edition, and emails the person and the secretariat', async () => {
    const body = application({ email: 'Laia.Puig@Ajuntament.example' })
    const response = await app.rest.post('/api/candidates/apply', body)
    expect(response.status).toBe(201)
    expect(response.body.message).toBe('Hem rebut la vostra sol·licitud')
    expect(response.body.edition.name).toMatch(/^Convocatòria/)
    expect(response.body.nextSteps).toHaveLength(4)
    expect(response.body.nextSteps[1]).toMatch(/^Aparellament: com a tard (el |l')\d+ d/)
    expect(response.body.nextSteps[2]).toMatch(/^Inici, abans de(l |l')\d+ d/)
    // No personal data and no id in the answer.
    expect(JSON.stringify(response.body)).not.toMatch(/laia/i)

    const { docs } = await app.payload.find({
      collection: 'candidates',
      where: { email: { equals: 'laia.puig@ajuntament.example' } },
      depth: 0,
    })
    expect(docs).toHaveLength(1)
    const stored = docs[0] as Record<string, any>
    expect(stored).toMatchObject({
      name: 'Laia Puig i Serra',
      status: 'submitted',
      topics: ['cooperativisme', 'finances-etiques'],
      languages: ['ca', 'es'],
      consents: { dataProcessing: true, commitment: true },
    })
    expect(String(stored.edition)).toBe(String(editionId))
    expect(String(stored.municipality)).toBe(String(memberId))
    expect(stored.user ?? null).toBeNull()

    const confirmation = await smtp.waitFor((mail) =>
      mail.to.includes('laia.puig@ajuntament.example'),
    )
    expect(confirmation.subject).toBe('Hem rebut la vostra sol·licitud de mentoria XMESS')
    expect(confirmation.text).toContain('Hola, Laia Puig i Serra:')
    expect(confirmation.text).toContain('Ens: Ajuntament de Sabadell')
    expect(confirmation.text).toContain(
      '1. Cooperativisme i emprenedoria col·lectiva; 2. Finances ètiques',
    )
    expect(confirmation.text).toMatch(/Aparellament: com a tard (el |l')\d+ d/)
    expect(confirmation.headers['reply-to']).toContain(SECRETARIAT)

    const notice = await smtp.waitFor((mail) => mail.to.includes(SECRETARIAT))
    expect(notice.subject).toBe(
      'Nova sol·licitud de mentoria: Laia Puig i Serra (Ajuntament de Sabadell)',
    )
    expect(notice.text).toContain('Correu: laia.puig@ajuntament.example')
    expect(notice.text).toContain(`/admin/collections/candidates/${stored.id}`)
  })

  it('accepts the same application form-encoded, as a browser without JavaScript sends it', async () => {
    const body = application({
      municipality: String(otherMemberId),
      topics: ['habitatge-cooperatiu', '', 'bens-comuns'],
    })
    const response = await postForm(asForm(body))
    expect(response.status).toBe(201)
    const { docs } = await app.payload.find({
      collection: 'candidates',
      where: { email: { equals: body.email } },
      depth: 0,
    })
    expect(docs).toHaveLength(1)
    expect(docs[0].topics).toEqual(['habitatge-cooperatiu', 'bens-comuns'])
    expect(docs[0].consents).toEqual({ dataProcessing: true, commitment: true })
  })

  it('never lets the body set status, edition or user', async () => {
    const body = application({
      status: 'matched',
      edition: previousEditionId,
      user: 1,
      lateRegistration: true,
      id: 999_999,
    })
    const response = await app.rest.post('/api/candidates/apply', body)
    expect(response.status).toBe(201)
    const { docs } = await app.payload.find({
      collection: 'candidates',
      where: { email: { equals: body.email } },
      depth: 0,
    })
    expect(docs).toHaveLength(1)
    const stored = docs[0] as Record<string, any>
    expect(stored.status).toBe('submitted')
    expect(String(stored.edition)).toBe(String(editionId))
    expect(stored.user ?? null).toBeNull()
    expect(String(stored.id)).not.toBe('999999')
    expect(stored.lateRegistration ?? false).toBe(false)
  })

  it('keeps the plain REST create closed to strangers', async () => {
    const before = await countCandidates()
    const response = await app.rest.post('/api/candidates', {
      ...application(),
      edition: editionId,
      municipality: memberId,
    })
    expect(response.status).toBe(403)
    expect(await countCandidates()).toBe(before)
  })
})

describe('refusals', () => {
  it('refuses a second open application of the same email in the edition, whatever the case (409), storing nothing', async () => {
    const email = uniqueEmail('doble')
    expect((await app.rest.post('/api/candidates/apply', application({ email }))).status).toBe(201)
    const again = await app.rest.post(
      '/api/candidates/apply',
      application({ email: `  ${email.toUpperCase()} `, name: 'Una altra' }),
    )
    expect(again.status).toBe(409)
    expect(again.body.errors).toEqual([
      {
        field: 'email',
        message: 'Aquesta adreça de correu ja té una sol·licitud oberta en aquesta convocatòria.',
      },
    ])
    expect(await countCandidates({ email: { equals: email } })).toBe(1)
  })

  it('gives exactly one record to ten identical applications sent at the same moment', async () => {
    const email = uniqueEmail('alhora')
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        app.rest.post('/api/candidates/apply', application({ email })),
      ),
    )
    const statuses = responses.map((response) => response.status).sort()
    expect(statuses.filter((status) => status === 201)).toHaveLength(1)
    expect(statuses.filter((status) => status === 409)).toHaveLength(9)
    expect(await countCandidates({ email: { equals: email } })).toBe(1)
  })

  it('refuses a council that is not a member, on the municipality field', async () => {
    const body = application({ municipality: String(nonMemberId) })
    const response = await app.rest.post('/api/candidates/apply', body)
    expect(response.status).toBe(400)
    expect(response.body.errors).toEqual([
      {
        field: 'municipality',
        message:
          'Ajuntament de Nomembre no és membre de la XMESS: només hi poden participar els ens membres.',
      },
    ])
    const unknown = await app.rest.post(
      '/api/candidates/apply',
      application({ municipality: 'no-existeix' }),
    )
    expect(unknown.status).toBe(400)
    expect(unknown.body.errors[0].field).toBe('municipality')
    expect(await countCandidates({ email: { in: [body.email] } })).toBe(0)
  })

  it('refuses without consent to data processing or without the commitment, on those fields', async () => {
    const none = application({ consents: {} })
    const response = await app.rest.post('/api/candidates/apply', none)
    expect(response.status).toBe(400)
    expect(response.body.errors).toEqual([
      {
        field: 'consents.dataProcessing',
        message: 'Cal acceptar el tractament de les dades personals per poder participar.',
      },
      {
        field: 'consents.commitment',
        message:
          "Cal comprometre's a fer l'acompanyament, comunicar les incidències i documentar la fitxa.",
      },
    ])
    const formBody = asForm(application({ consents: { dataProcessing: true } }))
    const form = await postForm(formBody)
    expect(form.status).toBe(400)
    expect(form.body.errors.map((error: { field: string }) => error.field)).toEqual([
      'consents.commitment',
    ])
    expect(await countCandidates({ email: { equals: none.email } })).toBe(0)
  })

  it('answers wrong fields one by one, in Catalan, in the order of the form', async () => {
    const response = await app.rest.post(
      '/api/candidates/apply',
      application({
        name: '   ',
        email: 'no-és-un-correu',
        topics: ['cooperativisme', 'cooperativisme'],
        phone: 'truqueu-me',
        needs: 'x'.repeat(4001),
        languages: [],
      }),
    )
    expect(response.status).toBe(400)
    expect(response.body.message).toBe(
      'Hi ha camps per corregir. Reviseu-los i torneu a enviar la sol·licitud.',
    )
    expect(response.body.errors).toEqual([
      { field: 'name', message: 'Escriviu el vostre nom i cognoms.' },
      {
        field: 'email',
        message: 'Escriviu una adreça de correu vàlida, com ara nom@ajuntament.cat.',
      },
      {
        field: 'phone',
        message: 'Escriviu un telèfon vàlid: xifres, espais i, si cal, el prefix amb +.',
      },
      { field: 'topics', message: 'No repetiu el mateix àmbit en dues prioritats.' },
      { field: 'needs', message: 'El text és massa llarg (màxim 4.000 caràcters).' },
      { field: 'languages', message: 'Marqueu com a mínim una llengua.' },
    ])
  })

  it('speaks Spanish or English when asked with ?lang=', async () => {
    const es = await app.rest.post('/api/candidates/apply?lang=es', application({ name: '' }))
    expect(es.body.errors).toEqual([{ field: 'name', message: 'Escriba su nombre y apellidos.' }])
    const en = await app.rest.post('/api/candidates/apply?lang=en', application({ topics: [] }))
    expect(en.body.errors).toEqual([
      { field: 'topics', message: 'Choose at least one area (the first priority).' },
    ])
  })

  it('refuses bodies that are not an application: bad JSON, a JSON list, another content type', async () => {
    expect((await app.rest.post('/api/candidates/apply', '{"name": ')).status).toBe(400)
    expect((await app.rest.post('/api/candidates/apply', '[1,2]')).status).toBe(400)
    const other = await app.rest.post('/api/candidates/apply', 'hola', {
      headers: { 'Content-Type': 'text/plain' },
    })
    expect(other.status).toBe(415)
    expect(other.body.message).toMatch(/JSON/)
  })

  it('refuses a body over the limit with 413, before parsing it', async () => {
    const before = await countCandidates()
    const big = application({ needs: 'a'.repeat(MAX_APPLICATION_BYTES) })
    const response = await app.rest.post('/api/candidates/apply', big)
    expect(response.status).toBe(413)
    expect(response.body.message).toMatch(/massa llarga/)
    const bigForm = await postForm(
      asForm(application({ availability: 'à'.repeat(MAX_APPLICATION_BYTES / 4) })),
    )
    expect(bigForm.status).toBe(413)
    expect(await countCandidates()).toBe(before)
  })
})

describe('the honeypot', () => {
  it('answers a filled-in honeypot like a success, and stores and sends nothing', async () => {
    const before = await countCandidates()
    const body = application({ website: 'https://compra-ara.example' })
    const response = await app.rest.post('/api/candidates/apply', body)
    expect(response.status).toBe(201)
    expect(response.body.message).toBe('Hem rebut la vostra sol·licitud')
    // The same answer a person gets, word for word (but for the dates, which are the same edition).
    const person = await app.rest.post('/api/candidates/apply', application())
    expect(Object.keys(response.body).sort()).toEqual(Object.keys(person.body).sort())
    expect(response.body.nextSteps).toEqual(person.body.nextSteps)
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(await countCandidates()).toBe(before + 1)
    expect(smtp.to(body.email)).toHaveLength(0)
    expect(smtp.messages.filter((mail) => mail.text.includes(body.email))).toHaveLength(0)
  })

  it('also fires when the honeypot field is missing altogether (JSON or form)', async () => {
    const before = await countCandidates()
    const { website: _website, ...withoutHoneypot } = application()
    expect((await app.rest.post('/api/candidates/apply', withoutHoneypot)).status).toBe(201)
    const form = new URLSearchParams(asForm(application()))
    form.delete('website')
    expect((await postForm(form.toString())).status).toBe(201)
    expect(await countCandidates()).toBe(before)
  })
})

describe('the application window (R2)', () => {
  it('refuses before the window opens, saying when it opens and closes', async () => {
    const opens = new Date(Date.UTC(2031, 8, 1, 7))
    const closes = new Date(Date.UTC(2031, 8, 30, 20))
    await withEditionDates(opens, closes, async () => {
      const before = await countCandidates()
      const response = await app.rest.post('/api/candidates/apply', application())
      expect(response.status).toBe(409)
      expect(response.body.message).toBe(
        `Les sol·licituds encara no són obertes: s'obren l'${formatDate(opens, 'ca')} i es tanquen el ${formatDate(closes, 'ca')}.`,
      )
      expect(formatDate(opens, 'ca')).toMatch(/^1 de setembre del? 2031$/)
      expect(response.body.window).toMatchObject({ state: 'before' })
      expect(await countCandidates()).toBe(before)
      const es = await app.rest.post('/api/candidates/apply?lang=es', application())
      expect(es.body.message).toBe(
        'Las solicitudes aún no están abiertas: se abren el 1 de septiembre de 2031 y se cierran el 30 de septiembre de 2031.',
      )
      const en = await app.rest.post('/api/candidates/apply?lang=en', application())
      expect(en.body.message).toBe(
        'Applications are not open yet: they open on 1 September 2031 and close on 30 September 2031.',
      )
    })
  })

  it('refuses after the window closed, saying when it was open', async () => {
    const now = Date.now()
    await withEditionDates(new Date(now - 30 * DAY), new Date(now - 5 * DAY), async () => {
      const response = await app.rest.post('/api/candidates/apply', asForm(application()), {
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      })
      expect(response.status).toBe(409)
      expect(response.body.message).toMatch(
        /^El termini de sol·licituds es va tancar (el |l')\d+ d.+ \(s'havia obert (el |l')\d+ d.+\)\.$/,
      )
      expect(response.body.window.state).toBe('after')
    })
  })
})

describe('the proof of work (plugin option proofOfWorkBits, env APPLY_POW_BITS)', () => {
  it('is off by default, and when on, needs a fresh challenge solved for the same email', async () => {
    expect((await app.rest.get('/api/candidates/apply/challenge')).body).toEqual({ enabled: false })
    // As if started with APPLY_POW_BITS=8.
    mentoriaOptionsOf(app.config).proofOfWorkBits = 8
    try {
      const challenge = await app.rest.get('/api/candidates/apply/challenge')
      expect(challenge.body).toMatchObject({ enabled: true, bits: 8 })
      const email = uniqueEmail('pow')

      const without = await app.rest.post('/api/candidates/apply', application({ email }))
      expect(without.status).toBe(400)
      expect(without.body.errors[0].field).toBe('pow')

      const proof = await solveChallenge(challenge.body.challenge, email)
      const forged = await app.rest.post(
        '/api/candidates/apply',
        application({ email, pow: { ...proof, challenge: proof.challenge.replace('.8.', '.1.') } }),
      )
      expect(forged.status).toBe(400)

      const solved = await app.rest.post(
        '/api/candidates/apply',
        application({ email, pow: proof }),
      )
      expect(solved.status).toBe(201)
      // The same solution does not carry over to another email (one whose hash it does not solve by chance).
      let otherEmail = uniqueEmail('pow')
      while (powBitsOf(powInput(proof.challenge, otherEmail, proof.nonce)) >= 8)
        otherEmail = uniqueEmail('pow')
      const reused = await app.rest.post(
        '/api/candidates/apply',
        application({ email: otherEmail, pow: proof }),
      )
      expect(reused.status).toBe(400)
    } finally {
      mentoriaOptionsOf(app.config).proofOfWorkBits = 0
    }
  })
})

describe('when email fails', () => {
  it('still keeps the application (the failure is only logged)', async () => {
    await smtp.idle()
    await smtp.close()
    const body = application()
    const response = await app.rest.post('/api/candidates/apply', body)
    expect(response.status).toBe(201)
    expect(await countCandidates({ email: { equals: body.email } })).toBe(1)
    await new Promise((resolve) => setTimeout(resolve, 300))
  })

  it('refuses with the dates when there is no edition at all', async () => {
    // Last: removes the editions (and their candidates) of this file's database.
    await app.payload.delete({ collection: 'candidates', where: { id: { exists: true } } })
    await app.payload.delete({ collection: 'editions', where: { id: { exists: true } } })
    const response = await app.rest.post('/api/candidates/apply', application())
    expect(response.status).toBe(409)
    expect(response.body.message).toBe(
      'Ara no hi ha cap convocatòria oberta. La XMESS obre les sol·licituds cada setembre.',
    )
  })
})
