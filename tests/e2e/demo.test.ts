import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { rootDir } from '../helpers/payload'
import { freePort } from '../helpers/server'

/**
 * The README's first command, as a newcomer types it, on a clean checkout of what is committed:
 * `npm ci && npm run demo` in the background on a free port, then sign in with the login it printed.
 * It builds the whole app again (minutes), so it runs in CI (CI=true) or when DEMO_TEST=1.
 */

const enabled = process.env.CI === 'true' || process.env.DEMO_TEST === '1'
if (!enabled)
  console.log(
    '[demo] La prova de `npm ci && npm run demo` en un clon net només corre amb CI=true o DEMO_TEST=1: omesa.',
  )

const workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'mentoria-demo-'))
afterAll(() => fs.rmSync(workdir, { recursive: true, force: true }))

describe.runIf(enabled)("the README's first command on a clean checkout", () => {
  it(
    'builds, seeds, starts and prints a login that signs in',
    async () => {
      const checkout = path.join(workdir, 'mentoria')
      const clone = spawnSync('git', ['clone', '--quiet', '--no-hardlinks', rootDir, checkout], {
        encoding: 'utf8',
      })
      expect(clone.status, clone.stderr).toBe(0)

      const port = await freePort()
      const env: Record<string, string> = {}
      for (const [key, value] of Object.entries(process.env)) {
        if (
          value !== undefined &&
          ![
            'PAYLOAD_SECRET',
            'DATABASE_URI',
            'SERVER_URL',
            'NODE_ENV',
            'NODE_OPTIONS',
            'VITEST',
            'VITEST_POOL_ID',
            'VITEST_WORKER_ID',
          ].includes(key)
        )
          env[key] = value
      }
      const child = spawn('bash', ['-c', 'npm ci --no-audit --no-fund && npm run demo'], {
        cwd: checkout,
        env: { ...env, PORT: String(port) } as unknown as NodeJS.ProcessEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      })
      let output = ''
      child.stdout.on('data', (chunk) => (output += chunk))
      child.stderr.on('data', (chunk) => (output += chunk))
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))

      try {
        const deadline = Date.now() + 15 * 60_000
        while (!/escolta a http/.test(output) && child.exitCode === null && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 1000))
        }
        expect(output, output.slice(-3000)).toMatch(/escolta a http/)
        const login = /secretariat\s+(\S+@\S+)\s+contrasenya:\s+(\S+)/.exec(output)
        expect(login, output.slice(-3000)).not.toBeNull()
        expect(output).toMatch(/admin\/collections\/sent-emails/)

        const response = await fetch(`http://localhost:${port}/api/users/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: login![1], password: login![2] }),
        })
        expect(response.status).toBe(200)
        const body = await response.json()
        expect(body.user.roles).toContain('secretariat')
      } finally {
        if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM')
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))])
        if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL')
      }
    },
    20 * 60_000,
  )
})
