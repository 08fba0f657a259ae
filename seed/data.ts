/** Demo data: real Catalan councils (coordinates of the town hall, approximate) and fictional people. */

export type SeedMunicipality = {
  name: string
  comarca: string
  province: 'Barcelona' | 'Girona' | 'Lleida' | 'Tarragona'
  latitude: number
  longitude: number
  member: boolean
}

export const municipalities: SeedMunicipality[] = [
  {
    name: 'Ajuntament de Barcelona',
    comarca: 'Barcelonès',
    province: 'Barcelona',
    latitude: 41.3826,
    longitude: 2.1769,
    member: true,
  },
  {
    name: 'Ajuntament de Badalona',
    comarca: 'Barcelonès',
    province: 'Barcelona',
    latitude: 41.45,
    longitude: 2.2474,
    member: true,
  },
  {
    name: 'Ajuntament de Santa Coloma de Gramenet',
    comarca: 'Barcelonès',
    province: 'Barcelona',
    latitude: 41.4515,
    longitude: 2.208,
    member: true,
  },
  {
    name: "Ajuntament de l'Hospitalet de Llobregat",
    comarca: 'Barcelonès',
    province: 'Barcelona',
    latitude: 41.3597,
    longitude: 2.0997,
    member: true,
  },
  {
    name: 'Ajuntament de Sabadell',
    comarca: 'Vallès Occidental',
    province: 'Barcelona',
    latitude: 41.5463,
    longitude: 2.1086,
    member: true,
  },
  {
    name: 'Ajuntament de Terrassa',
    comarca: 'Vallès Occidental',
    province: 'Barcelona',
    latitude: 41.561,
    longitude: 2.0089,
    member: true,
  },
  {
    name: 'Ajuntament de Rubí',
    comarca: 'Vallès Occidental',
    province: 'Barcelona',
    latitude: 41.4933,
    longitude: 2.0325,
    member: true,
  },
  {
    name: 'Ajuntament de Cerdanyola del Vallès',
    comarca: 'Vallès Occidental',
    province: 'Barcelona',
    latitude: 41.4914,
    longitude: 2.1408,
    member: true,
  },
  {
    name: 'Ajuntament de Granollers',
    comarca: 'Vallès Oriental',
    province: 'Barcelona',
    latitude: 41.6079,
    longitude: 2.2876,
    member: true,
  },
  {
    name: 'Ajuntament de Mataró',
    comarca: 'Maresme',
    province: 'Barcelona',
    latitude: 41.5381,
    longitude: 2.4445,
    member: true,
  },
  {
    name: 'Ajuntament de Manresa',
    comarca: 'Bages',
    province: 'Barcelona',
    latitude: 41.725,
    longitude: 1.8266,
    member: true,
  },
  {
    name: 'Ajuntament de Vic',
    comarca: 'Osona',
    province: 'Barcelona',
    latitude: 41.9301,
    longitude: 2.2549,
    member: true,
  },
  {
    name: "Ajuntament d'Igualada",
    comarca: 'Anoia',
    province: 'Barcelona',
    latitude: 41.5791,
    longitude: 1.6172,
    member: true,
  },
  {
    name: 'Ajuntament del Prat de Llobregat',
    comarca: 'Baix Llobregat',
    province: 'Barcelona',
    latitude: 41.3246,
    longitude: 2.0953,
    member: true,
  },
  {
    name: 'Ajuntament de Cornellà de Llobregat',
    comarca: 'Baix Llobregat',
    province: 'Barcelona',
    latitude: 41.3551,
    longitude: 2.07,
    member: true,
  },
  {
    name: 'Ajuntament de Sant Boi de Llobregat',
    comarca: 'Baix Llobregat',
    province: 'Barcelona',
    latitude: 41.3436,
    longitude: 2.0366,
    member: true,
  },
  {
    name: 'Ajuntament de Viladecans',
    comarca: 'Baix Llobregat',
    province: 'Barcelona',
    latitude: 41.3144,
    longitude: 2.0142,
    member: true,
  },
  {
    name: 'Ajuntament de Molins de Rei',
    comarca: 'Baix Llobregat',
    province: 'Barcelona',
    latitude: 41.414,
    longitude: 2.016,
    member: true,
  },
  {
    name: 'Ajuntament de Vilafranca del Penedès',
    comarca: 'Alt Penedès',
    province: 'Barcelona',
    latitude: 41.3463,
    longitude: 1.6995,
    member: true,
  },
  {
    name: 'Ajuntament de Vilanova i la Geltrú',
    comarca: 'Garraf',
    province: 'Barcelona',
    latitude: 41.2241,
    longitude: 1.7256,
    member: true,
  },
  {
    name: 'Ajuntament de Girona',
    comarca: 'Gironès',
    province: 'Girona',
    latitude: 41.9831,
    longitude: 2.8249,
    member: true,
  },
  {
    name: "Ajuntament d'Olot",
    comarca: 'Garrotxa',
    province: 'Girona',
    latitude: 42.1818,
    longitude: 2.49,
    member: true,
  },
  {
    name: 'Ajuntament de Figueres',
    comarca: 'Alt Empordà',
    province: 'Girona',
    latitude: 42.2667,
    longitude: 2.961,
    member: true,
  },
  {
    name: 'Ajuntament de Lleida',
    comarca: 'Segrià',
    province: 'Lleida',
    latitude: 41.6148,
    longitude: 0.6267,
    member: true,
  },
  {
    name: 'Ajuntament de Tàrrega',
    comarca: 'Urgell',
    province: 'Lleida',
    latitude: 41.6469,
    longitude: 1.14,
    member: true,
  },
  {
    name: 'Ajuntament de Tarragona',
    comarca: 'Tarragonès',
    province: 'Tarragona',
    latitude: 41.1189,
    longitude: 1.2445,
    member: true,
  },
  {
    name: 'Ajuntament de Reus',
    comarca: 'Baix Camp',
    province: 'Tarragona',
    latitude: 41.1561,
    longitude: 1.1069,
    member: true,
  },
  {
    name: 'Ajuntament de Tortosa',
    comarca: 'Baix Ebre',
    province: 'Tarragona',
    latitude: 40.8125,
    longitude: 0.5216,
    member: true,
  },
  {
    name: 'Consell Comarcal del Bages',
    comarca: 'Bages',
    province: 'Barcelona',
    latitude: 41.7236,
    longitude: 1.8259,
    member: true,
  },
  // Not a member: shows the eligibility rule (R3) at work in the demo.
  {
    name: 'Ajuntament de Cadaqués',
    comarca: 'Alt Empordà',
    province: 'Girona',
    latitude: 42.2887,
    longitude: 3.2779,
    member: false,
  },
]

export type SeedMentor = {
  name: string
  email: string
  phone: string
  position: string
  municipality: string
  topics: string[]
  capacity: number
  available: boolean
  languages: string[]
  bio: string
}

export const mentors: SeedMentor[] = [
  {
    name: 'Laia Puig Soler',
    email: 'laia.puig@mentora.xmess.example',
    phone: '+34 600 000 101',
    position: "Tècnica d'economia social i solidària",
    municipality: 'Ajuntament de Sabadell',
    topics: ['estrategia-ess', 'contractacio-responsable', 'cooperativisme'],
    capacity: 2,
    available: true,
    languages: ['ca', 'es'],
    bio: "Vuit anys impulsant el pla municipal d'ESS i les clàusules socials en la contractació.",
  },
  {
    name: 'Jordi Serra Vidal',
    email: 'jordi.serra@mentora.xmess.example',
    phone: '+34 600 000 102',
    position: "Cap del servei d'economia cooperativa",
    municipality: 'Ajuntament de Barcelona',
    topics: ['mercat-social', 'finances-etiques', 'economia-feminista'],
    capacity: 1,
    available: true,
    languages: ['ca', 'es', 'en'],
    bio: 'Ha coordinat programes de finances ètiques i de consum responsable.',
  },
  {
    name: 'Núria Vila Prat',
    email: 'nuria.vila@mentora.xmess.example',
    phone: '+34 600 000 103',
    position: "Tècnica de l'ateneu cooperatiu",
    municipality: 'Ajuntament de Manresa',
    topics: ['ateneus-cooperatius', 'cooperativisme', 'insercio-sociolaboral'],
    capacity: 1,
    available: true,
    languages: ['ca'],
    bio: "Acompanya projectes cooperatius i d'inserció des de l'ateneu de la Catalunya Central.",
  },
  {
    name: 'Marc Roca Font',
    email: 'marc.roca@mentora.xmess.example',
    phone: '+34 600 000 104',
    position: 'Tècnic de transició energètica',
    municipality: 'Ajuntament de Girona',
    topics: ['energia-comunitaria', 'bens-comuns', 'habitatge-cooperatiu'],
    capacity: 2,
    available: true,
    languages: ['ca', 'es', 'fr'],
    bio: 'Ha impulsat comunitats energètiques i un programa de masoveria urbana.',
  },
  {
    name: 'Anna Ferrer Gil',
    email: 'anna.ferrer@mentora.xmess.example',
    phone: '+34 600 000 105',
    position: 'Tècnica de desenvolupament local',
    municipality: 'Ajuntament de Reus',
    topics: ['sobirania-alimentaria', 'mercat-social'],
    capacity: 1,
    available: false,
    languages: ['ca', 'es'],
    bio: 'Experta en circuits curts de comercialització. Aquest any no té disponibilitat.',
  },
]

export type SeedCandidate = {
  name: string
  email: string
  phone: string
  position: string
  municipality: string
  topics: string[]
  needs: string
  availability: string
  languages: string[]
  status: 'submitted' | 'eligible' | 'ineligible' | 'matched' | 'withdrawn'
}

export const candidates: SeedCandidate[] = [
  {
    name: 'Pau Martí Costa',
    email: 'pau.marti@sollicitant.xmess.example',
    phone: '+34 600 000 201',
    position: 'Tècnic de promoció econòmica',
    municipality: 'Ajuntament de Vilafranca del Penedès',
    topics: ['estrategia-ess', 'contractacio-responsable'],
    needs:
      "Volem redactar el primer pla municipal d'ESS i incorporar clàusules socials als contractes.",
    availability: 'Dimarts i dijous al matí; puc desplaçar-me en tren.',
    languages: ['ca', 'es'],
    status: 'eligible',
  },
  {
    name: 'Marta Soler Riba',
    email: 'marta.soler@sollicitant.xmess.example',
    phone: '+34 600 000 202',
    position: 'Tècnica de medi ambient',
    municipality: "Ajuntament d'Olot",
    topics: ['energia-comunitaria', 'bens-comuns'],
    needs: 'Volem crear una comunitat energètica amb el veïnat.',
    availability: 'Qualsevol matí; tinc cotxe.',
    languages: ['ca'],
    status: 'eligible',
  },
  {
    name: 'Oriol Camps Puig',
    email: 'oriol.camps@sollicitant.xmess.example',
    phone: '+34 600 000 203',
    position: 'Agent de desenvolupament local',
    municipality: 'Ajuntament de Tàrrega',
    topics: ['sobirania-alimentaria', 'cooperativisme'],
    needs: 'Suport per a una cooperativa de productors i un mercat de proximitat.',
    availability: 'Divendres; desplaçaments limitats.',
    languages: ['ca', 'es'],
    status: 'eligible',
  },
  {
    name: 'Clara Bosch Mir',
    email: 'clara.bosch@sollicitant.xmess.example',
    phone: '+34 600 000 204',
    position: "Tècnica d'ocupació",
    municipality: "Ajuntament d'Igualada",
    topics: ['ateneus-cooperatius', 'insercio-sociolaboral'],
    needs: "Volem obrir un espai d'innovació social i connectar-lo amb itineraris d'inserció.",
    availability: 'Dilluns i dimecres.',
    languages: ['ca'],
    status: 'eligible',
  },
  {
    name: 'Gemma Pons Roig',
    email: 'gemma.pons@sollicitant.xmess.example',
    phone: '+34 600 000 205',
    position: 'Tècnica de comerç',
    municipality: 'Ajuntament de Tortosa',
    topics: ['finances-etiques', 'mercat-social'],
    needs: 'Volem donar a conèixer les finances ètiques al teixit comercial.',
    availability: 'Tardes; el desplaçament a Barcelona és llarg.',
    languages: ['ca', 'es'],
    status: 'eligible',
  },
  {
    name: 'Sergi Mas Font',
    email: 'sergi.mas@sollicitant.xmess.example',
    phone: '+34 600 000 206',
    position: "Tècnic d'habitatge",
    municipality: 'Ajuntament de Figueres',
    topics: ['habitatge-cooperatiu', 'estrategia-ess'],
    needs: "Explorar l'habitatge cooperatiu en cessió d'ús en sòl municipal.",
    availability: 'Matins.',
    languages: ['ca', 'es'],
    status: 'submitted',
  },
]

/** Last year's applicant, whose accompaniment is completed and documented (a published fitxa). */
export const pastCandidate: SeedCandidate = {
  name: 'Júlia Roig Serra',
  email: 'julia.roig@sollicitant.xmess.example',
  phone: '+34 600 000 207',
  position: 'Tècnica de transició ecològica',
  municipality: 'Ajuntament de Granollers',
  topics: ['energia-comunitaria', 'bens-comuns'],
  needs: 'Volíem impulsar una comunitat energètica als equipaments municipals.',
  availability: 'Dimecres.',
  languages: ['ca'],
  status: 'eligible',
}

const paragraph = (text: string) => ({
  type: 'paragraph',
  format: '',
  indent: 0,
  version: 1,
  direction: 'ltr',
  textFormat: 0,
  children: [{ type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }],
})

export const pastFitxa = {
  title: 'Una comunitat energètica als equipaments de Granollers',
  summary:
    "Com l'Ajuntament de Granollers, acompanyat per l'Ajuntament de Girona, va passar de la idea a una comunitat energètica amb el veïnat en deu mesos.",
  topics: ['energia-comunitaria', 'bens-comuns'],
  body: {
    root: {
      type: 'root',
      format: '',
      indent: 0,
      version: 1,
      direction: 'ltr',
      children: [
        paragraph(
          "Vam començar amb una visita a la comunitat energètica de Girona i una sessió amb l'equip tècnic.",
        ),
        paragraph(
          'En la segona trobada vam revisar el model de governança i el conveni amb les entitats del barri.',
        ),
        paragraph(
          'El que ens emportem: començar petit, amb un equipament, i implicar el veïnat des del primer dia.',
        ),
      ],
    },
  },
}

export const DEMO_PASSWORD = 'Mentoria-demo-2026'

export const demoUsers = [
  {
    email: 'secretaria@xmess.example',
    name: 'Secretaria tècnica XMESS',
    roles: ['secretariat'] as const,
  },
  { email: 'laia.puig@mentora.xmess.example', name: 'Laia Puig Soler', roles: ['mentor'] as const },
  {
    email: 'pau.marti@sollicitant.xmess.example',
    name: 'Pau Martí Costa',
    roles: ['mentee'] as const,
  },
]

/** «Avís legal i accessibilitat» of the demo: fictional contact points of the XMESS secretariat. */
export const demoLegalSettings = (today: Date) => ({
  controller: {
    name: "Xarxa de Municipis per l'Economia Social i Solidària (XMESS)",
    address: 'Plaça de Sant Jaume, 1, 08002 Barcelona (adreça de demostració)',
    email: 'secretaria@xmess.example',
    website: 'https://xmess.cat',
  },
  dpo: { name: 'Delegat de protecció de dades de la XMESS', email: 'dpd@xmess.example' },
  accessibility: {
    status: 'partial',
    method: 'self',
    assessedAt: today.toISOString(),
    preparedAt: today.toISOString(),
    reviewedAt: today.toISOString(),
    contactEmail: 'accessibilitat@xmess.example',
  },
})
