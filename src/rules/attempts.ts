/**
 * Fixed-window counters of attempts per key (an address, an account). Pure: the caller keeps the map
 * and passes the time. Old windows are swept as new ones open, so the map stays small.
 */
export type AttemptWindow = { count: number; resetAt: number }

export type AttemptLimit = { windowMs: number; limit: number }

export function recordAttempt(store: Map<string, AttemptWindow>, key: string, { windowMs, limit }: AttemptLimit, now: number): { allowed: boolean; retryAfterMs: number } {
  let window = store.get(key)
  if (!window || window.resetAt <= now) {
    if (store.size > 10_000) for (const [other, value] of store) if (value.resetAt <= now) store.delete(other)
    window = { count: 0, resetAt: now + windowMs }
    store.set(key, window)
  }
  window.count += 1
  return { allowed: window.count <= limit, retryAfterMs: window.resetAt - now }
}

export type SignInLimits = { windowMs: number; perAddress: number; perAccount: number }

/** How long an address an account signed in from stays known to it (its owner's usual places). */
export const KNOWN_ADDRESS_MS = 30 * 86_400_000

const knownKey = (account: string, address: string) => `known:${account}|${address}`

/** A successful sign-in: this address is one the account's owner uses. */
export function rememberAddress(store: Map<string, AttemptWindow>, account: string, address: string, now: number): void {
  if (!account || !address) return
  store.set(knownKey(account, address), { count: 1, resetAt: now + KNOWN_ADDRESS_MS })
}

/**
 * A successful sign-in does not count against the account: the per-account limits are for guesses.
 * (It still counts against its address.)
 */
export function forgiveSignIn(store: Map<string, AttemptWindow>, { operation, address, account }: { operation: string; address?: string | null; account: string }, now: number): void {
  if (!account) return
  const keys = [`${operation}:account:${account}`, ...(address ? [`${operation}:pair:${account}|${address}`] : [])]
  for (const key of keys) {
    const window = store.get(key)
    if (window && window.resetAt > now && window.count > 0) window.count -= 1
  }
}

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
export function recordSignInAttempt(
  store: Map<string, AttemptWindow>,
  { operation, address, account }: { operation: string; address?: string | null; account: string },
  { windowMs, perAddress, perAccount }: SignInLimits,
  now: number,
): { allowed: boolean; retryAfterMs: number } {
  const checks = address ? [recordAttempt(store, `${operation}:address:${address}`, { windowMs, limit: perAddress }, now)] : []
  if (account) {
    const accountKey = `${operation}:account:${account}`
    if (!address) {
      // No address (a caller inside the process): the account's own limit, as it always was.
      checks.push(recordAttempt(store, accountKey, { windowMs, limit: perAccount }, now))
    } else {
      const pairKey = `${operation}:pair:${account}|${address}`
      const pair = recordAttempt(store, pairKey, { windowMs, limit: perAccount }, now)
      checks.push(pair)
      const counts = (store.get(pairKey)?.count ?? 0) < perAccount
      const window = counts ? recordAttempt(store, accountKey, { windowMs, limit: perAccount }, now) : peek(store, accountKey, perAccount, now)
      const known = (store.get(knownKey(account, address))?.resetAt ?? 0) > now
      if (!known) checks.push(window)
    }
  }
  return checks.find((check) => !check.allowed) ?? { allowed: true, retryAfterMs: 0 }
}

/** The state of a window without counting an attempt in it. */
function peek(store: Map<string, AttemptWindow>, key: string, limit: number, now: number): { allowed: boolean; retryAfterMs: number } {
  const window = store.get(key)
  if (!window || window.resetAt <= now) return { allowed: true, retryAfterMs: 0 }
  return { allowed: window.count <= limit, retryAfterMs: window.resetAt - now }
}
