import { defineConfig } from 'vitest/config'

/** The security suites of `npm test`, sent to the production server instead of the Express stand-in. */
const THROUGH_PRODUCTION_SERVER = [
  'tests/int/holes.test.ts',
  'tests/int/sign-in.test.ts',
  'tests/int/access-matrix.test.ts',
  'tests/int/input-property.test.ts',
]

const mongoUri = process.env.MONGODB_URI

// One production server and browser at a time: this machine has two cores.
const oneAtATime = {
  testTimeout: 90_000,
  hookTimeout: 120_000,
  pool: 'forks' as const,
  fileParallelism: false,
}

/**
 * After `npm run build`: the browser tests (the production build, started by the real server, driven in
 * Debian's Chromium), and the security suites through that same server (tests/helpers/http.ts). With
 * MONGODB_URI, also several production servers on one MongoDB database (project e2e-mongodb).
 */
export default defineConfig({
  test: {
    fileParallelism: false,
    projects: [
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          env: { NEXT_TELEMETRY_DISABLED: '1' },
          ...oneAtATime,
        },
      },
      {
        test: {
          name: 'production-http',
          include: THROUGH_PRODUCTION_SERVER,
          env: { NEXT_TELEMETRY_DISABLED: '1', HTTP_SERVER: 'production', TEST_DATABASE: 'sqlite' },
          ...oneAtATime,
        },
      },
      // Two production servers on one MongoDB database (FerretDB in CI: `scripts/ferretdb.sh run`).
      ...(mongoUri
        ? [
            {
              test: {
                name: 'e2e-mongodb',
                include: ['tests/e2e-mongodb/**/*.test.ts'],
                env: { NEXT_TELEMETRY_DISABLED: '1' },
                ...oneAtATime,
              },
            },
          ]
        : []),
    ],
  },
})
