import { spawn } from 'node:child_process'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { logDestination } from '../../src/lib/log-output'

/** A stand-in for stdout: what was written, how much waits for the reader, whether it is gone. */
function fakeOutput() {
  const written: string[] = []
  const listeners: Record<string, ((...args: unknown[]) => void)[]> = {}
  return {
    written,
    writableLength: 0,
    destroyed: false,
    write(text: string) {
      written.push(text)
      return true
    },
    on(event: string, listener: (...args: unknown[]) => void) {
      ;(listeners[event] ??= []).push(listener)
      return this
    },
    listeners: (event: string) => listeners[event] ?? [],
  }
}

const line = (msg: string) =>
  `${JSON.stringify({ level: 30, time: 0, pid: 1, hostname: 'h', name: 'payload', msg })}\n`

describe("the server's log lines never wait for their reader", () => {
  it("writes Payload's lines as Payload's default logger shows them (time, level, message)", () => {
    const out = fakeOutput()
    logDestination(out as never).write(line('Migrated'))
    expect(out.written).toHaveLength(1)
    expect(out.written[0]).toMatch(/INFO.*Migrated/)
    expect(out.written[0]).not.toContain('hostname')
  })

  it('drops lines while too much waits for a slow reader, then says how many were lost', () => {
    const out = fakeOutput()
    const destination = logDestination(out as never, { pendingLimit: 100 })
    out.writableLength = 1000
    for (let i = 0; i < 5; i++) destination.write(line(`perduda ${i}`))
    expect(out.written).toEqual([])
    out.writableLength = 0
    destination.write(line('arriba'))
    expect(out.written[0]).toContain('5 línies del registre perdudes')
    expect(out.written[1]).toContain('arriba')
  })

  it('writes nothing once the reader has gone, and an EPIPE on the output is not an uncaught error', () => {
    const out = fakeOutput()
    const destination = logDestination(out as never)
    expect(out.listeners('error')).toHaveLength(1)
    out.destroyed = true
    destination.write(line('ningú no ho llegirà'))
    expect(out.written).toEqual([])
  })

  it('lets a process exit at once with lines pending on a pipe nobody reads, even when its reader goes away meanwhile', async () => {
    const script = `
      import { pino } from 'pino'
      import { logDestination } from ${JSON.stringify(path.resolve('src/lib/log-output.ts'))}
      const log = pino({}, logDestination())
      const timer = setInterval(() => log.info({ detail: 'x'.repeat(2000) }, 'una línia'), 1)
      setTimeout(() => { clearInterval(timer); process.stderr.write('surt\\n'); process.exit(0) }, 300)
    `
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    child.stdout.pause() // never read: the pipe fills
    // …and the reader goes away once the process is exiting.
    child.stderr.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('surt')) setTimeout(() => child.stdout.destroy(), 200)
    })
    const code = await new Promise<number | null>((resolve) => {
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      child.once('exit', (exitCode) => {
        clearTimeout(killer)
        resolve(exitCode)
      })
    })
    expect(code).toBe(0)
  }, 20_000)
})
