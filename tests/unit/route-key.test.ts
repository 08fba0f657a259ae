import { describe, expect, it } from 'vitest'

import { answerResultOf } from '../../src/notifications/answers'
import { recordAttempt } from '../../src/rules/attempts'
import { routeKey } from '../../src/host/server/route-key'

describe('routeKey: every spelling of a path is the same route', () => {
  it.each([
    '/api/users/login',
    '/api/users/%6cogin',
    '/api/users/%256cogin',
    '/api/users/./login',
    '/api/x/../users/login',
    '//api//users/login/',
    '/API/Users/Login',
    '/api/users/login?x=1',
    '/api\\users\\login',
    '/api/users/login%20',
  ])('%s', (path) => {
    expect(routeKey(path)).toBe('/api/users/login')
  })

  it('keeps different routes apart and survives a malformed escape', () => {
    expect(routeKey('/api/users/logout')).toBe('/api/users/logout')
    expect(routeKey('/api/users/%')).toBe('/api/users/%')
    expect(routeKey('/../../etc')).toBe('/etc')
  })
})

describe('answerResultOf: only our own results', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', '', undefined, ['accepted']])(
    '%s is invalid',
    (value) => {
      expect(answerResultOf(value)).toBe('invalid')
    },
  )
  it('accepts the named results', () => {
    expect(answerResultOf('accepted')).toBe('accepted')
    expect(answerResultOf('used')).toBe('used')
  })
})

describe('recordAttempt: a fixed window per key', () => {
  it('allows `limit` attempts, refuses the next, and opens a new window after it', () => {
    const store = new Map()
    const rule = { windowMs: 1000, limit: 2 }
    expect(recordAttempt(store, 'a', rule, 0).allowed).toBe(true)
    expect(recordAttempt(store, 'a', rule, 10).allowed).toBe(true)
    const third = recordAttempt(store, 'a', rule, 20)
    expect(third).toEqual({ allowed: false, retryAfterMs: 980 })
    expect(recordAttempt(store, 'b', rule, 20).allowed).toBe(true)
    expect(recordAttempt(store, 'a', rule, 1000).allowed).toBe(true)
  })
})
