import { describe, expect, it } from 'vitest'

import {
  type AttemptCounters,
  forgiveSignIn,
  KNOWN_ADDRESS_MS,
  memoryCounters,
  recordSignInAttempt,
  rememberAddress,
} from '../../src/rules/attempts'

const limits = { windowMs: 60_000, perAddress: 5, perAccount: 4 }
const NOW = Date.UTC(2026, 2, 29, 1, 30)

const attempt = async (
  store: AttemptCounters,
  address: string | undefined,
  account = 'secretaria@x.example',
  now = NOW,
) =>
  (await recordSignInAttempt(store, { operation: 'login', address, account }, limits, now)).allowed

const inOrder = async <T>(count: number, step: (i: number) => Promise<T>): Promise<T[]> => {
  const results: T[] = []
  for (let i = 0; i < count; i++) results.push(await step(i))
  return results
}

describe('sign-in limits that no stranger can turn into a lock on someone else', () => {
  it('a stranger at one address spends their own allowance; the owner elsewhere still gets in', async () => {
    const store = memoryCounters(new Map())
    const stranger = await inOrder(20, () => attempt(store, '203.0.113.9'))
    expect(stranger.filter(Boolean)).toHaveLength(4)
    expect(await attempt(store, '198.51.100.1')).toBe(true)
  })

  it('per address, whatever the account', async () => {
    const store = memoryCounters(new Map())
    const tries = await inOrder(6, (i) => attempt(store, '203.0.113.9', `persona${i}@x.example`))
    expect(tries).toEqual([true, true, true, true, true, false])
  })

  it('per account from many addresses: new addresses are refused, the owner’s known address is not', async () => {
    const store = memoryCounters(new Map())
    await rememberAddress(store, 'secretaria@x.example', '198.51.100.1', NOW - 86_400_000)
    const tries = await inOrder(6, (i) => attempt(store, `203.0.113.${i + 1}`))
    expect(tries).toEqual([true, true, true, true, false, false])
    expect(await attempt(store, '192.0.2.77')).toBe(false)
    expect(await attempt(store, '198.51.100.1')).toBe(true)
    // A known address is forgotten after a while.
    expect(
      await attempt(
        store,
        '198.51.100.1',
        'secretaria@x.example',
        NOW - 86_400_000 + KNOWN_ADDRESS_MS + 1,
      ),
    ).toBe(true)
  })

  it('the window ends: everyone may try again', async () => {
    const store = memoryCounters(new Map())
    for (let i = 0; i < 6; i++) await attempt(store, `203.0.113.${i + 1}`)
    expect(await attempt(store, '192.0.2.77', 'secretaria@x.example', NOW + 61_000)).toBe(true)
  })

  it('without an address (inside the process), the account’s own limit', async () => {
    const store = memoryCounters(new Map())
    expect(await inOrder(5, () => attempt(store, undefined))).toEqual([
      true,
      true,
      true,
      true,
      false,
    ])
  })
})

describe('a successful sign-in', () => {
  it('does not count against the account', async () => {
    const store = memoryCounters(new Map())
    for (let i = 0; i < 10; i++) {
      expect(await attempt(store, undefined)).toBe(true)
      await forgiveSignIn(
        store,
        { operation: 'login', address: undefined, account: 'secretaria@x.example' },
        limits.windowMs,
        NOW,
      )
    }
  })
})
