import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit'

import type { AttemptCounters, AttemptWindow } from '../../rules/attempts'

const infoOf = (window: AttemptWindow): ClientRateLimitInfo => ({
  totalHits: window.count,
  resetTime: new Date(window.resetAt),
})

/**
 * express-rate-limit's store over the attempt counters several web servers share
 * (src/services/shared-counters.ts): each limiter (`prefix`) counts its hits in the database, so a
 * limit holds across servers instead of once per process.
 */
export class SharedCountersStore implements Store {
  /** The counts are not in this process: express-rate-limit must not warn about a store shared by limiters. */
  localKeys = false
  private windowMs = 60_000

  constructor(
    private readonly counters: AttemptCounters,
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const window = await this.counters.peek(this.prefix + key, this.windowMs, Date.now())
    return window && infoOf(window)
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    return infoOf(await this.counters.hit(this.prefix + key, this.windowMs, Date.now()))
  }

  async decrement(key: string): Promise<void> {
    await this.counters.forgive(this.prefix + key, this.windowMs, Date.now())
  }

  async resetKey(key: string): Promise<void> {
    await this.counters.reset(this.prefix + key)
  }
}
