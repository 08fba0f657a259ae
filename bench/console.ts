import '../src/host/boot/lexical-resolution.mjs'

import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

import {
  type CollectionSlug,
  createLocalReq,
  getPayload,
  type Payload,
  type PayloadRequest,
  type Where,
} from 'payload'

import { migrations } from '../migrations'
import { databaseAdapter } from '../src/host/config/database'
import { loadEnv } from '../src/host/config/env'
import { createPayloadConfig } from '../src/host/config/payload'
import { editionSummary } from '../src/services/edition-summary'

/**
 * `npm run bench:console`: the dashboard's figures (src/services/edition-summary.ts) for an edition of
 * APPLICATIONS applications and PAIRINGS pairings (with meetings, incidents and sent emails), against the
 * reference the issue sets: one plain count query per figure (a `payload.count` on the figure's collection
 * filtered by the edition, as many as the summary has figures), in the same run, as the same secretariat
 * user with the access rules on. Rounds alternate the two; medians are compared.
 * Goal: the summary within 2× the reference.
 */

const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS ?? 2000)
const PAIRINGS = Number(process.env.BENCH_PAIRINGS ?? 1000)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15)
const DAY = 86_400_000

const iso = (days: number) => new Date(Date.now() + days * DAY).toISOString()
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

async function prepare(payload: Payload) {
  const transaction = (await payload.db.beginTransaction()) ?? undefined
  const req = { transactionID: transaction } as Partial<PayloadRequest>
  const create = (collection: CollectionSlug, data: Record<string, unknown>) =>
    payload.db.create({ collection, data, req })
  const councils = []
  for (let i = 0; i < 60; i++)
    councils.push(
      await create('municipalities', {
        name: `Ajuntament de Prova ${i + 1}`,
        member: true,
        latitude: 41 + (i % 6) * 0.2,
        longitude: 1 + Math.floor(i / 6) * 0.2,
      }),
    )
  const edition = await create('editions', {
    year: 2026,
    name: 'Convocatòria de prova',
    applicationsOpenAt: iso(-120),
    applicationsCloseAt: iso(-90),
    matchingBy: iso(-60),
    startBy: iso(-30),
  })
  const other = await create('editions', {
    year: 2025,
    name: 'Convocatòria anterior',
    applicationsOpenAt: iso(-480),
    applicationsCloseAt: iso(-450),
  })
  const topics = ['estrategia-ess', 'cooperativisme', 'finances-etiques', 'energia-comunitaria']
  const mentors = []
  for (let i = 0; i < 400; i++) {
    mentors.push(
      await create('mentors', {
        name: `Mentora ${i}`,
        email: `mentora.${i}@prova.example`,
        municipality: councils[i % 30].id,
        topics,
        capacity: 3,
        available: true,
      }),
    )
  }
  const candidateStatuses = [
    'submitted',
    'eligible',
    'ineligible',
    'matched',
    'completed',
    'withdrawn',
  ]
  const candidates = []
  for (let i = 0; i < APPLICATIONS; i++) {
    // Pairings' candidates are the first PAIRINGS; the rest spread over the other states.
    const status = i < PAIRINGS ? 'matched' : candidateStatuses[i % candidateStatuses.length]
    candidates.push(
      await create('candidates', {
        name: `Sol·licitant ${i}`,
        email: `s.${i}@prova.example`,
        municipality: councils[30 + (i % 30)].id,
        edition: edition.id,
        topics,
        status,
        consents: { dataProcessing: true, commitment: true },
      }),
    )
  }
  // The same again in another edition, so every filter has something to leave out.
  for (let i = 0; i < 300; i++)
    await create('candidates', {
      name: `Anterior ${i}`,
      email: `a.${i}@prova.example`,
      municipality: councils[30].id,
      edition: other.id,
      topics,
      status: 'completed',
      consents: { dataProcessing: true, commitment: true },
    })

  const pairingStatuses = [
    ...Array(10).fill('proposed'),
    ...Array(5).fill('accepted'),
    ...Array(5).fill('declined'),
    ...Array(50).fill('active'),
    ...Array(25).fill('completed'),
    ...Array(5).fill('cancelled'),
  ]
  let meetings = 0
  for (let i = 0; i < PAIRINGS; i++) {
    const status = pairingStatuses[i % pairingStatuses.length]
    const started = ['active', 'completed', 'cancelled'].includes(status)
    const start = -200 - (i % 150)
    const pairing = await create('pairings', {
      edition: edition.id,
      mentor: mentors[i % mentors.length].id,
      candidate: candidates[i].id,
      status,
      title: `Parella ${i}`,
      createdAt: iso(-(i % 20)),
      fitxaPublished: status === 'completed' && i % 2 === 0,
      ...(started ? { startDate: iso(start), endDate: iso(start + 200 + (i % 200)) } : {}),
      ...(status === 'completed'
        ? { closing: { closingDate: iso(-10), menteeEvaluation: { rating: 4 } } }
        : {}),
    })
    if (started) {
      let counted = 0
      for (let m = 0; m < i % 4; m++) {
        const modality = m % 3 === 1 ? 'online' : 'in_person'
        await create('meetings', {
          pairing: pairing.id,
          date: iso(start + 20 + m * 30),
          modality,
          title: 'Trobada',
        })
        meetings++
        if (modality === 'in_person') counted++
      }
      // Written straight to the database here, so the counter the meetings' hooks keep is set by hand.
      await payload.db.updateOne({
        collection: 'pairings',
        id: pairing.id,
        data: { countedMeetings: counted },
        req,
      })
    }
    if (i % 8 === 0)
      await create('incidents', {
        pairing: pairing.id,
        type: 'other',
        description: 'Prova',
        status: i % 16 === 0 ? 'open' : 'resolved',
      })
  }
  for (let i = 0; i < 600; i++) {
    await create('sent-emails', {
      to: `p${i}@prova.example`,
      subject:
        i % 3 === 0
          ? '[Mentoria XMESS] Us falta enviar la fitxa de la mentoria'
          : '[Mentoria XMESS] Nova trobada registrada',
      delivery: 'outbox',
      createdAt: iso(-(i % 14)),
    })
  }
  if (transaction !== undefined) await payload.db.commitTransaction(transaction)
  return {
    edition: edition as unknown as {
      id: number
      name: string
      year: number
      applicationsOpenAt: string
      applicationsCloseAt: string
      matchingBy: string
      startBy: string
    },
    meetings,
  }
}

async function main() {
  const file = path.join(
    os.tmpdir(),
    `mentoria-bench-console-${crypto.randomBytes(6).toString('hex')}.db`,
  )
  const secret = crypto.randomBytes(24).toString('hex')
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
  const payload = await getPayload({ config, key: `bench-console-${secret.slice(0, 6)}` })
  try {
    await payload.db.migrate({ migrations: migrations as never })
    const started = performance.now()
    const { edition, meetings } = await prepare(payload)
    const secretariat = await payload.create({
      collection: 'users',
      data: {
        email: 'secretaria@prova.example',
        password: secret,
        roles: ['secretariat'],
      } as never,
    })
    const req = await createLocalReq(
      { user: { ...secretariat, collection: 'users' } as never },
      payload,
    )
    console.log(
      `Dades: ${APPLICATIONS} sol·licituds, ${PAIRINGS} parelles, ${meetings} trobades (preparades en ${((performance.now() - started) / 1000).toFixed(1)} s).`,
    )

    const options = (
      payload.config.custom as {
        mentoria: {
          requiredMeetings: number
          countingModalities: ('in_person' | 'online' | 'phone')[]
        }
      }
    ).mentoria
    const first = await editionSummary(req, edition, options)
    const figures = countFigures(first.summary)
    // The reference: one plain count per figure, on the collection the figure counts.
    const plain: { collection: CollectionSlug; where: Where }[] = [
      ...Array(1 + 6).fill({
        collection: 'candidates',
        where: { edition: { equals: edition.id } },
      }),
      ...Array(figures - 7 - 2).fill({
        collection: 'pairings',
        where: { edition: { equals: edition.id } },
      }),
      { collection: 'incidents', where: {} },
      { collection: 'sent-emails', where: {} },
    ]
    const reference = () =>
      Promise.all(
        plain.map(({ collection, where }) =>
          payload.count({ collection, where, req, user: req.user, overrideAccess: false }),
        ),
      )

    if (process.env.BENCH_PROFILE) {
      const { summaryFilters } = await import('../src/rules/summary')
      const f = summaryFilters(edition.id, new Date())
      const a = { req, user: req.user, overrideAccess: false as const }
      const t = async (label: string, run: () => Promise<unknown>) => {
        await run()
        const t0 = performance.now()
        for (let k = 0; k < 20; k++) await run()
        console.log(label, ((performance.now() - t0) / 20).toFixed(2))
      }
      await t('plain', () =>
        payload.count({
          collection: 'candidates',
          where: { edition: { equals: edition.id } },
          ...a,
        }),
      )
      await t('cand status', () =>
        payload.count({
          collection: 'candidates',
          where: f.candidatesWithStatus('eligible') as Where,
          ...a,
        }),
      )
      await t('pair status', () =>
        payload.count({
          collection: 'pairings',
          where: f.pairingsWithStatus('active') as Where,
          ...a,
        }),
      )
      await t('without', () =>
        payload.count({
          collection: 'pairings',
          where: f.withoutRequiredMeetings(2) as Where,
          ...a,
        }),
      )
      await t('ending', () =>
        payload.count({ collection: 'pairings', where: f.endingSoon as Where, ...a }),
      )
      await t('fitxa', () =>
        payload.count({ collection: 'pairings', where: f.fitxaMissing as Where, ...a }),
      )
      await t('incidents', () =>
        payload.count({ collection: 'incidents', where: f.openIncidents as Where, ...a }),
      )
      await t('reminders', () =>
        payload.count({ collection: 'reminders', where: f.remindersSent as Where, ...a }),
      )
      await t('oldest', () =>
        payload.db.find({
          collection: 'pairings',
          where: f.pairingsWithStatus('proposed') as Where,
          sort: 'createdAt',
          limit: 1,
          pagination: false,
          select: { createdAt: true },
          req,
        }),
      )
    }
    const times = { summary: [] as number[], reference: [] as number[] }
    for (let round = 0; round < ROUNDS + 2; round++) {
      const order =
        round % 2 === 0 ? (['summary', 'reference'] as const) : (['reference', 'summary'] as const)
      for (const which of order) {
        const t0 = performance.now()
        if (which === 'summary') await editionSummary(req, edition, options)
        else await reference()
        // The first two rounds warm up (prepared statements, caches).
        if (round >= 2) times[which].push(performance.now() - t0)
      }
    }
    const summaryMs = median(times.summary)
    const referenceMs = median(times.reference)
    const ratio = summaryMs / referenceMs
    console.log(`Figures del resum: ${figures}; referència: ${plain.length} comptatges simples.`)
    console.log(`Resum de la consola: mediana ${summaryMs.toFixed(1)} ms (${ROUNDS} rondes)`)
    console.log(`Referència (${plain.length} comptatges): mediana ${referenceMs.toFixed(1)} ms`)
    console.log(
      `Relació: ${ratio.toFixed(2)}× — objectiu ≤ 2×: ${ratio <= 2 ? 'complert' : 'NO complert'}`,
    )
    console.log(JSON.stringify(first.summary))
    process.exitCode = ratio <= 2 ? 0 : 1
  } finally {
    await payload.destroy()
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
  }
}

/** The numbers in the summary: every leaf that is a count (the edition's own data aside). */
function countFigures(summary: Record<string, unknown>): number {
  let total = 0
  const walk = (value: unknown) => {
    if (typeof value === 'number' || value === null) total++
    else if (value && typeof value === 'object') Object.values(value).forEach(walk)
  }
  const { edition: _edition, ...figures } = summary
  walk(figures)
  return total
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
