/**
 * Fixed-window counters of attempts per key (an address, an account). Pure: the caller keeps the
 * counters (this process's memory, or the database several web servers share: AttemptCounters) and
 * passes the time. Old windows are swept as new ones open, so the map stays small.
 */
export type AttemptWindow = { count: number; resetAt: number }

export type AttemptLimit = { windowMs: number; limit: number }

export function recordAttempt(
  store: Map<string, AttemptWindow>,
  key: string,
  { windowMs, limit }: AttemptLimit,
  now: number,
): { allowed: boolean; retryAfterMs: number } {
  let window = store.get(key)
  if (!window || window.resetAt <= now) {
    if (store.size > 10_000)
      for (const [other, value] of store) if (value.resetAt <= now) store.delete(other)
    window = { count: 0, resetAt: now + windowMs }
    store.set(key, window)
  }
  window.count += 1
  return { allowed: window.count <= limit, retryAfterMs: window.resetAt - now }
}

/**
 * Where the windows are kept. `memoryCounters`: this process (SQLite, one server by design); on
 * MongoDB, the database every web server shares (src/services/shared-counters.ts), so that several
 * servers count as one. A window is fixed: it opens with its first attempt and lasts `windowMs`, in
 * both (tests/int/attempt-windows.test.ts).
 */
export interface AttemptCounters {
  /** One more attempt under `key`: the window after it (a new one if none is open). */
  hit(key: string, windowMs: number, now: number): Promise<AttemptWindow>
  /** The open window under `key`, without counting in it. */
  peek(key: string, windowMs: number, now: number): Promise<AttemptWindow | undefined>
  /** One attempt fewer in the open window under `key`, if it has any. */
  forgive(key: string, windowMs: number, now: number): Promise<void>
  /** Every window under `key` forgotten. */
  reset(key: string): Promise<void>
  /** `key` marked until `until` (an address an account signed in from). */
  mark(key: string, until: number): Promise<void>
  marked(key: string, now: number): Promise<boolean>
}

/** The counters in this process's memory (`store`: the caller's map, one per Payload config). */
export function memoryCounters(store: Map<string, AttemptWindow>): AttemptCounters {
  const open = (key: string, now: number) => {
    const window = store.get(key)
    return window && window.resetAt > now ? window : undefined
  }
  return {
    hit: async (key, windowMs, now) => {
      recordAttempt(store, key, { windowMs, limit: Infinity }, now)
      return { ...store.get(key)! }
    },
    peek: async (key, _windowMs, now) => {
      const window = open(key, now)
      return window && { ...window }
    },
    forgive: async (key, _windowMs, now) => {
      const window = open(key, now)
      if (window && window.count > 0) window.count -= 1
    },
    reset: async (key) => {
      store.delete(key)
    },
    mark: async (key, until) => {
      store.set(key, { count: 1, resetAt: until })
    },
    marked: async (key, now) => Boolean(open(key, now)),
  }
}

export type SignInLimits = { windowMs: number; perAddress: number; perAccount: number }

/** How long an address an account signed in from stays known to it (its owner's usual places). */
export const KNOWN_ADDRESS_MS = 30 * 86_400_000

const knownKey = (account: string, address: string) => `known:${account}|${address}`

/** A successful sign-in: this address is one the account's owner uses. */
export async function rememberAddress(
  counters: AttemptCounters,
  account: string,
  address: string,
  now: number,
): Promise<void> {
  if (!account || !address) return
  await counters.mark(knownKey(account, address), now + KNOWN_ADDRESS_MS)
}

/**
 * A successful sign-in does not count against the account: the per-account limits are for guesses.
 * (It still counts against its address.)
 */
export async function forgiveSignIn(
  counters: AttemptCounters,
  { operation, address, account }: { operation: string; address?: string | null; account: string },
  windowMs: number,
  now: number,
): Promise<void> {
  if (!account) return
  const keys = [
    `${operation}:account:${account}`,
    ...(address ? [`${operation}:pair:${account}|${address}`] : []),
  ]
  await Promise.all(keys.map((key) => counters.forgive(key, windowMs, now)))
}

type Verdict = { allowed: boolean; retryAfterMs: number }

const verdict = (window: AttemptWindow | undefined, limit: number, now: number): Verdict =>
  window
    ? { allowed: window.count <= limit, retryAfterMs: window.resetAt - now }
    : { allowed: true, retryAfterMs: 0 }

/**
 * One attempt (sign-in, reminder or reset) on `account` from `address`. Nothing here locks an account
 * for everybody (issue 18: a stranger kept the secretariat out with five wrong passwords):
 *
 * - per address: `perAddress` attempts in the window, whatever the account;
 * - per account and address: `perAccount` attempts — a stranger spends their own allowance only;
 * - per account, from everywhere: `perAccount` attempts, each address counting for at most
 *   `perAccount − 1` of them (one address alone never reaches it). Past it (many addresses at one
 *   account), only addresses the account signed in from before may still try.
 */
export async function recordSignInAttempt(
  counters: AttemptCounters,
  { operation, address, account }: { operation: string; address?: string | null; account: string },
  { windowMs, perAddress, perAccount }: SignInLimits,
  now: number,
): Promise<Verdict> {
  const checks = address
    ? [
        verdict(
          await counters.hit(`${operation}:address:${address}`, windowMs, now),
          perAddress,
          now,
        ),
      ]
    : []
  if (account) {
    const accountKey = `${operation}:account:${account}`
    if (!address) {
      // No address (a caller inside the process): the account's own limit, as it always was.
      checks.push(verdict(await counters.hit(accountKey, windowMs, now), perAccount, now))
    } else {
      const pair = await counters.hit(`${operation}:pair:${account}|${address}`, windowMs, now)
      checks.push(verdict(pair, perAccount, now))
      const [window, known] = await Promise.all([
        pair.count < perAccount
          ? counters.hit(accountKey, windowMs, now)
          : counters.peek(accountKey, windowMs, now),
        counters.marked(knownKey(account, address), now),
      ])
      if (!known) checks.push(verdict(window, perAccount, now))
    }
  }
  return checks.find((check) => !check.allowed) ?? { allowed: true, retryAfterMs: 0 }
}
