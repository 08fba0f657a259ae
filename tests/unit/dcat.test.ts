import { describe, expect, it } from 'vitest'

import {
  DCAT_CONTEXT,
  DCAT_LICENCE,
  dcatCatalog,
  EU_THEME,
  NTI_THEME,
} from '../../src/site/fitxes/dcat'
import type { PublicFitxa } from '../../src/site/fitxes/public-fitxa'

const fitxa = (n: number, extra: Partial<PublicFitxa> = {}): PublicFitxa => ({
  id: String(n),
  slug: `fitxa-${n}`,
  title: `Fitxa ${n}`,
  summary: `Resum ${n}`,
  classification: [],
  topics: n % 2 ? ['finances-etiques'] : ['energia-comunitaria'],
  council: { id: `c${n}`, name: `Ajuntament ${n}` },
  publishedAt: `2026-01-0${n}T10:00:00.000Z`,
  ...extra,
})

type Node = Record<string, any>

/** Every prefixed name used (keys and @type values) must have its prefix in the @context. */
function prefixesUsed(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) prefixesUsed(item, found)
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (!key.startsWith('@')) found.add(key.split(':')[0])
      if (key === '@type' && typeof inner === 'string') found.add(inner.split(':')[0])
      prefixesUsed(inner, found)
    }
  }
  return found
}

describe('/fitxes/dcat.jsonld (DCAT-AP 2, NTI-RISP)', () => {
  const fitxes = [
    fitxa(1, { updatedAt: '2026-03-04T09:00:00.000Z' }),
    fitxa(2, {
      referencePerson: { name: 'Núria Referent', email: 'nuria@example.cat' },
    } as Partial<PublicFitxa>),
  ]
  const doc = dcatCatalog(fitxes, {
    baseUrl: 'https://mentoria.example/',
    topicLabels: new Map([['finances-etiques', 'Finances ètiques']]),
  })
  const graph = doc['@graph'] as Node[]
  const ofType = (type: string) => graph.filter((node) => node['@type'] === type)

  it('is one catalog, one dataset, four distributions, their publisher and licence, with every prefix declared', () => {
    expect(doc['@context']).toEqual(DCAT_CONTEXT)
    expect(ofType('dcat:Catalog')).toHaveLength(1)
    expect(ofType('dcat:Dataset')).toHaveLength(1)
    expect(ofType('dcat:Distribution')).toHaveLength(4)
    expect(ofType('foaf:Organization')).toHaveLength(1)
    for (const prefix of prefixesUsed(graph)) expect(Object.keys(DCAT_CONTEXT)).toContain(prefix)
    const [catalog] = ofType('dcat:Catalog')
    expect(catalog['@id']).toBe('https://mentoria.example/fitxes/dcat.jsonld')
    expect(catalog['dcat:dataset']).toEqual({ '@id': ofType('dcat:Dataset')[0]['@id'] })
    expect(catalog['dcat:themeTaxonomy']).toEqual({
      '@id': 'http://datos.gob.es/kos/sector-publico/sector',
    })
  })

  it('names the dataset in Catalan, Spanish and English, with publisher, licence, themes and the publication stamp', () => {
    const [dataset] = ofType('dcat:Dataset')
    for (const key of ['dct:title', 'dct:description']) {
      expect(dataset[key].map((text: Node) => text['@language'])).toEqual(['ca', 'es', 'en'])
      for (const text of dataset[key]) expect(text['@value']).not.toBe('')
    }
    expect(dataset['dct:title'][0]['@value']).toBe('Fitxes de mentoria de la XMESS')
    expect(dataset['dct:publisher']).toEqual({ '@id': ofType('foaf:Organization')[0]['@id'] })
    expect(ofType('foaf:Organization')[0]['foaf:name']).toMatch(/XMESS/)
    expect(dataset['dct:license']).toEqual({ '@id': DCAT_LICENCE })
    expect(dataset['dcat:theme']).toEqual([{ '@id': NTI_THEME }, { '@id': EU_THEME }])
    // modified: the newest published version; issued: the first publication.
    expect(dataset['dct:modified']).toEqual({
      '@type': 'xsd:dateTime',
      '@value': '2026-03-04T09:00:00.000Z',
    })
    expect(dataset['dct:issued']).toEqual({
      '@type': 'xsd:dateTime',
      '@value': '2026-01-01T10:00:00.000Z',
    })
    expect(dataset['dc:language']).toBe('ca')
    expect(dataset['dcat:keyword']).toContainEqual({
      '@language': 'ca',
      '@value': 'Finances ètiques',
    })
    expect(dataset['dcat:landingPage']).toEqual({ '@id': 'https://mentoria.example/fitxes' })
  })

  it('lists the four files with their address, media type and format', () => {
    const [dataset] = ofType('dcat:Dataset')
    const distributions = ofType('dcat:Distribution')
    expect(dataset['dcat:distribution']).toEqual(
      distributions.map((node) => ({ '@id': node['@id'] })),
    )
    expect(
      distributions.map((node) => [node['dcat:accessURL']['@id'], node['dct:format']['rdf:value']]),
    ).toEqual([
      ['https://mentoria.example/fitxes/dades.csv', 'text/csv'],
      ['https://mentoria.example/fitxes/dades.json', 'application/json'],
      ['https://mentoria.example/fitxes/feed.xml', 'application/atom+xml'],
      ['https://mentoria.example/fitxes/wordpress.xml', 'application/rss+xml'],
    ])
    for (const node of distributions) {
      expect(node['dcat:mediaType']['@id']).toBe(
        `https://www.iana.org/assignments/media-types/${node['dct:format']['rdf:value']}`,
      )
      expect(node['dct:format']['@type']).toBe('dct:IMT')
      expect(node['dct:title'].map((text: Node) => text['@language'])).toEqual(['ca', 'es', 'en'])
      expect(node['dct:license']).toEqual({ '@id': DCAT_LICENCE })
    }
  })

  it('says nothing about people, and without fitxes still has a date', () => {
    expect(JSON.stringify(doc)).not.toMatch(/nuria|Núria/i)
    const empty = dcatCatalog([], {
      baseUrl: 'https://mentoria.example',
      now: new Date('2026-05-01T00:00:00.000Z'),
    })
    expect((empty['@graph'] as Node[])[1]['dct:modified']['@value']).toBe(
      '2026-05-01T00:00:00.000Z',
    )
  })
})
