import type { PayloadRequest } from 'payload'

import { startTestApp, type TestApp } from '../tests/helpers/payload'

/**
 * `npm run bench:access`: a mentor listing their pairings and the people in them
 * (`GET /api/pairings?depth=1` with the mentor's JWT: access by ownership, R12 contact access and R13
 * evaluation access on every document) against the secretariat's plain list of the same records
 * (`GET /api/pairings?where[mentor][equals]=…&depth=1`), in the same run, with 5 000 pairings in the
 * database. Also counts the database queries of each request, for a mentor with few pairings and one
 * with many: the count must not grow with the documents (no query per document).
 * In-process through Payload's REST handlers (`handleEndpoints`), on a fresh SQLite database.
 * Goal: the mentor within 1.5× of the secretariat.
 */

const PAIRINGS = Number(process.env.BENCH_PAIRINGS ?? 5000)
const MENTORS = Number(process.env.BENCH_MENTORS ?? 250)
const FEW = 5
const MANY = Number(process.env.BENCH_MANY ?? 40)
const N = Number(process.env.BENCH_N ?? 60)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4)
const GOAL = 1.5
const PASSWORD = 'una-contrasenya-llarga'
const DAY = 86_400_000

type ID = number | string

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

/** Counts the adapter's reads while `fn` runs. */
function countingQueries(app: TestApp) {
  const db = app.payload.db as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>
  let count = 0
  for (const method of [
    'find',
    'findOne',
    'count',
    'findVersions',
    'queryDrafts',
    'findGlobal',
    'countVersions',
  ]) {
    const original = db[method]?.bind(db)
    if (!original) continue
    db[method] = (...args: unknown[]) => {
      count++
      return original(...args)
    }
  }
  return async <T>(fn: () => Promise<T>) => {
    const before = count
    const result = await fn()
    return { result, queries: count - before }
  }
}

async function seed(app: TestApp) {
  const { payload } = app
  const first = await app.rest.post('/api/users/first-register', {
    email: 'secretaria@xmess.example',
    password: PASSWORD,
    confirmPassword: PASSWORD,
  })
  const secretariat = first.body.token as string
  const edition = await payload.create({
    collection: 'editions',
    data: {
      year: 2026,
      name: 'Convocatòria 2026',
      applicationsOpenAt: new Date(Date.now() - 90 * DAY).toISOString(),
      applicationsCloseAt: new Date(Date.now() - 60 * DAY).toISOString(),
    } as never,
  })
  const councils: ID[] = []
  for (let i = 0; i < 40; i++) {
    councils.push(
      (
        await payload.db.create({
          collection: 'municipalities',
          data: {
            name: `Ajuntament ${i}`,
            member: true,
            latitude: 41 + i / 40,
            longitude: 1 + i / 40,
          },
        })
      ).id as ID,
    )
  }
  const users: Record<'few' | 'many', ID> = {
    few: (
      await payload.create({
        collection: 'users',
        data: { email: 'poques@xmess.example', password: PASSWORD, roles: ['mentor'] } as never,
      })
    ).id,
    many: (
      await payload.create({
        collection: 'users',
        data: { email: 'moltes@xmess.example', password: PASSWORD, roles: ['mentor'] } as never,
      })
    ).id,
  }
  const mentors: ID[] = []
  for (let i = 0; i < MENTORS; i++) {
    const user = i === 0 ? users.few : i === 1 ? users.many : undefined
    mentors.push(
      (
        await payload.db.create({
          collection: 'mentors',
          data: {
            name: `Mentora ${i}`,
            email: `mentora${i}@xmess.example`,
            phone: '600000000',
            municipality: councils[i % councils.length],
            capacity: 10,
            available: true,
            user,
          },
        })
      ).id as ID,
    )
  }
  // Mentor 0 has FEW pairings, mentor 1 has MANY; the rest share the others. Written straight to the
  // adapter (no hooks), 500 to a transaction, so that seeding takes seconds rather than minutes.
  const statuses = ['accepted', 'active', 'active', 'completed', 'proposed']
  let req = { transactionID: await payload.db.beginTransaction() } as never as PayloadRequest
  for (let i = 0; i < PAIRINGS; i++) {
    if (i > 0 && i % 500 === 0) {
      await payload.db.commitTransaction(req.transactionID as never)
      req = { transactionID: await payload.db.beginTransaction() } as never as PayloadRequest
    }
    const mentorIndex = i < FEW ? 0 : i < FEW + MANY ? 1 : 2 + (i % (MENTORS - 2))
    const candidate = await payload.db.create({
      collection: 'candidates',
      data: {
        name: `Persona ${i}`,
        email: `persona${i}@ajuntament.example`,
        phone: '600000001',
        municipality: councils[(mentorIndex + 1 + (i % 7)) % councils.length],
        edition: edition.id,
        topics: ['estrategia-ess'],
        status: 'matched',
        consents: { dataProcessing: true, commitment: true },
      },
      req,
    })
    const status = statuses[i % statuses.length]
    await payload.db.create({
      collection: 'pairings',
      data: {
        title: `Mentora ${mentorIndex} → Persona ${i}`,
        edition: edition.id,
        mentor: mentors[mentorIndex],
        candidate: candidate.id,
        status,
        startDate:
          status === 'proposed' || status === 'accepted'
            ? null
            : new Date(Date.now() - 100 * DAY).toISOString(),
        endDate:
          status === 'proposed' || status === 'accepted'
            ? null
            : new Date(Date.now() + 200 * DAY).toISOString(),
        agreement: { objectives: 'Objectius', activities: 'Activitats', calendar: 'Calendari' },
        closing:
          status === 'completed'
            ? {
                closingDate: new Date(Date.now() - DAY).toISOString(),
                menteeEvaluation: { rating: 5, comments: 'Bé' },
                mentorEvaluation: { rating: 4, comments: 'Bé' },
              }
            : {},
      },
      req,
    })
  }
  await payload.db.commitTransaction(req.transactionID as never)
  return {
    secretariat,
    few: { token: await app.rest.login('poques@xmess.example', PASSWORD), mentor: mentors[0] },
    many: { token: await app.rest.login('moltes@xmess.example', PASSWORD), mentor: mentors[1] },
  }
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
  })
  try {
    const people = await seed(app)
    console.log(
      `${PAIRINGS} parelles, ${MENTORS} persones mentores, preparades en ${((Date.now() - began) / 1000).toFixed(1)} s`,
    )
    const measure = countingQueries(app)
    const mentorList = (who: 'few' | 'many') =>
      app.rest.get('/api/pairings?depth=1&limit=100', { token: people[who].token })
    const secretariatList = (who: 'few' | 'many') =>
      app.rest.get(`/api/pairings?depth=1&limit=100&where[mentor][equals]=${people[who].mentor}`, {
        token: people.secretariat,
      })

    // Same records, same fields the mentor may see: a sanity check before timing anything.
    for (const who of ['few', 'many'] as const) {
      const mine = await mentorList(who)
      const plain = await secretariatList(who)
      const expected = who === 'few' ? FEW : MANY
      if (
        mine.status !== 200 ||
        mine.body.docs.length !== expected ||
        plain.body.docs.length !== expected
      ) {
        throw new Error(
          `unexpected lists for ${who}: ${mine.status} ${mine.body.docs?.length} / ${plain.body.docs?.length}`,
        )
      }
      if (
        mine.body.docs.some(
          (doc: { candidate: { email?: string; status?: string }; status: string }) =>
            doc.status === 'proposed' && doc.candidate.email,
        )
      ) {
        throw new Error('R12: a proposal showed the candidate’s contact data')
      }
    }

    const queries: Record<string, number> = {}
    for (const who of ['few', 'many'] as const) {
      queries[`mentor-${who}`] = (await measure(() => mentorList(who))).queries
      queries[`secretariat-${who}`] = (await measure(() => secretariatList(who))).queries
    }

    const times: Record<'mentor' | 'secretariat', number[]> = { mentor: [], secretariat: [] }
    for (let round = 0; round < ROUNDS; round++) {
      const order =
        round % 2 === 0
          ? (['mentor', 'secretariat'] as const)
          : (['secretariat', 'mentor'] as const)
      for (const who of order) {
        for (let i = 0; i < N; i++) {
          const t0 = performance.now()
          const answer = who === 'mentor' ? await mentorList('many') : await secretariatList('many')
          times[who].push(performance.now() - t0)
          if (answer.status !== 200) throw new Error(`status ${answer.status}`)
        }
      }
    }
    const median = (who: 'mentor' | 'secretariat') => percentile(times[who], 50)
    const p95 = (who: 'mentor' | 'secretariat') => percentile(times[who], 95)
    const ratio = median('mentor') / median('secretariat')
    console.log('')
    console.log(
      `| llista (${MANY} parelles de ${PAIRINGS}, depth 1) | peticions | p50 | p95 | consultes (${FEW} parelles) | consultes (${MANY} parelles) |`,
    )
    console.log('|---|---|---|---|---|---|')
    console.log(
      `| persona mentora: \`GET /api/pairings\` | ${times.mentor.length} | ${median('mentor').toFixed(1)} ms | ${p95('mentor').toFixed(1)} ms | ${queries['mentor-few']} | ${queries['mentor-many']} |`,
    )
    console.log(
      `| secretaria: \`GET /api/pairings?where[mentor][equals]=…\` | ${times.secretariat.length} | ${median('secretariat').toFixed(1)} ms | ${p95('secretariat').toFixed(1)} ms | ${queries['secretariat-few']} | ${queries['secretariat-many']} |`,
    )
    console.log(
      `| → persona mentora ÷ secretaria | | ${ratio.toFixed(2)}× | ${(p95('mentor') / p95('secretariat')).toFixed(2)}× | | |`,
    )
    console.log('')
    const perDocument = queries['mentor-many'] > queries['mentor-few']
    console.log(
      `Objectiu: persona mentora dins de ${GOAL}× de la secretaria: ${ratio <= GOAL ? 'complert' : 'NO complert'} (${ratio.toFixed(2)}×).`,
    )
    console.log(
      `Consultes per document: ${perDocument ? `SÍ (${queries['mentor-few']} → ${queries['mentor-many']})` : `no (${queries['mentor-few']} consultes amb ${FEW} parelles i amb ${MANY})`}.`,
    )
    if (ratio > GOAL || perDocument) process.exitCode = 1
  } finally {
    await app.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
