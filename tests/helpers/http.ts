import http, { type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'

import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { handleEndpoints } from 'payload'

import { DEFAULT_REQUEST_LIMITS } from '../../src/host/config/env'
import { createApp, type ServerOptions } from '../../src/host/server/app'
import { startTestApp, type TestApp } from './payload'
import { startProductionServer } from './server'
import { startSmtpServer } from './smtp'

export type HttpResponse<T = any> = { status: number; body: T; headers: Headers; text: string }
type Options = { token?: string; headers?: Record<string, string> }

/**
 * The real Express app (src/host/server/app.ts: headers, rate limits, body limits) over HTTP, in front of
 * Payload's REST and GraphQL handlers. Like Next, the stand-in decodes and normalises the path before
 * routing, and hands Payload the request body as a stream.
 *
 * With `HTTP_SERVER=production` (the `production-http` project of `npm run test:e2e`) the requests go
 * to the production server instead: `dist/server.mjs` on the `.next` build, in its own process, on the
 * same database as the test's Payload and with the same secret, so fixtures written here and tokens
 * issued here are the server's too. Limits reach it through its environment, as in production.
 */
export type HttpApp = {
  app: TestApp
  base: string
  request: <T = any>(
    method: string,
    path: string,
    body?: unknown,
    options?: Options,
  ) => Promise<HttpResponse<T>>
  graphql: <T = any>(
    query: string,
    options?: Options & { variables?: Record<string, unknown> },
  ) => Promise<HttpResponse<T>>
  login: (email: string, password: string) => Promise<string>
  close: () => Promise<void>
}

/** The path as a router resolves it (dot segments; percent-escapes stay for the handler to decode). */
export function routedPath(originalUrl: string): string {
  const url = new URL(originalUrl, 'http://localhost')
  return url.pathname + url.search
}

export async function startHttpApp(
  options: {
    app?: TestApp
    rateLimits?: ServerOptions['rateLimits']
    bodyLimits?: ServerOptions['bodyLimits']
    trustProxy?: number
  } & Parameters<typeof startTestApp>[0] = {},
): Promise<HttpApp> {
  const { app: given, rateLimits, bodyLimits, trustProxy = 0, ...overrides } = options
  const app = given ?? (await startTestApp(overrides))
  if (process.env.HTTP_SERVER === 'production') return startOnProductionServer(app, !given, options)
  const graphqlHandler = GRAPHQL_POST(Promise.resolve(app.config))
  const key = (app.rest as unknown as { key: string }).key
  const web = createApp({
    env: { production: true, serverURL: 'http://localhost', embedOrigins: [], trustProxy },
    checkDatabase: async () => undefined,
    rateLimits,
    bodyLimits,
    handle: async (req, res) => {
      const path = routedPath(req.originalUrl)
      if (!path.startsWith('/api/')) {
        res.status(200).send('next')
        return
      }
      const headers = new Headers()
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string') headers.set(name, value)
        else if (Array.isArray(value)) headers.set(name, value.join(', '))
      }
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
      const request = new Request(new URL(path, app.config.serverURL || 'http://localhost:3000'), {
        method: req.method,
        headers,
        body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
        // @ts-expect-error Node's fetch needs this for a streamed body.
        duplex: 'half',
      })
      try {
        const response =
          path.split('?')[0] === '/api/graphql' && req.method === 'POST'
            ? await graphqlHandler(request)
            : await handleEndpoints({ config: app.config, request, payloadInstanceCacheKey: key })
        res.status(response.status)
        response.headers.forEach((value, name) => res.setHeader(name, value))
        res.end(Buffer.from(await response.arrayBuffer()))
      } catch (error) {
        // Next answers an unhandled error with a bare 500, and so does this stand-in.
        console.error(error)
        if (!res.headersSent) res.status(500).end('Internal Server Error')
      }
    },
  })
  const server = await new Promise<Server>((resolve) => {
    const listening = web.listen(0, '127.0.0.1', () => resolve(listening))
  })
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return httpClient(app, base, async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
    if (!given) await app.close()
  })
}

/** What the production server reads from its environment, from the options a test gives. */
function productionEnvOf(
  app: TestApp,
  {
    rateLimits,
    bodyLimits,
    trustProxy = 0,
    database,
    email: _email,
    ...rest
  }: Parameters<typeof startHttpApp>[0] = {},
) {
  const { plugin = {}, ...others } = rest as { plugin?: Record<string, unknown> } & Record<
    string,
    unknown
  >
  const { loginLimits, secretariatEmail, ...unsupportedPlugin } = plugin as {
    loginLimits?: { windowMinutes?: number; perAddress?: number; perAccount?: number }
    secretariatEmail?: string
  }
  // An option the server cannot be given would make the two processes disagree without saying so.
  const unsupported = [
    ...Object.keys(others),
    ...Object.keys(unsupportedPlugin).map((key) => `plugin.${key}`),
    ...(bodyLimits ? ['bodyLimits'] : []),
    ...(database ? ['database'] : []),
  ]
  if (unsupported.length > 0)
    throw new Error(
      `HTTP_SERVER=production cannot pass ${unsupported.join(', ')} to the production server`,
    )
  const minutes = (ms: number) => String(Math.max(1, Math.round(ms / 60_000)))
  const env: Record<string, string> = {
    DATABASE_URI: app.env.database.uri,
    ...(app.env.database.compatibility
      ? { MONGODB_COMPATIBILITY: app.env.database.compatibility }
      : {}),
    PAYLOAD_SECRET: app.env.secret,
    // The test's Payload runs the mail queue (deliverMail) with its own email adapter.
    JOBS_AUTORUN: 'false',
    TRUST_PROXY: String(trustProxy),
  }
  if (secretariatEmail) env.SECRETARIAT_EMAIL = secretariatEmail
  // One sign-in limit per address on the server (Express and Payload share LOGIN_ATTEMPTS); in the
  // stand-in the lower of the two refuses first, so that is the one the server gets.
  if (rateLimits?.login || loginLimits) {
    env.LOGIN_ATTEMPTS = String(
      Math.min(
        rateLimits?.login?.limit ?? Infinity,
        loginLimits?.perAddress ?? DEFAULT_REQUEST_LIMITS.login.attempts,
      ),
    )
    env.LOGIN_WINDOW_MINUTES = String(
      loginLimits?.windowMinutes ??
        minutes(rateLimits?.login?.windowMs ?? DEFAULT_REQUEST_LIMITS.login.windowMinutes * 60_000),
    )
  }
  if (loginLimits?.perAccount) env.LOGIN_ATTEMPTS_PER_ACCOUNT = String(loginLimits.perAccount)
  if (rateLimits?.publicWrite)
    Object.assign(env, {
      PUBLIC_FORM_POSTS: String(rateLimits.publicWrite.limit),
      PUBLIC_FORM_WINDOW_MINUTES: minutes(rateLimits.publicWrite.windowMs),
    })
  return env
}

async function startOnProductionServer(
  app: TestApp,
  ownsApp: boolean,
  options: Parameters<typeof startHttpApp>[0] = {},
): Promise<HttpApp> {
  const env = productionEnvOf(app, options)
  // The server's emails reach the test's email adapter through a real SMTP server, as a test reads them.
  const smtp = options.email ? await startSmtpServer() : undefined
  if (smtp && options.email) {
    Object.assign(env, { SMTP_HOST: smtp.host, SMTP_PORT: String(smtp.port), SMTP_SECURE: 'false' })
    const adapter = (await options.email)({ payload: app.payload })
    smtp.onMessage(
      (mail) =>
        void adapter.sendEmail({
          to: mail.to.length === 1 ? mail.to[0] : mail.to,
          subject: mail.subject,
          text: mail.text,
        }),
    )
  }
  const server = await startProductionServer(env)
  return httpClient(app, server.url.replace('localhost', '127.0.0.1'), async () => {
    const code = await server.stop()
    await smtp?.close()
    if (code !== 0) console.error(`The production server exited with ${code}:\n${server.output()}`)
    if (ownsApp) await app.close()
  })
}

/** The running config's GraphQL schema, introspected in this process (the production server refuses introspection). */
export async function introspect<T = any>(app: TestApp, query: string): Promise<T> {
  const response = await GRAPHQL_POST(Promise.resolve(app.config))(
    new Request('http://localhost/api/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query }),
    }),
  )
  const body = (await response.json()) as { data?: T; errors?: unknown }
  if (!body.data) throw new Error(`introspection failed: ${JSON.stringify(body.errors)}`)
  return body.data
}

function httpClient(app: TestApp, base: string, close: () => Promise<void>): HttpApp {
  // node:http rather than fetch: the path goes out exactly as written (fetch would resolve `./` and `../`).
  const request = async <T = any>(
    method: string,
    path: string,
    body?: unknown,
    { token, headers = {} }: Options = {},
  ): Promise<HttpResponse<T>> => {
    const allHeaders: Record<string, string> = { ...headers }
    if (token) allHeaders.Authorization = `JWT ${token}`
    let payload: Buffer | undefined
    if (body !== undefined) {
      allHeaders['Content-Type'] ??= 'application/json'
      payload = Buffer.from(
        typeof body === 'string' ? body : body instanceof Uint8Array ? body : JSON.stringify(body),
      )
      allHeaders['Content-Length'] = String(payload.length)
    }
    const { port } = new URL(base)
    const { status, rawHeaders, text } = await new Promise<{
      status: number
      rawHeaders: http.IncomingHttpHeaders
      text: string
    }>((resolve, reject) => {
      const outgoing = http.request(
        { host: '127.0.0.1', port, path, method, headers: allHeaders },
        (response) => {
          const chunks: Buffer[] = []
          response.on('data', (chunk: Buffer) => chunks.push(chunk))
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              rawHeaders: response.headers,
              text: Buffer.concat(chunks).toString('utf8'),
            }),
          )
          response.on('error', reject)
        },
      )
      outgoing.on('error', reject)
      outgoing.end(payload)
    })
    const responseHeaders = new Headers()
    for (const [name, value] of Object.entries(rawHeaders))
      if (value !== undefined)
        responseHeaders.set(name, Array.isArray(value) ? value.join(', ') : value)
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : undefined
    } catch {
      // Not JSON.
    }
    return { status, body: parsed as T, headers: responseHeaders, text }
  }

  return {
    app,
    base,
    request,
    graphql: (query, { variables, ...options } = {}) =>
      request('POST', '/api/graphql', { query, variables }, options),
    login: async (email, password) => {
      const response = await request('POST', '/api/users/login', { email, password })
      if (response.status !== 200)
        throw new Error(`login failed for ${email}: ${response.status} ${response.text}`)
      return response.body.token as string
    },
    close,
  }
}
