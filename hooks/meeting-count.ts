import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { type ID, idOf } from '../src/lib/ids'
import type { MentoriaOptions } from '../src/lib/options'
import { countQualifyingMeetings } from '../src/rules/pairings'

type Options = Pick<MentoriaOptions, 'countingModalities'>

/** R7 so far: the meetings of a counting modality since the start (none can be later than today). */
async function countedFor(req: PayloadRequest, options: Options, pairing: ID, startDate: string | null | undefined): Promise<number> {
  const { docs } = await req.payload.find({
    collection: 'meetings',
    where: { and: [{ pairing: { equals: pairing } }, { modality: { in: options.countingModalities } }] },
    pagination: false,
    depth: 0,
    select: { date: true, modality: true, status: true },
    overrideAccess: true,
    req,
  })
  return countQualifyingMeetings(docs, { startDate: startDate ?? '1970-01-01', closingDate: '9999-12-31' }, options.countingModalities)
}

async function recount(req: PayloadRequest, options: Options, pairing: unknown) {
  const id = idOf(pairing)
  if (id === undefined) return
  const stored = await req.payload.findByID({ collection: 'pairings', id, depth: 0, select: { startDate: true }, overrideAccess: true, req, disableErrors: true })
  if (!stored) return
  // Straight to the database: a counter, not a change anyone made (no rules, no version, no notice).
  await req.payload.db.updateOne({ collection: 'pairings', id, data: { countedMeetings: await countedFor(req, options, id, stored.startDate) }, req })
}

/**
 * `pairings.countedMeetings` keeps the console's «without the two in-person meetings» a plain count
 * (docs/console.md): recounted whenever a meeting is recorded, changed or deleted.
 */
export const recountAfterMeetingChange =
  (options: Options): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, req }) => {
    await recount(req, options, doc.pairing)
    if (previousDoc?.pairing && idOf(previousDoc.pairing) !== idOf(doc.pairing)) await recount(req, options, previousDoc.pairing)
    return doc
  }

export const recountAfterMeetingDelete =
  (options: Options): CollectionAfterDeleteHook =>
  async ({ doc, req }) => {
    await recount(req, options, doc.pairing)
  }

/** …and when the pairing's start date moves (meetings before it stop counting). */
export const recountOnStartChange =
  (options: Options): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, operation, req }) => {
    if (operation !== 'update' || !originalDoc || data.startDate === undefined || data.startDate === originalDoc.startDate) return data
    data.countedMeetings = await countedFor(req, options, originalDoc.id, data.startDate)
    return data
  }
