import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { startTestApp, type TestApp } from '../tests/helpers/payload'

/**
 * `npm run bench:apply`: accepted applications per second and latency (p50, p95) of valid submissions
 * to POST /api/candidates/apply (anonymous), against Payload's plain REST create of a candidate by the
 * secretariat (POST /api/candidates with a JWT), in the same run, on a fresh SQLite database.
 *
 * In-process through Payload's REST handlers (`handleEndpoints`, as the tests do): no Express, so no
 * rate limit, and no network. Every request has its own email. Emails go to an adapter that drops
 * them (they are sent after the answer; an SMTP server would measure the mail server), and the
 * secretariat's address is configured, as in production.
 * Goal: the apply endpoint within 1.5× of the plain create.
 */

const N = Number(process.env.BENCH_N ?? 200)
const WARMUP = Number(process.env.BENCH_WARMUP ?? 100)
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '1,8').split(',').map(Number)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4)
const GOAL = 1.5
const DAY = 24 * 60 * 60 * 1000

type Result = { accepted: number; seconds: number; latencies: number[] }

let sequence = 0
const nextEmail = (kind: string) => `${kind}.${++sequence}@ajuntament.example`

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

async function run(
  count: number,
  concurrency: number,
  send: () => Promise<number>,
): Promise<Result> {
  const latencies: number[] = []
  let accepted = 0
  let started = 0
  const began = performance.now()
  const worker = async () => {
    while (started < count) {
      started++
      const t0 = performance.now()
      const status = await send()
      latencies.push(performance.now() - t0)
      if (status === 201) accepted++
      else throw new Error(`unexpected status ${status}`)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return { accepted, seconds: (performance.now() - began) / 1000, latencies }
}

const merge = (results: Result[]): Result => ({
  accepted: results.reduce((sum, result) => sum + result.accepted, 0),
  seconds: results.reduce((sum, result) => sum + result.seconds, 0),
  latencies: results.flatMap((result) => result.latencies),
})

async function main() {
  const app: TestApp = await startTestApp({
    email: () => ({
      name: 'bench',
      defaultFromAddress: 'mentoria@xmess.example',
      defaultFromName: 'Mentoria XMESS',
      sendEmail: async () => undefined,
    }),
    // As in production (README): the secretariat's address is configured.
    plugin: { secretariatEmail: 'secretaria@xmess.example' },
  })
  try {
    const first = await app.rest.post('/api/users/first-register', {
      email: 'secretaria@xmess.example',
      password: 'una-contrasenya-llarga',
      confirmPassword: 'una-contrasenya-llarga',
    })
    const token = first.body.token as string
    const now = Date.now()
    const edition = await app.rest.post(
      '/api/editions',
      {
        year: new Date().getUTCFullYear(),
        name: 'Convocatòria de prova',
        applicationsOpenAt: new Date(now - DAY).toISOString(),
        applicationsCloseAt: new Date(now + 30 * DAY).toISOString(),
      },
      { token },
    )
    const council = await app.rest.post(
      '/api/municipalities',
      { name: 'Ajuntament de Sabadell', member: true },
      { token },
    )
    // The REST handlers started Payload's job scheduler (a database query every minute): not measured here.
    for (const cron of (app.payload as unknown as { crons: { stop: () => void }[] }).crons.splice(
      0,
    ))
      cron.stop()
    const editionId = edition.body.doc.id
    const councilId = council.body.doc.id

    const fields = {
      name: 'Laia Puig i Serra',
      position: 'Tècnica de promoció econòmica',
      phone: '938 000 000',
      topics: ['cooperativisme', 'finances-etiques'],
      needs: 'Volem fer el primer pla municipal d’economia social i no sabem per on començar.',
      availability: 'Dimarts i dijous al matí. Puc anar a qualsevol lloc de la província.',
      languages: ['ca', 'es'],
      consents: { dataProcessing: true, commitment: true },
    }
    const apply = async () =>
      (
        await app.rest.post('/api/candidates/apply', {
          ...fields,
          municipality: String(councilId),
          email: nextEmail('apply'),
          website: '',
        })
      ).status
    const create = async () =>
      (
        await app.rest.post(
          '/api/candidates',
          { ...fields, municipality: councilId, edition: editionId, email: nextEmail('create') },
          { token },
        )
      ).status

    await run(WARMUP, 1, apply)
    await run(WARMUP, 1, create)

    const rows: string[] = []
    let met = true
    for (const concurrency of CONCURRENCY) {
      const applied: Result[] = []
      const created: Result[] = []
      // Alternated rounds, each side first in turn, so that a slower moment of the machine falls on both.
      for (let round = 0; round < ROUNDS; round++) {
        if (round % 2 === 0) {
          applied.push(await run(N, concurrency, apply))
          created.push(await run(N, concurrency, create))
        } else {
          created.push(await run(N, concurrency, create))
          applied.push(await run(N, concurrency, apply))
        }
      }
      const a = merge(applied)
      const c = merge(created)
      const row = (name: string, result: Result) =>
        `| ${name} | ${concurrency} | ${result.accepted} | ${(result.accepted / result.seconds).toFixed(0)}/s | ${percentile(result.latencies, 50).toFixed(1)} ms | ${percentile(result.latencies, 95).toFixed(1)} ms |`
      rows.push(row('`POST /api/candidates/apply` (anònima)', a))
      rows.push(row('`POST /api/candidates` (secretaria, JWT)', c))
      const throughputRatio = c.accepted / c.seconds / (a.accepted / a.seconds)
      const p95Ratio = percentile(a.latencies, 95) / percentile(c.latencies, 95)
      rows.push(
        `| → temps de la sol·licitud ÷ temps de la creació | ${concurrency} | | ${throughputRatio.toFixed(2)}× | | ${p95Ratio.toFixed(2)}× |`,
      )
      if (throughputRatio > GOAL || p95Ratio > GOAL) met = false
    }

    const table = [
      '| petició | concurrència | acceptades | per segon | p50 | p95 |',
      '|---|---|---|---|---|---|',
      ...rows,
    ].join('\n')
    const verdict = `Objectiu: la sol·licitud com a màxim ${GOAL}× la creació simple (per segon i p95) → ${met ? 'complert' : 'NO complert'}.`
    console.log(
      `Sol·licituds vàlides, ${N} × ${ROUNDS} per concurrència, SQLite nova (${os.cpus().length} nuclis, Node ${process.versions.node})\n`,
    )
    console.log(table)
    console.log(`\n${verdict}`)

    writeSection(table, verdict)
    if (!met) process.exitCode = 1
  } finally {
    await app.close()
  }
}

/** Replaces (or adds) this benchmark's section of docs/benchmarks.md, leaving the others as they are. */
function writeSection(table: string, verdict: string) {
  const file = path.resolve('docs/benchmarks.md')
  const heading = '## Sol·licituds (`npm run bench:apply`)'
  const section = [
    heading,
    '',
    'Sol·licituds vàlides (cadascuna amb un correu diferent) a `POST /api/candidates/apply`, sense sessió,',
    'comparades a la mateixa execució amb la creació simple de Payload (`POST /api/candidates` de la secretaria',
    'amb un JWT). Dins del procés, pels gestors REST de Payload (`handleEndpoints`), sense Express (ni límit de',
    'peticions) ni xarxa, sobre una base de dades SQLite nova. Els correus surten després de la resposta i aquí',
    'van a un adaptador que els descarta, i la secretaria té adreça configurada (`SECRETARIAT_EMAIL`), com en',
    'producció. La sol·licitud fa més feina abans de crear (busca la convocatòria oberta, comprova el cos,',
    "el parany, l'esquema i l'ens); la creació simple autentica el JWT i torna el document amb `depth` 1.",
    'Totes dues passen pels mateixos ganxos de la col·lecció (R1 dins de la transacció). Rondes alternades.',
    '',
    table,
    '',
    verdict,
    '',
  ].join('\n')
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Mesures\n'
  const start = current.indexOf(heading)
  let next: string
  if (start === -1) {
    next = `${current.trimEnd()}\n\n${section}`
  } else {
    const after = current.indexOf('\n## ', start + heading.length)
    next = current.slice(0, start) + section + (after === -1 ? '' : `\n${current.slice(after + 1)}`)
  }
  fs.writeFileSync(file, next)
}

main().then(
  // Payload's job scheduler (started by the REST handlers) would keep the process alive.
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
