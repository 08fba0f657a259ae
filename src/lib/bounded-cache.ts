/**
 * A least-recently-used map bounded both by entries and by bytes: whatever keys a stranger
 * invents, the memory it holds stays under `maxBytes`. An entry larger than the budget is not kept.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>()
  private total = 0

  constructor(
    private readonly limits: { maxEntries: number; maxBytes: number },
    private readonly sizeOf: (value: V) => number,
  ) {}

  get size(): number {
    return this.entries.size
  }

  get bytes(): number {
    return this.total
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    // Used again: it moves to the young end of the map's order.
    this.entries.delete(key)
    this.entries.set(key, entry)
    return entry.value
  }

  set(key: string, value: V): void {
    this.delete(key)
    const bytes = this.sizeOf(value)
    if (bytes > this.limits.maxBytes || this.limits.maxEntries < 1) return
    this.entries.set(key, { value, bytes })
    this.total += bytes
    for (const [oldest] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.total <= this.limits.maxBytes) break
      this.delete(oldest)
    }
  }

  /** Replaces a value in place (same key, same age), e.g. to add a compressed copy. */
  update(key: string, value: V): void {
    const entry = this.entries.get(key)
    if (!entry) return
    const bytes = this.sizeOf(value)
    this.total += bytes - entry.bytes
    entry.value = value
    entry.bytes = bytes
    if (this.total > this.limits.maxBytes) this.set(key, value)
  }

  delete(key: string): void {
    const entry = this.entries.get(key)
    if (!entry) return
    this.entries.delete(key)
    this.total -= entry.bytes
  }

  clear(): void {
    this.entries.clear()
    this.total = 0
  }
}
