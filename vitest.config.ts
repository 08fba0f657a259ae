import os from 'node:os'

import { defineConfig } from 'vitest/config'

const mongoUri = process.env.MONGODB_URI

if (!mongoUri) {
  console.log(
    "\n[mongodb] MONGODB_URI no està definit: la suite d'integració NO s'executa contra MongoDB (només SQLite). " +
      'Definiu MONGODB_URI=mongodb://… per executar-la també contra MongoDB.\n',
  )
}

const integration = (name: string, database: 'sqlite' | 'mongodb') => ({
  test: {
    name,
    include: ['tests/int/**/*.test.ts'],
    env: { TEST_DATABASE: database, NEXT_TELEMETRY_DISABLED: '1' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks' as const,
    // Over FerretDB: the named skips of tests/helpers/ferretdb-skips.ts, each printed with its reason.
    ...(database === 'mongodb' ? { setupFiles: ['tests/helpers/ferretdb-setup.ts'] } : {}),
  },
})

export default defineConfig({
  test: {
    // Vitest's default is one file fewer than the cores: one at a time on the 2-core CI machine. The
    // integration files spend much of their time waiting on SQLite and FerretDB, so two at a time is
    // faster there (unit + int 327 → 259 s, over FerretDB 344 → 287 s), and it runs the concurrency
    // tests on a busy machine, as they should be.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
        },
      },
      integration('int', 'sqlite'),
      ...(mongoUri ? [integration('int-mongodb', 'mongodb')] : []),
    ],
  },
})
