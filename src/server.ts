import './boot/lexical-resolution.mjs'

import type { Server } from 'node:http'

import nextEnv from '@next/env'
import next from 'next'

import { runEntryPoint } from './boot/entry'
import { stopPayload } from './boot/shutdown'
import { appEnv } from './config/env'
import { createApp, type RequestHandler } from './server/app'
import { pingDatabase } from './server/database'
import { cacheSitePages } from './server/page-cache'

/**
 * The production and development server: Express in front of Next.js + Payload
 * (Payload's examples/custom-server), adding security headers, rate limits and /healthz.
 */
async function main() {
  const dev = process.env.NODE_ENV !== 'production'
  nextEnv.loadEnvConfig(process.cwd(), dev)
  const env = appEnv()

  const { getPayload } = await import('payload')
  const { default: config } = await import('../payload.config')
  // With JOBS_AUTORUN=false the config has no job crons at all, so nothing schedules here.
  const payload = await getPayload({ config, cron: env.jobsAutorun })
  // The privacy notice and the accessibility statement name the controller, the DPO and a contact.
  if (!dev) {
    const { checkLegalSettingsForProduction } = await import('./services/legal-settings')
    await checkLegalSettingsForProduction(payload, { pending: env.legalSettingsPending })
  }

  const nextApp = next({ dev, dir: process.cwd(), port: env.port })
  const handle = nextApp.getRequestHandler()
  await nextApp.prepare()

  const nextHandle: RequestHandler = (req, res) => handle(req, res)
  // In development pages change with the code, so only the production server keeps them (page-cache.ts).
  const app = createApp({ env, checkDatabase: () => pingDatabase(payload), handle: dev ? nextHandle : cacheSitePages(payload, nextHandle) })
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
  console.log(`Mentoria XMESS escolta a ${env.serverURL} (${dev ? 'desenvolupament' : 'producció'}, base de dades ${env.database.kind})`)
  server.on('error', (error) => {
    console.error(`El servidor s'ha aturat: ${error.message}`)
    process.exit(1)
  })

  installGracefulShutdown(server, () => stopPayload(payload))
}

/** SIGTERM: stop accepting, let in-flight requests finish, stop the crons, close the database, exit. */
function installGracefulShutdown(server: Server, stopBackend: () => Promise<void>) {
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`${signal} rebut: s'acaben les peticions en curs i es tanca el servidor.`)
    const force = setTimeout(() => {
      console.error("Les peticions en curs no han acabat en 10 s; es tanca igualment.")
      process.exit(1)
    }, 10_000)
    force.unref()
    server.close(async () => {
      try {
        await stopBackend()
      } finally {
        clearTimeout(force)
        process.exit(0)
      }
    })
    server.closeIdleConnections()
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

runEntryPoint("L'arrencada de Mentoria XMESS", main)
