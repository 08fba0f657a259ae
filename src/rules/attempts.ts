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
