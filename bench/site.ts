import '../src/host/boot/lexical-resolution.mjs'

import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import autocannon from 'autocannon'
import { getPayload } from 'payload'

import { migrations } from '../migrations'
import { databaseAdapter } from '../src/host/config/database'
import { loadEnv } from '../src/host/config/env'
import { createPayloadConfig } from '../src/host/config/payload'
import { startProductionServer } from '../tests/helpers/server'

/**
 * `npm run bench:site`: the public fitxes pages under load, against Payload's plain REST list of the
 * same collection, in the same run. The production build (`npm run build` first) served by the real
 * server (Express + Next + Payload) on a fresh SQLite file with FITXES published fitxes; autocannon
 * with CONNECTIONS concurrent clients, DURATION seconds per round, rounds alternated so that a slower
 * moment of the machine falls on every target. Latency p50/p95 from every response's time.
 * Goal: each page at least as fast as the plain REST list (p95 no higher, requests per second no lower).
 */

const FITXES = Number(process.env.BENCH_FITXES ?? 200)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20)
const DURATION = Number(process.env.BENCH_DURATION ?? 8)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2)

type Measure = { requests: number; seconds: number; errors: number; latencies: number[] }

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ??
    NaN
  )
}

/** FITXES completed pairings between 20 councils, each with a published fitxa (hooks run). */
async function prepareDatabase(file: string, secret: string) {
  const env = loadEnv({
    NODE_ENV: 'test',
    DATABASE_URI: `file:${file}`,
    PAYLOAD_SECRET: secret,
    JOBS_AUTORUN: 'false',
  })
  const config = await createPayloadConfig({
    env,
    rootDir: path.resolve('.'),
    db: databaseAdapter(env.database, { useMigrations: true }),
  })
  const payload = await getPayload({ config, key: `bench-site-${secret.slice(0, 6)}` })
  await payload.db.migrate({ migrations: migrations as never })
  const councils = []
  for (let i = 0; i < 20; i++) {
    councils.push(
      await payload.create({
        collection: 'municipalities',
        data: {
          name: `Ajuntament de Prova ${i + 1}`,
          member: true,
          latitude: 40.8 + (i % 5) * 0.4,
          longitude: 0.6 + Math.floor(i / 5) * 0.6,
        },
      }),
    )
  }
  const edition = await payload.create({
    collection: 'editions',
    data: {
      year: 2025,
      name: 'Convocatòria 2025',
      applicationsOpenAt: '2025-09-01T07:00:00.000Z',
      applicationsCloseAt: '2025-09-30T21:59:00.000Z',
    } as never,
  })
  const topics = [
    'estrategia-ess',
    'cooperativisme',
    'finances-etiques',
    'energia-comunitaria',
    'habitatge-cooperatiu',
  ]
  for (let i = 0; i < FITXES; i++) {
    const mentor = await payload.db.create({
      collection: 'mentors',
      data: {
        name: `Mentora ${i}`,
        email: `mentora.${i}@prova.example`,
        phone: '600 000 000',
        municipality: councils[i % 20].id,
        topics,
        capacity: 1,
        available: true,
      },
    })
    const candidate = await payload.db.create({
      collection: 'candidates',
      data: {
        name: `Sol·licitant ${i}`,
        email: `sollicitant.${i}@prova.example`,
        municipality: councils[(i + 7) % 20].id,
        edition: edition.id,
        topics,
        status: 'matched',
        consents: { dataProcessing: true, commitment: true },
      },
    })
    const pairing = await payload.db.create({
      collection: 'pairings',
      data: {
        edition: edition.id,
        mentor: mentor.id,
        candidate: candidate.id,
        status: 'completed',
        title: `Parella ${i}`,
        startDate: '2025-11-15T10:00:00.000Z',
        endDate: '2026-10-31T10:00:00.000Z',
        closing: { closingDate: '2026-10-15T10:00:00.000Z' },
      },
    })
    await payload.create({
      collection: 'fitxes',
      data: {
        pairing: pairing.id,
        _status: 'published',
        title: `Fitxa de prova número ${i + 1}`,
        summary: `Com l'ajuntament ${i} va aprendre a fer una política d'ESS amb la mentoria d'un altre ens de la xarxa.`,
        topics: [topics[i % 5], topics[(i + 2) % 5]],
        objectives: 'Objectius de la mentoria, en unes quantes frases.',
        activities: 'Dues visites presencials, una sessió en línia i la revisió dels documents.',
        results: 'Un pla aprovat i una xarxa amb les entitats del territori.',
        recommendations: 'Començar petit i implicar les entitats des del primer dia.',
      } as never,
    })
  }
  const first = await payload.find({
    collection: 'fitxes',
    sort: '-publishedAt',
    limit: 1,
    depth: 0,
  })
  await payload.destroy()
  return String(first.docs[0].slug)
}

function measure(url: string): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = []
    let errors = 0
    const instance = autocannon(
      { url, connections: CONNECTIONS, duration: DURATION },
      (error, result) => {
        if (error) return reject(error)
        resolve({
          requests: latencies.length,
          seconds: result.duration,
          errors: errors + result.errors + result.timeouts,
          latencies,
        })
      },
    )
    instance.on(
      'response',
      (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
        if (statusCode !== 200) errors++
        latencies.push(responseTime)
      },
    )
  })
}

async function main() {
  const file = path.join(
    os.tmpdir(),
    `mentoria-bench-site-${crypto.randomBytes(6).toString('hex')}.db`,
  )
  const secret = crypto.randomBytes(24).toString('hex')
  console.log(`Preparant ${FITXES} fitxes publicades…`)
  const slug = await prepareInChild(file, secret)
  // tsx runs this script through NODE_OPTIONS; the production server must start without it.
  const server = await startProductionServer({
    DATABASE_URI: `file:${file}`,
    PAYLOAD_SECRET: secret,
    JOBS_AUTORUN: 'false',
    NODE_OPTIONS: '',
  })
  const targets = [
    { name: '`/fitxes` (pàgina)', path: '/fitxes' },
    { name: '`/fitxes/<slug>` (pàgina)', path: `/fitxes/${slug}` },
    {
      name: '`GET /api/fitxes` (REST de Payload, anònima) — referència',
      path: '/api/fitxes',
      reference: true,
    },
    // A parameter the page does not read: the server does not keep the answer, Next renders it every time.
    {
      name: '`/fitxes?utm_source=…` (dibuixada cada vegada, informativa)',
      path: '/fitxes?utm_source=butlleti',
      informative: true,
    },
    {
      name: '`/fitxes/<slug>?utm_source=…` (dibuixada cada vegada, informativa)',
      path: `/fitxes/${slug}?utm_source=butlleti`,
      informative: true,
    },
  ]
  try {
    for (const target of targets) {
      const check = await fetch(server.url + target.path)
      if (check.status !== 200) throw new Error(`${target.path}: ${check.status}`)
      await measure(server.url + target.path) // warm-up round, not counted
    }
    const results = new Map<string, Measure[]>(targets.map((target) => [target.path, []]))
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? targets : [...targets].reverse()
      for (const target of order)
        results.get(target.path)!.push(await measure(server.url + target.path))
    }
    const summary = targets.map((target) => {
      const runs = results.get(target.path)!
      const latencies = runs.flatMap((run) => run.latencies)
      const requests = runs.reduce((sum, run) => sum + run.requests, 0)
      const seconds = runs.reduce((sum, run) => sum + run.seconds, 0)
      return {
        ...target,
        perSecond: requests / seconds,
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        errors: runs.reduce((sum, run) => sum + run.errors, 0),
        requests,
      }
    })
    const reference = summary.find((row) => row.reference)!
    const rows = summary.map((row) => {
      const relative = row.reference
        ? '—'
        : `${(row.perSecond / reference.perSecond).toFixed(2)}× per segon, ${(row.p95 / reference.p95).toFixed(2)}× p95`
      return `| ${row.name} | ${row.requests} | ${row.perSecond.toFixed(0)}/s | ${row.p50.toFixed(0)} ms | ${row.p95.toFixed(0)} ms | ${row.errors} | ${relative} |`
    })
    const table = [
      '| petició | respostes | per segon | p50 | p95 | errors | respecte a la referència |',
      '|---|---|---|---|---|---|---|',
      ...rows,
    ].join('\n')
    const met =
      summary.every(
        (row) =>
          row.reference ||
          row.informative ||
          (row.perSecond >= reference.perSecond && row.p95 <= reference.p95),
      ) && summary.every((row) => row.errors === 0)
    const verdict = `Objectiu: cada pàgina almenys tan ràpida com la llista REST (per segon i p95), sense errors → ${met ? 'complert' : 'NO complert'}.`
    const context = `${FITXES} fitxes publicades, ${CONNECTIONS} clients concurrents, ${ROUNDS} rondes de ${DURATION} s per petició (${os.cpus().length} nuclis, Node ${process.versions.node}, càrrega mitjana de la màquina en acabar ${os.loadavg()[0].toFixed(1)})`
    console.log(`\n${context}\n\n${table}\n\n${verdict}`)
    writeSection(context, table, verdict)
    if (!met) process.exitCode = 1
  } finally {
    await server.stop()
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
  }
}

/** Replaces (or adds) this benchmark's section of docs/benchmarks.md, leaving the others as they are. */
function writeSection(context: string, table: string, verdict: string) {
  const file = path.resolve('docs/benchmarks.md')
  const heading = '## Web públic de fitxes (`npm run bench:site`)'
  const section = [
    heading,
    '',
    'Les pàgines públiques `/fitxes` (llista amb el mapa, 12 fitxes per pàgina) i `/fitxes/<slug>` (una fitxa),',
    'servides per la construcció de producció (Express + Next + Payload) sobre SQLite, comparades a la mateixa',
    'execució amb la llista REST de Payload de la mateixa col·lecció (`GET /api/fitxes`, anònima: 10 documents,',
    '`depth` 1). autocannon per HTTP local; p50 i p95 del temps de cada resposta. Les pàgines llegeixen les',
    "fitxes publicades per Payload amb control d'accés (`overrideAccess: false`) i les guarden en memòria fins que",
    'el segell de publicació canvia (vegeu `docs/fitxes.md`); la llista REST va a la base de dades cada vegada.',
    "El servidor de producció guarda, a més, cada pàgina sencera un cop Next l'ha dibuixada, fins que el segell",
    'es mou (`src/host/server/page-cache.ts`); les dues files «informatives» porten un paràmetre que la pàgina no llegeix,',
    "de manera que el servidor no les guarda i Next les dibuixa a cada petició (el cost d'una pàgina no guardada",
    "encara: la primera visita després d'una publicació, o una cerca nova). No compten per a l'objectiu.",
    '',
    context,
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

/**
 * The database is prepared in a process of its own (this script with BENCH_PREPARE), which exits
 * before the server starts: a Payload left open in this process would share the SQLite file with it.
 */
async function prepareInChild(file: string, secret: string): Promise<string> {
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.resolve('bench/site.ts')], {
    env: { ...process.env, BENCH_PREPARE: file, BENCH_SECRET: secret },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  const slug = /^slug=(.+)$/m.exec(child.stdout)?.[1]
  if (child.status !== 0 || !slug)
    throw new Error(`preparing the database failed:\n${child.stdout}\n${child.stderr}`)
  return slug
}

const run = process.env.BENCH_PREPARE
  ? prepareDatabase(process.env.BENCH_PREPARE, String(process.env.BENCH_SECRET)).then((slug) =>
      console.log(`slug=${slug}`),
    )
  : main()
run.then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
