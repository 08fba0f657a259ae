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
