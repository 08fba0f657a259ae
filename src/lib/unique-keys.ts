import { type Payload, type PayloadRequest, ValidationError } from 'payload'

/**
 * The database's answer to a taken key (src/rules/unique-keys.ts), turned into the rule's own
 * refusal. A hook that writes a key says, before the write, how to refuse if the key turns out to be
 * taken (`onKeyTaken`); the adapter's create and updateOne (src/host/config/database.ts) call
 * `explainKeyTaken` when the write fails. So every door (REST, GraphQL, the local API of an endpoint
 * or a job) gives the same 409 with the same Catalan sentence, and never "Value must be unique".
 *
 * The database says "taken" in three ways: SQLite and MongoDB as a duplicate (Payload's
 * ValidationError; FerretDB without naming the index, or as an internal error on an update), and a MongoDB transaction as a write conflict
 * with another transaction that is writing the same key (code 112).
 */

type Registration = { collection: string; field: string; value: string; refuse: () => unknown }

const CONTEXT_KEY = 'mentoriaKeysBeingTaken'

const registrations = (req: PayloadRequest): Registration[] => {
  const context = req.context as Record<string, unknown>
  if (!Array.isArray(context[CONTEXT_KEY])) context[CONTEXT_KEY] = []
  return context[CONTEXT_KEY] as Registration[]
}

/** Before writing `value` to the unique `field`: `refuse` throws the refusal to give if it is taken. */
export function onKeyTaken(
  req: PayloadRequest,
  collection: string,
  field: string,
  value: string,
  refuse: () => unknown,
): void {
  registrations(req).push({ collection, field, value, refuse })
}

export const isWriteConflict = (error: unknown): boolean => {
  const { code, errorLabels, errorLabelSet } = (error ?? {}) as {
    code?: number
    errorLabels?: string[]
    errorLabelSet?: Set<string>
  }
  return (
    code === 112 ||
    Boolean(errorLabelSet?.has('TransientTransactionError')) ||
    Boolean(errorLabels?.includes('TransientTransactionError'))
  )
}

const isDuplicate = (error: unknown): boolean => {
  if (error instanceof ValidationError) return true
  const { code, message } = (error ?? {}) as { code?: number; message?: string }
  // FerretDB 1.x answers a duplicate on an update (findAndModify) as an internal error, with SQLite's words.
  return code === 11000 || (code === 1 && /UNIQUE constraint failed/.test(String(message)))
}

const snake = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)

type WriteArgs = {
  collection?: string
  data?: Record<string, unknown>
  req?: Partial<PayloadRequest>
}

/** After a failed create or updateOne: the rule's refusal if one of the keys it wrote was taken, else the error as it was. */
export async function explainKeyTaken(
  error: unknown,
  { collection, data, req }: WriteArgs,
): Promise<never> {
  if (req?.context && data && (isDuplicate(error) || isWriteConflict(error))) {
    const all = registrations(req as PayloadRequest)
    const mine = all.filter(
      (entry) => entry.collection === collection && data[entry.field] === entry.value,
    )
    // The index Payload names first (SQLite, MongoDB); FerretDB names none.
    const paths = error instanceof ValidationError ? error.data.errors.map((item) => item.path) : []
    mine.sort(
      (a, b) =>
        Number(paths.some((path) => path === b.field || path === snake(b.field))) -
        Number(paths.some((path) => path === a.field || path === snake(a.field))),
    )
    for (const entry of mine) {
      all.splice(all.indexOf(entry), 1)
      await entry.refuse()
    }
  }
  throw error
}

/** Forgets the keys of a write that went through. */
export function keysWritten({ collection, data, req }: WriteArgs): void {
  if (!req?.context || !data) return
  const all = registrations(req as PayloadRequest)
  for (const entry of all.filter(
    (item) => item.collection === collection && data[item.field] === item.value,
  ))
    all.splice(all.indexOf(entry), 1)
}

/**
 * Something done once, whoever asks at the same moment (an answer link): one row with this key in
 * Payload's key-value collection, whose key is unique. True for the one caller whose row went in.
 * An insert, not a conditional update: FerretDB 1.x runs findAndModify's filter and update as two
 * steps, so only a unique index is atomic on every database this runs on.
 */
export async function takeOnce(
  payload: Payload,
  key: string,
  data: Record<string, unknown> = {},
): Promise<boolean> {
  try {
    await payload.db.create({
      collection: 'payload-kv',
      data: { key, data: { ...data, at: new Date().toISOString() } },
    })
    return true
  } catch (error) {
    if (isDuplicate(error) || isWriteConflict(error)) return false
    throw error
  }
}

/** Undoes `takeOnce`, so that it can be done again (the answer was refused after all). */
export async function releaseOnce(payload: Payload, key: string): Promise<void> {
  await payload.db.deleteOne({ collection: 'payload-kv', where: { key: { equals: key } } })
}
