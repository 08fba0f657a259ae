import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MAX_APPLICATION_BYTES } from '../../src/endpoints/apply'
import { signOfferLink } from '../../src/notifications/offer-links'
import { runMentorCallRound } from '../../src/services/mentor-offer-form'
import { deliverMail, type ID, memoryEmail } from '../helpers/fixtures'
import { type HttpApp, startHttpApp } from '../helpers/http'

/**
 * The call for mentors (DOMAIN.md `mentor-offers`, /oferta-mentoria, POST /api/mentor-offers/offer):
 * hardened like the application form; a returning mentor's one-click renewal link works once, only for
 * that mentor and that edition. Over HTTP through the real Express app, anonymous as the public is.
 */
const SECRETARIAT = 'secretaria@xmess.example'
const DAY = 86_400_000
const email = memoryEmail()
let web: HttpApp
let editionId: ID
let previousId: ID
let memberId: ID
let nonMemberId: ID
let counter = 0

const uniqueEmail = () => `mentora.${++counter}@ajuntament.example`
const offer = (overrides: Record<string, unknown> = {}) => ({
  name: 'Núria Vidal i Soler',
  position: "Tècnica d'economia social",
  municipality: String(memberId),
  email: uniqueEmail(),
  phone: '+34 937 000 000',
  topics: ['cooperativisme', 'finances-etiques'],
  capacity: 2,
  availability: 'Dimecres a la tarda; em puc desplaçar a tot el Vallès.',
  languages: ['ca', 'es'],
  consents: { dataProcessing: true },
  website: '',
  ...overrides,
})
const post = (body: unknown, query = '', headers?: Record<string, string>) =>
  web.request('POST', `/api/mentor-offers/offer${query}`, body, headers ? { headers } : undefined)
const offers = async (where: Record<string, unknown> = {}) =>
  (
    await web.app.payload.find({
      collection: 'mentor-offers',
      where: where as never,
      depth: 0,
      pagination: false,
    })
  ).docs
const linksIn = (text: string) =>
  [...text.matchAll(/\/oferta-mentoria\?lang=\w+&token=(\S+)/g)].map((match) =>
    decodeURIComponent(match[1]),
  )
const mailTo = (address: string) => email.sent.filter((sent) => String(sent.to) === address)

beforeAll(async () => {
  web = await startHttpApp({
    email: email.adapter,
    plugin: { secretariatEmail: SECRETARIAT },
    rateLimits: { publicWrite: { windowMs: 60_000, limit: 1000 } },
  })
  const { payload } = web.app
  // The first account ever is the secretariat's (DOMAIN.md): made first, so that later ones are not.
  await web.request('POST', '/api/users/first-register', {
    email: SECRETARIAT,
    password: 'contrasenya-de-prova-123',
    confirmPassword: 'contrasenya-de-prova-123',
  })
  const now = Date.now()
  const year = new Date().getUTCFullYear()
  previousId = (
    await payload.create({
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
    await payload.create({
      collection: 'editions',
      data: {
        year,
        name: `Convocatòria ${year}`,
        applicationsOpenAt: new Date(now - 2 * DAY).toISOString(),
        applicationsCloseAt: new Date(now + 20 * DAY).toISOString(),
      } as never,
    })
  ).id
  memberId = (
    await payload.create({
      collection: 'municipalities',
      data: { name: 'Ajuntament de Sabadell', member: true } as never,
    })
  ).id
  nonMemberId = (
    await payload.create({
      collection: 'municipalities',
      data: { name: 'Ajuntament de Nomembre', member: false } as never,
    })
  ).id
})

afterAll(async () => {
  await web?.close()
})

describe('POST /api/mentor-offers/offer: a new mentor offers', () => {
  it('stores a mentor and an offer for the open edition, waiting for review, and emails the person and the secretariat', async () => {
    const body = offer()
    const response = await post(body)
    expect(response.status, response.text).toBe(201)
    expect(response.body.message).toBe('Hem rebut la vostra oferta')
    const mentor = (
      await web.app.payload.find({
        collection: 'mentors',
        where: { email: { equals: body.email } },
      })
    ).docs[0]
    expect(mentor?.name).toBe('Núria Vidal i Soler')
    const stored = await offers({ mentor: { equals: mentor.id } })
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({
      edition: editionId,
      capacity: 2,
      available: true,
      review: 'submitted',
      source: 'form',
      topics: ['cooperativisme', 'finances-etiques'],
    })
    await deliverMail(web.app)
    expect(mailTo(body.email).map((sent) => sent.subject)).toContain(
      'Hem rebut la vostra oferta de mentoria',
    )
    expect(mailTo(SECRETARIAT).some((sent) => String(sent.subject).includes('Núria Vidal'))).toBe(
      true,
    )
  })

  it('accepts the same offer form-encoded, as a browser without JavaScript sends it', async () => {
    const body = offer()
    const form = new URLSearchParams({
      name: body.name,
      position: body.position,
      municipality: body.municipality,
      email: body.email,
      capacity: '1',
      availability: body.availability,
      website: '',
    })
    for (const topic of body.topics) form.append('topics', topic)
    form.append('languages', 'ca')
    form.append('consents.dataProcessing', 'on')
    const response = await post(form.toString(), '', {
      'Content-Type': 'application/x-www-form-urlencoded',
    })
    expect(response.status, response.text).toBe(201)
    expect(
      (
        await web.app.payload.find({
          collection: 'mentors',
          where: { email: { equals: body.email } },
        })
      ).docs,
    ).toHaveLength(1)
  })

  it('answers wrong fields one by one, in Catalan, naming each field, in the order of the form; stores nothing', async () => {
    const before = (await offers()).length
    const response = await post(
      offer({
        name: '',
        email: 'no-és-un-correu',
        topics: ['inventat'],
        capacity: 11,
        availability: '',
        consents: {},
      }),
    )
    expect(response.status).toBe(400)
    expect(response.body.message).toBe('Reviseu els camps marcats.')
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([
      'name',
      'email',
      'topics',
      'capacity',
      'availability',
      'consents.dataProcessing',
    ])
    expect(
      response.body.errors.find((error: { field: string }) => error.field === 'capacity').message,
    ).toBe("Escriviu quants acompanyaments podeu fer: un nombre enter de l'1 al 10.")
    expect((await offers()).length).toBe(before)
  })

  it('refuses a council that is not a member, on the municipality field', async () => {
    const response = await post(offer({ municipality: String(nonMemberId) }))
    expect(response.status).toBe(400)
    expect(response.body.errors[0].field).toBe('municipality')
  })

  it('speaks Spanish or English when asked with ?lang=', async () => {
    expect((await post(offer({ capacity: 0 }), '?lang=es')).body.errors[0].message).toContain(
      'acompañamientos',
    )
    expect((await post(offer({ capacity: 0 }), '?lang=en')).body.errors[0].message).toContain(
      'mentorings',
    )
  })

  it('refuses bodies that are not an offer (bad JSON, a list, another type) and bodies over the limit, never with a 500', async () => {
    const bad = await post('{"name":', '', { 'Content-Type': 'application/json' })
    expect(bad.status).toBe(400)
    expect((await post('[]', '', { 'Content-Type': 'application/json' })).status).toBe(400)
    // In process: the Express stand-in cannot feed a body the endpoint refuses unread.
    const other = await web.app.rest.post('/api/mentor-offers/offer', 'name=x', {
      headers: { 'Content-Type': 'text/plain' },
    })
    expect(other.status).toBe(415)
    const huge = await post(offer({ availability: 'x'.repeat(MAX_APPLICATION_BYTES + 10) }))
    expect(huge.status).toBe(413)
    expect(huge.text).toMatch(/massa gran/)
  })

  it('answers a filled-in or missing honeypot like a success, and stores and sends nothing', async () => {
    const before = (await offers()).length
    await deliverMail(web.app)
    const sent = email.sent.length
    const caught = offer({ website: 'http://spam.example' })
    expect((await post(caught)).status).toBe(201)
    const { website: _website, ...without } = offer()
    expect((await post(without)).status).toBe(201)
    expect((await offers()).length).toBe(before)
    await deliverMail(web.app)
    expect(email.sent.length).toBe(sent)
  })

  it('gives an address that is already a mentor the same answer, and sends the renewal link to that address instead of storing anything', async () => {
    const known = await web.app.payload.create({
      collection: 'mentors',
      data: {
        name: 'Marta Coneguda',
        email: 'marta.coneguda@ajuntament.example',
        municipality: memberId,
        topics: ['cooperativisme'],
      } as never,
    })
    const response = await post(
      offer({ email: 'Marta.Coneguda@ajuntament.example', name: 'Una altra persona' }),
    )
    expect(response.status).toBe(201)
    expect(await offers({ mentor: { equals: known.id } })).toHaveLength(0)
    expect(
      (
        await web.app.payload.find({
          collection: 'mentors',
          where: { name: { equals: 'Una altra persona' } },
        })
      ).docs,
    ).toHaveLength(0)
    await deliverMail(web.app)
    expect(
      linksIn(String(mailTo('marta.coneguda@ajuntament.example').at(-1)?.text ?? '')),
    ).toHaveLength(1)
  })

  it('keeps the collection closed to the public: REST create and read refused', async () => {
    expect([401, 403]).toContain(
      (
        await web.request('POST', '/api/mentor-offers', {
          mentor: 1,
          edition: editionId,
          topics: ['cooperativisme'],
          capacity: 5,
        })
      ).status,
    )
    expect([401, 403]).toContain((await web.request('GET', '/api/mentor-offers')).status)
  })
})

describe('the renewal link of a returning mentor', () => {
  let returning: { id: ID }
  let other: { id: ID }
  let link: string

  beforeAll(async () => {
    const { payload } = web.app
    returning = await payload.create({
      collection: 'mentors',
      data: {
        name: 'Jordi Tornaria',
        email: 'jordi@ajuntament.example',
        language: 'ca',
        municipality: memberId,
        topics: ['cooperativisme'],
      } as never,
    })
    other = await payload.create({
      collection: 'mentors',
      data: {
        name: 'Anna Altra',
        email: 'anna@ajuntament.example',
        municipality: memberId,
        topics: ['cooperativisme'],
      } as never,
    })
    for (const mentor of [returning, other]) {
      await payload.create({
        collection: 'mentor-offers',
        data: {
          mentor: mentor.id,
          edition: previousId,
          topics: ['finances-etiques', 'mercat-social'],
          capacity: 3,
          availability: "Dijous al matí, l'any passat.",
        } as never,
      })
    }
  })

  it('goes out once per mentor when the applications open, however many rounds run', async () => {
    const [first, second] = await Promise.all([
      runMentorCallRound(web.app.payload),
      runMentorCallRound(web.app.payload),
    ])
    expect(first.sent + second.sent).toBe(2)
    expect((await runMentorCallRound(web.app.payload)).sent).toBe(0)
    await deliverMail(web.app)
    const mail = mailTo('jordi@ajuntament.example')
    expect(mail).toHaveLength(1)
    expect(mail[0].subject).toContain('Us tornem a comptar')
    ;[link] = linksIn(String(mail[0].text))
    expect(link).toBeTruthy()
  })

  it('refuses a forged link, a link edited to another mentor or edition, in Catalan, storing nothing', async () => {
    const [body, signature] = link.split('.')
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
    const toOther = `${Buffer.from(JSON.stringify({ ...claims, m: String(other.id) })).toString('base64url')}.${signature}`
    const toLastYear = `${Buffer.from(JSON.stringify({ ...claims, e: String(previousId) })).toString('base64url')}.${signature}`
    for (const token of [toOther, toLastYear, `${body}.${signature.slice(0, -2)}AA`, 'res.res']) {
      const response = await post({
        token,
        topics: ['cooperativisme'],
        capacity: 5,
        availability: 'Sempre',
        website: '',
      })
      expect(response.status, token).toBe(400)
      expect(response.body.errors[0]).toEqual({
        field: 'token',
        message: expect.stringContaining("L'enllaç de renovació no és vàlid"),
      })
    }
    // Signed by us, but for last year's edition: said so.
    const lastYear = signOfferLink(web.app.payload.secret, {
      mentor: String(returning.id),
      edition: String(previousId),
      nonce: 'n',
    })
    const stale = await post({
      token: lastYear,
      topics: ['cooperativisme'],
      capacity: 5,
      availability: 'Sempre',
      website: '',
    })
    expect(stale.status).toBe(409)
    expect(stale.body.message).toContain('era per a una altra convocatòria')
    expect(
      await offers({ edition: { equals: editionId }, mentor: { in: [returning.id, other.id] } }),
    ).toHaveLength(0)
  })

  it('renews with one click for that mentor and that edition only, accepted at once; the link works once, even five times at the same moment', async () => {
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, index) =>
        post({
          token: link,
          topics: ['finances-etiques'],
          capacity: 2 + index,
          availability: 'Dijous al matí',
          website: '',
          mentor: other.id,
        }),
      ),
    )
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1)
    for (const refused of answers.filter((answer) => answer.status !== 201)) {
      expect(refused.status).toBe(409)
      expect(refused.body.message).toContain("Aquest enllaç de renovació ja s'ha fet servir")
    }
    const stored = await offers({
      edition: { equals: editionId },
      mentor: { in: [returning.id, other.id] },
    })
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({
      mentor: returning.id,
      review: 'accepted',
      source: 'renewal',
      topics: ['finances-etiques'],
    })
    const again = await post({
      token: link,
      topics: ['cooperativisme'],
      capacity: 1,
      availability: 'Mai',
      website: '',
    })
    expect(again.status).toBe(409)
    expect(again.body.message).toContain("ja s'ha fet servir")
    // The secretariat deleting the offer does not bring the used link back.
    await web.app.payload.delete({ collection: 'mentor-offers', id: stored[0].id })
    expect(
      (
        await post({
          token: link,
          topics: ['cooperativisme'],
          capacity: 1,
          availability: 'Mai',
          website: '',
        })
      ).status,
    ).toBe(409)
  })

  it('lets a mentor read their own offers and nobody else theirs; only the secretariat changes them', async () => {
    const password = 'contrasenya-de-prova-123'
    const user = await web.app.payload.create({
      collection: 'users',
      data: { email: 'anna@ajuntament.example', password, roles: ['mentor'] } as never,
    })
    await web.app.payload.update({
      collection: 'mentors',
      id: other.id,
      data: { user: user.id } as never,
    })
    const token = await web.login('anna@ajuntament.example', password)
    const list = await web.request('GET', '/api/mentor-offers?depth=0', undefined, { token })
    expect(list.status).toBe(200)
    expect(list.body.docs.map((doc: { mentor: ID }) => doc.mentor)).toEqual([other.id])
    const mine = list.body.docs[0].id
    expect([401, 403]).toContain(
      (await web.request('PATCH', `/api/mentor-offers/${mine}`, { capacity: 10 }, { token }))
        .status,
    )
  })
})

describe("a mentor's erasure (personal data)", () => {
  it('leaves their offers with no name nor free text, and offering nothing any more', async () => {
    const secretariat = await web.login(SECRETARIAT, 'contrasenya-de-prova-123')
    const mentor = (
      await web.app.payload.find({
        collection: 'mentors',
        where: { email: { equals: 'jordi@ajuntament.example' } },
      })
    ).docs[0]
    const before = await offers({ mentor: { equals: mentor.id } })
    expect(before.length).toBeGreaterThan(0)
    const exported = await web.request(
      'GET',
      '/api/mentoria/people/export?email=jordi@ajuntament.example',
      undefined,
      { token: secretariat },
    )
    expect(exported.body.mentorOffers.map((offer: { id: ID }) => offer.id).sort()).toEqual(
      before.map((offer) => offer.id).sort(),
    )
    const erased = await web.request(
      'POST',
      '/api/mentoria/people/erase',
      { email: 'jordi@ajuntament.example' },
      { token: secretariat },
    )
    expect(erased.status, erased.text).toBe(200)
    for (const offer of await offers({ mentor: { equals: mentor.id } })) {
      expect(offer.available).toBe(false)
      expect(String(offer.title)).not.toContain('Jordi')
      expect(String(offer.availability ?? '')).not.toContain('Dijous')
    }
  })
})

describe('the offer endpoint behind the rate limit', () => {
  it('limits offers per client, on the endpoint and on the page alike: 429, in Catalan', async () => {
    const limited = await startHttpApp({
      app: web.app,
      rateLimits: { publicWrite: { windowMs: 60_000, limit: 3 } },
    })
    try {
      const statuses: number[] = []
      for (let index = 0; index < 2; index++)
        statuses.push(
          (await limited.request('POST', '/api/mentor-offers/offer', offer({ website: 'robot' })))
            .status,
        )
      statuses.push(
        (
          await limited.request('POST', '/oferta-mentoria', 'name=x', {
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          })
        ).status,
      )
      const refused = await limited.request('POST', '/api/mentor-offers/offer', offer())
      expect(statuses).toEqual([201, 201, 200])
      expect(refused.status).toBe(429)
      expect(refused.text).toContain('Heu fet massa intents seguits')
    } finally {
      await limited.close()
    }
  })
})
