import type { Server } from 'node:http'

import nextEnv from '@next/env'
import next from 'next'

import { appEnv, ConfigError } from './config/env'
import { createApp } from './server/app'
import { pingDatabase } from './server/database'

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
  const payload = await getPayload({ config, cron: env.jobsAutorun })

  const nextApp = next({ dev, dir: process.cwd(), port: env.port })
  const handle = nextApp.getRequestHandler()
  await nextApp.prepare()

  const app = createApp({ env, checkDatabase: () => pingDatabase(payload), handle: (req, res) => handle(req, res) })
  const server = app.listen(env.port, () => {
    console.log(`Mentoria XMESS escolta a ${env.serverURL} (${dev ? 'desenvolupament' : 'producció'}, base de dades ${env.database.kind})`)
  })
  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(
      error.code === 'EADDRINUSE'
        ? `No s'ha pogut obrir el port ${env.port}: ja el fa servir un altre programa (canvieu PORT).`
        : `El servidor s'ha aturat: ${error.message}`,
    )
    process.exit(1)
  })

  installGracefulShutdown(server, async () => {
    await payload.db.destroy?.()
  })
}

/** SIGTERM: stop accepting, let in-flight requests finish, close the database, exit. */
function installGracefulShutdown(server: Server, closeDatabase: () => Promise<void>) {
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
        await closeDatabase()
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

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message)
  } else {
    console.error(`No s'ha pogut arrencar Mentoria XMESS: ${error instanceof Error ? error.message : String(error)}`)
  }
  process.exit(1)
})
