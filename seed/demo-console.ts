import type { Payload } from 'payload'

import { runRemindersRound } from '../src/jobs/reminders'
import type { MentoriaOptions } from '../src/lib/options'

type ID = number | string
const DAY = 86_400_000

/** The console's own demo mentors (fictional people): one council each, all available. */
const consoleMentors = [
  {
    name: 'Anna Ferrer Soler',
    email: 'anna.ferrer@consola.example',
    topics: ['estrategia-ess', 'contractacio-responsable'],
    position: 'Tècnica de promoció econòmica',
  },
  {
    name: 'Bernat Pujol Roca',
    email: 'bernat.pujol@consola.example',
    topics: ['cooperativisme', 'ateneus-cooperatius'],
    position: "Coordinador de l'ateneu cooperatiu",
  },
  {
    name: 'Carla Vidal Mas',
    email: 'carla.vidal@consola.example',
    topics: ['mercat-social', 'finances-etiques'],
    position: "Tècnica d'economia social",
  },
]

/** Applications of the console's demo, with the needs they ask for (topics in priority order). */
const consoleCandidates = [
  { key: 'extended', name: 'Dani Serra Coll', topics: ['estrategia-ess'] },
  { key: 'overdue', name: 'Elna Bosch Prat', topics: ['cooperativisme'] },
  {
    key: 'endingSoon',
    name: 'Ferran Camps Vila',
    topics: ['mercat-social', 'energia-comunitaria'],
  },
  { key: 'online', name: 'Glòria Roig Puig', topics: ['estrategia-ess', 'habitatge-cooperatiu'] },
  { key: 'completed', name: 'Hug Martí Sala', topics: ['contractacio-responsable'] },
  { key: 'withdrawn', name: 'Irene Costa Font', topics: ['finances-etiques'] },
  {
    key: 'waitingLong',
    name: 'Jan Soler Bru',
    topics: ['ateneus-cooperatius', 'energia-comunitaria'],
  },
  {
    key: 'waiting',
    name: 'Laura Riera Gil',
    topics: ['energia-comunitaria', 'sobirania-alimentaria'],
  },
  { key: 'submitted', name: 'Miquel Pons Vives', topics: ['energia-comunitaria'] },
  { key: 'ineligible', name: 'Neus Mir Alsina', topics: ['sobirania-alimentaria'] },
  {
    key: 'eligible',
    name: 'Oriol Sans Ribas',
    topics: ['habitatge-cooperatiu', 'energia-comunitaria'],
  },
] as const

type Key = (typeof consoleCandidates)[number]['key']

export type ConsoleDemoArgs = {
  /** The edition the dashboard opens on. */
  edition: ID
  /** Where accompaniments that started about a year ago belong (last year's edition); the same edition if omitted. */
  longRunningEdition?: ID
  /** Member councils to place people in: mentors in the first three, applicants in the others. */
  councils: ID[]
  today?: Date
}

/**
 * A year of accompaniments as the secretariat's console shows it (docs/console.md): one extended, one past
 * its end, one ending within 30 days, one whose only second meeting was online, one completed without its
 * fitxa, one withdrawn, proposals waiting for a week and more, open and resolved incidents, and the
 * reminders of the daily round. Moved through the real transitions, so every rule runs. Idempotent by the
 * demo people's emails. Returns the pairings by their part in the demo.
 */
export async function seedConsoleDemo(
  payload: Payload,
  { edition, longRunningEdition = edition, councils, today = new Date() }: ConsoleDemoArgs,
) {
  if (councils.length < 4) throw new Error('seedConsoleDemo: calen com a mínim quatre ens membres')
  const existing = await payload.count({
    collection: 'mentors',
    where: { email: { equals: consoleMentors[0].email } },
  })
  if (existing.totalDocs > 0) return { created: false as const }

  const iso = (days: number) => new Date(today.getTime() + days * DAY).toISOString()
  const mentors: ID[] = []
  for (const [index, mentor] of consoleMentors.entries()) {
    const doc = await payload.create({
      collection: 'mentors',
      data: {
        ...mentor,
        phone: `600 100 1${index}0`,
        municipality: councils[index],
        capacity: 4,
        available: true,
        languages: ['ca'],
      } as never,
      depth: 0,
    })
    mentors.push(doc.id)
  }
  const longRunning: Key[] = ['extended', 'overdue', 'endingSoon', 'completed']
  const candidates = {} as Record<Key, ID>
  for (const [index, candidate] of consoleCandidates.entries()) {
    const doc = await payload.create({
      collection: 'candidates',
      data: {
        name: candidate.name,
        email: `${candidate.key.toLowerCase()}@consola.example`,
        phone: `600 200 2${String(index).padStart(2, '0')}`,
        position: 'Tècnica municipal',
        municipality: councils[3 + (index % (councils.length - 3))],
        edition: longRunning.includes(candidate.key) ? longRunningEdition : edition,
        topics: [...candidate.topics],
        needs: 'Posar en marxa la política municipal d’economia social i solidària.',
        availability: 'Dimarts i dijous al matí',
        consents: { dataProcessing: true, commitment: true },
        status:
          candidate.key === 'ineligible'
            ? 'ineligible'
            : candidate.key === 'submitted'
              ? 'submitted'
              : 'eligible',
        lateRegistration: true,
      } as never,
      depth: 0,
    })
    candidates[candidate.key] = doc.id
  }

  const agreement = {
    objectives: 'Definir el primer pla municipal d’ESS i els seus indicadors.',
    activities: 'Visites presencials, revisió de documents i contacte amb entitats del territori.',
    calendar: 'Una trobada cada dos mesos.',
  }
  const pairings = {} as Record<Key, ID>
  const propose = async (key: Key, mentor: number, extra: Record<string, unknown> = {}) => {
    const doc = await payload.create({
      collection: 'pairings',
      data: {
        mentor: mentors[mentor],
        candidate: candidates[key],
        edition: longRunning.includes(key) ? longRunningEdition : edition,
        ...extra,
      } as never,
      depth: 0,
    })
    pairings[key] = doc.id
    return doc.id
  }
  const move = (id: ID, data: Record<string, unknown>) =>
    payload.update({ collection: 'pairings', id, data: data as never, depth: 0 })
  const start = async (key: Key, mentor: number, startDay: number, endDay: number) => {
    const id = await propose(key, mentor)
    await move(id, { status: 'accepted' })
    await move(id, { status: 'active', startDate: iso(startDay), endDate: iso(endDay), agreement })
    return id
  }
  const meet = (
    pairing: ID,
    day: number,
    modality: 'in_person' | 'online' | 'phone',
    summary: string,
  ) =>
    payload.create({
      collection: 'meetings',
      data: {
        pairing,
        date: iso(day),
        modality,
        place: modality === 'in_person' ? 'Ajuntament' : undefined,
        durationMinutes: 90,
        summary,
      } as never,
    })

  // Extended: both parties agreed a later end, past the one-year limit (R8).
  const extended = await start('extended', 0, -330, -330 + 360)
  await meet(extended, -300, 'in_person', 'Diagnosi inicial a l’ajuntament.')
  await meet(extended, -180, 'in_person', 'Revisió de l’esborrany del pla.')
  await move(extended, {
    extension: {
      proposedEndDate: iso(75),
      reason: 'El ple aprova el pla al febrer i volem acompanyar-ne la posada en marxa.',
      mentor: { agreed: true, note: 'Acord confirmat per correu.' },
      mentee: { agreed: true, note: 'Acord confirmat per telèfon.' },
    },
  })

  // Past its end date, with one meeting only.
  const overdue = await start('overdue', 1, -380, -20)
  await meet(overdue, -350, 'in_person', 'Primera visita.')

  // Ending within 30 days.
  const endingSoon = await start('endingSoon', 2, -340, 20)
  await meet(endingSoon, -320, 'in_person', 'Primera visita.')
  await meet(endingSoon, -200, 'online', 'Seguiment en línia.')
  await meet(endingSoon, -90, 'in_person', 'Visita al mercat social.')
  const resolved = await payload.create({
    collection: 'incidents',
    data: {
      pairing: endingSoon,
      type: 'other',
      description: 'No trobàvem data per a la segona visita.',
    } as never,
    depth: 0,
  })
  await payload.update({
    collection: 'incidents',
    id: resolved.id,
    data: { status: 'resolved', resolution: 'Acordada per al mes següent.' } as never,
  })

  // The second meeting was online: it does not count for R7 (only in person does, by default).
  const online = await start('online', 0, -90, 250)
  await meet(online, -80, 'in_person', 'Primera visita.')
  await meet(online, -30, 'online', 'Revisió en línia del calendari.')
  await payload.create({
    collection: 'incidents',
    data: {
      pairing: online,
      type: 'other',
      description: 'La persona mentora ha canviat d’horari i costa quadrar les visites.',
    } as never,
  })

  // Completed three weeks ago: the fitxa is owed (R10).
  const completed = await start('completed', 1, -300, 40)
  await meet(completed, -280, 'in_person', 'Primera visita.')
  await meet(completed, -120, 'in_person', 'Sessió amb entitats.')
  await move(completed, {
    status: 'completed',
    closing: {
      closingDate: iso(-21),
      menteeEvaluation: { rating: 4, comments: 'Ens ha ajudat a ordenar les prioritats.' },
      mentorEvaluation: { rating: 5, comments: 'Un equip molt implicat.' },
    },
  })

  // Withdrawn: the programme is voluntary (seed §2).
  const withdrawn = await start('withdrawn', 2, -60, 300)
  await move(withdrawn, {
    status: 'cancelled',
    cancellationReason: 'La persona mentorada deixa el programa per un canvi de feina.',
  })

  // Proposals waiting for the mentor's answer.
  await propose('waitingLong', 1, { createdAt: iso(-12) })
  await propose('waiting', 2, { createdAt: iso(-3) })

  // The daily round's reminders (the fitxa owed, the end date passed) go out now, as the job would.
  await runRemindersRound(
    payload,
    (payload.config.custom as { mentoria: MentoriaOptions }).mentoria,
    { now: today },
  )
  // Delivered now (the server would within a minute), so the outbox and the console show them at once.
  const recorded = (await payload.count({ collection: 'sent-emails' })).totalDocs
  await payload.jobs.run({ queue: 'mentoria-mail', limit: 1000 })
  // The sent-email records are written just after delivery (src/email/recording-adapter.ts): wait for them
  // before the seed's process ends.
  for (
    let tries = 0;
    tries < 60 && (await payload.count({ collection: 'sent-emails' })).totalDocs <= recorded;
    tries++
  ) {
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return { created: true as const, pairings, candidates, mentors }
}
