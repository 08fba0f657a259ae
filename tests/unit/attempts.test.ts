import { describe, expect, it } from 'vitest'

import { type AttemptWindow, forgiveSignIn, KNOWN_ADDRESS_MS, recordSignInAttempt, rememberAddress } from '../../src/rules/attempts'

const limits = { windowMs: 60_000, perAddress: 5, perAccount: 4 }
const NOW = Date.UTC(2026, 2, 29, 1, 30)

const attempt = (store: Map<string, AttemptWindow>, address: string | undefined, account = 'secretaria@x.example', now = NOW) =>
  recordSignInAttempt(store, { operation: 'login', address, account }, limits, now).allowed

describe('sign-in limits that no stranger can turn into a lock on someone else', () => {
  it('a stranger at one address spends their own allowance; the owner elsewhere still gets in', () => {
    const store = new Map<string, AttemptWindow>()
    const stranger = Array.from({ length: 20 }, () => attempt(store, '203.0.113.9'))
    expect(stranger.filter(Boolean)).toHaveLength(4)
    expect(attempt(store, '198.51.100.1')).toBe(true)
  })

  it('per address, whatever the account', () => {
    const store = new Map<string, AttemptWindow>()
    const tries = Array.from({ length: 6 }, (_, i) => attempt(store, '203.0.113.9', `persona${i}@x.example`))
    expect(tries).toEqual([true, true, true, true, true, false])
  })

  it('per account from many addresses: new addresses are refused, the owner’s known address is not', () => {
    const store = new Map<string, AttemptWindow>()
    rememberAddress(store, 'secretaria@x.example', '198.51.100.1', NOW - 86_400_000)
    const tries = Array.from({ length: 6 }, (_, i) => attempt(store, `203.0.113.${i + 1}`))
    expect(tries).toEqual([true, true, true, true, false, false])
    expect(attempt(store, '192.0.2.77')).toBe(false)
    expect(attempt(store, '198.51.100.1')).toBe(true)
    // A known address is forgotten after a while.
    expect(attempt(store, '198.51.100.1', 'secretaria@x.example', NOW - 86_400_000 + KNOWN_ADDRESS_MS + 1)).toBe(true)
  })

  it('the window ends: everyone may try again', () => {
    const store = new Map<string, AttemptWindow>()
    for (let i = 0; i < 6; i++) attempt(store, `203.0.113.${i + 1}`)
    expect(attempt(store, '192.0.2.77', 'secretaria@x.example', NOW + 61_000)).toBe(true)
  })

  it('without an address (inside the process), the account’s own limit', () => {
    const store = new Map<string, AttemptWindow>()
    expect(Array.from({ length: 5 }, () => attempt(store, undefined))).toEqual([true, true, true, true, false])
  })
})

describe('a successful sign-in', () => {
  it('does not count against the account', () => {
    const store = new Map<string, AttemptWindow>()
    for (let i = 0; i < 10; i++) {
      expect(attempt(store, undefined)).toBe(true)
      forgiveSignIn(store, { operation: 'login', address: undefined, account: 'secretaria@x.example' }, NOW)
    }
  })
})
