import crypto from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type RunningServer, startProductionServer } from '../helpers/server'

/**
 * Two production servers on one MongoDB database (FerretDB in CI, `MONGODB_URI`), as a council would
 * run several web servers behind a balancer: a limit counts once across both, not once per server
 * (src/services/shared-counters.ts). Each test comes from its own client address (TRUST_PROXY=1 and
 * X-Forwarded-For), so their counts do not mix.
 */
const LIMITS = { LOGIN_ATTEMPTS: 4, LOGIN_ATTEMPTS_PER_ACCOUNT: 3, PUBLIC_FORM_POSTS: 4 }
const TOO_MANY =
  /^Heu fet massa intents seguits\. Torneu-ho a provar d'aquí a \d+ minuts com a màxim\.$/

let a: RunningServer
let b: RunningServer

beforeAll(async () => {
  const uri = new URL(process.env.MONGODB_URI ?? '')
  uri.pathname = `/mentoria_shared_${crypto.randomBytes(6).toString('hex')}`
  const env = {
    DATABASE_URI: uri.toString(),
    MONGODB_COMPATIBILITY: process.env.MONGODB_COMPATIBILITY ?? '',
    PAYLOAD_SECRET: crypto.randomBytes(24).toString('hex'),
    TRUST_PROXY: '1',
    JOBS_AUTORUN: 'false',
    LOGIN_WINDOW_MINUTES: '15',
    PUBLIC_FORM_WINDOW_MINUTES: '60',
    ...Object.fromEntries(Object.entries(LIMITS).map(([name, value]) => [name, String(value)])),
  }
  // One after the other: the first creates the collections and indexes (ensureIndexes).
  a = await startProductionServer(env)
  b = await startProductionServer(env)
})

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()])
})

const post = async (server: RunningServer, path: string, from: string, body: unknown) => {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify(body),
  })
  const text = await response.text()
  let message = ''
  try {
    message = (JSON.parse(text) as { errors?: { message?: string }[] }).errors?.[0]?.message ?? ''
  } catch {
    // Not JSON: no message to read.
  }
  return { status: response.status, message }
}

const signIn = (server: RunningServer, from: string, email: string) =>
  post(server, '/api/users/login', from, { email, password: 'no-és-la-contrasenya' })

describe('several web servers count as one (MongoDB)', () => {
  it('sign-in: 2 wrong attempts on A and 2 on B use up LOGIN_ATTEMPTS=4; the 5th is refused on either', async () => {
    const from = '203.0.113.10'
    const answers = []
    for (const [i, server] of [a, b, a, b].entries())
      answers.push((await signIn(server, from, `persona${i}@x.example`)).status)
    expect(answers).toEqual([401, 401, 401, 401])
    for (const server of [a, b]) {
      const refused = await signIn(server, from, 'una-altra@x.example')
      expect(refused.status).toBe(429)
      expect(refused.message).toMatch(TOO_MANY)
    }
  })

  it('sign-in per account, from many addresses: LOGIN_ATTEMPTS_PER_ACCOUNT=3 counts across both servers', async () => {
    const account = 'secretaria@x.example'
    const answers = []
    for (const [i, server] of [a, b, a].entries())
      answers.push((await signIn(server, `198.51.100.${i + 1}`, account)).status)
    expect(answers).toEqual([401, 401, 401])
    // Counted apart, B would have seen only one attempt on this account.
    const refused = await signIn(b, '198.51.100.4', account)
    expect(refused.status).toBe(429)
    expect(refused.message).toMatch(TOO_MANY)
  })

  it('public forms: 2 posts on A and 2 on B use up PUBLIC_FORM_POSTS=4; the 5th is refused on either', async () => {
    const from = '192.0.2.50'
    const answers = []
    for (const server of [a, b, a, b])
      answers.push((await post(server, '/api/candidates/apply', from, {})).status)
    expect(answers.filter((status) => status === 429)).toEqual([])
    for (const server of [a, b]) {
      const refused = await post(server, '/api/candidates/apply', from, {})
      expect(refused.status).toBe(429)
      expect(refused.message).toMatch(TOO_MANY)
    }
  })

  it('public forms, posts at once across both servers: MongoDB lets the limit through; FerretDB 1.x at most the limit per server', async () => {
    const limit = LIMITS.PUBLIC_FORM_POSTS
    const ferretdb = process.env.MONGODB_COMPATIBILITY === 'ferretdb'
    for (const [burst, size] of [6, 10, 20].entries()) {
      const from = `192.0.2.${60 + burst}`
      const answers = await Promise.all(
        Array.from({ length: size }, (_, i) =>
          post(i % 2 ? b : a, '/api/candidates/apply', from, {}),
        ),
      )
      const letThrough = answers.filter((answer) => answer.status !== 429).length
      // After the burst, one at a time until refused: what the burst left of the allowance.
      let after = 0
      while (
        after < 2 * limit &&
        (await post(after % 2 ? b : a, '/api/candidates/apply', from, {})).status !== 429
      )
        after++
      console.log(
        `[shared-limits] ${size} posts at once, PUBLIC_FORM_POSTS=${limit}: ${letThrough} let through, then ${after} more one at a time (${ferretdb ? 'FerretDB' : 'MongoDB'})`,
      )
      expect(letThrough).toBeGreaterThanOrEqual(Math.min(size, limit))
      // FerretDB 1.x reads and then writes each $inc, so simultaneous attempts may count as one there;
      // each server's own count bounds it (src/services/shared-counters.ts). MongoDB counts each one.
      if (ferretdb) expect(letThrough + after).toBeLessThanOrEqual(2 * limit)
      else expect(letThrough + after).toBe(limit)
    }
  })
})
