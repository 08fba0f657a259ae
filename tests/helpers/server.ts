import { type ChildProcess, spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type { Stream } from 'node:stream'

export type RunningServer = {
  url: string
  port: number
  process: ChildProcess
  output: () => string
  stop: () => Promise<number | null>
  databaseFile: string
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

/**
 * The production server (`src/host/server.ts` on the `.next` build) on a free port and a fresh SQLite file.
 * `output`: a pipe another process reads (a stream or a file descriptor), given to the server as its
 * stdout and stderr (then `output()` stays empty); by default this process reads them.
 */
export async function startProductionServer(
  extraEnv: Record<string, string> = {},
  { output: sharedOutput }: { output?: Stream | number } = {},
): Promise<RunningServer> {
  const root = path.resolve(import.meta.dirname, '../..')
  if (
    !fs.existsSync(path.join(root, '.next', 'BUILD_ID')) ||
    !fs.existsSync(path.join(root, 'dist', 'server.mjs'))
  ) {
    throw new Error('There is no production build: run `npm run build` first.')
  }
  const port = await freePort()
  const databaseFile = path.join(
    os.tmpdir(),
    `mentoria-e2e-${crypto.randomBytes(6).toString('hex')}.db`,
  )
  let output = ''
  const child = spawn(process.execPath, ['dist/server.mjs'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(port),
      SERVER_URL: `http://localhost:${port}`,
      DATABASE_URI: `file:${databaseFile}`,
      PAYLOAD_SECRET: crypto.randomBytes(24).toString('hex'),
      ...extraEnv,
    },
    stdio: ['ignore', sharedOutput ?? 'pipe', sharedOutput ?? 'pipe'],
  })
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))

  const url = `http://localhost:${port}`
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`The server exited with ${child.exitCode}:\n${output}`)
    try {
      const response = await fetch(`${url}/healthz`)
      if (response.status === 200) break
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  if (Date.now() >= deadline)
    throw new Error(`The server did not answer /healthz in 60 s:\n${output}`)

  return {
    url,
    port,
    process: child,
    databaseFile,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode)
        child.once('exit', (code) => {
          for (const suffix of ['', '-wal', '-shm'])
            fs.rmSync(databaseFile + suffix, { force: true })
          resolve(code)
        })
        child.kill('SIGTERM')
      }),
  }
}
