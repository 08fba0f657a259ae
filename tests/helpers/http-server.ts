import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import { handleEndpoints } from 'payload'

import { createApp } from '../../src/host/server/app'
import { pingDatabase } from '../../src/host/server/database'
import type { TestApp } from './payload'
import type { TestSmtp } from './smtp'

/** Payload's email adapter pointed at the in-process SMTP server: real SMTP, real MIME. */
export const smtpEmail = (smtp: TestSmtp) =>
  nodemailerAdapter({
    defaultFromAddress: 'mentoria@xmess.example',
    defaultFromName: 'Mentoria XMESS',
    skipVerify: true,
    transportOptions: { host: smtp.host, port: smtp.port, secure: false, ignoreTLS: true },
  })

export type HttpServer = { url: string; close: () => Promise<void> }

/**
 * The real HTTP server of the app (src/host/server/app.ts: security headers, rate limits, /healthz) on a
 * free port, with /api/* answered by Payload's REST handlers exactly as Next's route does. Only the
 * Next pages are missing; the browser tests cover those.
 */
export async function startHttpServer(app: TestApp): Promise<HttpServer> {
  let base = ''
  const web = createApp({
    env: { production: false, serverURL: app.config.serverURL, embedOrigins: [], trustProxy: 0 },
    checkDatabase: () => pingDatabase(app.payload),
    // Generous limits: the tests sign in many times in a minute.
    rateLimits: {
      login: { windowMs: 60_000, limit: 1000 },
      publicWrite: { windowMs: 60_000, limit: 1000 },
    },
    handle: async (req, res) => {
      if (!req.originalUrl.startsWith('/api/')) {
        res.status(404).send('Not found')
        return
      }
      const chunks: Buffer[] = []
      for await (const chunk of req) chunks.push(chunk as Buffer)
      const headers = new Headers()
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string') headers.set(name, value)
        else if (Array.isArray(value)) headers.set(name, value.join(', '))
      }
      const request = new Request(new URL(req.originalUrl, base), {
        method: req.method,
        headers,
        body: req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(chunks),
      })
      const response = await handleEndpoints({
        config: app.config,
        request,
        payloadInstanceCacheKey: app.key,
      })
      res.status(response.status)
      response.headers.forEach((value, name) => {
        if (name !== 'set-cookie' && name !== 'content-length') res.setHeader(name, value)
      })
      const cookies = response.headers.getSetCookie()
      if (cookies.length) res.setHeader('set-cookie', cookies)
      res.send(Buffer.from(await response.arrayBuffer()))
    },
  })
  const server = await new Promise<Server>((resolve) => {
    const listening = web.listen(0, '127.0.0.1', () => resolve(listening))
  })
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { url: base, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

export type Caller = { token?: string }
export type HttpAnswer<T = any> = { status: number; body: T }

/** A person using the API over HTTP, with the token they got by signing in. */
export function httpClient(base: string) {
  const call = async <T = any>(
    method: string,
    path: string,
    body?: unknown,
    as: Caller = {},
  ): Promise<HttpAnswer<T>> => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(as.token ? { Authorization: `JWT ${as.token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : undefined
    } catch {
      // Not JSON.
    }
    return { status: response.status, body: parsed as T }
  }
  return {
    get: <T = any>(path: string, as?: Caller) => call<T>('GET', path, undefined, as),
    post: <T = any>(path: string, body?: unknown, as?: Caller) => call<T>('POST', path, body, as),
    patch: <T = any>(path: string, body?: unknown, as?: Caller) => call<T>('PATCH', path, body, as),
    delete: <T = any>(path: string, as?: Caller) => call<T>('DELETE', path, undefined, as),
  }
}
