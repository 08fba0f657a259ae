import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'

/**
 * `npm run demo`: build, migrate + seed the embedded SQLite database, and start the production
 * server on http://localhost:3000. Needs nothing but Node: a random PAYLOAD_SECRET goes into .env
 * the first time.
 */
function ensureSecret() {
  if (process.env.PAYLOAD_SECRET) return
  const existing = fs.existsSync('.env') ? fs.readFileSync('.env', 'utf8') : ''
  if (/^PAYLOAD_SECRET=.{32,}$/m.test(existing)) return
  const secret = crypto.randomBytes(32).toString('hex')
  fs.writeFileSync(
    '.env',
    `${existing}${existing && !existing.endsWith('\n') ? '\n' : ''}PAYLOAD_SECRET=${secret}\n`,
  )
  console.log("S'ha creat un PAYLOAD_SECRET aleatori a .env (no el compartiu).")
}

function step(
  title: string,
  command: string,
  args: string[],
  extraEnv: Record<string, string> = {},
) {
  console.log(`\n— ${title}`)
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', ...extraEnv },
  })
  if (result.status !== 0) {
    console.error(`\nHa fallat: ${title}.`)
    process.exit(result.status ?? 1)
  }
}

ensureSecret()
if (!process.argv.includes('--no-build'))
  step("Construint l'aplicació (uns minuts la primera vegada)", 'npm', ['run', 'build'])
step('Preparant la base de dades i les dades de demostració', 'npx', ['tsx', 'seed/run.ts'])
const serverURL = process.env.SERVER_URL ?? `http://localhost:${process.env.PORT ?? 3000}`
const outbox = !process.env.SMTP_HOST
console.log(
  outbox
    ? `\nSense servidor de correu (SMTP_HOST), cap correu surt d'aquesta màquina: cada correu s'escriu sencer aquí, a la consola,\n` +
        `amb els enllaços per triar la contrasenya o respondre una proposta. A «Correus enviats» de l'administració\n` +
        `(${serverURL}/admin/collections/sent-emails) se'n desa una còpia sense els enllaços personals.`
    : `\nEls correus surten pel servidor SMTP ${process.env.SMTP_HOST}; a «Correus enviats» (${serverURL}/admin/collections/sent-emails) se'n desa una còpia sense els enllaços personals.`,
)
step(
  'Arrencant el servidor (Ctrl+C per aturar-lo)',
  'node',
  ['dist/server.mjs'],
  outbox ? { EMAIL_OUTBOX_CONSOLE: process.env.EMAIL_OUTBOX_CONSOLE ?? 'true' } : {},
)
