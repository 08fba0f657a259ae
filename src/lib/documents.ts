import type { CollectionSlug, PayloadRequest } from 'payload'

import type { ID } from './ids'

/** Reads a document as the system inside the request's transaction (hooks need the facts, whoever asks). */
export async function loadDoc<T>(
  req: PayloadRequest,
  collection: CollectionSlug,
  id: ID | undefined,
): Promise<T | undefined> {
  if (id === undefined) return undefined
  try {
    return (await req.payload.findByID({
      collection,
      id,
      depth: 0,
      req,
      overrideAccess: true,
    })) as T
  } catch {
    return undefined
  }
}
