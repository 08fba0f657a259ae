import { AsyncLocalStorage } from 'node:async_hooks'
import { createRequire } from 'node:module'

import type { BaseDatabaseAdapter, PayloadRequest } from 'payload'

import { DatabaseBusy, isDatabaseBusy } from './database-busy'

/**
 * SQLite has one writer at a time, and four things in the libsql/drizzle/Payload stack turn that into
 * lost writes and 500s unless every write takes its turn here:
 *
 * 1. libsql hands its open connection to each new transaction and opens a fresh one for everything
 *    else, without `busy_timeout`: after the first transaction, a write outside a transaction (login
 *    attempts, job bookkeeping, `payload.db.updateOne`) fails at once with "database is locked".
 * 2. Such a failed statement can leave its connection with a statement in progress; the next
 *    transaction inherits that connection and its COMMIT fails.
 * 3. drizzle rolls back on a failed COMMIT, but Payload's `beginTransaction` swallows the error, so the
 *    operation answers 201 for a document that was never stored.
 * 4. The connection a transaction took stays open, and libsql keeps a closed connection's file until the
 *    garbage collector runs: a busy server runs out of files (SQLITE_CANTOPEN).
 *
 * So, in this process: write transactions and writes outside a transaction queue for one lock; every
 * transaction runs on one second connection kept for the process, configured like the first; and a
 * COMMIT that failed is an error again. A write
 * that cannot get its turn within `maxWaitMs` fails with DatabaseBusy (503, Retry-After), never a 500.
 * Other processes on the same file (a seed, the worker) are waited for by SQLite's busy timeout.
 */

const WRITE_METHODS = [
  'create',
  'createGlobal',
  'createGlobalVersion',
  'createVersion',
  'deleteMany',
  'deleteOne',
  'deleteVersions',
  'updateGlobal',
  'updateGlobalVersion',
  'updateJobs',
  'updateMany',
  'updateOne',
  'updateVersion',
  'upsert',
] as const

type LibsqlTransaction = { commit: () => Promise<void>; rollback: () => Promise<void> }
type LibsqlClient = {
  execute: (sql: string) => Promise<unknown>
  transaction: (mode?: string) => Promise<LibsqlTransaction>
}

type SqliteAdapter = BaseDatabaseAdapter & {
  client?: LibsqlClient
  busyTimeout?: number
  wal?: false | { synchronous?: string }
  sessions: Record<string, unknown>
}

type CommitState = { error?: unknown }

type Statement = string | { sql: string; args?: unknown }

/**
 * libsql's own transaction() gives the client's connection away and opens another, and libsql does not
 * release a closed connection's file until the garbage collector runs: one leaked file per write
 * transaction. Writes are one at a time here anyway, so every transaction runs on one second
 * connection, kept for the life of the process (reads keep the first one, and never see a write that
 * is not committed).
 */
function transactionsOnOwnConnection(createClient: () => Promise<LibsqlClient>) {
  let connection: Promise<LibsqlClient> | undefined
  return async (mode = 'write'): Promise<LibsqlTransaction> => {
    connection ??= createClient()
    const own = await connection
    await own.execute(
      mode === 'read'
        ? 'BEGIN TRANSACTION READONLY'
        : mode === 'deferred'
          ? 'BEGIN DEFERRED'
          : 'BEGIN IMMEDIATE',
    )
    let open = true
    const end = async (sql: 'COMMIT' | 'ROLLBACK') => {
      if (!open) return
      try {
        await own.execute(sql)
        open = false
      } catch (error) {
        // A COMMIT that failed leaves the transaction open: end it, so the connection is clean again.
        if (sql === 'COMMIT') await own.execute('ROLLBACK').catch(() => undefined)
        open = false
        throw error
      }
    }
    return {
      execute: (statement: Statement) => own.execute(statement as string),
      batch: async (statements: Statement[]) => {
        const results = []
        for (const statement of statements) results.push(await own.execute(statement as string))
        return results
      },
      executeMultiple: async () => {
        throw new Error('executeMultiple is not available inside a transaction')
      },
      commit: () => end('COMMIT'),
      rollback: () => end('ROLLBACK'),
      close: () => {
        if (open) void end('ROLLBACK').catch(() => undefined)
      },
      get closed() {
        return !open
      },
    } as unknown as LibsqlTransaction
  }
}

export type SingleWriterOptions = { maxWaitMs?: number }

export function sqliteSingleWriter(
  baseAdapter: BaseDatabaseAdapter,
  { maxWaitMs = 15_000 }: SingleWriterOptions = {},
): void {
  const adapter = baseAdapter as SqliteAdapter
  const lock = writeLock(maxWaitMs)
  // Writes made while this process already holds the lock for them (a write method calling another).
  const holding = new AsyncLocalStorage<true>()
  const commitStates = new Map<string, CommitState>()
  let lastBegun: CommitState | undefined

  // Every connection libsql opens gets the same settings as the first one.
  const settings = [
    `PRAGMA busy_timeout = ${Math.max(0, Number(adapter.busyTimeout) || 0)}`,
    ...(adapter.wal && adapter.wal.synchronous
      ? [`PRAGMA synchronous = ${adapter.wal.synchronous}`]
      : []),
  ]
  let client: LibsqlClient | undefined
  Object.defineProperty(adapter, 'client', {
    configurable: true,
    enumerable: true,
    get: () => client,
    set: (value: LibsqlClient | undefined) => {
      client = value
      if (value) patchClient(value)
    },
  })

  function patchClient(target: LibsqlClient) {
    const config = (adapter as unknown as { clientConfig: Record<string, unknown> }).clientConfig
    const transaction = transactionsOnOwnConnection(async () => {
      const { createClient } = createRequire(import.meta.url)('@libsql/client') as {
        createClient: (config: unknown) => LibsqlClient
      }
      const own = createClient(config)
      for (const sql of settings) await own.execute(sql)
      return own
    })
    target.transaction = async (mode) => {
      const tx = await transaction(mode)
      const state: CommitState = {}
      lastBegun = state
      const commit = tx.commit.bind(tx)
      tx.commit = async () => {
        try {
          await commit()
        } catch (error) {
          state.error = error
          throw error
        }
      }
      return tx
    }
  }

  // A Payload session whose transaction has begun and not ended; anything else writes outside one.
  const inTransaction = async (req: Partial<PayloadRequest> | undefined) => {
    const id = req?.transactionID === undefined ? undefined : await req.transactionID
    return id !== undefined && id !== null && String(id) in adapter.sessions
  }

  for (const method of WRITE_METHODS) {
    const original = (adapter as unknown as Record<string, unknown>)[method]
    if (typeof original !== 'function') continue
    ;(adapter as unknown as Record<string, unknown>)[method] = async function (
      this: unknown,
      args: { req?: Partial<PayloadRequest> },
    ) {
      if (holding.getStore() || (await inTransaction(args?.req))) return original.call(this, args)
      const release = await lock.acquire()
      try {
        return await holding.run(true, () => original.call(this, args))
      } finally {
        release()
      }
    }
  }

  const begin = adapter.beginTransaction.bind(adapter)
  const commit = adapter.commitTransaction.bind(adapter)
  const rollback = adapter.rollbackTransaction.bind(adapter)
  const releases = new Map<string, () => void>()

  // Another process (a seed, the worker) may hold the file's lock; SQLite's busy handler does not
  // retry every kind of SQLITE_BUSY, so try again briefly.
  const beginWhenFree = async (options: Parameters<typeof begin>[0]) => {
    const deadline = Date.now() + maxWaitMs
    for (let attempt = 0; ; attempt++) {
      try {
        return await begin(options)
      } catch (error) {
        if (!isDatabaseBusy(error) || Date.now() > deadline)
          throw isDatabaseBusy(error) ? new DatabaseBusy() : error
        await new Promise((resolve) => setTimeout(resolve, Math.min(5 * 2 ** attempt, 100)))
      }
    }
  }

  adapter.beginTransaction = async (options) => {
    const release = await lock.acquire()
    try {
      lastBegun = undefined
      const id = await beginWhenFree(options)
      if (id === null || id === undefined) {
        release()
        return id
      }
      releases.set(String(id), release)
      if (lastBegun) commitStates.set(String(id), lastBegun)
      return id
    } catch (error) {
      release()
      throw error
    }
  }

  const end = async (id: Parameters<typeof commit>[0], run: typeof commit) => {
    const key = String(await id)
    const state = commitStates.get(key)
    try {
      await run(id)
    } finally {
      commitStates.delete(key)
      releases.get(key)?.()
      releases.delete(key)
    }
    return state
  }
  adapter.commitTransaction = async (id) => {
    const state = await end(id, commit)
    if (state?.error) {
      // The COMMIT failed and drizzle rolled back: nothing of this operation was stored, so say so.
      throw isDatabaseBusy(state.error) ? new DatabaseBusy() : state.error
    }
  }
  adapter.rollbackTransaction = async (id) => {
    await end(id, rollback)
  }
}

/** A first-come, first-served lock whose waiters give up with DatabaseBusy after `maxWaitMs`. */
export function writeLock(maxWaitMs: number) {
  let tail: Promise<void> = Promise.resolve()
  return {
    async acquire(): Promise<() => void> {
      let release!: () => void
      const turn = new Promise<void>((resolve) => (release = resolve))
      const previous = tail
      tail = previous.then(() => turn)
      let timer: NodeJS.Timeout | undefined
      try {
        await Promise.race([
          previous,
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new DatabaseBusy()), maxWaitMs)
          }),
        ])
      } catch (error) {
        // Keep the queue moving: this turn ends as soon as the previous one does.
        previous.then(release, release)
        throw error
      } finally {
        clearTimeout(timer)
      }
      let released = false
      return () => {
        if (released) return
        released = true
        release()
      }
    },
  }
}
