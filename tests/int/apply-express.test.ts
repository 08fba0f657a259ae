import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createApp } from '../../src/host/server/app'
import { startTestApp, type TestApp } from '../helpers/payload'

/**
 * The apply endpoint behind the real Express layer (src/host/server/app.ts): rate limit per client on both
 * doors (the JSON endpoint and the form's POST /sollicitud), and the headers that let EMBED_ORIGINS
 * frame the form and nothing else.
 */

const EMBED_ORIGIN = 'https://xmess.example'
const DAY = 24 * 60 * 60 * 1000

let app: TestApp
let server: Server
let base: string
let councilId: string

beforeAll(async () => {
  app = await startTestApp({ email: nullEmail })
  const now = Date.now()
  await app.payload.create({
    collection: 'editions',
    data: {
      year: new Date().getUTCFullYear(),
      name: 'Convocatòria oberta',
      applicationsOpenAt: new Date(now - DAY).toISOString(),
      applicationsCloseAt: new Date(now + 10 * DAY).toISOString(),
    } as never,
  })
  councilId = String(
    (
      await app.payload.create({
        collection: 'municipalities',
        data: { name: 'Ajuntament de Sabadell', member: true } as never,
      })
    ).id,
  )

  const web = createApp({
    env: {
      production: true,
      serverURL: 'http://localhost',
      embedOrigins: [EMBED_ORIGIN],
      trustProxy: 0,
    },
    checkDatabase: async () => undefined,
    // Stands in for Next.js: /api/* goes to Payload's REST handlers, pages answer 200.
    handle: async (req, res) => {
      if (!req.path.startsWith('/api/')) {
        res.status(200).send('next')
        return
      }
      const body = await new Promise<string>((resolve) => {
        let text = ''
        req.setEncoding('utf8')
        req.on('data', (chunk: string) => (text += chunk))
        req.on('end', () => resolve(text))
      })
      const response = await app.rest.request(req.method, req.originalUrl, body || undefined, {
        headers: { 'Content-Type': String(req.headers['content-type'] ?? 'application/json') },
      })
      res.status(response.status).json(response.body)
    },
    rateLimits: { publicWrite: { windowMs: 60_000, limit: 3 } },
  })
  server = await new Promise<Server>((resolve) => {
    const listening = web.listen(0, '127.0.0.1', () => resolve(listening))
  })
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve))
  await app?.close()
})

const nullEmail = () => ({
  name: 'null',
  defaultFromAddress: 'mentoria@xmess.example',
  defaultFromName: 'Mentoria XMESS',
  sendEmail: async () => undefined,
})

const application = (email: string) => ({
  name: 'Laia Puig',
  position: 'Tècnica',
  municipality: councilId,
  email,
  topics: ['cooperativisme'],
  needs: 'Un pla municipal.',
  availability: 'Dimarts.',
  languages: ['ca'],
  consents: { dataProcessing: true, commitment: true },
  website: '',
})

describe('the apply endpoint behind Express', () => {
  it('limits applications per client, on the endpoint and on the form alike: 429, Retry-After, Catalan', async () => {
    const statuses: number[] = []
    let last = new Response()
    for (let attempt = 0; attempt < 4; attempt++) {
      last = await fetch(`${base}/api/candidates/apply`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(application(`persona.${attempt}@ajuntament.example`)),
      })
      statuses.push(last.status)
    }
    expect(statuses).toEqual([201, 201, 201, 429])
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await last.json()).errors[0].message).toMatch(/massa intents/)
    const { totalDocs } = await app.payload.count({ collection: 'candidates' })
    expect(totalDocs).toBe(3)

    // The form's own POST (no JavaScript) counts against the same limit.
    const form = await fetch(`${base}/sollicitud?lang=es`, {
      method: 'POST',
      body: 'name=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(form.status).toBe(429)
    expect(Number(form.headers.get('retry-after'))).toBeGreaterThan(0)
    // Reading the form is never limited.
    expect((await fetch(`${base}/sollicitud`)).status).toBe(200)
  })

  it('lets EMBED_ORIGINS frame the form, and nothing else', async () => {
    for (const path of ['/sollicitud', '/sollicitud/enviada', '/oferta-mentoria']) {
      const response = await fetch(`${base}${path}?embed=1`)
      expect(response.headers.get('content-security-policy')).toContain(
        `frame-ancestors 'self' ${EMBED_ORIGIN}`,
      )
      expect(response.headers.get('x-frame-options')).toBeNull()
      // The form posts to itself without JavaScript: its Origin must reach Next (not `null`).
      expect(response.headers.get('referrer-policy')).toBe('same-origin')
    }
    for (const path of ['/admin', '/sollicitudx', '/api/candidates']) {
      const response = await fetch(`${base}${path}`)
      expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self'(;|$)/)
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN')
      expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    }
    const script = await fetch(`${base}/embed.js`)
    expect(script.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    expect((await fetch(`${base}/admin`)).headers.get('cross-origin-resource-policy')).toBe(
      'same-origin',
    )
  })

  it('answers CORS for the apply endpoint only to the configured origins (SERVER_URL and EMBED_ORIGINS)', async () => {
    // Payload's `cors` is [SERVER_URL, ...EMBED_ORIGINS] (src/host/config/payload.ts); this test app has no embed origins.
    expect(app.payload.config.cors).toEqual([app.env.serverURL])
    const own = await app.rest.request('OPTIONS', '/api/candidates/apply', undefined, {
      headers: { Origin: app.env.serverURL },
    })
    expect(own.headers.get('access-control-allow-origin')).toBe(app.env.serverURL)
    const foreign = await app.rest.request('OPTIONS', '/api/candidates/apply', undefined, {
      headers: { Origin: 'https://robot.example' },
    })
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull()
  })
})
