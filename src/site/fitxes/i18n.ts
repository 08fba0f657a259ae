import type { Lang } from '../i18n'
import type { SheetKey } from './sheet'

/** Words of the public fitxes pages: Catalan first, then Spanish and English (as the form). */
export type FitxesMessages = {
  htmlTitle: string
  title: string
  intro: string
  skipToContent: string
  languageNav: string
  languageNames: Record<Lang, string>
  filtersTitle: string
  search: string
  searchHint: string
  topic: string
  council: string
  year: string
  all: string
  apply: string
  clear: string
  results: (count: number) => string
  noResults: string
  pageNav: string
  previous: string
  next: string
  pageOf: (page: number, pages: number) => string
  mapTitle: string
  mapDescription: (mentorings: number, councils: number) => string
  mapLegendMentee: string
  mapLegendMentor: string
  mapCredit: string
  between: (mentee: string, mentor: string) => string
  accompanied: string
  mentorCouncil: string
  period: string
  edition: string
  area: string
  classification: string
  topics: string
  /** The fitxa's headings, in the order of the sheets on xmess.cat, then the mentoring extras (sheet.ts). */
  headings: Record<SheetKey, string>
  backToList: string
  openData: string
  openDataIntro: string
  feed: string
  json: string
  csv: string
  /** The DCAT-AP metadata (dcat.jsonld), for open-data portals. */
  dcat: string
  columns: string
  notFoundTitle: string
  notFound: string
  widgetTitle: string
  widgetAll: string
  footer: string
}

const ca: FitxesMessages = {
  htmlTitle: 'Fitxes de mentoria · XMESS',
  title: 'Fitxes de mentoria',
  intro:
    "Què ha après un ajuntament d'un altre en el programa de mentoria de la XMESS: cada fitxa l'escriu la persona que ha rebut l'acompanyament i la publica la secretaria tècnica.",
  skipToContent: 'Salta al contingut',
  languageNav: 'Idioma',
  languageNames: { ca: 'Català', es: 'Castellano', en: 'English' },
  filtersTitle: 'Cerca i filtres',
  search: 'Cerca',
  searchHint: 'Paraules del títol, la descripció o el text',
  topic: 'Àmbit',
  council: 'Ens',
  year: 'Any',
  all: 'Tots',
  apply: 'Cerca',
  clear: 'Treu els filtres',
  results: (count) => (count === 1 ? '1 fitxa' : `${count} fitxes`),
  noResults: 'Cap fitxa no respon a aquesta cerca. Proveu amb menys filtres.',
  pageNav: 'Pàgines',
  previous: 'Anterior',
  next: 'Següent',
  pageOf: (page, pages) => `Pàgina ${page} de ${pages}`,
  mapTitle: 'La xarxa de mentories',
  mapDescription: (mentorings, councils) =>
    `Mapa de Catalunya amb ${councils} ${councils === 1 ? 'ens' : 'ens'} units per ${mentorings} ${mentorings === 1 ? 'mentoria publicada' : 'mentories publicades'}: cada línia va de l'ens de la persona mentora a l'ens acompanyat.`,
  mapLegendMentee: 'Ens acompanyat',
  mapLegendMentor: 'Ens de la persona mentora',
  mapCredit: "Límits: © Instituto Geográfico Nacional (IGN), CC BY 4.0, a través d'es-atlas.",
  between: (mentee, mentor) => `${mentee}, amb la mentoria de ${mentor}`,
  accompanied: 'Ens acompanyat',
  mentorCouncil: 'Ens de la persona mentora',
  period: 'Acompanyament',
  edition: 'Convocatòria',
  area: 'Àrea o departament',
  classification: 'Classificació',
  topics: 'Àmbits',
  headings: {
    council: 'Ajuntament o Consell Comarcal',
    referencePerson: 'Persona de referència de la XMESS',
    contactEmail: 'Mail de contacte',
    area: 'Àrea o Departament',
    classification: 'Classificació simplificada',
    image: 'Imatge',
    summary: 'Descripció',
    objectives: 'Objectius',
    audience: 'Persones destinatàries',
    resources: 'Recursos',
    keyElements: 'Elements clau',
    limitations: 'Limitacions',
    indicators: 'Indicadors de resultat utilitzats',
    considerations: 'Aspectes a tenir en compte',
    activities: 'Activitats',
    results: 'Resultats i aprenentatges',
    recommendations: 'Recomanacions',
    topics: 'Àmbits',
    body: 'Explicació detallada',
    edition: 'Convocatòria',
    period: 'Acompanyament',
  },
  backToList: 'Totes les fitxes',
  openData: 'Dades obertes',
  openDataIntro: 'Les fitxes publicades, per reutilitzar-les:',
  feed: 'Canal Atom',
  json: 'JSON',
  csv: 'CSV',
  dcat: 'Metadades DCAT-AP (per als portals de dades obertes)',
  columns: 'Columnes',
  notFoundTitle: 'Aquesta fitxa no existeix',
  notFound:
    "No hi ha cap fitxa publicada en aquesta adreça. Potser s'ha retirat o l'adreça no és correcta.",
  widgetTitle: 'Darreres fitxes de mentoria',
  widgetAll: 'Totes les fitxes',
  footer: "Xarxa de Municipis per l'Economia Social i Solidària",
}

const es: FitxesMessages = {
  ...ca,
  htmlTitle: 'Fichas de mentoría · XMESS',
  title: 'Fichas de mentoría',
  intro:
    'Qué ha aprendido un ayuntamiento de otro en el programa de mentoría de la XMESS: cada ficha la escribe la persona que ha recibido el acompañamiento y la publica la secretaría técnica.',
  skipToContent: 'Saltar al contenido',
  languageNav: 'Idioma',
  filtersTitle: 'Búsqueda y filtros',
  search: 'Buscar',
  searchHint: 'Palabras del título, la descripción o el texto',
  topic: 'Ámbito',
  council: 'Ente',
  year: 'Año',
  all: 'Todos',
  apply: 'Buscar',
  clear: 'Quitar los filtros',
  results: (count) => (count === 1 ? '1 ficha' : `${count} fichas`),
  noResults: 'Ninguna ficha responde a esta búsqueda. Pruebe con menos filtros.',
  pageNav: 'Páginas',
  previous: 'Anterior',
  next: 'Siguiente',
  pageOf: (page, pages) => `Página ${page} de ${pages}`,
  mapTitle: 'La red de mentorías',
  mapDescription: (mentorings, councils) =>
    `Mapa de Cataluña con ${councils} entes unidos por ${mentorings} ${mentorings === 1 ? 'mentoría publicada' : 'mentorías publicadas'}: cada línea va del ente de la persona mentora al ente acompañado.`,
  mapLegendMentee: 'Ente acompañado',
  mapLegendMentor: 'Ente de la persona mentora',
  mapCredit: 'Límites: © Instituto Geográfico Nacional (IGN), CC BY 4.0, mediante es-atlas.',
  between: (mentee, mentor) => `${mentee}, con la mentoría de ${mentor}`,
  accompanied: 'Ente acompañado',
  mentorCouncil: 'Ente de la persona mentora',
  period: 'Acompañamiento',
  edition: 'Convocatoria',
  area: 'Área o departamento',
  classification: 'Clasificación',
  topics: 'Ámbitos',
  headings: {
    council: 'Ayuntamiento o Consejo Comarcal',
    referencePerson: 'Persona de referencia de la XMESS',
    contactEmail: 'Correo de contacto',
    area: 'Área o Departamento',
    classification: 'Clasificación simplificada',
    image: 'Imagen',
    summary: 'Descripción',
    objectives: 'Objetivos',
    audience: 'Personas destinatarias',
    resources: 'Recursos',
    keyElements: 'Elementos clave',
    limitations: 'Limitaciones',
    indicators: 'Indicadores de resultado utilizados',
    considerations: 'Aspectos a tener en cuenta',
    activities: 'Actividades',
    results: 'Resultados y aprendizajes',
    recommendations: 'Recomendaciones',
    topics: 'Ámbitos',
    body: 'Explicación detallada',
    edition: 'Convocatoria',
    period: 'Acompañamiento',
  },
  backToList: 'Todas las fichas',
  openData: 'Datos abiertos',
  openDataIntro: 'Las fichas publicadas, para reutilizarlas:',
  feed: 'Canal Atom',
  dcat: 'Metadatos DCAT-AP (para los portales de datos abiertos)',
  columns: 'Columnas',
  notFoundTitle: 'Esta ficha no existe',
  notFound:
    'No hay ninguna ficha publicada en esta dirección. Quizá se ha retirado o la dirección no es correcta.',
  widgetTitle: 'Últimas fichas de mentoría',
  widgetAll: 'Todas las fichas',
  footer: 'Red de Municipios por la Economía Social y Solidaria',
}

const en: FitxesMessages = {
  ...ca,
  htmlTitle: 'Mentoring fitxes · XMESS',
  title: 'Mentoring fitxes',
  intro:
    "What one council learned from another in the XMESS mentoring programme: each fitxa is written by the person who was mentored and published by the programme's secretariat.",
  skipToContent: 'Skip to content',
  languageNav: 'Language',
  filtersTitle: 'Search and filters',
  search: 'Search',
  searchHint: 'Words in the title, summary or text',
  topic: 'Topic',
  council: 'Council',
  year: 'Year',
  all: 'All',
  apply: 'Search',
  clear: 'Clear filters',
  results: (count) => (count === 1 ? '1 fitxa' : `${count} fitxes`),
  noResults: 'No fitxa matches this search. Try fewer filters.',
  pageNav: 'Pages',
  previous: 'Previous',
  next: 'Next',
  pageOf: (page, pages) => `Page ${page} of ${pages}`,
  mapTitle: 'The mentoring network',
  mapDescription: (mentorings, councils) =>
    `Map of Catalonia with ${councils} councils joined by ${mentorings} published ${mentorings === 1 ? 'mentoring' : 'mentorings'}: each line goes from the mentor's council to the mentored council.`,
  mapLegendMentee: 'Mentored council',
  mapLegendMentor: "Mentor's council",
  mapCredit: 'Boundaries: © Instituto Geográfico Nacional (IGN), CC BY 4.0, via es-atlas.',
  between: (mentee, mentor) => `${mentee}, mentored by ${mentor}`,
  accompanied: 'Mentored council',
  mentorCouncil: "Mentor's council",
  period: 'Accompaniment',
  edition: 'Edition',
  area: 'Area or department',
  classification: 'Classification',
  topics: 'Topics',
  headings: {
    council: 'Town or county council',
    referencePerson: 'XMESS reference person',
    contactEmail: 'Contact email',
    area: 'Area or department',
    classification: 'Simplified classification',
    image: 'Image',
    summary: 'Description',
    objectives: 'Objectives',
    audience: 'Audience',
    resources: 'Resources',
    keyElements: 'Key elements',
    limitations: 'Limitations',
    indicators: 'Result indicators used',
    considerations: 'Things to bear in mind',
    activities: 'Activities',
    results: 'Results and learnings',
    recommendations: 'Recommendations',
    topics: 'Topics',
    body: 'Longer account',
    edition: 'Edition',
    period: 'Accompaniment',
  },
  backToList: 'All fitxes',
  openData: 'Open data',
  openDataIntro: 'The published fitxes, to reuse:',
  feed: 'Atom feed',
  dcat: 'DCAT-AP metadata (for open-data portals)',
  columns: 'Columns',
  notFoundTitle: 'No such fitxa',
  notFound:
    'There is no published fitxa at this address. It may have been withdrawn, or the address is wrong.',
  widgetTitle: 'Latest mentoring fitxes',
  widgetAll: 'All fitxes',
  footer: 'Network of Municipalities for the Social and Solidarity Economy',
}

const MESSAGES: Record<Lang, FitxesMessages> = { ca, es, en }

export const fitxesMessages = (lang: Lang): FitxesMessages => MESSAGES[lang]
