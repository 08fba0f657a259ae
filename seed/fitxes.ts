import type { Payload, Where } from 'payload'

/**
 * Demo data for the public website: last year's accompaniments that were completed and documented,
 * each with a fitxa published by the secretariat (so /fitxes has a list, filters and a map to show).
 * Moved through the real transitions, so every rule hook runs. Idempotent, like the rest of the seed.
 */

type Council = (name: string) => number | string

const paragraph = (text: string) => ({
  type: 'paragraph',
  format: '',
  indent: 0,
  version: 1,
  direction: 'ltr',
  textFormat: 0,
  children: [{ type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }],
})

const richText = (...paragraphs: string[]) => ({
  root: {
    type: 'root',
    format: '',
    indent: 0,
    version: 1,
    direction: 'ltr',
    children: paragraphs.map(paragraph),
  },
})

export const documentedMentorings = [
  {
    mentor: 'Jordi',
    candidate: {
      name: 'Aina Soler Costa',
      email: 'aina.soler@sollicitant.xmess.example',
      position: 'Tècnica de promoció econòmica',
      municipality: 'Ajuntament de Mataró',
      topics: ['contractacio-responsable', 'mercat-social'],
      needs: 'Introduir clàusules socials als contractes de serveis municipals.',
      availability: 'Dimarts i dijous.',
      languages: ['ca'],
      status: 'eligible',
    },
    fitxa: {
      title: 'Clàusules socials als contractes de Mataró',
      summary:
        "Com l'Ajuntament de Mataró, amb la mentoria de l'Ajuntament de Barcelona, va incorporar criteris socials i de reserva de contractes a entitats d'ESS.",
      area: 'Contractació i promoció econòmica',
      classification: ['deteccio-coneixement-ess'],
      topics: ['contractacio-responsable', 'mercat-social'],
      objectives:
        'Redactar una instrucció de contractació pública responsable i aplicar-la en dos contractes pilot.',
      audience: "Personal tècnic de contractació i entitats de l'economia social del Maresme.",
      activities:
        "Dues sessions de treball a Barcelona amb l'equip de contractació, revisió dels plecs i una jornada amb entitats.",
      results:
        'Instrucció aprovada per la Junta de Govern i dos contractes reservats. Hem après a implicar Intervenció des del principi.',
      recommendations:
        'Començar per contractes petits i repetitius; compartir models de plecs amb altres ens.',
      resources: "Guia de contractació pública social de l'Ajuntament de Barcelona.",
      body: richText(
        'El primer pas va ser un inventari dels contractes que es renoven cada any.',
        'Amb la mentora vam revisar els plecs un per un i vam triar els dos amb més marge.',
      ),
    },
  },
  {
    mentor: 'Laia',
    candidate: {
      name: 'Ramon Ferré Bel',
      email: 'ramon.ferre@sollicitant.xmess.example',
      position: 'Agent de desenvolupament local',
      municipality: 'Ajuntament de Tortosa',
      topics: ['sobirania-alimentaria', 'cooperativisme'],
      needs: 'Impulsar un mercat de proximitat amb la pagesia del Baix Ebre.',
      availability: 'Divendres.',
      languages: ['ca', 'es'],
      status: 'eligible',
    },
    fitxa: {
      title: 'Un mercat de pagès a Tortosa',
      summary:
        "L'Ajuntament de Tortosa, acompanyat per l'Ajuntament de Sabadell, va posar en marxa un mercat setmanal de producte local gestionat per una cooperativa.",
      area: 'Desenvolupament local',
      classification: ['suport-sensibilitzacio'],
      topics: ['sobirania-alimentaria', 'cooperativisme'],
      objectives:
        'Obrir un mercat setmanal de producte local i acompanyar la pagesia a organitzar-se en cooperativa.',
      audience: 'Pagesia del Baix Ebre i veïnat de Tortosa.',
      activities:
        'Visita als mercats de pagès de Sabadell, tres reunions amb la pagesia i el conveni amb la cooperativa.',
      results:
        'Mercat obert cada dissabte amb quinze parades. La cooperativa gestiona les parades i la comunicació.',
      recommendations:
        "Deixar que la pagesia decideixi les normes del mercat; l'Ajuntament facilita l'espai i els permisos.",
      resources: 'Model de conveni entre ajuntament i cooperativa de pagesos.',
      body: richText('La clau va ser començar amb poques parades i créixer cada mes.'),
    },
  },
  {
    mentor: 'Núria',
    candidate: {
      name: 'Carla Pijuan Mas',
      email: 'carla.pijuan@sollicitant.xmess.example',
      position: 'Tècnica de joventut i ocupació',
      municipality: 'Ajuntament de Tàrrega',
      topics: ['ateneus-cooperatius', 'insercio-sociolaboral'],
      needs: 'Crear un espai per a projectes cooperatius de gent jove.',
      availability: 'Matins.',
      languages: ['ca'],
      status: 'eligible',
    },
    fitxa: {
      title: "Un espai cooperatiu per a joves a l'Urgell",
      summary:
        "Com l'Ajuntament de Tàrrega, amb la mentoria de l'Ajuntament de Manresa, va obrir un espai per acompanyar projectes cooperatius de joves.",
      area: 'Joventut i ocupació',
      classification: ['deteccio-coneixement-ess', 'educacio'],
      topics: ['ateneus-cooperatius', 'insercio-sociolaboral'],
      objectives:
        "Dissenyar un servei d'acompanyament a projectes cooperatius de joves amb l'ateneu cooperatiu de la zona.",
      audience: 'Joves de 18 a 30 anys de Tàrrega i la comarca.',
      activities:
        "Visita a l'espai de Manresa, disseny del servei i primera convocatòria de projectes.",
      results: "Sis projectes acompanyats el primer any; dos ja s'han constituït en cooperativa.",
      recommendations: "Treballar amb l'ateneu cooperatiu del territori des del disseny.",
      resources: "Fitxa del servei d'acompanyament de Manresa.",
      body: richText(
        'Vam aprendre que els joves volen trobar-se amb altres cooperatives, no només rebre formació.',
      ),
    },
  },
]

type Args = {
  year: number
  pastEditionId: number | string
  council: Council
  mentorIds: Map<string, number | string>
  count: (isNew: boolean) => void
}

export async function seedDocumentedMentorings(
  payload: Payload,
  { year, pastEditionId, council, mentorIds, count }: Args,
) {
  const day = (date: string) => new Date(`${date}T10:00:00Z`).toISOString()
  const move = (pairing: number | string, data: Record<string, unknown>) =>
    payload.update({ collection: 'pairings', id: pairing, data: data as never, depth: 0 })
  for (const { mentor, candidate, fitxa } of documentedMentorings) {
    const mentorId = mentorIds.get(mentor)
    if (mentorId === undefined) throw new Error(`Seed: unknown mentor ${mentor}`)
    const where: Where = {
      and: [{ email: { equals: candidate.email } }, { edition: { equals: pastEditionId } }],
    }
    if ((await payload.count({ collection: 'candidates', where })).totalDocs > 0) {
      count(false)
      continue
    }
    const applicant = await payload.create({
      collection: 'candidates',
      data: {
        ...candidate,
        municipality: council(candidate.municipality),
        edition: pastEditionId,
        consents: { dataProcessing: true, commitment: true },
        lateRegistration: false,
      } as never,
      depth: 0,
    })
    const pairing = await payload.create({
      collection: 'pairings',
      data: { mentor: mentorId, candidate: applicant.id } as never,
      depth: 0,
    })
    count(true)
    await move(pairing.id, { status: 'accepted' })
    await move(pairing.id, {
      status: 'active',
      startDate: day(`${year - 1}-11-20`),
      endDate: day(`${year}-10-31`),
      agreement: {
        objectives: fitxa.objectives,
        activities: fitxa.activities,
        calendar: 'De novembre a setembre.',
      },
    })
    for (const date of [`${year - 1}-12-12`, `${year}-03-05`]) {
      await payload.create({
        collection: 'meetings',
        data: {
          pairing: pairing.id,
          date: day(date),
          modality: 'in_person',
          place: 'Ajuntament',
          durationMinutes: 120,
          summary: 'Sessió de treball.',
        } as never,
      })
    }
    await move(pairing.id, {
      status: 'completed',
      closing: {
        closingDate: day(`${year}-07-15`),
        menteeEvaluation: { rating: 5, comments: 'Molt profitosa.' },
      },
    })
    // Written by the mentee, submitted, then published by the secretariat (R10).
    const draft = await payload.create({
      collection: 'fitxes',
      data: { ...fitxa, pairing: pairing.id, reviewStatus: 'submitted' } as never,
      draft: true,
    })
    await payload.update({
      collection: 'fitxes',
      id: draft.id,
      data: { _status: 'published' } as never,
    })
  }
}
