import fs from 'node:fs'
import path from 'node:path'

import { compatibilityOptions, mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'

import { migrations } from '../../../migrations'
import { explainKeyTaken, keysWritten } from '../../lib/unique-keys'
import type { AppEnv, MongodbCompatibility } from './env'
import { sqliteSingleWriter } from './sqlite-single-writer'

/** Folder the SQLite file lives in, created on first start so a fresh clone just works. */
function ensureSqliteFolder(uri: string) {
  const file = uri.replace(/^file:/, '').split('?')[0]
  if (!file || file === ':memory:') return
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
}

export type DatabaseOptions = {
  /** SQLite: apply the shipped migrations instead of pushing the schema (always true in production). */
  useMigrations?: boolean
  /** SQLite: how long a write waits for its turn before answering 503 (default 15 s). */
  writeWaitMs?: number
  /**
   * `false`: no transactions at all (tests: the rules must hold without them, as on a standalone
   * MongoDB server). Unset: SQLite's immediate transactions; MongoDB's when the server allows them.
   */
  transactionOptions?: false
}

/**
 * Adapter options for MongoDB-compatible services (MONGODB_COMPATIBILITY). FerretDB 1.x has no
 * transactions, no `$lookup` (joins are filled by separate queries instead) and no index hints.
 * The rest are Payload's own presets. None of them is needed for MongoDB itself.
 */
export const MONGODB_COMPATIBILITY_OPTIONS: Record<
  MongodbCompatibility,
  Record<string, unknown>
> = {
  ferretdb: {
    transactionOptions: false,
    useJoinAggregations: false,
    usePipelineInSortLookup: false,
    disableIndexHints: true,
  },
  documentdb: compatibilityOptions.documentdb,
  cosmosdb: compatibilityOptions.cosmosdb,
  firestore: compatibilityOptions.firestore,
}

/** A taken unique key (R1, R4: src/rules/unique-keys.ts) answers with the rule's refusal, by every door. */
function explainTakenKeys(adapter: BaseDatabaseAdapter): void {
  for (const method of ['create', 'updateOne'] as const) {
    const original = adapter[method] as (
      args: Parameters<BaseDatabaseAdapter['create']>[0],
    ) => Promise<unknown>
    ;(adapter as unknown as Record<string, unknown>)[method] = async function (
      this: unknown,
      args: Parameters<BaseDatabaseAdapter['create']>[0],
    ) {
      try {
        const result = await original.call(this, args)
        keysWritten(args as never)
        return result
      } catch (error) {
        return explainKeyTaken(error, args as never)
      }
    }
  }
}

/**
 * FerretDB 1.x refuses `fields` in findAndModify, which Payload sends when an update asks for some
 * fields back (the failed sign-in counter does): there, updates return the whole document instead.
 */
function wholeDocumentUpdates(adapter: BaseDatabaseAdapter): void {
  const updateOne = adapter.updateOne.bind(adapter)
  adapter.updateOne = (args) => updateOne({ ...args, select: undefined })
}

const withTakenKeys = (
  adapterObj: DatabaseAdapterObj,
  more?: (adapter: BaseDatabaseAdapter) => void,
): DatabaseAdapterObj => ({
  ...adapterObj,
  init: (args) => {
    const adapter = adapterObj.init(args)
    more?.(adapter)
    explainTakenKeys(adapter)
    return adapter
  },
})

export function databaseAdapter(
  database: AppEnv['database'],
  options: DatabaseOptions = {},
): DatabaseAdapterObj {
  if (database.kind === 'mongodb') {
    // Transactions need a replica set; Payload turns them off by itself on a standalone server. The
    // rules do not depend on them (unique keys, docs/architecture.md), but on the indexes: create them
    // before the first request (ensureIndexes), not in the background while writes already arrive.
    const ferretdb = database.compatibility === 'ferretdb'
    return withTakenKeys(
      mongooseAdapter({
        url: database.uri,
        ensureIndexes: true,
        ...(database.compatibility ? MONGODB_COMPATIBILITY_OPTIONS[database.compatibility] : {}),
        ...(options.transactionOptions === false ? { transactionOptions: false } : {}),
      }),
      ferretdb ? wholeDocumentUpdates : undefined,
    )
  }
  ensureSqliteFolder(database.uri)
  const useMigrations = options.useMigrations ?? process.env.NODE_ENV === 'production'
  const sqlite = sqliteAdapter({
    client: { url: database.uri },
    // Immediate transactions take the write lock up front, so rule checks and writes are one atomic step.
    transactionOptions: options.transactionOptions === false ? false : { behavior: 'immediate' },
    busyTimeout: 10_000,
    wal: true,
    push: !useMigrations,
    migrationDir: path.resolve(process.cwd(), 'migrations'),
    prodMigrations: useMigrations ? migrations : undefined,
  })
  return withTakenKeys(sqlite, (adapter) =>
    sqliteSingleWriter(adapter, { maxWaitMs: options.writeWaitMs }),
  )
}
