import { APIError } from 'payload'

export const RETRY_AFTER_SECONDS = 5

/** The database could not take a write in time: the request changed nothing and may be sent again. */
export class DatabaseBusy extends APIError {
  constructor() {
    super(
      "La base de dades està ocupada i no s'ha desat res. Torneu-ho a provar d'aquí a uns segons.",
      503,
      { retryAfterSeconds: RETRY_AFTER_SECONDS },
      true,
    )
    this.name = 'DatabaseBusy'
  }
}

const BUSY = /SQLITE_BUSY|database is locked|database table is locked/i

/** SQLite's lock errors arrive wrapped (drizzle's query error, its `cause`): look down the chain. */
export function isDatabaseBusy(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof DatabaseBusy) return true
    const { message, code } = current as { message?: unknown; code?: unknown }
    if (BUSY.test(String(code ?? '')) || BUSY.test(String(message ?? ''))) return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}
