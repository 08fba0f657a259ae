import type { Collection, Db } from 'mongodb'
import type { Payload } from 'payload'

import { type AttemptCounters, type AttemptWindow, memoryCounters } from '../rules/attempts'

/**
 * The attempt counters (sign-in, public forms) in the MongoDB database every web server uses, so that
 * several servers count as one (README «Producció amb MongoDB»). On SQLite there is one server by
 * design and the counters stay in its memory (`undefined` here).
 *
 * One document per key: its window opens with the first attempt and lasts `windowMs`, as in this
 * process's memory (src/rules/attempts.ts), so a run of attempts is never cut in two by the clock (with
 * windows on the clock's multiples, 4 attempts across 15:15:00 counted 2 + 2 and the 5th got through).
 * Each attempt is one atomic `findOneAndUpdate` with `$inc` and `upsert` by `_id` (MongoDB,
 * DocumentDB, Cosmos DB…); when it lands in a window that is over but still stored, one conditional
 * update opens the next window (one server only: it names the old window's end). The
 * documents go away by themselves after their window (a TTL index on `expiresAt`), or, where the
 * database has no TTL indexes (FerretDB 1.x), swept now and then.
 *
 * FerretDB 1.x runs findAndModify as a read and then a write, not atomically: attempts that arrive
 * at the same moment count as one there (20 at once counted as 2 to 5). So on FerretDB (its buildInfo
 * says so) each process also counts in its own memory and the larger count decides: a burst gets at
 * most the limit per server through, never less than counting apart did, and attempts spread over
 * time count once across servers. Measured in tests/e2e-mongodb/shared-limits.test.ts and written in
 * docs/security.md; a real MongoDB counts each one.
 */
export const COUNTERS_COLLECTION = 'mentoria_attempt_counters'

type CounterDocument = { _id: string; key: string; count: number; expiresAt: Date }

/** Without a TTL index, expired windows are deleted at most this often, by the attempts themselves. */
const SWEEP_EVERY_MS = 10 * 60_000

const DUPLICATE_KEY = 11000
const isDuplicateKey = (error: unknown) =>
  (error as { code?: unknown } | null)?.code === DUPLICATE_KEY

/**
 * Two first attempts at once both try to insert the window; the one that loses counts again, in the
 * winner's document. (MongoDB retries this itself since 4.2; FerretDB does not.)
 */
async function retryingDuplicateKey<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write()
    } catch (error) {
      if (!isDuplicateKey(error) || attempt >= 5) throw error
    }
  }
}

/** Whether the server is FerretDB, whose updates are a read and then a write (see above). */
async function readsThenWrites(db: Db): Promise<boolean> {
  try {
    const info = await db.admin().command({ buildInfo: 1 })
    return typeof info.ferretdbVersion === 'string'
  } catch {
    return false
  }
}

/** The larger of two counts of the same attempts (the database's and this process's). */
function atLeast(shared: AttemptCounters, local: AttemptCounters): AttemptCounters {
  const larger = (one: AttemptWindow | undefined, other: AttemptWindow | undefined) =>
    !one
      ? other
      : !other
        ? one
        : {
            count: Math.max(one.count, other.count),
            resetAt: one.count >= other.count ? one.resetAt : other.resetAt,
          }
  return {
    hit: async (key, windowMs, now) =>
      larger(
        ...(await Promise.all([shared.hit(key, windowMs, now), local.hit(key, windowMs, now)])),
      )!,
    peek: async (key, windowMs, now) =>
      larger(
        ...(await Promise.all([shared.peek(key, windowMs, now), local.peek(key, windowMs, now)])),
      ),
    forgive: async (key, windowMs, now) => {
      await Promise.all([shared.forgive(key, windowMs, now), local.forgive(key, windowMs, now)])
    },
    reset: async (key) => {
      await Promise.all([shared.reset(key), local.reset(key)])
    },
    mark: async (key, until) => {
      await shared.mark(key, until)
    },
    marked: (key, now) => shared.marked(key, now),
  }
}

function mongoCounters(db: Db): AttemptCounters {
  const collection: Collection<CounterDocument> =
    db.collection<CounterDocument>(COUNTERS_COLLECTION)
  let sweeping = false
  let sweptAt = 0
  const ready = collection
    .createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0, name: 'expiresAt_ttl' })
    .then(
      () => undefined,
      () => {
        sweeping = true
      },
    )
  const sweep = () => {
    const now = Date.now()
    if (!sweeping || now - sweptAt < SWEEP_EVERY_MS) return
    sweptAt = now
    collection.deleteMany({ expiresAt: { $lte: new Date(now) } }).catch(() => {
      // The next sweep tries again.
    })
  }
  const open = (key: string, now: number) => ({ _id: key, expiresAt: { $gt: new Date(now) } })
  const windowFrom = (document: CounterDocument | null) =>
    document ? { count: document.count, resetAt: document.expiresAt.getTime() } : undefined

  const counters: AttemptCounters = {
    hit: async (key, windowMs, now): Promise<AttemptWindow> => {
      await ready
      sweep()
      for (let attempt = 1; ; attempt++) {
        // One more under this key (the first one opens its window): the same single update as
        // always, by `_id` alone, which FerretDB also handles best.
        const counted = await retryingDuplicateKey(() =>
          collection.findOneAndUpdate(
            { _id: key },
            { $inc: { count: 1 }, $setOnInsert: { key, expiresAt: new Date(now + windowMs) } },
            { upsert: true, returnDocument: 'after' },
          ),
        )
        if (counted && counted.expiresAt.getTime() > now) return windowFrom(counted)!
        // It landed in a window that is over (still stored until the TTL monitor or the sweep): this
        // attempt opens the next one. Only one server can (the filter names the old window's end);
        // the others count again, in the new window.
        const reopened = await collection.findOneAndUpdate(
          { _id: key, expiresAt: counted?.expiresAt ?? new Date(0) },
          { $set: { key, count: 1, expiresAt: new Date(now + windowMs) } },
          { returnDocument: 'after' },
        )
        if (reopened) return windowFrom(reopened)!
        if (attempt >= 5) return { count: counted?.count ?? 1, resetAt: now + windowMs }
      }
    },
    peek: async (key, _windowMs, now) => windowFrom(await collection.findOne(open(key, now))),
    forgive: async (key, _windowMs, now) => {
      await collection.updateOne({ ...open(key, now), count: { $gt: 0 } }, { $inc: { count: -1 } })
    },
    reset: async (key) => {
      // By the key field: also the windows an earlier version stored as `<key>@<start>`.
      await collection.deleteMany({ key })
    },
    mark: async (key, until) => {
      await ready
      await retryingDuplicateKey(() =>
        collection.updateOne(
          { _id: key },
          { $set: { key, count: 1, expiresAt: new Date(until) } },
          { upsert: true },
        ),
      )
    },
    marked: async (key, now) => Boolean(await collection.findOne(open(key, now))),
  }
  const local = memoryCounters(new Map())
  const ferretdb = readsThenWrites(db)
  const choose = async () => ((await ferretdb) ? atLeast(counters, local) : counters)
  return {
    hit: async (...args) => (await choose()).hit(...args),
    peek: async (...args) => (await choose()).peek(...args),
    forgive: async (...args) => (await choose()).forgive(...args),
    reset: async (...args) => (await choose()).reset(...args),
    mark: async (...args) => (await choose()).mark(...args),
    marked: async (...args) => (await choose()).marked(...args),
  }
}

const shared = new WeakMap<object, AttemptCounters>()

/** The counters every web server shares, when the database is MongoDB; `undefined` on SQLite. */
export function sharedCounters(payload: Payload): AttemptCounters | undefined {
  const adapter = payload.db as unknown as { name?: string; connection?: { db?: Db } }
  if (adapter.name !== 'mongoose' || !adapter.connection?.db) return undefined
  let counters = shared.get(adapter)
  if (!counters) shared.set(adapter, (counters = mongoCounters(adapter.connection.db)))
  return counters
}
