import { defineConfig } from 'vitest/config'

/** Browser tests: the production build, started by the real server, driven in Debian's Chromium. */
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['tests/e2e/**/*.test.ts'],
    env: { NEXT_TELEMETRY_DISABLED: '1' },
    testTimeout: 90_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One production server and browser at a time: this machine has two cores.
    fileParallelism: false,
  },
})
