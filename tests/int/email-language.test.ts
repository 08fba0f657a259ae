import type { SendEmailOptions } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { runRemindersRound } from '../../src/jobs/reminders'
import { parseMentoriaOptions } from '../../src/lib/options'
import { mentoriaOptionsOf } from '../../src/plugin'
import {
  deliverMail,
  type ID,
  memoryEmail,
  type Programme,
  setupProgramme,
  startData,
} from '../helpers/fixtures'
import { type HttpApp, startHttpApp } from '../helpers/http'

/**
 * A language per person (issue 23, Llei 1/1998): the form's language becomes the applicant's, and
 * every email of the year (the confirmation, the proposal to the mentor, the acceptance, the
 * reminders) goes out in each person's language; Catalan for everyone else.
 */

let web: HttpApp
let p: Programme
const email = memoryEmail()
const as = (token?: string) => ({ token })
const to = (address: string) =>
  email.sent.filter(
    (sent) => sent.to === address || (Array.isArray(sent.to) && sent.to.includes(address)),
  )
const last = (address: string): SendEmailOptions => {
  const found = to(address).at(-1)
  if (!found) throw new Error(`no email to ${address}`)
  return found
}

let spanishCandidate: ID
let spanishMentor: ID
let spanishPairing: ID

beforeAll(async () => {
  web = await startHttpApp({ email: email.adapter })
  p = await setupProgramme(web.app)
})

afterAll(async () => {
  await web?.close()
})

describe('each person gets every email in their language', () => {
  it('the form’s language is the applicant’s, and the confirmation comes in it', async () => {
    const applied = await web.request('POST', '/api/candidates/apply?lang=es', {
      name: 'Lucía Castellana',
      position: 'Técnica de desarrollo local',
      municipality: String(p.councils.olot.id),
      email: 'lucia@olot.example',
      topics: ['estrategia-ess'],
      needs: 'Queremos empezar un plan municipal de economía social.',
      availability: 'Martes por la mañana.',
      languages: ['es'],
      consents: { dataProcessing: true, commitment: true },
      website: '',
    })
    expect(applied.status, applied.text).toBe(201)
    await deliverMail(web.app)
    const stored = (
      await web.app.payload.find({
        collection: 'candidates',
        where: { email: { equals: 'lucia@olot.example' } },
        depth: 0,
      })
    ).docs[0]
    expect(stored.language).toBe('es')
    spanishCandidate = stored.id
    const confirmation = last('lucia@olot.example')
    expect(confirmation.subject).toBe('Hemos recibido vuestra solicitud de mentoría XMESS')
    expect(String(confirmation.text)).toContain('Qué pasa ahora:')
    expect(String(confirmation.text)).toContain(`${web.app.config.serverURL}/privacitat?lang=es`)
    // The secretariat's notice stays in Catalan.
    expect(last('secretaria@xmess.example').subject).toMatch(
      /^\[Mentoria XMESS\] Nova sol·licitud de mentoria|^Nova sol·licitud de mentoria/,
    )
  })

  it('a person may choose another language than the form’s', async () => {
    const applied = await web.request('POST', '/api/candidates/apply?lang=ca', {
      name: 'Joan Anglès',
      position: 'Tècnic',
      municipality: String(p.councils.sabadell.id),
      email: 'joan@sabadell.example',
      topics: ['estrategia-ess'],
      needs: 'Un pla.',
      availability: 'Dilluns.',
      languages: ['ca'],
      language: 'en',
      consents: { dataProcessing: true, commitment: true },
      website: '',
    })
    expect(applied.status, applied.text).toBe(201)
    await deliverMail(web.app)
    expect(last('joan@sabadell.example').subject).toBe(
      'We have received your XMESS mentoring application',
    )
  })

  it('the proposal goes to each mentor in their language, the acceptance to each mentee in theirs', async () => {
    const mentor = await web.app.payload.create({
      collection: 'mentors',
      data: {
        name: 'Sara Mentora',
        email: 'sara@sabadell.example',
        municipality: p.councils.sabadell.id,
        topics: ['estrategia-ess'],
        capacity: 2,
        available: true,
        language: 'es',
      } as never,
    })
    spanishMentor = mentor.id
    expect(
      (
        await web.request(
          'PATCH',
          `/api/candidates/${spanishCandidate}`,
          { status: 'eligible' },
          as(p.tokens.secretariat),
        )
      ).status,
    ).toBe(200)
    email.sent.length = 0

    const spanish = await web.request(
      'POST',
      '/api/pairings',
      { mentor: spanishMentor, candidate: spanishCandidate },
      as(p.tokens.secretariat),
    )
    expect(spanish.status, spanish.text).toBe(201)
    const catalan = await web.request(
      'POST',
      '/api/pairings',
      { mentor: p.mentor.id, candidate: p.candidate.id },
      as(p.tokens.secretariat),
    )
    expect(catalan.status, catalan.text).toBe(201)
    await deliverMail(web.app)
    expect(last('sara@sabadell.example').subject).toBe(
      "[Mentoria XMESS] Propuesta de mentoría: Ajuntament d'Olot",
    )
    expect(String(last('sara@sabadell.example').text)).toContain('Aceptar la propuesta:')
    expect(String(last('sara@sabadell.example').text)).toMatch(/Caducan el \d+ de \p{L}+ de \d{4}/u)
    expect(last('laia@sabadell.example').subject).toBe(
      '[Mentoria XMESS] Proposta de mentoria: Ajuntament de Vilafranca del Penedès',
    )

    spanishPairing = spanish.body.doc.id
    for (const id of [spanish.body.doc.id, catalan.body.doc.id]) {
      const accepted = await web.request(
        'PATCH',
        `/api/pairings/${id}`,
        { status: 'accepted' },
        as(p.tokens.secretariat),
      )
      expect(accepted.status, accepted.text).toBe(200)
    }
    await deliverMail(web.app)
    expect(last('lucia@olot.example').subject).toBe('[Mentoria XMESS] Ya tenéis persona mentora')
    expect(String(last('lucia@olot.example').text)).toContain(
      'Sara Mentora (Ajuntament de Sabadell) ha aceptado acompañaros.',
    )
    expect(last('pau@vilafranca.example').subject).toBe('[Mentoria XMESS] Ja teniu persona mentora')
  })

  it('the reminders too (controlled clock)', async () => {
    await web.app.payload.db.updateOne({
      collection: 'editions',
      id: p.edition.id,
      data: { startBy: '2030-03-01T11:00:00.000Z' },
      returning: false,
    })
    email.sent.length = 0
    // The secretariat's own Spanish text for mentors (reminders.textsByLanguage); mentees keep the default.
    const configured = mentoriaOptionsOf(web.app.config)
    const custom = parseMentoriaOptions({
      reminders: {
        textsByLanguage: {
          es: { notStarted: { mentor: { subject: '[Mentoria XMESS] ¿Cuándo empezáis?' } } },
        },
      },
    }).reminders
    const options = {
      ...configured,
      reminders: { ...configured.reminders, textsByLanguage: custom.textsByLanguage },
    }
    const result = await runRemindersRound(web.app.payload, options, {
      now: new Date('2030-03-10T09:00:00Z'),
    })
    expect(result.sent.notStarted).toBe(4)
    await deliverMail(web.app)
    const spanish = last('lucia@olot.example')
    expect(spanish.subject).toBe('[Mentoria XMESS] El acompañamiento todavía no ha empezado')
    expect(String(spanish.text)).toContain('tenían que empezar el 1 de marzo de 2030')
    expect(String(spanish.text)).toContain(`${web.app.config.serverURL}/accessibilitat?lang=es`)
    expect(last('sara@sabadell.example').subject).toBe('[Mentoria XMESS] ¿Cuándo empezáis?')
    const catalan = last('pau@vilafranca.example')
    expect(catalan.subject).toBe("[Mentoria XMESS] L'acompanyament encara no ha començat")
    expect(String(catalan.text)).toContain("havien de començar l'1 de març del 2030")
    expect(String(catalan.text)).toContain(`${web.app.config.serverURL}/accessibilitat\n`)
  })

  it('and the accompaniment’s notices: the start, to both parties in Spanish', async () => {
    email.sent.length = 0
    const started = await web.request(
      'PATCH',
      `/api/pairings/${spanishPairing}`,
      { status: 'active', ...startData() },
      as(p.tokens.secretariat),
    )
    expect(started.status, started.text).toBe(200)
    await deliverMail(web.app)
    for (const address of ['lucia@olot.example', 'sara@sabadell.example']) {
      const notice = last(address)
      expect(notice.subject).toBe('[Mentoria XMESS] El acompañamiento ha empezado')
      expect(String(notice.text)).toMatch(/Finalización pactada: \d+ de \p{L}+ de \d{4}/u)
    }
  })

  it('the invitation sent again: in Spanish to her, in Catalan to a Catalan mentee', async () => {
    const lucia = (
      await web.app.payload.find({
        collection: 'users',
        where: { email: { equals: 'lucia@olot.example' } },
        depth: 0,
      })
    ).docs[0]
    expect(lucia).toBeDefined()
    for (const id of [lucia.id, p.users.menteeUser.id]) {
      const sent = await web.request(
        'POST',
        `/api/users/${id}/invite`,
        {},
        as(p.tokens.secretariat),
      )
      expect(sent.status, sent.text).toBe(200)
    }
    await deliverMail(web.app)
    const spanish = last('lucia@olot.example')
    expect(spanish.subject).toBe('[Mentoria XMESS] Vuestra entrada a la aplicación de mentoría')
    expect(String(spanish.text)).toContain('Hola, Lucía Castellana:')
    expect(String(spanish.text)).toContain(
      'Para entrar en la aplicación de Mentoria XMESS, elegid vuestra contraseña en este enlace:',
    )
    expect(String(spanish.text)).toContain(`${web.app.config.serverURL}/privacitat?lang=es`)
    const catalan = last('mentorada@xmess.example')
    expect(catalan.subject).toBe("[Mentoria XMESS] La vostra entrada a l'aplicació de mentoria")
    expect(String(catalan.text)).toContain(`${web.app.config.serverURL}/privacitat\n`)
  })

  it('the password reset: in her language, with its footer; Catalan for a Catalan one; the admin’s language for someone with no record', async () => {
    email.sent.length = 0
    expect(
      (await web.request('POST', '/api/users/forgot-password', { email: 'lucia@olot.example' }))
        .status,
    ).toBe(200)
    expect(
      (
        await web.request('POST', '/api/users/forgot-password', {
          email: 'mentorada@xmess.example',
        })
      ).status,
    ).toBe(200)
    const spanish = last('lucia@olot.example')
    expect(spanish.subject).toBe('[Mentoria XMESS] Elegid una contraseña nueva')
    expect(String(spanish.html)).toContain('Habéis pedido una contraseña nueva')
    expect(String(spanish.html)).toContain(`${web.app.config.serverURL}/privacitat?lang=es`)
    expect(String(spanish.html)).not.toContain('Com tractem')
    const token = /\/admin\/reset\/([0-9a-f]+)/.exec(String(spanish.html))?.[1]
    expect(token).toBeTruthy()
    const reset = await web.request('POST', '/api/users/reset-password', {
      token,
      password: 'lucia-tria-la-seva-7',
    })
    expect(reset.status, reset.text).toBe(200)
    const catalan = last('mentorada@xmess.example')
    expect(catalan.subject).toBe('[Mentoria XMESS] Trieu una contrasenya nova')
    expect(String(catalan.html)).toContain(`${web.app.config.serverURL}/privacitat"`)
    // The secretariat has no mentor record nor application: the language of the admin she asked from.
    await web.request(
      'POST',
      '/api/users/forgot-password',
      { email: 'secretaria@xmess.example' },
      { headers: { cookie: 'payload-lng=en' } },
    )
    expect(last('secretaria@xmess.example').subject).toBe('[Mentoria XMESS] Choose a new password')
  })

  it('the fitxa returned and the incident resolved: in Spanish to her', async () => {
    const lucia = await web.login('lucia@olot.example', 'lucia-tria-la-seva-7')
    const fitxa = await web.request(
      'POST',
      '/api/fitxes?draft=true',
      {
        pairing: spanishPairing,
        title: 'Un plan de ESS para Olot',
        summary: 'Cómo hicimos el primer plan.',
        objectives: 'Un plan aprobado.',
        activities: 'Dos visitas.',
        results: 'El plan.',
        topics: ['estrategia-ess'],
        reviewStatus: 'submitted',
      },
      as(lucia),
    )
    expect(fitxa.status, fitxa.text).toBe(201)
    email.sent.length = 0
    const returned = await web.request(
      'PATCH',
      `/api/fitxes/${fitxa.body.doc.id}`,
      { reviewStatus: 'returned', reviewComment: 'Falta el calendario.' },
      as(p.tokens.secretariat),
    )
    expect(returned.status, returned.text).toBe(200)
    await deliverMail(web.app)
    const back = last('lucia@olot.example')
    expect(back.subject).toBe(
      '[Mentoria XMESS] La ficha «Un plan de ESS para Olot» necesita algunos cambios',
    )
    expect(String(back.text)).toContain('«Falta el calendario.»')
    expect(String(back.text)).toContain(`${web.app.config.serverURL}/privacitat?lang=es`)

    const reported = await web.request(
      'POST',
      '/api/incidents',
      { pairing: spanishPairing, type: 'availability', description: 'No encontramos fecha.' },
      as(lucia),
    )
    expect(reported.status, reported.text).toBe(201)
    const resolved = await web.request(
      'PATCH',
      `/api/incidents/${reported.body.doc.id}`,
      { status: 'resolved', resolution: 'Hemos hablado con las dos.' },
      as(p.tokens.secretariat),
    )
    expect(resolved.status, resolved.text).toBe(200)
    await deliverMail(web.app)
    const done = last('lucia@olot.example')
    expect(done.subject).toBe('[Mentoria XMESS] La incidencia que comunicasteis está resuelta')
    expect(String(done.text)).toContain('(Disponibilidad o plazos)')
    expect(String(done.text)).toContain(`${web.app.config.serverURL}/accessibilitat?lang=es`)
  })

  it('the answer to a proposal, from the email’s link: in the mentor’s language', async () => {
    email.sent.length = 0
    const proposed = await web.request(
      'POST',
      '/api/pairings',
      { mentor: spanishMentor, candidate: p.otherCandidate.id },
      as(p.tokens.secretariat),
    )
    expect(proposed.status, proposed.text).toBe(201)
    await deliverMail(web.app)
    const link = /Aceptar la propuesta: (\S+)/.exec(String(last('sara@sabadell.example').text))?.[1]
    const token = new URL(link ?? 'http://x/').searchParams.get('token') ?? ''
    expect(token).not.toBe('')
    const answered = await web.request(
      'POST',
      '/api/pairings/answer',
      `token=${encodeURIComponent(token)}`,
      { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
    )
    expect(answered.status, answered.text).toBe(303)
    expect(answered.headers.get('location')).toMatch(
      /\/proposta\/resposta\?resultat=accepted&lang=es$/,
    )
    const again = await web.request(
      'POST',
      '/api/pairings/answer',
      { token },
      { headers: { accept: 'application/json' } },
    )
    expect(again.body).toMatchObject({
      result: 'used',
      message: 'Este enlace ya se ha usado, o la propuesta ya se ha respondido.',
    })
  })
})
