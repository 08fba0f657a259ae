import { execFileSync, spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { type RunningServer, startProductionServer } from '../helpers/server'

/**
 * Every stop finishes: the production server, sent SIGTERM (or SIGINT) right after a burst of
 * requests that it logs, exits by itself within 15 s, with code 0, and says so in one line.
 *
 * Half the stops are ordinary: this process reads the output all along, and the last requests are
 * still in flight when the signal comes. In the other half the output goes to another process that
 * never reads it, so the pipe fills during the burst, and that process goes away 100 ms after the
 * signal, as a log shipper that restarts or a terminal that closes would. Before the fix, those did
 * not stop: the SIGTERM line itself blocked on the full pipe (Next makes stdout blocking), the closed
 * pipe turned into an endless loop of uncaught EPIPE errors (Next's handler logs them to the same
 * closed pipe), and Payload's logger flushed at exit in a loop that waits for ever for a pipe that no
 * longer drains.
 */

const STOPS = 30
const AT_ONCE = 3
const STOP_LIMIT_MS = 15_000
/** More than a pipe holds (64 kB) once logged: ~140 bytes a line. */
const BURST = 600
const CONCURRENCY = 20

type Kind = 'reader stays' | 'reader goes'
type Stop = {
  attempt: number
  kind: Kind
  signal: NodeJS.Signals
  ms: number
  code: number | null
  line: boolean
}

const stops: Stop[] = []
const started = Date.now()

afterAll(() => {
  const worst = Math.max(0, ...stops.map((stop) => stop.ms))
  console.log(
    `${stops.length} arrencades i aturades en ${((Date.now() - started) / 1000).toFixed(0)} s; l'aturada més llarga, ${worst} ms.`,
  )
  console.log(
    stops.map((stop) => `${stop.kind}/${stop.signal}: ${stop.ms} ms, codi ${stop.code}`).join('; '),
  )
})

/** Requests Payload refuses and logs, `count` of them, CONCURRENCY at a time (a malformed id: 400, a line of ~140 bytes). */
async function loggedBurst(server: RunningServer, count: number) {
  let next = 0
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        // A server frozen by its output would never answer: that fails here, in 20 s.
        const response = await fetch(`${server.url}/api/mentors/no-es-un-identificador-${next++}`, {
          signal: AbortSignal.timeout(20_000),
        })
        await response.text()
        expect(response.status).toBe(400)
      }
    }),
  )
}

/**
 * Another process that takes the server's output through a real pipe (a FIFO: 64 kB, as a shell pipe
 * or a log shipper's, where Node's own child pipes are sockets holding far more) and never reads it.
 */
async function quietReader() {
  const fifo = path.join(os.tmpdir(), `mentoria-sortida-${crypto.randomBytes(6).toString('hex')}`)
  execFileSync('mkfifo', [fifo])
  const reader = spawn('sh', ['-c', 'exec sleep 600 < "$0"', fifo], { stdio: 'ignore' })
  // Opening a FIFO to write waits for its reader (off the main thread here).
  const file = await fs.promises.open(fifo, 'w')
  return { process: reader, file, fifo }
}

async function startAndStop(attempt: number): Promise<Stop> {
  const kind: Kind = attempt % 2 ? 'reader goes' : 'reader stays'
  const signal: NodeJS.Signals = attempt % 4 >= 2 ? 'SIGINT' : 'SIGTERM'
  // The reader goes while the server is still stopping, or once it may already be exiting.
  const readerGoesAfterMs = attempt % 4 === 1 ? 100 : 1000
  const reader = kind === 'reader goes' ? await quietReader() : undefined
  const server = await startProductionServer({ JOBS_AUTORUN: 'false' }, { output: reader?.file.fd })
  if (reader) await fs.promises.rm(reader.fifo) // the server and the reader hold it open
  const child = server.process
  await loggedBurst(server, kind === 'reader goes' ? BURST : BURST / 2)
  // With a reader that stays, the last wave is still in flight when the signal comes (answered or refused, never waited for).
  const inFlight = reader
    ? []
    : Array.from({ length: CONCURRENCY }, (_, i) =>
        fetch(`${server.url}/api/pairings/${i + 1}`).then(
          (r) => r.text(),
          () => undefined,
        ),
      )

  const since = Date.now()
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  )
  child.kill(signal)
  if (reader) setTimeout(() => reader.process.kill('SIGKILL'), readerGoesAfterMs)
  const killer = setTimeout(() => child.kill('SIGKILL'), STOP_LIMIT_MS)
  const code = await exited
  const ms = Date.now() - since
  clearTimeout(killer)
  await Promise.all(inFlight)
  await reader?.file.close()
  for (const suffix of ['', '-wal', '-shm'])
    fs.rmSync(server.databaseFile + suffix, { force: true })
  const line = new RegExp(`Mentoria XMESS s'ha aturat \\(${signal}\\) en [0-9,]+ s\\.`).test(
    server.output(),
  )
  return { attempt, kind, signal, ms, code, line }
}

describe('the production server stops every time', () => {
  it(`starts and stops ${STOPS} times right after a burst of logged requests, half of them with the output's reader going away, each stop within 15 s`, async () => {
    let next = 0
    await Promise.all(
      Array.from({ length: AT_ONCE }, async () => {
        while (next < STOPS) stops.push(await startAndStop(next++))
      }),
    )
    const failures = stops.filter(
      (stop) =>
        stop.code !== 0 || stop.ms >= STOP_LIMIT_MS || (stop.kind === 'reader stays' && !stop.line),
    )
    expect(stops).toHaveLength(STOPS)
    expect(failures).toEqual([])
  }, 1_200_000)
})
