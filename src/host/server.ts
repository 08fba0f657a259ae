import './boot/lexical-resolution.mjs'

import type { Server } from 'node:http'

import nextEnv from '@next/env'
import next from 'next'

import { runEntryPoint } from './boot/entry'
import { stopPayload } from './boot/shutdown'
import { appEnv } from './config/env'
import { outputDrained, writeOutputWithoutBlocking } from '../lib/log-output'
import { createApp, type RequestHandler } from './server/app'
import { pingDatabase } from './server/database'
import { cacheSitePages } from './server/page-cache'
import { SharedCountersStore } from './server/rate-limit-store'
import { sharedCounters } from '../services/shared-counters'

/**
 * The production and development server: Express in front of Next.js + Payload
 * (Payload's examples/custom-server), adding security headers, rate limits and /healthz.
 */
async function main() {
  const dev = process.env.NODE_ENV !== 'production'
  nextEnv.loadEnvConfig(process.cwd(), dev)
  const env = appEnv()

  const { getPayload } = await import('payload')
  const { default: config } = await import('../../payload.config')
  // With JOBS_AUTORUN=false the config has no job crons at all, so nothing schedules here.
  const payload = await getPayload({ config, cron: env.jobsAutorun })
  // The privacy notice and the accessibility statement name the controller, the DPO and a contact.
  if (!dev) {
    const { checkLegalSettingsForProduction } = await import('../services/legal-settings')
    await checkLegalSettingsForProduction(payload, { pending: env.legalSettingsPending })
  }

  const nextApp = next({ dev, dir: process.cwd(), port: env.port })
  const handle = nextApp.getRequestHandler()
  await nextApp.prepare()
  // Next made stdout and stderr blocking (lib/log-output): a log reader that stalls must not stall us.
  writeOutputWithoutBlocking()

  const nextHandle: RequestHandler = (req, res) => handle(req, res)
  // In development pages change with the code, so only the production server keeps them (page-cache.ts).
  // On MongoDB the limits count in the database, so several web servers count as one (SQLite: here).
  const counters = sharedCounters(payload)
  const app = createApp({
    env,
    checkDatabase: () => pingDatabase(payload),
    handle: dev ? nextHandle : cacheSitePages(payload, nextHandle),
    rateLimitStore: counters && ((limit) => new SharedCountersStore(counters, `${limit}:`)),
  })
  const server = app.listen(env.port)
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve)
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `No s'ha pogut obrir el port ${env.port}: ja el fa servir un altre programa (canvieu PORT).`
            : `el servidor no ha pogut escoltar: ${error.message}`,
        ),
      ),
    )
  })
  console.log(
    `Mentoria XMESS escolta a ${env.serverURL} (${dev ? 'desenvolupament' : 'producció'}, base de dades ${env.database.kind})`,
  )
  server.on('error', (error) => {
    console.error(`El servidor s'ha aturat: ${error.message}`)
    process.exit(1)
  })

  installGracefulShutdown(server, () => stopPayload(payload))
}

/** How long in-flight requests and the backend get after SIGTERM/SIGINT before the process exits anyway. */
const STOP_LIMIT_MS = 10_000

/**
 * SIGTERM or SIGINT: stop accepting, let in-flight requests finish, stop the crons, close the database,
 * exit, and say so in one line. Bounded: past STOP_LIMIT_MS it exits anyway (code 1), and so does a
 * second signal. Nothing may wait on the log output for ever (lib/log-output, boot/entry).
 */
function installGracefulShutdown(server: Server, stopBackend: () => Promise<void>) {
  let stopping: string | undefined
  const stop = (signal: string) => {
    if (stopping) {
      console.error(
        `Mentoria XMESS s'ha aturat sense esperar (${signal} mentre s'aturava per ${stopping}).`,
      )
      process.exit(1)
    }
    stopping = signal
    writeOutputWithoutBlocking()
    const since = Date.now()
    const elapsed = () => ((Date.now() - since) / 1000).toFixed(1).replace('.', ',')
    console.log(`${signal} rebut: s'acaben les peticions en curs i es tanca el servidor.`)
    const force = setTimeout(() => {
      console.error(
        `Mentoria XMESS s'ha aturat per força (${signal}): les peticions en curs no han acabat en ${STOP_LIMIT_MS / 1000} s.`,
      )
      process.exit(1)
    }, STOP_LIMIT_MS)
    force.unref()
    server.close(async () => {
      let code = 0
      let problem = ''
      try {
        await stopBackend()
      } catch (error) {
        code = 1
        problem = ` (la base de dades no s'ha tancat bé: ${error instanceof Error ? error.message : String(error)})`
      }
      console.log(`Mentoria XMESS s'ha aturat (${signal}) en ${elapsed()} s${problem}.`)
      // The last lines get a moment to reach a reader that is still there; nothing waits for one that is not.
      await outputDrained(1000)
      clearTimeout(force)
      process.exit(code)
    })
    // A request answered after the signal leaves its keep-alive connection idle: closed as soon as it is.
    const idle = setInterval(() => server.closeIdleConnections(), 100)
    idle.unref()
    server.closeIdleConnections()
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

runEntryPoint("L'arrencada de Mentoria XMESS", main)
