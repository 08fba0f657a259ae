import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEFAULT_FITXA_CLASSIFICATIONS, DEFAULT_TOPICS } from '../../src/lib/options'
import { dcatResponse, fitxaFilters, publishedFitxes } from '../../src/services/public-fitxes'
import { currentVocabularies } from '../../src/services/vocabularies'
import { closingData, type Programme, setupProgramme, startData } from '../helpers/fixtures'
import { type HttpApp, startHttpApp } from '../helpers/http'

/**
 * «Vocabularis» (issue 21): the secretariat edits the àmbits and the classifications in the admin
 * (the global, over REST as the admin's form sends it), and the application form, the fields'
 * checks and the /fitxes filters follow at once, without a restart; a value still in use is not
 * removed silently.
 */

let web: HttpApp
let p: Programme
const as = (token?: string) => ({ token })

const application = (topics: string[], email: string) => ({
  name: 'Laia Puig i Serra',
  position: 'Tècnica de promoció econòmica',
  municipality: String(p.councils.olot.id),
  email,
  phone: '+34 938 000 000',
  topics,
  needs: 'Volem impulsar la reparació i la reutilització al municipi.',
  availability: 'Dimarts al matí.',
  languages: ['ca'],
  consents: { dataProcessing: true, commitment: true },
  website: '',
})

const CIRCULAR = {
  value: 'economia-circular',
  label: 'Economia circular',
  es: 'Economía circular',
  en: 'Circular economy',
}

beforeAll(async () => {
  web = await startHttpApp({ rateLimits: { login: { windowMs: 60_000, limit: 1000 } } })
  p = await setupProgramme(web.app)
})

afterAll(async () => {
  await web?.close()
})

const save = (data: Record<string, unknown>, token = p.tokens.secretariat) =>
  web.request('POST', '/api/globals/vocabularies', data, as(token))

describe('«Vocabularis»', () => {
  it('starts from the plugin options, and only the secretariat changes it', async () => {
    const current = await currentVocabularies(web.app.payload)
    expect(current.topics.map((topic) => topic.value)).toEqual(
      DEFAULT_TOPICS.map((topic) => topic.value),
    )
    expect(current.fitxaClassifications.map((item) => item.value)).toEqual(
      DEFAULT_FITXA_CLASSIFICATIONS.map((item) => item.value),
    )
    for (const token of [undefined, p.tokens.mentor, p.tokens.mentee]) {
      expect(
        (await web.request('POST', '/api/globals/vocabularies', { topics: [CIRCULAR] }, as(token)))
          .status,
      ).toBe(403)
      expect(
        (await web.request('GET', '/api/globals/vocabularies', undefined, as(token))).status,
      ).toBe(403)
    }
  })

  it('a new àmbit is taken by the application form and the fields at once, without a restart', async () => {
    // Not in the list yet: the form refuses it, naming the field.
    const before = await web.request(
      'POST',
      '/api/candidates/apply',
      application(['economia-circular'], 'circular-1@olot.example'),
    )
    expect(before.status).toBe(400)

    const saved = await save({
      topics: [...DEFAULT_TOPICS, CIRCULAR],
      fitxaClassifications: DEFAULT_FITXA_CLASSIFICATIONS,
    })
    expect(saved.status, saved.text).toBe(200)

    const after = await web.request(
      'POST',
      '/api/candidates/apply',
      application(['economia-circular', 'cooperativisme'], 'circular-2@olot.example'),
    )
    expect(after.status, after.text).toBe(201)
    const { docs } = await web.app.payload.find({
      collection: 'candidates',
      where: { email: { equals: 'circular-2@olot.example' } },
      depth: 0,
    })
    expect(docs[0].topics).toEqual(['economia-circular', 'cooperativisme'])

    // The mentor offers it too; a value outside the list is refused with a Catalan sentence.
    const offered = await web.request(
      'PATCH',
      `/api/mentors/${p.mentor.id}`,
      { topics: ['estrategia-ess', 'economia-circular'] },
      as(p.tokens.mentor),
    )
    expect(offered.status, offered.text).toBe(200)
    expect(offered.body.doc.topics).toEqual(['estrategia-ess', 'economia-circular'])
    const unknown = await web.request(
      'PATCH',
      `/api/mentors/${p.mentor.id}`,
      { topics: ['inventat'] },
      as(p.tokens.mentor),
    )
    expect(unknown.status).toBe(400)
    expect(unknown.text).toMatch(/«inventat» no és a la llista/)
  })

  it('the /fitxes filters and names follow a change of name', async () => {
    const pairing = await web.app.payload.db.create({
      collection: 'pairings',
      data: {
        edition: p.edition.id,
        mentor: p.mentor.id,
        candidate: p.candidate.id,
        status: 'completed',
        title: 'p-vocab',
        ...startData(),
        ...closingData(),
      },
    })
    const fitxa = await web.request(
      'POST',
      '/api/fitxes',
      {
        pairing: pairing.id,
        title: 'Taller de reparació',
        summary: 'Un taller mensual.',
        classification: ['educacio'],
        topics: ['economia-circular'],
      },
      as(p.tokens.mentee),
    )
    expect(fitxa.status, fitxa.text).toBe(201)
    expect(
      (
        await web.request(
          'PATCH',
          `/api/fitxes/${fitxa.body.doc.id}`,
          { _status: 'published' },
          as(p.tokens.secretariat),
        )
      ).status,
    ).toBe(200)

    const filters = async () =>
      fitxaFilters(web.app.payload, await currentVocabularies(web.app.payload))
    expect((await filters()).topics).toEqual([
      { value: 'economia-circular', label: 'Economia circular', count: 1 },
    ])

    const renamed = await save({
      topics: [...DEFAULT_TOPICS, { ...CIRCULAR, label: 'Economia circular i reparació' }],
    })
    expect(renamed.status, renamed.text).toBe(200)
    expect((await filters()).topics).toEqual([
      { value: 'economia-circular', label: 'Economia circular i reparació', count: 1 },
    ])
    expect((await filters()).classificationLabels.get('educacio')).toBe('Educació')
  })

  it('refuses removing a value still in use, naming it and how many records use it; nothing changes', async () => {
    const withoutStrategy = DEFAULT_TOPICS.filter((topic) => topic.value !== 'estrategia-ess')
    const refused = await save({ topics: [...withoutStrategy, CIRCULAR] })
    expect(refused.status).toBe(409)
    // Two applications (the fixtures' mentee and the other one) and the mentor.
    expect(refused.body.errors[0].message).toBe(
      "No es pot treure l'àmbit «Estratègia i pla municipal d'ESS» (estrategia-ess): encara el fan servir 3 registres (2 sol·licituds, 1 persona mentora). " +
        'Canvieu abans aquests registres a un altre valor, o deixeu-lo a la llista.',
    )
    const classification = await save({
      fitxaClassifications: DEFAULT_FITXA_CLASSIFICATIONS.filter(
        (item) => item.value !== 'educacio',
      ),
    })
    expect(classification.status).toBe(409)
    expect(classification.body.errors[0].message).toMatch(
      /^No es pot treure la classificació «Educació» \(educacio\): encara la fa servir 1 registre \(1 fitxa\)/,
    )

    const current = await currentVocabularies(web.app.payload)
    expect(current.topics.map((topic) => topic.value)).toContain('estrategia-ess')
    expect(current.fitxaClassifications.map((item) => item.value)).toContain('educacio')

    // A value nobody uses goes.
    const unused = await save({
      topics: [...DEFAULT_TOPICS.filter((topic) => topic.value !== 'bens-comuns'), CIRCULAR],
    })
    expect(unused.status, unused.text).toBe(200)
    expect(
      (await currentVocabularies(web.app.payload)).topics.map((topic) => topic.value),
    ).not.toContain('bens-comuns')
  })

  it('refuses a badly written list with a Catalan sentence', async () => {
    const repeated = await save({
      topics: [...DEFAULT_TOPICS, CIRCULAR, { value: 'economia-circular', label: 'Una altra' }],
    })
    expect(repeated.status).toBe(400)
    expect(repeated.body.errors[0].message).toBe(
      'Àmbits: el valor «economia-circular» està repetit.',
    )
    const badValue = await save({
      topics: [...DEFAULT_TOPICS, CIRCULAR, { value: 'Economia Social', label: 'ESS' }],
    })
    expect(badValue.status).toBe(400)
    expect(badValue.body.errors[0].message).toMatch(
      /^Àmbits: el valor «Economia Social» no és vàlid/,
    )
  })
})

describe('/fitxes/dcat.jsonld', () => {
  it('serves the DCAT-AP metadata of the published fitxes: JSON-LD, four distributions, dated by the newest publication', async () => {
    const response = await dcatResponse(web.app.payload, 'https://mentoria.example')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/ld+json; charset=utf-8')
    expect(response.headers.get('link')).toContain('creativecommons.org/licenses/by/4.0')
    const graph = (await response.json())['@graph'] as Record<string, any>[]
    const dataset = graph.find((node) => node['@type'] === 'dcat:Dataset')
    const published = await publishedFitxes(web.app.payload)
    expect(published).toHaveLength(1)
    expect(dataset?.['dct:modified']['@value']).toBe(published[0].updatedAt)
    expect(dataset?.['dcat:keyword']).toContainEqual({
      '@language': 'ca',
      '@value': 'Economia circular',
    })
    expect(
      graph
        .filter((node) => node['@type'] === 'dcat:Distribution')
        .map((node) => node['dcat:accessURL']['@id']),
    ).toEqual([
      'https://mentoria.example/fitxes/dades.csv',
      'https://mentoria.example/fitxes/dades.json',
      'https://mentoria.example/fitxes/feed.xml',
      'https://mentoria.example/fitxes/wordpress.xml',
    ])
  })
})
