import type { Payload } from 'payload'

/** A cheap round trip to the database, whichever adapter is in use. */
export async function pingDatabase(payload: Payload): Promise<void> {
  const db = payload.db as unknown as {
    name: string
    connection?: { db?: { admin: () => { ping: () => Promise<unknown> } } }
    client?: { execute: (sql: string) => Promise<unknown> }
  }
  if (db.name === 'mongoose') {
    const admin = db.connection?.db?.admin()
    if (!admin) throw new Error('MongoDB is not connected')
    await admin.ping()
    return
  }
  if (!db.client) throw new Error('SQLite is not connected')
  await db.client.execute('select 1')
}
