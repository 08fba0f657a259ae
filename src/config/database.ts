import fs from 'node:fs'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { migrations } from '../../migrations'
import type { AppEnv } from './env'
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
}

export function databaseAdapter(database: AppEnv['database'], options: DatabaseOptions = {}): DatabaseAdapterObj {
  if (database.kind === 'mongodb') {
    // Transactions need a replica set; Payload turns them off by itself on a standalone server.
    return mongooseAdapter({ url: database.uri })
  }
  ensureSqliteFolder(database.uri)
  const useMigrations = options.useMigrations ?? process.env.NODE_ENV === 'production'
  const sqlite = sqliteAdapter({
    client: { url: database.uri },
    // Immediate transactions take the write lock up front, so rule checks and writes are one atomic step.
    transactionOptions: { behavior: 'immediate' },
    busyTimeout: 10_000,
    wal: true,
    push: !useMigrations,
    migrationDir: path.resolve(process.cwd(), 'migrations'),
    prodMigrations: useMigrations ? migrations : undefined,
  })
  return {
    ...sqlite,
    init: (args) => {
      const adapter = sqlite.init(args)
      sqliteSingleWriter(adapter, { maxWaitMs: options.writeWaitMs })
      return adapter
    },
  }
}
