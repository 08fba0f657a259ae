import type { PayloadRequest } from 'payload'

import { runRemindersRound } from '../src/jobs/reminders'
import { mentoriaOptionsOf } from '../src/plugin'
import { addDays } from '../src/rules/reminders'
import { deliveriesSettled } from '../src/services/mail-queue'
import { startTestApp, type TestApp } from '../tests/helpers/payload'

/**
 * `npm run bench:reminders`: the daily round of reminders (src/jobs/reminders.ts) over 5 000 pairings
 * against one plain pass over the active pairings (`payload.find` of every active pairing, depth 0:
 * the least a round could read), in the same run, on a fresh SQLite database.
 *
 * The pairings are spread over a year as a real edition would be (proposals of the last month, starts
 * and ends over the year, closings of the last months, most pairings with a meeting), so each day some
 * reminders fall due. Two rounds are timed:
 * - the first round of a day, which finds what is due and writes and queues it (a new day each time);
 * - a later round the same day (the hourly schedule), which finds everything already sent.
 * Email delivery runs after the round (the mail queue) and is not timed here.
 * Goal: each round within 3× of the plain pass.
 */

const PAIRINGS = Number(process.env.BENCH_PAIRINGS ?? 5000)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7)
const GOAL = 3
const TODAY = '2030-03-10'
const at = (day: string) => `${day}T11:00:00.000Z`

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

async function seed(app: TestApp) {
  const { payload } = app
  const edition = await payload.db.create({
    collection: 'editions',
    data: {
      year: 2029,
      name: 'Convocatòria 2029',
      applicationsOpenAt: at('2029-09-01'),
      applicationsCloseAt: at('2029-09-30'),
      startBy: at(addDays(TODAY, -20)),
    },
  })
  const council = await payload.db.create({
    collection: 'municipalities',
    data: { name: 'Ajuntament', member: true },
  })
  const other = await payload.db.create({
    collection: 'municipalities',
    data: { name: 'Ajuntament 2', member: true },
  })
  let req = { transactionID: await payload.db.beginTransaction() } as never as PayloadRequest
  const mentors: (number | string)[] = []
  for (let i = 0; i < 250; i++) {
    mentors.push(
      (
        await payload.db.create({
          collection: 'mentors',
          data: {
            name: `Mentora ${i}`,
            email: `mentora${i}@xmess.example`,
            municipality: council.id,
            capacity: 30,
            available: true,
          },
          req,
        })
      ).id,
    )
  }
  const counts: Record<string, number> = {}
  for (let i = 0; i < PAIRINGS; i++) {
    if (i > 0 && i % 500 === 0) {
      await payload.db.commitTransaction(req.transactionID as never)
      req = { transactionID: await payload.db.beginTransaction() } as never as PayloadRequest
    }
    const candidate = await payload.db.create({
      collection: 'candidates',
      data: {
        name: `Persona ${i}`,
        email: `persona${i}@ajuntament.example`,
        municipality: other.id,
        edition: edition.id,
        topics: ['estrategia-ess'],
        status: 'matched',
        consents: { dataProcessing: true, commitment: true },
      },
      req,
    })
    // 10 % proposed, 10 % accepted, 50 % active, 25 % completed, 5 % cancelled.
    const slot = i % 20
    const status =
      slot < 2
        ? 'proposed'
        : slot < 4
          ? 'accepted'
          : slot < 14
            ? 'active'
            : slot < 19
              ? 'completed'
              : 'cancelled'
    counts[status] = (counts[status] ?? 0) + 1
    const start = addDays(TODAY, -((i * 7) % 365))
    const closing = addDays(TODAY, -((i * 3) % 120))
    const pairing = await payload.db.create({
      collection: 'pairings',
      data: {
        title: `Mentora ${i % 250} → Persona ${i}`,
        edition: edition.id,
        mentor: mentors[i % 250],
        candidate: candidate.id,
        status,
        createdAt: status === 'proposed' ? at(addDays(TODAY, -(i % 30))) : at(addDays(TODAY, -200)),
        startDate: status === 'active' || status === 'completed' ? at(start) : null,
        endDate: status === 'active' || status === 'completed' ? at(addDays(start, 364)) : null,
        fitxaPublished: status === 'completed' && i % 3 === 0,
        agreement: { objectives: 'Objectius', activities: 'Activitats', calendar: 'Calendari' },
        closing:
          status === 'completed'
            ? {
                closingDate: at(closing),
                menteeEvaluation: { rating: 5, comments: 'Bé' },
                ...(i % 2 === 0
                  ? { mentorEvaluation: { rating: 4 }, mentorEvaluatedAt: at(closing) }
                  : {}),
              }
            : {},
      },
      req,
    })
    if ((status === 'active' || status === 'completed') && i % 5 !== 0) {
      await payload.db.create({
        collection: 'meetings',
        data: { pairing: pairing.id, date: at(addDays(start, 10)), modality: 'in_person' },
        req,
      })
    }
  }
  await payload.db.commitTransaction(req.transactionID as never)
  return counts
}

async function main() {
  const began = Date.now()
  const app = await startTestApp({
    email: () => ({
      name: 'bench',
      defaultFromAddress: 'mentoria@xmess.example',
      defaultFromName: 'Mentoria XMESS',
      sendEmail: async () => undefined,
    }),
    plugin: { secretariatEmail: 'avisos@xmess.example' },
  })
  try {
    const counts = await seed(app)
    console.log(
      `${PAIRINGS} parelles (${Object.entries(counts)
        .map(([status, n]) => `${n} ${status}`)
        .join(', ')}), preparades en ${((Date.now() - began) / 1000).toFixed(1)} s`,
    )
    const options = mentoriaOptionsOf(app.config)
    const plainPass = async () => {
      const { docs } = await app.payload.find({
        collection: 'pairings',
        where: { status: { equals: 'active' } },
        depth: 0,
        pagination: false,
        overrideAccess: true,
      })
      return docs.length
    }
    const round = async (day: string) => {
      const result = await runRemindersRound(app.payload, options, {
        now: new Date(`${day}T09:00:00Z`),
      })
      return result
    }
    const time = async <T>(fn: () => Promise<T>) => {
      const t0 = performance.now()
      const result = await fn()
      return { ms: performance.now() - t0, result }
    }
    // Warm-up: the first day's backlog (everything due since the start of the edition) goes out once.
    const backlog = await time(() => round(addDays(TODAY, -1)))
    await deliveriesSettled(app.payload)
    await app.payload.jobs.run({ queue: 'mentoria-mail', limit: 100_000 })
    console.log(
      `Primera ronda de tots (el que tocava des de l'inici): ${backlog.result.emails} correus en ${backlog.ms.toFixed(0)} ms`,
    )
    await plainPass()

    const times: Record<'plain' | 'first' | 'again', number[]> = { plain: [], first: [], again: [] }
    const emails: number[] = []
    let active = 0
    for (let i = 0; i < ROUNDS; i++) {
      const day = addDays(TODAY, i)
      const plain = await time(plainPass)
      times.plain.push(plain.ms)
      active = plain.result
      const first = await time(() => round(day))
      times.first.push(first.ms)
      emails.push(first.result.emails)
      await deliveriesSettled(app.payload)
      await app.payload.jobs.run({ queue: 'mentoria-mail', limit: 100_000 })
      const again = await time(() => round(day))
      times.again.push(again.ms)
      if (again.result.emails !== 0)
        throw new Error(`a second round the same day sent ${again.result.emails} emails`)
    }
    const reference = median(times.plain)
    const ratio = (kind: 'first' | 'again') => median(times[kind]) / reference
    console.log('')
    console.log(`| ${PAIRINGS} parelles | execucions | mediana | mín. | màx. | ÷ passada simple |`)
    console.log('|---|---|---|---|---|---|')
    const row = (label: string, kind: 'plain' | 'first' | 'again') =>
      console.log(
        `| ${label} | ${times[kind].length} | ${median(times[kind]).toFixed(0)} ms | ${Math.min(...times[kind]).toFixed(0)} ms | ${Math.max(...times[kind]).toFixed(0)} ms | ${kind === 'plain' ? '1' : ratio(kind).toFixed(2)}× |`,
      )
    row(`referència: \`payload.find\` de les ${active} parelles en curs (depth 0)`, 'plain')
    row(
      `primera ronda del dia (envia ${Math.min(...emails)}–${Math.max(...emails)} correus, mediana ${median(emails)})`,
      'first',
    )
    row('una altra ronda el mateix dia (tot ja enviat)', 'again')
    console.log('')
    const met = ratio('first') <= GOAL && ratio('again') <= GOAL
    console.log(
      `Objectiu: cada ronda dins de ${GOAL}× de la passada simple: ${met ? 'complert' : 'NO complert'} (${ratio('first').toFixed(2)}× i ${ratio('again').toFixed(2)}×).`,
    )
    if (!met) process.exitCode = 1
  } finally {
    await deliveriesSettled(app.payload)
    await app.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
