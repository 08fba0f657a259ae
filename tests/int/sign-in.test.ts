import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { PASSWORD, setupProgramme } from '../helpers/fixtures'
import { type HttpApp, startHttpApp } from '../helpers/http'

/**
 * Sign-in as a stranger tries it: through REST at any spelling and through GraphQL's loginUser,
 * limited per address and per account; a wrong password, an unknown address and a locked account
 * all get the same answer. (How long each takes is measured by `npm run bench:login`.)
 */

let web: HttpApp
const from = (address: string) => ({ headers: { 'X-Forwarded-For': address } })
const tooMany = /massa intents/

beforeAll(async () => {
  // GraphQL finds its Payload by config, not by key: one app per file keeps it on this one.
  web = await startHttpApp({
    trustProxy: 1,
    // Express's own limit is out of the way here; the limits inside Payload are under test.
    rateLimits: { login: { windowMs: 60_000, limit: 1000 } },
    plugin: { loginLimits: { windowMinutes: 1, perAddress: 3, perAccount: 4 } },
  })
  await setupProgramme(web.app)
})

afterAll(async () => {
  await web?.close()
})

const gqlLogin = (mail: string, password: string, address: string) =>
  web.graphql(
    `mutation { loginUser(email: ${JSON.stringify(mail)}, password: ${JSON.stringify(password)}) { token } }`,
    from(address),
  )

describe('GraphQL loginUser and REST sign-in share limits', () => {
  it('per address: the fourth try from one address is refused, whatever the account', async () => {
    const messages: string[] = []
    for (let attempt = 0; attempt < 4; attempt++)
      messages.push(
        (await gqlLogin(`persona${attempt}@x.example`, 'incorrecta', '203.0.113.1')).body
          .errors?.[0]?.message,
      )
    expect(messages.slice(0, 3).filter((message) => tooMany.test(message))).toEqual([])
    expect(messages[3]).toMatch(tooMany)
    // REST from the same address shares the count (Express's own limit is out of the way here).
    const rest = await web.request(
      'POST',
      '/api/users/login',
      { email: 'una-altra@x.example', password: 'x' },
      from('203.0.113.1'),
    )
    expect(rest.status).toBe(429)
    expect(rest.body.errors[0].message).toMatch(tooMany)
  })

  it('per account: the fifth try on one account is refused, whatever the address', async () => {
    const messages: string[] = []
    for (let attempt = 0; attempt < 5; attempt++)
      messages.push(
        (await gqlLogin('objectiu@x.example', 'incorrecta', `203.0.113.${10 + attempt}`)).body
          .errors?.[0]?.message,
      )
    expect(messages.slice(0, 4).filter((message) => tooMany.test(message))).toEqual([])
    expect(messages[4]).toMatch(tooMany)
    const rest = await web.request(
      'POST',
      '/api/users/login',
      { email: 'OBJECTIU@x.example ', password: 'x' },
      from('203.0.113.99'),
    )
    expect(rest.status).toBe(429)
  })
})

describe('one answer for every failed sign-in', () => {
  it('says the same, with the same status, for a wrong password, an unknown address and a locked account', async () => {
    let address = 100
    const attempt = async (mail: string, password: string) => {
      const rest = await web.request(
        'POST',
        '/api/users/login',
        { email: mail, password },
        from(`198.51.100.${address++}`),
      )
      const gql = await gqlLogin(mail, password, `198.51.100.${address++}`)
      return {
        status: rest.status,
        message: rest.body.errors?.[0]?.message,
        graphql: gql.body.errors?.[0]?.message,
      }
    }
    const wrong = await attempt('mentorada@xmess.example', 'incorrecta')
    const unknown = await attempt('ningu@xmess.example', 'incorrecta')
    const locked = await web.app.payload.create({
      collection: 'users',
      data: { email: 'bloquejada@xmess.example', password: PASSWORD, roles: ['mentee'] } as never,
    })
    await web.app.payload.update({
      collection: 'users',
      id: locked.id,
      data: { lockUntil: new Date(Date.now() + 600_000).toISOString(), loginAttempts: 5 } as never,
      overrideAccess: true,
    })
    const lockedWrong = await attempt('bloquejada@xmess.example', 'incorrecta')
    const lockedRight = await attempt('bloquejada@xmess.example', PASSWORD)
    expect(wrong.status).toBe(401)
    expect(wrong.message).toMatch(/contrasenya no són correctes/)
    expect(wrong.graphql).toBe(wrong.message)
    for (const other of [unknown, lockedWrong, lockedRight]) expect(other).toEqual(wrong)
  })

  it('still signs in the right password on an unlocked account', async () => {
    const response = await web.request(
      'POST',
      '/api/users/login',
      { email: 'mentora@xmess.example', password: PASSWORD },
      from('198.51.100.250'),
    )
    expect(response.status).toBe(200)
    expect(response.body.token).toBeTruthy()
  })
})
