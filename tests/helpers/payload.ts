import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { getPayload, handleEndpoints, type Payload, type SanitizedConfig } from 'payload'

import { migrations } from '../../migrations'
import { databaseAdapter, type DatabaseOptions } from '../../src/host/config/database'
import { type AppEnv, loadEnv } from '../../src/host/config/env'
import { createPayloadConfig, type CreateConfigArgs } from '../../src/host/config/payload'

export const rootDir = path.resolve(import.meta.dirname, '../..')

export type TestDatabase = 'sqlite' | 'mongodb'

export const testDatabase = (): TestDatabase =>
  process.env.TEST_DATABASE === 'mongodb' ? 'mongodb' : 'sqlite'

export type TestApp = {
  payload: Payload
  config: SanitizedConfig
  env: AppEnv
  rest: RestClient
  /** The `getPayload` cache key, for handing requests to Payload's REST handlers. */
  key: string
  close: () => Promise<void>
}

/**
 * A Payload on a fresh database of its own: a new SQLite file (schema from the shipped migrations,
 * so a missing migration fails here), or a new MongoDB database when the suite runs against MONGODB_URI.
 */
export async function startTestApp({
  database,
  ...overrides
}: Partial<Omit<CreateConfigArgs, 'env' | 'rootDir' | 'db'>> & {
  database?: DatabaseOptions
} = {}): Promise<TestApp> {
  const id = crypto.randomBytes(6).toString('hex')
  const kind = testDatabase()
  let uri: string
  let cleanup: () => Promise<void> | void
  if (kind === 'mongodb') {
    const base = new URL(process.env.MONGODB_URI ?? '')
    base.pathname = `/mentoria_test_${id}`
    uri = base.toString()
    cleanup = () => undefined
  } else {
    const file = path.join(os.tmpdir(), `mentoria-test-${id}.db`)
    uri = `file:${file}`
    cleanup = () => {
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
    }
  }
  const env = loadEnv({
    NODE_ENV: 'test',
    DATABASE_URI: uri,
    PAYLOAD_SECRET: `test-secret-${id}-0123456789abcdef`,
    JOBS_AUTORUN: 'false',
    // FerretDB in CI (scripts/ferretdb.sh), or another MongoDB-compatible service.
    MONGODB_COMPATIBILITY: kind === 'mongodb' ? process.env.MONGODB_COMPATIBILITY : undefined,
  })
  const db = databaseAdapter(env.database, { useMigrations: true, ...database })
  const config = await createPayloadConfig({ env, rootDir, db, ...overrides })
  const key = `test-${id}`
  const payload = await getPayload({ config, key })
  if (kind === 'sqlite') await payload.db.migrate({ migrations: migrations as never })

  return {
    payload,
    config,
    env,
    rest: new RestClient(config, key),
    key,
    close: async () => {
      if (kind === 'mongodb') {
        const connection = (
          payload.db as unknown as { connection: { dropDatabase: () => Promise<void> } }
        ).connection
        await connection.dropDatabase()
      }
      // Stops the jobs scheduler too, not only the database connection.
      await payload.destroy()
      await cleanup()
    },
  }
}

export type RestResponse<T = any> = { status: number; body: T; headers: Headers }

type RequestOptions = { token?: string; headers?: Record<string, string>; form?: boolean }

/** Requests through Payload's real REST handlers (the same `handleEndpoints` Next's routes call). */
export class RestClient {
  constructor(
    private readonly config: SanitizedConfig,
    private readonly key: string,
  ) {}

  async request<T = any>(
    method: string,
    url: string,
    body?: unknown,
    options: RequestOptions = {},
  ): Promise<RestResponse<T>> {
    const headers = new Headers(options.headers)
    if (options.token) headers.set('Authorization', `JWT ${options.token}`)
    let payloadBody: BodyInit | undefined
    if (body !== undefined) {
      if (options.form) {
        headers.set('Content-Type', 'application/x-www-form-urlencoded')
        payloadBody = new URLSearchParams(body as Record<string, string>).toString()
      } else if (typeof body === 'string') {
        payloadBody = body
        if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json')
      } else {
        headers.set('Content-Type', 'application/json')
        payloadBody = JSON.stringify(body)
      }
    }
    const request = new Request(new URL(url, this.config.serverURL || 'http://localhost:3000'), {
      method,
      headers,
      body: payloadBody,
    })
    const response = await handleEndpoints({
      config: this.config,
      request,
      payloadInstanceCacheKey: this.key,
    })
    const text = await response.text()
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : undefined
    } catch {
      // Not JSON: keep the text.
    }
    return { status: response.status, body: parsed as T, headers: response.headers }
  }

  get<T = any>(url: string, options?: RequestOptions) {
    return this.request<T>('GET', url, undefined, options)
  }
  post<T = any>(url: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('POST', url, body, options)
  }
  patch<T = any>(url: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('PATCH', url, body, options)
  }
  delete<T = any>(url: string, options?: RequestOptions) {
    return this.request<T>('DELETE', url, undefined, options)
  }

  /** Signs in through POST /api/users/login and returns the JWT. */
  async login(email: string, password: string): Promise<string> {
    const response = await this.post('/api/users/login', { email, password })
    if (response.status !== 200 || !response.body?.token) {
      throw new Error(
        `login failed for ${email}: ${response.status} ${JSON.stringify(response.body)}`,
      )
    }
    return response.body.token as string
  }
}
