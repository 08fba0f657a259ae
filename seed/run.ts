import '../src/host/boot/lexical-resolution.mjs'

import nextEnv from '@next/env'

import { runEntryPoint } from '../src/host/boot/entry'

/** `npm run seed`: demo data into the configured database (SQLite by default). */
async function run() {
  nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== 'production')
  const { appEnv } = await import('../src/host/config/env')
  const env = appEnv()
  if (env.database.kind === 'mongodb' && !process.argv.includes('--allow-mongodb')) {
    console.error(
      "La càrrega de dades de demostració s'atura: DATABASE_URI apunta a MongoDB (producció). Si de debò ho voleu, afegiu --allow-mongodb.",
    )
    process.exit(1)
  }
  const { getPayload } = await import('payload')
  const { default: config } = await import('../payload.config')
  const payload = await getPayload({ config })
  const { seed } = await import('./index')
  const summary = await seed(payload)
  console.log(
    `Dades de demostració: ${summary.created} registres creats, ${summary.existing} ja hi eren.`,
  )
  console.log(`\nEntreu a ${env.serverURL}/admin amb:`)
  for (const credential of summary.credentials) {
    console.log(
      `  ${credential.roles.join(', ').padEnd(12)} ${credential.email}  contrasenya: ${credential.password}`,
    )
  }
  await payload.destroy()
}

runEntryPoint('La càrrega de dades de demostració', run, { exitWhenDone: true })
