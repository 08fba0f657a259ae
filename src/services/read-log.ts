import type { PayloadRequest } from 'payload'

import { isSecretariatUser } from '../../access/roles'
import { READ_LOG_SLUG, type ReadKind, readChannel } from '../rules/read-log'

type Entry = { kind: ReadKind; collection: string; id: number | string }

const SEEN = 'mentoriaReadLogSeen'
const CHAIN = 'mentoriaReadLogChain'

/**
 * Records that the secretariat read a sensitive record (ENS): who, what, when and through which
 * channel. Only reads made as the person (access applied: admin, REST, GraphQL, CSV export; REST and
 * GraphQL leave `overrideAccess` unset) count, not the application's own reads (Local API, access overridden); one entry per person, record and request, however many times the
 * request reads it (a list, then its populated copy). Written straight to the database, in the
 * request's transaction if it has one, one at a time per request.
 */
export async function recordSecretariatReads(
  req: PayloadRequest,
  overrideAccess: boolean | undefined,
  entries: Entry[],
): Promise<void> {
  if (overrideAccess === true || !isSecretariatUser(req.user) || entries.length === 0) return
  const user = req.user!
  const seen = ((req.context[SEEN] as Set<string> | undefined) ??= new Set<string>()) as Set<string>
  const fresh = entries.filter((entry) => {
    const key = `${user.id}:${entry.kind}:${entry.collection}:${entry.id}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  if (fresh.length === 0) return
  const channel = readChannel(req.payloadAPI, req.url)
  const now = new Date().toISOString()
  const write = async () => {
    for (const entry of fresh) {
      await req.payload.db.create({
        collection: READ_LOG_SLUG,
        data: {
          user: user.id,
          kind: entry.kind,
          documentCollection: entry.collection,
          documentId: String(entry.id),
          channel,
          readAt: now,
          createdAt: now,
          updatedAt: now,
        },
        req: { transactionID: req.transactionID } as PayloadRequest,
      })
    }
  }
  const chain = ((req.context[CHAIN] as Promise<void> | undefined) ?? Promise.resolve()).then(write)
  req.context[CHAIN] = chain.catch(() => undefined)
  await chain
}

/** Erasure of a reader: their entries stay (what was read, when), without them. */
export async function forgetReaders(
  req: PayloadRequest,
  userIds: (number | string)[],
): Promise<void> {
  if (userIds.length === 0) return
  await req.payload.db.updateMany({
    collection: READ_LOG_SLUG,
    where: { user: { in: userIds } },
    data: { user: null },
    req,
  })
}
