import { spawnSync } from 'node:child_process'
import fs from 'node:fs'

/**
 * Fails when the collections changed without a migration: SQLite in production applies only the
 * shipped migrations, so a forgotten one means "no such table" on the next deploy.
 */
const before = new Set(fs.readdirSync('migrations'))
const index = fs.readFileSync('migrations/index.ts', 'utf8')
const result = spawnSync(
  'npx',
  ['payload', 'migrate:create', 'pending_schema_change', '--skip-empty'],
  {
    encoding: 'utf8',
    env: {
      ...process.env,
      DATABASE_URI: '',
      NODE_ENV: 'development',
      NODE_OPTIONS: '--import=./src/host/boot/lexical-resolution.mjs',
    },
  },
)
const added = fs.readdirSync('migrations').filter((file) => !before.has(file))
for (const file of added) fs.rmSync(`migrations/${file}`)
fs.writeFileSync('migrations/index.ts', index)

if (result.status !== 0) {
  console.error(result.stdout, result.stderr)
  console.error("No s'ha pogut comprovar les migracions.")
  process.exit(1)
}
if (added.length > 0) {
  console.error(
    'Les col·leccions han canviat i no hi ha migració: executeu `npm run migrate:create -- <nom>` i afegiu-la al commit.',
  )
  process.exit(1)
}
console.log('Migracions al dia amb les col·leccions.')
