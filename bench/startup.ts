import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { freePort } from '../tests/helpers/server'

/**
 * `npm run bench:startup`: median time from process start to the first 200 on /healthz for the
 * production build on a fresh SQLite file, and the server's resident memory once started.
 * Reference in the same run: a bare Express app with the same /healthz, started the same way.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const GOAL_MS = 5000

type Sample = { ms: number; rssMiB: number }

async function measure(args: string[], env: Record<string, string>): Promise<Sample> {
  const port = await freePort()
  const started = performance.now()
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (chunk) => (stderr += chunk))
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}: ${stderr}`)
      if (performance.now() - started > 60_000) throw new Error('no answer in 60 s')
      try {
        const response = await fetch(`http://127.0.0.1:${port}/healthz`)
        if (response.status === 200) break
      } catch {
        // not yet listening
      }
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const ms = performance.now() - started
    const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8')
    const rssKiB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
    return { ms, rssMiB: rssKiB / 1024 }
  } finally {
    child.kill('SIGTERM')
    await new Promise((resolve) => child.once('exit', resolve))
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

async function main() {
  if (!fs.existsSync('.next/BUILD_ID') || !fs.existsSync('dist/server.mjs')) {
    console.error('Cal la construcció de producció: executeu `npm run build` primer.')
    process.exit(1)
  }
  // Inside the project so that it resolves the same `express`.
  const referenceFile = path.resolve('bench/.reference-server.mjs')
  fs.writeFileSync(
    referenceFile,
    "import express from 'express'\nconst app = express()\napp.get('/healthz', (_req, res) => res.json({ status: 'ok' }))\napp.listen(Number(process.env.PORT))\n",
  )

  const app: Sample[] = []
  const reference: Sample[] = []
  for (let run = 0; run < RUNS; run++) {
    const db = path.join(os.tmpdir(), `mentoria-bench-${crypto.randomBytes(4).toString('hex')}.db`)
    app.push(
      await measure(['dist/server.mjs'], {
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        DATABASE_URI: `file:${db}`,
        PAYLOAD_SECRET: crypto.randomBytes(24).toString('hex'),
      }),
    )
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(db + suffix, { force: true })
    reference.push(await measure([referenceFile], { NODE_ENV: 'production' }))
  }
  fs.rmSync(referenceFile, { force: true })

  const appMs = median(app.map((sample) => sample.ms))
  const refMs = median(reference.map((sample) => sample.ms))
  console.log(
    `Arrencada fins al primer 200 a /healthz (${RUNS} execucions, base de dades SQLite nova cada vegada)\n`,
  )
  console.log('| servidor | mediana | mín. | màx. | memòria resident (mediana) |')
  console.log('|---|---|---|---|---|')
  const row = (name: string, samples: Sample[]) =>
    console.log(
      `| ${name} | ${Math.round(median(samples.map((s) => s.ms)))} ms | ${Math.round(Math.min(...samples.map((s) => s.ms)))} ms | ${Math.round(Math.max(...samples.map((s) => s.ms)))} ms | ${Math.round(median(samples.map((s) => s.rssMiB)))} MiB |`,
    )
  row('Mentoria XMESS (producció: Express + Next + Payload, migracions incloses)', app)
  row('referència: Express sol amb /healthz', reference)
  console.log(
    `\nObjectiu: < ${GOAL_MS} ms → ${appMs < GOAL_MS ? 'complert' : 'NO complert'} (${(appMs / refMs).toFixed(1)}× la referència)`,
  )
  if (appMs >= GOAL_MS) process.exitCode = 1
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
