import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type AttemptCounters, memoryCounters } from '../../src/rules/attempts'
import { sharedCounters } from '../../src/services/shared-counters'
import { startTestApp, testDatabase, type TestApp } from '../helpers/payload'

/**
 * The attempt counters (sign-in, public forms) keep the same windows wherever they are kept: this
 * process's memory (SQLite) and the database every web server shares (MongoDB). A window opens with
 * its first attempt and lasts `windowMs`. The shared one used windows on the clock's multiples of
 * `windowMs`: four attempts around 15:15:00 counted 2 + 2, and CI's two-server test let the fifth
 * through when it happened to run at 15:14:59.
 */
const WINDOW = 15 * 60_000
let app: TestApp | undefined
const stores: [string, () => AttemptCounters][] = [
  ['in memory', () => memoryCounters(new Map())],
  ...(testDatabase() === 'mongodb'
    ? ([['in the shared database', () => sharedCounters(app!.payload)!]] as [
        string,
        () => AttemptCounters,
      ][])
    : []),
]

beforeAll(async () => {
  if (testDatabase() === 'mongodb') app = await startTestApp()
})
afterAll(async () => {
  await app?.close()
})

describe.each(stores)('attempt windows %s', (_name, counters) => {
  const key = () => `test:${Math.random().toString(36).slice(2)}`
  // A quarter past three in the afternoon: a multiple of the window on the clock.
  const boundary = Date.UTC(2026, 11, 6, 15, 15, 0)

  it('counts a run of attempts across a multiple of the window on the clock in one window', async () => {
    const store = counters()
    const k = key()
    const counts = []
    for (const at of [boundary - 1500, boundary - 500, boundary + 500, boundary + 1500])
      counts.push((await store.hit(k, WINDOW, at)).count)
    expect(counts).toEqual([1, 2, 3, 4])
    expect((await store.hit(k, WINDOW, boundary + 2000)).count).toBe(5)
  })

  it('opens a window with its first attempt and closes it windowMs later', async () => {
    const store = counters()
    const k = key()
    const first = await store.hit(k, WINDOW, boundary - 1500)
    expect(first).toEqual({ count: 1, resetAt: boundary - 1500 + WINDOW })
    expect(await store.hit(k, WINDOW, boundary - 1500 + WINDOW - 1)).toEqual({
      count: 2,
      resetAt: boundary - 1500 + WINDOW,
    })
    // Its end: the next attempt opens a new window.
    const next = boundary - 1500 + WINDOW
    expect(await store.peek(k, WINDOW, next)).toBeUndefined()
    expect(await store.hit(k, WINDOW, next)).toEqual({ count: 1, resetAt: next + WINDOW })
  })

  it('peeks without counting, forgives one, and forgets all on reset', async () => {
    const store = counters()
    const k = key()
    for (let i = 0; i < 3; i++) await store.hit(k, WINDOW, boundary + i)
    expect((await store.peek(k, WINDOW, boundary + 10))?.count).toBe(3)
    expect((await store.peek(k, WINDOW, boundary + 10))?.count).toBe(3)
    await store.forgive(k, WINDOW, boundary + 10)
    expect((await store.peek(k, WINDOW, boundary + 10))?.count).toBe(2)
    await store.reset(k)
    expect(await store.peek(k, WINDOW, boundary + 10)).toBeUndefined()
    expect((await store.hit(k, WINDOW, boundary + 20)).count).toBe(1)
  })
})
