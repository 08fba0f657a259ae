import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { rootDir } from '../helpers/payload'
import { freePort } from '../helpers/server'

/**
 * Every start finishes its work or says why not: the production server reaches /healthz, the seed
 * prints its logins, each on a fresh SQLite file with a random secret read from `.env` (as
 * `npm run demo` writes it). Before the fix, a Node 20 top-level-await race in lexical's entry points
 * made some of them exit 0 (seed) or 13 (server) in silence, more often on a busy machine.
 */

const envFile = path.join(rootDir, '.env')
let savedEnv: string | undefined

beforeAll(() => {
  savedEnv = fs.existsSync(envFile) ? fs.readFileSync(envFile, 'utf8') : undefined
})
afterAll(() => {
  if (savedEnv === undefined) fs.rmSync(envFile, { force: true })
  else fs.writeFileSync(envFile, savedEnv)
})

function freshDatabase() {
  const file = path.join(os.tmpdir(), `mentoria-start-${crypto.randomBytes(6).toString('hex')}.db`)
  fs.writeFileSync(
    envFile,
    `PAYLOAD_SECRET=${crypto.randomBytes(32).toString('hex')}\nDATABASE_URI=file:${file}\n`,
  )
  return {
    file,
    remove: () => {
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
    },
  }
}

/** The environment without what this test's own process was given, so `.env` is what counts. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (
      value !== undefined &&
      !['PAYLOAD_SECRET', 'DATABASE_URI', 'PORT', 'SERVER_URL', 'NODE_OPTIONS'].includes(key)
    )
      env[key] = value
  }
  return { ...env, NEXT_TELEMETRY_DISABLED: '1', ...extra } as unknown as NodeJS.ProcessEnv
}

type Outcome = { code: number | null; output: string }

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 180_000,
): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: rootDir, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    let done = false
    const finish = (code: number | null) => {
      if (done) return
      done = true
      clearTimeout(timer)
      resolve({ code, output })
    }
    const timer = setTimeout(() => {
      output += '\n[timeout]'
      child.kill('SIGKILL')
    }, timeoutMs)
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('exit', (code) => finish(code))
  })
}

/** What a bundled entry point imports before its first line runs (static imports, followed through chunks). */
function staticImports(file: string, seen = new Set<string>()): Set<string> {
  const packages = new Set<string>()
  if (seen.has(file)) return packages
  seen.add(file)
  const source = fs.readFileSync(file, 'utf8')
  for (const match of source.matchAll(
    /^(?:import|export)\s[^;]*?from\s+"([^"]+)"|^import\s+"([^"]+)"/gm,
  )) {
    const specifier = match[1] ?? match[2]
    if (specifier.startsWith('.'))
      for (const inner of staticImports(path.resolve(path.dirname(file), specifier), seen))
        packages.add(inner)
    else packages.add(specifier)
  }
  return packages
}

describe('every start finishes or says why', () => {
  it('loads Payload and lexical only after the lexical resolution is registered', () => {
    for (const entry of ['dist/server.mjs', 'dist/worker.mjs']) {
      const packages = [...staticImports(path.join(rootDir, entry))]
      expect(
        packages.filter((name) => /lexical|^payload|^@payloadcms\//.test(name)),
        entry,
      ).toEqual([])
    }
  })

  it('starts the production server 10 times on fresh databases, and each one answers /healthz', async () => {
    const failures: string[] = []
    for (let attempt = 0; attempt < 10; attempt++) {
      const database = freshDatabase()
      const port = await freePort()
      const child = spawn(process.execPath, ['dist/server.mjs'], {
        cwd: rootDir,
        env: cleanEnv({ NODE_ENV: 'production', PORT: String(port) }),
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let output = ''
      child.stdout.on('data', (chunk) => (output += chunk))
      child.stderr.on('data', (chunk) => (output += chunk))
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
      let healthy = false
      const deadline = Date.now() + 120_000
      while (!healthy && child.exitCode === null && Date.now() < deadline) {
        healthy =
          (await fetch(`http://localhost:${port}/healthz`).catch(() => undefined))?.status === 200
        if (!healthy) await new Promise((resolve) => setTimeout(resolve, 200))
      }
      if (child.exitCode === null) child.kill('SIGTERM')
      const code = await exited
      if (!healthy || code !== 0)
        failures.push(
          `start ${attempt + 1}: healthy ${healthy}, exit ${code}\n${output.slice(-2000)}`,
        )
      database.remove()
    }
    expect(failures).toEqual([])
  }, 900_000)

  it('refuses to start in production with «Avís legal i accessibilitat» empty, in one Catalan line; after the seed it starts', async () => {
    const database = freshDatabase()
    const start = async (extra: Record<string, string> = {}) => {
      const port = await freePort()
      const child = spawn(process.execPath, ['dist/server.mjs'], {
        cwd: rootDir,
        env: cleanEnv({ NODE_ENV: 'production', PORT: String(port), ...extra }),
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let output = ''
      child.stdout.on('data', (chunk) => (output += chunk))
      child.stderr.on('data', (chunk) => (output += chunk))
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
      let healthy = false
      const deadline = Date.now() + 120_000
      while (!healthy && child.exitCode === null && Date.now() < deadline) {
        healthy =
          (await fetch(`http://localhost:${port}/healthz`).catch(() => undefined))?.status === 200
        if (!healthy) await new Promise((resolve) => setTimeout(resolve, 200))
      }
      return {
        port,
        healthy,
        output: () => output,
        stop: async () => (child.exitCode === null && child.kill('SIGTERM'), exited),
      }
    }
    try {
      // A first start (no account yet) only warns, so the secretariat can register and fill it in.
      const first = await start()
      expect(first.healthy, first.output()).toBe(true)
      const password = 'Una-contrasenya-ben-llarga-2026'
      const registered = await fetch(`http://localhost:${first.port}/api/users/first-register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: 'secretaria@xmess.example',
          password,
          confirmPassword: password,
        }),
      })
      expect(registered.status).toBe(200)
      expect(await first.stop()).toBe(0)

      const refused = await start()
      expect(refused.healthy).toBe(false)
      expect(await refused.stop()).toBe(1)
      const lines = refused
        .output()
        .split('\n')
        .filter((line) => /avís legal/.test(line))
      expect(lines).toEqual([
        expect.stringMatching(
          /^Configuració no vàlida: falten dades de l'avís legal i l'accessibilitat \(responsable del tractament \(nom\);.*delegat de protecció de dades \(correu\);.*\); ompliu-les a \/admin\/globals\/legal-settings/,
        ),
      ])

      const seeded = await run('npx', ['tsx', 'seed/run.ts'], cleanEnv({ NODE_ENV: 'production' }))
      expect(seeded.code, seeded.output).toBe(0)
      const after = await start()
      expect(after.healthy, after.output()).toBe(true)
      expect(await after.stop()).toBe(0)
    } finally {
      database.remove()
    }
  }, 600_000)

  it('runs the seed 5 times on fresh databases, and each one prints the logins', async () => {
    const failures: string[] = []
    for (let attempt = 0; attempt < 5; attempt++) {
      const database = freshDatabase()
      const outcome = await run('npx', ['tsx', 'seed/run.ts'], cleanEnv({ NODE_ENV: 'production' }))
      const logins = outcome.output.match(/contrasenya:/g)?.length ?? 0
      if (outcome.code !== 0 || logins < 3)
        failures.push(
          `seed ${attempt + 1}: exit ${outcome.code}, ${logins} logins\n${outcome.output.slice(-2000)}`,
        )
      database.remove()
    }
    expect(failures).toEqual([])
  }, 600_000)

  it('starts the worker with every queue the app uses, and stops it cleanly on SIGTERM', async () => {
    const database = freshDatabase()
    const child = spawn(process.execPath, ['dist/worker.mjs'], {
      cwd: rootDir,
      env: cleanEnv({ NODE_ENV: 'production' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    const deadline = Date.now() + 120_000
    while (!/en marxa/.test(output) && child.exitCode === null && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 200))
    expect(output).toMatch(/cues mentoria \(.*\), mentoria-mail \(/)
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(output).toMatch(/s'aturen les tasques programades/)
    database.remove()
  }, 180_000)

  it('says which step did not finish, with a non-zero exit, when the work never completes', async () => {
    // An entry point whose work hangs on a promise nothing keeps alive: the old failure, on purpose.
    const script = path.join(
      os.tmpdir(),
      `mentoria-hang-${crypto.randomBytes(4).toString('hex')}.ts`,
    )
    fs.writeFileSync(
      script,
      `import { runEntryPoint } from ${JSON.stringify(path.join(rootDir, 'src/host/boot/entry.ts'))}\nrunEntryPoint('La prova', () => new Promise(() => {}))\n`,
    )
    try {
      const outcome = await run('npx', ['tsx', script], cleanEnv({}))
      expect(outcome.code).toBe(1)
      expect(outcome.output).toMatch(/La prova: el procés s'ha aturat abans d'acabar/)
    } finally {
      fs.rmSync(script, { force: true })
    }
  }, 120_000)
})
