import { OPEN_DATA_LICENCE } from './open-data'
import type { PublicFitxa } from './public-fitxa'

/**
 * /fitxes/dcat.jsonld: the open dataset of the fitxes described in DCAT-AP 2 with the Spanish
 * NTI-RISP profile (Resolució de 19 de febrer de 2013; the profile datos.gob.es and the Catalan
 * portals harvest): a dcat:Catalog with one dcat:Dataset and its four distributions (dades.csv,
 * dades.json, feed.xml, wordpress.xml). Titles and descriptions in Catalan, Spanish and English.
 * Pure: the route passes the published fitxes and the site's address.
 */

export const DCAT_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  dc: 'http://purl.org/dc/elements/1.1/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const

type Text3 = { ca: string; es: string; en: string }
const langs = (text: Text3) =>
  (['ca', 'es', 'en'] as const).map((lang) => ({ '@language': lang, '@value': text[lang] }))
const dateTime = (value: string) => ({ '@type': 'xsd:dateTime', '@value': value })

/** CC BY 4.0 (the licence of the open data, src/site/fitxes/open-data.ts). */
export const DCAT_LICENCE = 'https://creativecommons.org/licenses/by/4.0/'
/** NTI-RISP: the public-sector taxonomy; the fitxes are about the economy (social and solidarity economy). */
export const NTI_THEME_TAXONOMY = 'http://datos.gob.es/kos/sector-publico/sector'
export const NTI_THEME = 'http://datos.gob.es/kos/sector-publico/sector/economia'
/** DCAT-AP: the EU data themes. */
export const EU_THEME = 'http://publications.europa.eu/resource/authority/data-theme/ECON'
export const NTI_SPATIAL =
  'http://datos.gob.es/recurso/sector-publico/territorio/Autonomia/Cataluna'

const TITLE: Text3 = {
  ca: 'Fitxes de mentoria de la XMESS',
  es: 'Fichas de mentoría de la XMESS',
  en: 'XMESS mentoring sheets',
}
const DESCRIPTION: Text3 = {
  ca: "Les fitxes de bones pràctiques que escriuen els ens acompanyats en el programa de mentoria de la Xarxa de Municipis per l'Economia Social i Solidària (XMESS): què s'ha fet, objectius, recursos, elements clau, limitacions i indicadors. Només hi ha les fitxes publicades; la persona de referència hi surt només amb el seu consentiment.",
  es: 'Las fichas de buenas prácticas que escriben los entes acompañados en el programa de mentoría de la Red de Municipios por la Economía Social y Solidaria (XMESS): qué se ha hecho, objetivos, recursos, elementos clave, limitaciones e indicadores. Solo las fichas publicadas; la persona de referencia aparece solo con su consentimiento.',
  en: 'The good-practice sheets written by the councils mentored in the programme of the Network of Municipalities for the Social and Solidarity Economy (XMESS): what was done, objectives, resources, key elements, limitations and indicators. Published sheets only; the reference person appears only with their consent.',
}

export type DcatDistribution = {
  key: string
  path: string
  mediaType: string
  format: string
  title: Text3
}

/** The four files a portal can harvest, in the order /fitxes lists them. */
export const DCAT_DISTRIBUTIONS: readonly DcatDistribution[] = [
  {
    key: 'csv',
    path: '/fitxes/dades.csv',
    mediaType: 'text/csv',
    format: 'CSV',
    title: { ca: 'Fitxes en CSV', es: 'Fichas en CSV', en: 'Sheets as CSV' },
  },
  {
    key: 'json',
    path: '/fitxes/dades.json',
    mediaType: 'application/json',
    format: 'JSON',
    title: { ca: 'Fitxes en JSON', es: 'Fichas en JSON', en: 'Sheets as JSON' },
  },
  {
    key: 'atom',
    path: '/fitxes/feed.xml',
    mediaType: 'application/atom+xml',
    format: 'ATOM',
    title: {
      ca: 'Canal Atom de les fitxes',
      es: 'Canal Atom de las fichas',
      en: 'Atom feed of the sheets',
    },
  },
  {
    key: 'wxr',
    path: '/fitxes/wordpress.xml',
    mediaType: 'application/rss+xml',
    format: 'RSS',
    title: {
      ca: 'Fitxes per importar a WordPress (WXR 1.2)',
      es: 'Fichas para importar en WordPress (WXR 1.2)',
      en: 'Sheets for the WordPress importer (WXR 1.2)',
    },
  },
]

/** The publication stamp: when the newest published version appeared (the Atom feed's `updated`). */
export function lastPublication(fitxes: readonly PublicFitxa[]): string | undefined {
  return fitxes
    .map((fitxa) => fitxa.updatedAt ?? fitxa.publishedAt ?? '')
    .filter(Boolean)
    .sort()
    .pop()
}

const firstPublication = (fitxes: readonly PublicFitxa[]) =>
  fitxes
    .map((fitxa) => fitxa.publishedAt ?? '')
    .filter(Boolean)
    .sort()[0]

export function dcatCatalog(
  fitxes: readonly PublicFitxa[],
  ctx: { baseUrl: string; topicLabels?: ReadonlyMap<string, string>; now?: Date },
): Record<string, unknown> {
  const base = ctx.baseUrl.replace(/\/$/, '')
  const landing = `${base}/fitxes`
  const self = `${base}/fitxes/dcat.jsonld`
  const modified = lastPublication(fitxes) ?? (ctx.now ?? new Date(0)).toISOString()
  const issued = firstPublication(fitxes) ?? modified
  const publisher = {
    '@id': `${base}/#xmess`,
    '@type': 'foaf:Organization',
    'foaf:name': "Xarxa de Municipis per l'Economia Social i Solidària (XMESS)",
    'foaf:homepage': { '@id': 'https://xmess.cat/' },
  }
  const licence = {
    '@id': DCAT_LICENCE,
    '@type': 'dct:LicenseDocument',
    'rdfs:label': OPEN_DATA_LICENCE.name,
  }
  const keywords = [...new Set(fitxes.flatMap((fitxa) => fitxa.topics))].map((topic) => ({
    '@language': 'ca',
    '@value': ctx.topicLabels?.get(topic) ?? topic,
  }))
  const distributions = DCAT_DISTRIBUTIONS.map((distribution) => ({
    '@id': `${self}#${distribution.key}`,
    '@type': 'dcat:Distribution',
    'dct:identifier': `${base}${distribution.path}`,
    'dct:title': langs(distribution.title),
    'dcat:accessURL': { '@id': `${base}${distribution.path}` },
    'dcat:downloadURL': { '@id': `${base}${distribution.path}` },
    // DCAT-AP 2: the IANA media type; NTI-RISP: dct:format as a dct:IMT with the type as its value.
    'dcat:mediaType': {
      '@id': `https://www.iana.org/assignments/media-types/${distribution.mediaType}`,
    },
    'dct:format': {
      '@type': 'dct:IMT',
      'rdf:value': distribution.mediaType,
      'rdfs:label': distribution.format,
    },
    'dct:license': { '@id': DCAT_LICENCE },
    'dct:modified': dateTime(modified),
  }))
  const dataset = {
    '@id': `${self}#fitxes`,
    '@type': 'dcat:Dataset',
    'dct:identifier': landing,
    'dct:title': langs(TITLE),
    'dct:description': langs(DESCRIPTION),
    'dcat:theme': [{ '@id': NTI_THEME }, { '@id': EU_THEME }],
    'dcat:keyword': [
      ...langs({
        ca: 'economia social i solidària',
        es: 'economía social y solidaria',
        en: 'social and solidarity economy',
      }),
      ...langs({ ca: 'bones pràctiques', es: 'buenas prácticas', en: 'good practices' }),
      ...keywords,
    ],
    'dct:issued': dateTime(issued),
    'dct:modified': dateTime(modified),
    'dct:publisher': { '@id': publisher['@id'] },
    'dct:license': { '@id': DCAT_LICENCE },
    'dct:rights': OPEN_DATA_LICENCE.attribution,
    'dc:language': 'ca',
    'dct:language': { '@id': 'http://publications.europa.eu/resource/authority/language/CAT' },
    'dct:spatial': { '@id': NTI_SPATIAL },
    'dcat:landingPage': { '@id': landing },
    'dcat:distribution': distributions.map((distribution) => ({ '@id': distribution['@id'] })),
  }
  const catalog = {
    '@id': self,
    '@type': 'dcat:Catalog',
    'dct:identifier': self,
    'dct:title': langs(TITLE),
    'dct:description': langs(DESCRIPTION),
    'dct:publisher': { '@id': publisher['@id'] },
    'dct:issued': dateTime(issued),
    'dct:modified': dateTime(modified),
    'dc:language': 'ca',
    'dct:language': { '@id': 'http://publications.europa.eu/resource/authority/language/CAT' },
    'dct:spatial': { '@id': NTI_SPATIAL },
    'dct:license': { '@id': DCAT_LICENCE },
    'foaf:homepage': { '@id': landing },
    'dcat:themeTaxonomy': { '@id': NTI_THEME_TAXONOMY },
    'dcat:dataset': { '@id': dataset['@id'] },
  }
  return {
    '@context': DCAT_CONTEXT,
    '@graph': [catalog, dataset, ...distributions, publisher, licence],
  }
}
