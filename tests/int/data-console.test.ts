import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { publishedFitxes } from '../../src/services/public-fitxes'
import {
  closingData,
  deliverMail,
  type ID,
  memoryEmail,
  PASSWORD,
  type Programme,
  setupProgramme,
  startData,
} from '../helpers/fixtures'
import { type HttpApp, startHttpApp } from '../helpers/http'

/**
 * The secretariat's data tools (issue 14, data half), over HTTP through the real Express layer:
 * CSV exports, CSV imports with a dry run, one person's data exported and erased, and the retention job.
 */

let web: HttpApp
let p: Programme
const email = memoryEmail()
let unrelatedToken: string
const ids: Record<string, ID> = {}

const DAY = 86_400_000
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString()
const as = (token?: string) => ({ token })
const csvRows = (text: string) =>
  parse(text, { bom: true, columns: true }) as Record<string, string>[]
const FILES = ['candidates', 'mentors', 'pairings', 'meetings', 'incidents', 'municipalities']

/** The person erased below: the mentee, with a phone nobody else has and an account under another address. */
const PAU = {
  name: 'Pau Mentorat',
  email: 'pau@vilafranca.example',
  phone: '+34 611 22 33 44',
  account: 'mentorada@xmess.example',
  needs: 'i necessito un pla',
  incident: 'canvia de feina',
}
/** Their name, addresses or phone, or what they wrote (their needs, their incident), word for word. */
const pauMentioned = (text: string) =>
  [PAU.name, PAU.email, PAU.account, PAU.needs, PAU.incident].some((mark) =>
    text.toLowerCase().includes(mark.toLowerCase()),
  ) || /611[\s.-]*22[\s.-]*33[\s.-]*44/.test(text)

beforeAll(async () => {
  web = await startHttpApp({
    email: email.adapter,
    plugin: { secretariatEmail: 'avisos@xmess.example', retentionMonths: 12 },
  })
  p = await setupProgramme(web.app, { mentorCapacity: 5 })
  const { payload } = web.app
  await payload.update({
    collection: 'candidates',
    id: p.candidate.id,
    data: { phone: PAU.phone, needs: 'Sóc en Pau Mentorat i necessito un pla' } as never,
  })
  await payload.create({
    collection: 'users',
    data: { email: 'ningu@xmess.example', password: PASSWORD, roles: ['mentee'] } as never,
  })
  unrelatedToken = await web.login('ningu@xmess.example', PASSWORD)
  const { secretariat, mentor, mentee } = p.tokens
  const ok = async (answer: Promise<{ status: number; text: string; body: any }>, status = 200) => {
    const done = await answer
    expect(done.status, done.text).toBe(status)
    return done.body
  }

  // One whole accompaniment, as its people live it (so that emails, versions and history exist).
  const pairing = (
    await ok(
      web.request(
        'POST',
        '/api/pairings',
        { edition: p.edition.id, mentor: p.mentor.id, candidate: p.candidate.id },
        as(secretariat),
      ),
      201,
    )
  ).doc
  ids.pairing = pairing.id
  await ok(web.request('PATCH', `/api/pairings/${pairing.id}`, { status: 'accepted' }, as(mentor)))
  await ok(
    web.request(
      'PATCH',
      `/api/pairings/${pairing.id}`,
      { ...startData(), status: 'active' },
      as(mentee),
    ),
  )
  await ok(
    web.request(
      'POST',
      '/api/meetings',
      {
        pairing: pairing.id,
        date: daysFromNow(-40),
        modality: 'in_person',
        place: 'Casa de la vila',
        summary: `Parlem amb ${PAU.name} (${PAU.phone})`,
      },
      as(mentee),
    ),
    201,
  )
  await ok(
    web.request(
      'POST',
      '/api/meetings',
      {
        pairing: pairing.id,
        date: daysFromNow(-30),
        modality: 'in_person',
        summary: 'Segona visita',
      },
      as(mentor),
    ),
    201,
  )
  await ok(
    web.request(
      'POST',
      '/api/meetings',
      { pairing: pairing.id, date: daysFromNow(-20), modality: 'online', summary: 'Revisió' },
      as(mentee),
    ),
    201,
  )
  await ok(
    web.request(
      'POST',
      '/api/incidents',
      { pairing: pairing.id, type: 'other', description: `${PAU.name} canvia de feina` },
      as(mentee),
    ),
    201,
  )
  await ok(
    web.request(
      'PATCH',
      `/api/pairings/${pairing.id}`,
      { ...closingData(), status: 'completed' },
      as(mentee),
    ),
  )
  await ok(
    web.request(
      'PATCH',
      `/api/pairings/${pairing.id}`,
      {
        closing: { mentorEvaluation: { rating: 4, comments: `En ${PAU.name} ha treballat molt` } },
      },
      as(mentor),
    ),
  )
  const fitxa = (
    await ok(
      web.request(
        'POST',
        '/api/fitxes',
        {
          pairing: pairing.id,
          title: 'Un pla municipal a Vilafranca',
          summary: `Escrita per ${PAU.name} amb la Laia`,
          objectives: 'Objectius',
          activities: 'Activitats',
          results: 'Resultats',
          topics: ['estrategia-ess'],
        },
        as(mentee),
      ),
      201,
    )
  ).doc
  ids.fitxa = fitxa.id
  await ok(
    web.request('PATCH', `/api/fitxes/${fitxa.id}`, { _status: 'published' }, as(secretariat)),
  )
  // Another pairing of the same mentor, with someone else: it must come out of the erasure untouched.
  ids.other = (
    await ok(
      web.request(
        'POST',
        '/api/pairings',
        { edition: p.edition.id, mentor: p.mentor.id, candidate: p.otherCandidate.id },
        as(secretariat),
      ),
      201,
    )
  ).doc.id
  await deliverMail(web.app)
}, 120_000)

afterAll(async () => {
  await web?.close()
})

describe('CSV exports', () => {
  it.each(FILES)(
    '%s.csv is the secretariat’s only: anonymous, unrelated, mentor and mentee are refused',
    async (file) => {
      for (const token of [undefined, unrelatedToken, p.tokens.mentor, p.tokens.mentee]) {
        const answer = await web.request(
          'GET',
          `/api/mentoria/export/${file}.csv`,
          undefined,
          as(token),
        )
        expect(answer.status).toBe(403)
        expect(answer.headers.get('content-type')).not.toMatch(/csv/)
        expect(answer.text).not.toMatch(/laia@sabadell|Pau Mentorat/)
      }
      const answer = await web.request(
        'GET',
        `/api/mentoria/export/${file}.csv`,
        undefined,
        as(p.tokens.secretariat),
      )
      expect(answer.status).toBe(200)
      expect(answer.headers.get('content-type')).toMatch(/^text\/csv/)
      expect(answer.headers.get('content-disposition')).toMatch(
        new RegExp(`attachment; filename="${file}-`),
      )
    },
  )

  it('no generated collection, REST route or GraphQL query gives the data another way', async () => {
    expect(
      web.app.config.collections
        .map((collection) => collection.slug)
        .filter((slug) => /export|import/.test(slug)),
    ).toEqual([])
    for (const path of [
      '/api/exports',
      '/api/imports',
      '/api/mentoria/export/users.csv',
      '/api/mentoria/export/sent-emails.csv',
    ]) {
      expect(
        (await web.request('GET', path, undefined, as(p.tokens.mentor))).status,
      ).toBeGreaterThanOrEqual(403)
      expect((await web.request('GET', path, undefined, as(p.tokens.secretariat))).status).toBe(404)
    }
    const gql = await web.graphql(
      '{ __schema { queryType { fields { name } } } }',
      as(p.tokens.mentor),
    )
    const names: string[] = (gql.body?.data?.__schema?.queryType?.fields ?? []).map(
      (field: { name: string }) => field.name,
    )
    expect(names.filter((name) => /export|import/i.test(name))).toEqual([])
  })

  it('round-trips through a CSV parser with one row per record and names, not ids', async () => {
    const mentors = csvRows(
      (
        await web.request(
          'GET',
          '/api/mentoria/export/mentors.csv',
          undefined,
          as(p.tokens.secretariat),
        )
      ).text,
    )
    const stored = await web.app.payload.find({
      collection: 'mentors',
      pagination: false,
      depth: 0,
    })
    expect(mentors).toHaveLength(stored.totalDocs)
    expect(mentors).toContainEqual(
      expect.objectContaining({
        'Nom i cognoms': 'Laia Mentora',
        'Correu electrònic': 'laia@sabadell.example',
        Ens: 'Ajuntament de Sabadell',
        Àmbits: "Estratègia i pla municipal d'ESS",
        Disponible: 'sí',
      }),
    )

    const pairings = csvRows(
      (
        await web.request(
          'GET',
          '/api/mentoria/export/pairings.csv',
          undefined,
          as(p.tokens.secretariat),
        )
      ).text,
    )
    expect(pairings.map((row) => row.ID).sort()).toEqual(
      [String(ids.pairing), String(ids.other)].sort(),
    )
    const done = pairings.find((row) => row.ID === String(ids.pairing))!
    // The secretariat reads both evaluations (R13): they are in its export.
    expect(done).toMatchObject({
      Estat: 'Completada',
      'Persona mentora': 'Laia Mentora',
      'Persona mentorada': 'Pau Mentorat',
      'Valoració de la persona mentorada (1–5)': '5',
      'Valoració de la persona mentora (1–5)': '4',
    })

    const meetings = csvRows(
      (
        await web.request(
          'GET',
          `/api/mentoria/export/meetings.csv?edition=${p.edition.id}`,
          undefined,
          as(p.tokens.secretariat),
        )
      ).text,
    )
    expect(meetings.map((row) => row.Modalitat).sort()).toEqual([
      'En línia',
      'Presencial',
      'Presencial',
    ])
    const none = csvRows(
      (
        await web.request(
          'GET',
          `/api/mentoria/export/meetings.csv?edition=${p.closedEdition.id}`,
          undefined,
          as(p.tokens.secretariat),
        )
      ).text,
    )
    expect(none).toEqual([])
    const incidents = csvRows(
      (
        await web.request(
          'GET',
          '/api/mentoria/export/incidents.csv',
          undefined,
          as(p.tokens.secretariat),
        )
      ).text,
    )
    expect(incidents).toEqual([
      expect.objectContaining({
        Descripció: 'Pau Mentorat canvia de feina',
        Estat: 'Oberta',
        'Comunicada per': 'mentorada@xmess.example',
      }),
    ])
  })

  it('a value starting with = + - or @ is text in a spreadsheet, never a formula', async () => {
    const evil = await web.app.payload.create({
      collection: 'mentors',
      data: {
        name: '=HYPERLINK("http://dolent.example","clic")',
        position: '+34 cap',
        bio: '-2+3',
        email: 'formula@olot.example',
        phone: '@SUM(A1)',
        municipality: p.councils.olot.id,
        topics: ['estrategia-ess'],
      } as never,
    })
    const rows = csvRows(
      (
        await web.request(
          'GET',
          '/api/mentoria/export/mentors.csv',
          undefined,
          as(p.tokens.secretariat),
        )
      ).text,
    )
    const row = rows.find((candidate) => candidate.ID === String(evil.id))!
    expect(row).toMatchObject({
      'Nom i cognoms': `'=HYPERLINK("http://dolent.example","clic")`,
      Càrrec: "'+34 cap",
      Trajectòria: "'-2+3",
      Telèfon: "'@SUM(A1)",
    })
    for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+\-@\t\r]/)
    await web.app.payload.delete({ collection: 'mentors', id: evil.id })
  })

  it('a formula after a semicolon, comma, tab or line break inside a cell is text too, whatever the separator (issue 18)', async () => {
    const evil = await web.app.payload.create({
      collection: 'candidates',
      data: {
        ...p.candidateData(
          "Anna Puig;=cmd|' /C calc'!A0",
          'anna.puig@olot.example',
          p.councils.olot.id,
        ),
        position: 'Tècnica,+1',
        needs: 'Primer\n@SUM(A1)\tsegon\t-2+3',
      } as never,
    })
    const text = (
      await web.request(
        'GET',
        '/api/mentoria/export/candidates.csv',
        undefined,
        as(p.tokens.secretariat),
      )
    ).text
    const line = text.split('\r\n').find((one) => one.includes('Anna Puig'))!
    expect(line).toContain("Anna Puig;'=cmd")
    // However a spreadsheet splits the line (semicolon, comma, tab, line breaks), no piece starts a formula.
    for (const separator of [';', ',', '\t']) {
      for (const piece of text.split(
        new RegExp(`[${separator === '\t' ? '\\t' : separator}\\r\\n]`),
      )) {
        expect(piece.replace(/^[\s"]+/, ''), `${JSON.stringify(separator)}: ${piece}`).not.toMatch(
          /^[=+\-@]/,
        )
      }
    }
    await web.app.payload.delete({ collection: 'candidates', id: evil.id })
  })
})

describe('CSV import', () => {
  const HEADER = 'Nom i cognoms;Correu electrònic;Ens;Àmbits;Capacitat\n'
  const countMentors = async () =>
    (await web.app.payload.count({ collection: 'mentors' })).totalDocs

  it('is the secretariat’s only', async () => {
    for (const token of [undefined, unrelatedToken, p.tokens.mentor, p.tokens.mentee]) {
      for (const step of ['preview', 'confirm']) {
        const answer = await web.request(
          'POST',
          `/api/mentoria/import/mentors/${step}`,
          HEADER + 'Nova;nova@olot.example;Ajuntament d’Olot;cooperativisme;1\n',
          { ...as(token), headers: { 'Content-Type': 'text/csv' } },
        )
        expect(answer.status).toBe(403)
      }
    }
    expect(
      (
        await web.app.payload.find({
          collection: 'mentors',
          where: { email: { equals: 'nova@olot.example' } },
        })
      ).totalDocs,
    ).toBe(0)
  })

  it('a file with one bad row imports nothing and names the row and the field', async () => {
    const before = await countMentors()
    const file =
      HEADER +
      'Anna Serra;anna@olot.example;Ajuntament d’Olot;cooperativisme;1\nBernat Roca;bernat@olot.example;Ajuntament d’Olot;cooperativisme;molts\nCarla Vidal;carla@olot.example;Ajuntament de Sabadell;finances-etiques;2\n'
    for (const step of ['preview', 'confirm']) {
      const answer = await web.request(
        'POST',
        `/api/mentoria/import/mentors/${step}`,
        { csv: file },
        as(p.tokens.secretariat),
      )
      expect(answer.status).toBe(400)
      expect(answer.body.message).toBe(
        "El fitxer té 1 error: no s'ha importat res. Corregiu-los i torneu-ho a provar.",
      )
      expect(answer.body.rowErrors).toEqual([
        { row: 3, field: 'Capacitat', message: '«molts» no és un nombre enter entre 0 i 10.' },
      ])
      expect(answer.body.errors[0].message).toBe(
        'Fila 3, columna «Capacitat»: «molts» no és un nombre enter entre 0 i 10.',
      )
    }
    expect(await countMentors()).toBe(before)
  })

  it('imports member councils from a spreadsheet saved with semicolons, as text/csv', async () => {
    const before = (await web.app.payload.count({ collection: 'municipalities' })).totalDocs
    const file =
      'Nom;Comarca;Província;Latitud;Longitud;Membre de la XMESS\nAjuntament de Ripoll;Ripollès;Girona;42,2;2,19;sí\nAjuntament de Banyoles;Pla de l’Estany;Girona;;;no\n'
    const answer = await web.request('POST', '/api/mentoria/import/municipalities/confirm', file, {
      ...as(p.tokens.secretariat),
      headers: { 'Content-Type': 'text/csv' },
    })
    expect(answer.status, answer.text).toBe(200)
    expect(answer.body.counts).toEqual({ create: 2, update: 0, unchanged: 0 })
    expect((await web.app.payload.count({ collection: 'municipalities' })).totalDocs).toBe(
      before + 2,
    )
    const ripoll = (
      await web.app.payload.find({
        collection: 'municipalities',
        where: { name: { equals: 'Ajuntament de Ripoll' } },
      })
    ).docs[0]
    expect(ripoll).toMatchObject({
      comarca: 'Ripollès',
      province: 'Girona',
      latitude: 42.2,
      longitude: 2.19,
      member: true,
    })
  })

  it('previews what would be created and updated without writing, then imports it all', async () => {
    const before = await countMentors()
    const file =
      HEADER +
      'Anna Serra;anna@olot.example;Ajuntament d’Olot;cooperativisme;1\nLaia Mentora;LAIA@sabadell.example;Ajuntament de Sabadell;estrategia-ess;3\n'
    const preview = await web.request(
      'POST',
      '/api/mentoria/import/mentors/preview',
      { csv: file },
      as(p.tokens.secretariat),
    )
    expect(preview.status, preview.text).toBe(200)
    expect(preview.body).toMatchObject({
      done: false,
      counts: { create: 1, update: 1, unchanged: 0 },
      rows: [
        { row: 2, action: 'create', name: 'Anna Serra', changes: [] },
        { row: 3, action: 'update', name: 'Laia Mentora', changes: ['Capacitat'] },
      ],
    })
    expect(await countMentors()).toBe(before)

    const confirm = await web.request(
      'POST',
      '/api/mentoria/import/mentors/confirm',
      { csv: file },
      as(p.tokens.secretariat),
    )
    expect(confirm.status, confirm.text).toBe(200)
    expect(confirm.body.message).toBe("S'han creat 1, s'han actualitzat 1 i 0 s'han quedat igual.")
    expect(await countMentors()).toBe(before + 1)
    const laia = await web.app.payload.findByID({
      collection: 'mentors',
      id: p.mentor.id,
      depth: 0,
    })
    // Only the columns in the file change: her phone and bio stay.
    expect(laia).toMatchObject({ capacity: 3, phone: '600000001', email: 'laia@sabadell.example' })

    const again = await web.request(
      'POST',
      '/api/mentoria/import/mentors/preview',
      { csv: file },
      as(p.tokens.secretariat),
    )
    expect(again.body.counts).toEqual({ create: 0, update: 0, unchanged: 2 })
  })

  it('finds a mentor whose stored email has capital letters, instead of adding her twice (issue 18)', async () => {
    // Stored as typed before emails were kept in lower case (straight into the database, as old data is).
    const berta = await web.app.payload.db.create({
      collection: 'mentors',
      data: {
        name: 'Berta Gran',
        email: 'Berta.Gran@Olot.Example',
        municipality: p.councils.olot.id,
        topics: ['cooperativisme'],
        capacity: 1,
        available: true,
      },
    })
    const before = await countMentors()
    const file = HEADER + 'Berta Gran;berta.gran@olot.example;Ajuntament d’Olot;cooperativisme;2\n'
    const preview = await web.request(
      'POST',
      '/api/mentoria/import/mentors/preview',
      { csv: file },
      as(p.tokens.secretariat),
    )
    expect(preview.status, preview.text).toBe(200)
    // Her address is written back in lower case, with the new capacity.
    expect(preview.body.rows).toEqual([
      expect.objectContaining({
        action: 'update',
        id: berta.id,
        changes: ['Correu electrònic', 'Capacitat'],
      }),
    ])
    const confirm = await web.request(
      'POST',
      '/api/mentoria/import/mentors/confirm',
      { csv: file },
      as(p.tokens.secretariat),
    )
    expect(confirm.status, confirm.text).toBe(200)
    expect(await countMentors()).toBe(before)
    expect(
      await web.app.payload.findByID({ collection: 'mentors', id: berta.id, depth: 0 }),
    ).toMatchObject({ capacity: 2, email: 'berta.gran@olot.example' })
    // A new record is kept in lower case, whatever was typed.
    const typed = await web.app.payload.create({
      collection: 'mentors',
      data: {
        name: 'Cesc Nou',
        email: ' Cesc.Nou@Olot.Example ',
        municipality: p.councils.olot.id,
        topics: ['cooperativisme'],
      } as never,
    })
    expect(typed.email).toBe('cesc.nou@olot.example')
    await web.app.payload.delete({ collection: 'mentors', id: typed.id })
    await web.app.payload.delete({ collection: 'mentors', id: berta.id })
  })

  it('an exported file comes back in unchanged', async () => {
    const exported = (
      await web.request(
        'GET',
        '/api/mentoria/export/municipalities.csv',
        undefined,
        as(p.tokens.secretariat),
      )
    ).text
    const preview = await web.request(
      'POST',
      '/api/mentoria/import/municipalities/preview',
      exported,
      { ...as(p.tokens.secretariat), headers: { 'Content-Type': 'text/csv' } },
    )
    expect(preview.status, preview.text).toBe(200)
    expect(preview.body.counts).toEqual({
      create: 0,
      update: 0,
      unchanged: (await web.app.payload.count({ collection: 'municipalities' })).totalDocs,
    })
  })
})

describe('what a hostile or careless request gets: a 4xx in Catalan, never a 500, nothing written', () => {
  const secretariat = () => as(p.tokens.secretariat)
  it.each([
    ['GET', '/api/mentoria/export/mentors.csv?edition=1%27%20OR%201=1', undefined, undefined, 400],
    ['GET', '/api/mentoria/export/mentors.csv?edition[]=1&edition[]=2', undefined, undefined, 200],
    ['GET', '/api/mentoria/export/..%2Fusers.csv', undefined, undefined, 404],
    ['GET', '/api/mentoria/export/pairings.json', undefined, undefined, 404],
    ['POST', '/api/mentoria/import/users/confirm', 'email\nx@y.z\n', 'text/csv', 404],
    ['POST', '/api/mentoria/import/mentors/confirm', '', 'text/csv', 400],
    ['POST', '/api/mentoria/import/mentors/confirm', '{"csv": 5}', 'application/json', 400],
    ['POST', '/api/mentoria/import/mentors/confirm', '{"csv": ', 'application/json', 400],
    [
      'POST',
      '/api/mentoria/import/mentors/confirm',
      'Nom i cognoms,Correu electrònic,Ens,Àmbits\n',
      'text/csv',
      400,
    ],
    [
      'POST',
      '/api/mentoria/import/mentors/confirm',
      '\u0000\u0001\u00ff"\n"\n,,,',
      'text/csv',
      400,
    ],
    [
      'POST',
      '/api/mentoria/import/municipalities/confirm',
      'Nom;Comarca\n"Ajuntament de Reus;Baix Camp\n',
      'text/csv',
      400,
    ],
    [
      'GET',
      '/api/mentoria/people/export?email[]=pau@vilafranca.example',
      undefined,
      undefined,
      400,
    ],
    ['GET', '/api/mentoria/people/export', undefined, undefined, 400],
    ['POST', '/api/mentoria/people/erase', '["pau@vilafranca.example"]', 'application/json', 400],
    ['POST', '/api/mentoria/people/erase', '{"email": {"like": "%"}}', 'application/json', 400],
    [
      'POST',
      '/api/mentoria/people/erase',
      'email=pau@vilafranca.example',
      'application/x-www-form-urlencoded',
      400,
    ],
    [
      'POST',
      '/api/mentoria/people/erase',
      '{"email": "secretaria@xmess.example"}',
      'application/json',
      409,
    ],
  ])('%s %s', async (method, path, body, type, status) => {
    const before = await figures()
    const answer = await web.request(method as string, path as string, body, {
      ...secretariat(),
      headers: type ? { 'Content-Type': type as string } : {},
    })
    expect(answer.status, answer.text).toBe(status)
    if (status >= 400)
      expect(answer.body.errors?.[0]?.message ?? answer.body.message, answer.text).toMatch(
        /[a-zà-ú]{3}/i,
      )
    expect(await figures()).toEqual(before)
  })
})

/**
 * Emails go out in background runs after each change's commit: wait until none is waiting or on its
 * way, so that the figures below compare the same outbox.
 */
async function mailSettled() {
  const { payload } = web.app
  const sent = async () => (await payload.count({ collection: 'sent-emails' })).totalDocs
  for (let attempt = 0; attempt < 50; attempt++) {
    await deliverMail(web.app)
    const before = await sent()
    await new Promise((resolve) => setTimeout(resolve, 400))
    const waiting = (
      await payload.db.find({
        collection: 'payload-jobs',
        where: { and: [{ taskSlug: { equals: 'sendEmail' } }, { completedAt: { exists: false } }] },
        limit: 1,
      })
    ).totalDocs
    if (waiting === 0 && (await sent()) === before) return
  }
  throw new Error('the mail queue never settled')
}

/** Figures that must not move when a person is erased, counted straight from the database. */
async function figures() {
  const { payload } = web.app
  await mailSettled()
  const count = async (collection: string, where?: object) =>
    (
      await payload.count({
        collection: collection as never,
        where: where as never,
        overrideAccess: true,
      })
    ).totalDocs
  const pairings = (await payload.find({ collection: 'pairings', pagination: false, depth: 0 }))
    .docs
  return {
    candidatesByStatus: Object.fromEntries(
      await Promise.all(
        ['submitted', 'eligible', 'ineligible', 'matched', 'completed', 'withdrawn'].map(
          async (status) => [status, await count('candidates', { status: { equals: status } })],
        ),
      ),
    ),
    pairingsByStatus: Object.fromEntries(
      await Promise.all(
        ['proposed', 'accepted', 'declined', 'active', 'completed', 'cancelled'].map(
          async (status) => [status, await count('pairings', { status: { equals: status } })],
        ),
      ),
    ),
    meetings: {
      total: await count('meetings'),
      inPerson: await count('meetings', { modality: { equals: 'in_person' } }),
    },
    incidentsOpen: await count('incidents', { status: { equals: 'open' } }),
    mentors: await count('mentors'),
    fitxesPublished: await count('fitxes', { _status: { equals: 'published' } }),
    sentEmails: await count('sent-emails'),
    pairingVersions: (await payload.countVersions({ collection: 'pairings' })).totalDocs,
    ratings: pairings.map((pairing) => [
      pairing.id,
      pairing.closing?.menteeEvaluation?.rating ?? null,
      pairing.closing?.mentorEvaluation?.rating ?? null,
      pairing.startDate,
      pairing.endDate,
      pairing.closing?.closingDate ?? null,
    ]),
    links: pairings.map((pairing) => [
      pairing.id,
      pairing.mentor,
      pairing.candidate,
      pairing.edition,
    ]),
  }
}

describe('personal data', () => {
  it('export and erase are the secretariat’s only', async () => {
    for (const token of [undefined, unrelatedToken, p.tokens.mentor, p.tokens.mentee]) {
      expect(
        (
          await web.request(
            'GET',
            `/api/mentoria/people/export?email=${PAU.email}`,
            undefined,
            as(token),
          )
        ).status,
      ).toBe(403)
      expect(
        (await web.request('POST', '/api/mentoria/people/erase', { email: PAU.email }, as(token)))
          .status,
      ).toBe(403)
    }
    expect(
      (
        await web.request(
          'POST',
          '/api/mentoria/people/erase',
          { email: 'no-és-correu' },
          as(p.tokens.secretariat),
        )
      ).body.errors[0].message,
    ).toMatch(/adreça de correu/)
    expect(
      (
        await web.request(
          'POST',
          '/api/mentoria/people/erase',
          { email: 'ningu-mai@xmess.example' },
          as(p.tokens.secretariat),
        )
      ).status,
    ).toBe(404)
  })

  it('exports everything held about one person, without what belongs to the other party (R13)', async () => {
    const answer = await web.request(
      'GET',
      `/api/mentoria/people/export?email=${encodeURIComponent(PAU.email.toUpperCase())}`,
      undefined,
      as(p.tokens.secretariat),
    )
    expect(answer.status, answer.text).toBe(200)
    const data = answer.body
    expect(data.candidates).toEqual([expect.objectContaining({ name: PAU.name, phone: PAU.phone })])
    expect(data.users).toEqual([expect.objectContaining({ email: PAU.account })])
    expect(data.users[0]).not.toHaveProperty('hash')
    expect(data.pairings).toEqual([
      expect.objectContaining({ id: ids.pairing, as: 'mentee', status: 'completed' }),
    ])
    expect(data.evaluations).toEqual([expect.objectContaining({ as: 'mentee', rating: 5 })])
    expect(data.meetings).toHaveLength(3)
    expect(data.incidents).toHaveLength(1)
    expect(data.sentEmails.length).toBeGreaterThan(0)
    expect(JSON.stringify(data)).not.toContain('ha treballat molt')
  })

  it('says in plain Catalan who the person is and what records exist, on screen and as a text file', async () => {
    const data = (
      await web.request(
        'GET',
        `/api/mentoria/people/export?email=${PAU.email}`,
        undefined,
        as(p.tokens.secretariat),
      )
    ).body
    expect(data.summary.title).toBe(`Dades de ${PAU.name}`)
    const text = JSON.stringify(data.summary)
    // Names, not ids or codes: the council, the àmbit, the state in words.
    expect(text).toContain('Ajuntament de Vilafranca')
    expect(text).toContain("Estratègia i pla municipal d'ESS")
    expect(text).toContain('com a persona mentorada')
    expect(text).toContain('estat: completada')
    expect(text).not.toMatch(/estrategia-ess|"completed"|in_person/)
    expect(data.summary.sections.map((section: { heading: string }) => section.heading)).toEqual(
      expect.arrayContaining([
        'Qui és',
        'Sol·licituds de mentoria',
        'Acompanyaments',
        'Trobades',
        'Incidències que ha comunicat',
        'Fitxes de les seves mentories',
      ]),
    )
    // The other party's evaluation stays out of the summary too (R13).
    expect(text).not.toContain('ha treballat molt')

    const file = await web.request(
      'GET',
      `/api/mentoria/people/export?email=${PAU.email}&format=text`,
      undefined,
      as(p.tokens.secretariat),
    )
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toMatch(/^text\/plain; charset=utf-8/)
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="dades-${PAU.email}.txt"`,
    )
    if (process.env.SHOW_SUMMARY) console.log(file.text)
    expect(file.text).toMatch(/^Dades de Pau Mentorat\n/)
    expect(file.text).toContain('Correu electrònic: pau@vilafranca.example')
    expect(file.text).toContain('\nAcompanyaments\n')
  })

  it('an address with nothing held says so plainly, in Catalan, not an empty answer', async () => {
    const answer = await web.request(
      'GET',
      '/api/mentoria/people/export?email=ningu-mai@xmess.example',
      undefined,
      as(p.tokens.secretariat),
    )
    expect(answer.status).toBe(404)
    expect(answer.body.errors[0].message).toMatch(
      /^No hi ha cap dada de ningu-mai@xmess\.example: cap compte, cap sol·licitud.*Comproveu que estigui ben escrita/,
    )
    const erase = await web.request(
      'POST',
      '/api/mentoria/people/erase',
      { email: 'ningu-mai@xmess.example' },
      as(p.tokens.secretariat),
    )
    expect(erase.body.errors[0].message).toMatch(
      /^No hi ha cap dada de ningu-mai@xmess\.example: cap compte/,
    )
  })

  it('matches emails by whole address: exporting or erasing anna@ leaves marianna@ alone (issue 18)', async () => {
    const { payload } = web.app
    const anna = await payload.create({
      collection: 'candidates',
      data: p.candidateData('Anna Vic', 'anna@vic.example', p.councils.olot.id) as never,
    })
    await payload.create({
      collection: 'candidates',
      data: p.candidateData('Marianna Vic', 'marianna@vic.example', p.councils.olot.id) as never,
    })
    const sent = async (to: string, text: string) =>
      (
        await payload.create({
          collection: 'sent-emails',
          data: { to, subject: 'Prova', text, delivery: 'outbox' } as never,
        })
      ).id
    const toMarianna = await sent(
      'marianna@vic.example',
      'Per a la Marianna: https://mentoria.example/admin/reset/secret-de-la-marianna',
    )
    const toBoth = await sent('Anna Vic <ANNA@vic.example>, altra@vic.example', 'Per a totes dues')
    const aboutMarianna = await sent(
      'secretaria@xmess.example',
      'Escriviu a marianna@vic.example o a anna@vic.example.',
    )

    const exported = await web.request(
      'GET',
      '/api/mentoria/people/export?email=anna@vic.example',
      undefined,
      as(p.tokens.secretariat),
    )
    expect(exported.status, exported.text).toBe(200)
    expect(exported.body.sentEmails.map((one: { id: ID }) => one.id)).toEqual([toBoth])
    expect(exported.text).not.toContain('marianna@')
    expect(exported.text).not.toContain('secret-de-la-marianna')

    const erased = await web.request(
      'POST',
      '/api/mentoria/people/erase',
      { email: 'anna@vic.example' },
      as(p.tokens.secretariat),
    )
    expect(erased.status, erased.text).toBe(200)
    expect(await payload.findByID({ collection: 'sent-emails', id: toMarianna })).toMatchObject({
      to: 'marianna@vic.example',
      text: 'Per a la Marianna: https://mentoria.example/admin/reset/[enllaç amagat]',
    })
    expect((await payload.findByID({ collection: 'sent-emails', id: toBoth })).text).not.toContain(
      'totes dues',
    )
    expect((await payload.findByID({ collection: 'sent-emails', id: aboutMarianna })).text).toBe(
      'Escriviu a marianna@vic.example o a [correu esborrat].',
    )
    expect((await payload.findByID({ collection: 'candidates', id: anna.id })).name).toBe(
      'Persona esborrada',
    )
    const marianna = await web.request(
      'GET',
      '/api/mentoria/people/export?email=marianna@vic.example',
      undefined,
      as(p.tokens.secretariat),
    )
    expect(marianna.body.candidates).toEqual([expect.objectContaining({ name: 'Marianna Vic' })])
  })

  it('erasing by the address a mentor signs in with erases her mentor record too, and her name from pairing titles (issue 18)', async () => {
    const { payload } = web.app
    const account = await payload.create({
      collection: 'users',
      data: { email: 'merce.compte@xmess.example', password: PASSWORD, roles: ['mentor'] } as never,
    })
    const merce = await payload.create({
      collection: 'mentors',
      data: {
        name: 'Mercè Signa',
        email: 'merce@olot.example',
        phone: '+34 622 33 44 55',
        bio: 'Vint anys de cooperatives a la Garrotxa',
        municipality: p.councils.olot.id,
        topics: ['estrategia-ess'],
        capacity: 2,
        available: true,
        user: account.id,
      } as never,
    })
    const candidate = await payload.create({
      collection: 'candidates',
      data: p.candidateData(
        'Quim Sabadell',
        'quim@sabadell.example',
        p.councils.sabadell.id,
      ) as never,
    })
    const pairing = await payload.create({
      collection: 'pairings',
      data: { mentor: merce.id, candidate: candidate.id } as never,
    })
    expect(pairing.title).toBe('Mercè Signa → Quim Sabadell')
    await mailSettled()

    const erased = await web.request(
      'POST',
      '/api/mentoria/people/erase',
      { email: 'merce.compte@xmess.example' },
      as(p.tokens.secretariat),
    )
    expect(erased.status, erased.text).toBe(200)
    expect(erased.body.report).toMatchObject({ mentors: 1, accountsRemoved: 1, pairings: 1 })
    const record = await payload.findByID({ collection: 'mentors', id: merce.id, depth: 0 })
    expect(record).toMatchObject({ name: 'Persona esborrada', phone: null, user: null })
    expect(record.email).toMatch(/@esborrada\.invalid$/)
    expect(
      (await payload.findByID({ collection: 'pairings', id: pairing.id, depth: 0 })).title,
    ).toBe('Persona esborrada → Quim Sabadell')
    const everything = JSON.stringify([
      (await web.request('GET', '/api/sent-emails?limit=500', undefined, as(p.tokens.secretariat)))
        .body,
      (await web.request('GET', '/api/mentors?limit=500', undefined, as(p.tokens.secretariat)))
        .body,
      (await web.request('GET', '/api/pairings?limit=500', undefined, as(p.tokens.secretariat)))
        .body,
      (await payload.db.findVersions({ collection: 'pairings', pagination: false, limit: 0 })).docs,
    ])
    for (const mark of [
      'Mercè Signa',
      'merce@olot.example',
      'merce.compte@',
      '622 33 44 55',
      'cooperatives a la Garrotxa',
    ])
      expect(everything, mark).not.toContain(mark)
    expect(everything).toContain('Quim Sabadell')
  })

  it('erasure leaves no name, email or phone in any answer, version, export, email or public page, and every figure as it was', async () => {
    const { payload } = web.app
    // The record of reminders sent (issue 12) names them too: one to them, one about them.
    await payload.db.create({
      collection: 'reminders',
      data: {
        key: `${ids.pairing}:fitxaMissing:prova:mentee`,
        pairing: ids.pairing,
        kind: 'fitxaMissing',
        occasion: 'prova',
        audience: 'mentee',
        to: PAU.email,
        subject: `${PAU.name}, la fitxa`,
      },
    })
    await payload.db.create({
      collection: 'reminders',
      data: {
        key: `${ids.pairing}:fitxaMissing:prova:secretariat`,
        pairing: ids.pairing,
        kind: 'fitxaMissing',
        occasion: 'prova',
        audience: 'secretariat',
        to: 'secretaria@xmess.example',
        subject: `Falta la fitxa de ${PAU.name}`,
      },
    })
    const before = await figures()
    // The person is there to start with, as each of these sees it.
    const secretariat = as(p.tokens.secretariat)
    expect(
      pauMentioned(
        (await web.request('GET', '/api/reminders?limit=500', undefined, secretariat)).text,
      ),
    ).toBe(true)
    expect(
      pauMentioned(
        (await web.request('GET', '/api/pairings/versions?limit=100', undefined, secretariat)).text,
      ),
    ).toBe(true)
    expect(
      pauMentioned(
        (await web.request('GET', '/api/sent-emails?limit=500', undefined, secretariat)).text,
      ),
    ).toBe(true)

    const erased = await web.request(
      'POST',
      '/api/mentoria/people/erase',
      { email: PAU.email },
      secretariat,
    )
    expect(erased.status, erased.text).toBe(200)
    expect(erased.body.message).toMatch(/^S'han anonimitzat les dades de pau@vilafranca.example/)
    expect(erased.body.report).toMatchObject({
      candidates: 1,
      accountsRemoved: 1,
      pairings: 1,
      meetings: 3,
      incidents: 1,
      fitxes: 1,
    })

    expect(await figures()).toEqual(before)

    const reads = [
      ...[
        'candidates',
        'mentors',
        'users',
        'pairings',
        'meetings',
        'incidents',
        'fitxes',
        'sent-emails',
        'reminders',
      ].map((slug) => `/api/${slug}?limit=500&depth=2`),
      '/api/pairings/versions?limit=500&depth=2',
      '/api/fitxes/versions?limit=500&depth=2&draft=true',
      '/api/fitxes?draft=true&limit=100',
      ...FILES.map((file) => `/api/mentoria/export/${file}.csv`),
    ]
    for (const path of reads) {
      const answer = await web.request('GET', path, undefined, secretariat)
      expect(answer.status, path).toBe(200)
      expect(pauMentioned(answer.text), `${path}: ${answer.text.slice(0, 400)}`).toBe(false)
    }
    const graphql = await web.graphql(
      `{ Candidates(limit: 100) { docs { name email phone needs } } Pairings(limit: 100) { docs { title agreement { objectives } closing { menteeEvaluation { comments } mentorEvaluation { comments } } } }
         Meetings(limit: 100) { docs { summary place } } Incidents(limit: 100) { docs { title description } } Fitxes(draft: true) { docs { title summary slug } }
         versionsPairings(limit: 100) { docs { version { title } } } Users(limit: 100) { docs { email name } } SentEmails(limit: 500) { docs { to subject text } } }`,
      secretariat,
    )
    expect(graphql.status).toBe(200)
    expect(graphql.body.errors).toBeUndefined()
    expect(pauMentioned(graphql.text)).toBe(false)

    // The public: the published fitxa keeps its text, naming nobody.
    const publicFitxes = await web.request('GET', '/api/fitxes?depth=2')
    expect(publicFitxes.body.docs.map((doc: { id: ID }) => doc.id)).toEqual([ids.fitxa])
    expect(publicFitxes.body.docs[0].summary).toBe('Escrita per Persona esborrada amb la Laia')
    expect(pauMentioned(JSON.stringify(await publishedFitxes(payload)))).toBe(false)

    // The emails waiting in the queue and the history of every collection, read straight from the database.
    const jobs = await payload.db.find({ collection: 'payload-jobs', pagination: false, limit: 0 })
    expect(pauMentioned(JSON.stringify(jobs.docs))).toBe(false)
    for (const collection of ['pairings', 'fitxes'] as const) {
      expect(
        pauMentioned(
          JSON.stringify(
            (await payload.db.findVersions({ collection, pagination: false, limit: 0 })).docs,
          ),
        ),
      ).toBe(false)
    }
    // The account is gone; the other people are as they were.
    await expect(web.login(PAU.account, PASSWORD)).rejects.toThrow(/401/)
    const laia = await payload.findByID({ collection: 'mentors', id: p.mentor.id, depth: 0 })
    expect(laia).toMatchObject({ name: 'Laia Mentora', email: 'laia@sabadell.example' })
    const other = await payload.findByID({ collection: 'pairings', id: ids.other, depth: 0 })
    expect(other.title).toBe('Laia Mentora → Marta Altra')
    const done = await payload.findByID({ collection: 'pairings', id: ids.pairing, depth: 0 })
    expect(done).toMatchObject({
      title: 'Laia Mentora → Persona esborrada',
      status: 'completed',
      closing: { menteeEvaluation: { rating: 5 }, mentorEvaluation: { rating: 4 } },
    })
    expect(
      (
        await web.request(
          'GET',
          `/api/mentoria/people/export?email=${PAU.email}`,
          undefined,
          secretariat,
        )
      ).status,
    ).toBe(404)
  })
})

describe('retention', () => {
  it('anonymises applications never paired once the retention period after their edition closed is over, and nothing else', async () => {
    const { payload } = web.app
    const make = (name: string, mail: string, edition: ID) =>
      payload.create({
        collection: 'candidates',
        data: {
          ...p.candidateData(name, mail, p.councils.olot.id),
          edition,
          user: undefined,
        } as never,
      })
    // The closed edition closed 370 days ago; this app keeps applications 12 months.
    const old = await make('Olga Antiga', 'olga@olot.example', p.closedEdition.id)
    const declined = await make('Dídac Declinat', 'didac@olot.example', p.closedEdition.id)
    await payload.db.create({
      collection: 'pairings',
      data: {
        edition: p.closedEdition.id,
        mentor: p.mentor.id,
        candidate: declined.id,
        status: 'declined',
        title: 'Laia Mentora → Dídac Declinat',
        answeredAt: daysFromNow(-380),
      },
    })
    const paired = await make('Paula Aparellada', 'paula@olot.example', p.closedEdition.id)
    await payload.db.create({
      collection: 'pairings',
      data: {
        edition: p.closedEdition.id,
        mentor: p.mentor.id,
        candidate: paired.id,
        status: 'completed',
        title: 'Laia Mentora → Paula Aparellada',
        ...startData(),
        ...closingData(),
      },
    })
    const recent = await make('Rita Recent', 'rita@olot.example', p.edition.id)

    await payload.jobs.queue({
      task: 'anonymiseExpiredApplications' as never,
      input: {} as never,
      queue: 'mentoria',
    })
    await payload.jobs.run({ queue: 'mentoria', limit: 10 })

    const read = (id: ID) => payload.findByID({ collection: 'candidates', id, depth: 0 })
    for (const id of [old.id, declined.id]) {
      const candidate = await read(id)
      expect(candidate).toMatchObject({
        name: 'Persona esborrada',
        phone: null,
        status: 'eligible',
      })
      expect(candidate.email).toMatch(/@esborrada\.invalid$/)
    }
    expect((await read(paired.id)).name).toBe('Paula Aparellada')
    expect((await read(recent.id)).name).toBe('Rita Recent')
    const titles = (
      await payload.find({
        collection: 'pairings',
        where: { edition: { equals: p.closedEdition.id } },
        depth: 0,
      })
    ).docs
      .map((pairing) => pairing.title)
      .sort()
    expect(titles).toEqual(['Laia Mentora → Paula Aparellada', 'Laia Mentora → Persona esborrada'])
  })
})
