import { spawnSync } from 'node:child_process'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createApp } from '../../src/host/server/app'
import { pingDatabase } from '../../src/host/server/database'
import { rootDir, startTestApp, type TestApp } from '../helpers/payload'

let app: TestApp
let server: Server
let base: string
let databaseUp = true
const seenByNext: { path: string; language?: string }[] = []

beforeAll(async () => {
  app = await startTestApp()
  const express = createApp({
    env: { production: true, serverURL: 'http://localhost', embedOrigins: [], trustProxy: 0 },
    checkDatabase: async () => {
      if (!databaseUp) throw new Error('down')
      await pingDatabase(app.payload)
    },
    // Stands in for Next.js: records what reached it.
    handle: (req, res) => {
      seenByNext.push({ path: req.path, language: req.headers['accept-language'] })
      res.status(200).send('next')
    },
    rateLimits: { login: { windowMs: 60_000, limit: 3 } },
  })
  server = await new Promise<Server>((resolve) => {
    const listening = express.listen(0, '127.0.0.1', () => resolve(listening))
  })
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve))
  await app?.close()
})

describe('the Express layer in front of Next and Payload', () => {
  it('answers /healthz 200 with the database reachable and 503 when it is not', async () => {
    const ok = await fetch(`${base}/healthz`)
    expect(ok.status).toBe(200)
    databaseUp = false
    const down = await fetch(`${base}/healthz`)
    expect(down.status).toBe(503)
    expect(await down.json()).toEqual({ status: 'error', database: 'unreachable' })
    databaseUp = true
  })

  it('sends security headers on every answer', async () => {
    const response = await fetch(`${base}/admin`)
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/)
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(response.headers.get('x-powered-by')).toBeNull()
    // Plain http: no HSTS and no forced upgrade that would break a local demo.
    expect(response.headers.get('strict-transport-security')).toBeNull()
    expect(response.headers.get('content-security-policy')).not.toMatch(/upgrade-insecure-requests/)
  })

  it('shows the admin in Catalan unless the person chose another language', async () => {
    seenByNext.length = 0
    await fetch(`${base}/admin`, { headers: { 'accept-language': 'en-GB,en;q=0.9' } })
    await fetch(`${base}/admin`, {
      headers: { 'accept-language': 'en-GB', cookie: 'payload-lng=es' },
    })
    expect(seenByNext.map((entry) => entry.language)).toEqual(['ca', 'en-GB'])
  })

  it('limits sign-in attempts per client with 429, Retry-After and a Catalan message', async () => {
    const statuses: number[] = []
    let last: Response | undefined
    for (let attempt = 0; attempt < 5; attempt++) {
      last = await fetch(`${base}/api/users/login`, {
        method: 'POST',
        body: '{}',
        headers: { 'content-type': 'application/json' },
      })
      statuses.push(last.status)
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429])
    if (!last) throw new Error('no response')
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await last.json()).errors[0].message).toMatch(/massa intents/)
    // Reading is not limited.
    expect((await fetch(`${base}/api/users/me`)).status).toBe(200)
  })
})

describe('starting with a bad configuration', () => {
  const start = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/host/server.ts'], {
      cwd: rootDir,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        ...env,
      } as unknown as NodeJS.ProcessEnv,
      encoding: 'utf8',
      timeout: 60_000,
    })

  it('stops with one line naming DATABASE_URI when it is not a known database', () => {
    const result = start({
      NODE_ENV: 'production',
      PAYLOAD_SECRET: 'x'.repeat(40),
      DATABASE_URI: 'postgres://localhost/x',
    })
    expect(result.status).not.toBe(0)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toMatch(/DATABASE_URI/)
  })

  it('stops with one line naming PAYLOAD_SECRET when it is short in production', () => {
    const result = start({ NODE_ENV: 'production', PAYLOAD_SECRET: 'massa-curt' })
    expect(result.status).not.toBe(0)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toMatch(/PAYLOAD_SECRET: és massa curt/)
  })
})
