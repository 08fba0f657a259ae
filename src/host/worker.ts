import './boot/lexical-resolution.mjs'

import nextEnv from '@next/env'

import { runEntryPoint } from './boot/entry'
import { stopPayload } from './boot/shutdown'
import { appEnv } from './config/env'

/**
 * `npm run worker`: the background jobs (every queue the app uses: reminders and notices, the mail
 * queue) without the web server, for deployments with JOBS_AUTORUN=false on every web server. A
 * failing run (database down, SMTP down) is logged and the next tick tries again.
 */
async function main() {
  nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== 'production')
  const env = { ...appEnv(), jobsAutorun: true }
  const { getPayload } = await import('payload')
  const { createPayloadConfig } = await import('./config/payload')
  const payload = await getPayload({
    config: createPayloadConfig({ env, rootDir: process.cwd() }),
    cron: true,
  })
  const queues = (payload.config.jobs.autoRun as { queue?: string; cron?: string }[]).map(
    (run) => `${run.queue} (${run.cron})`,
  )
  console.log(
    `Treballador de Mentoria XMESS en marxa: cues ${queues.join(', ')}; base de dades ${env.database.kind}.`,
  )

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`${signal} rebut: s'aturen les tasques programades i es tanca la base de dades.`)
    await stopPayload(payload)
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))
}

runEntryPoint('El treballador de tasques', main)
