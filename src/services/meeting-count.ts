import type { PayloadRequest } from 'payload'

import { type ID, idOf } from '../lib/ids'
import type { MentoriaOptions } from '../lib/options'
import { countMeetingsSoFar } from '../rules/meetings'

type Options = Pick<MentoriaOptions, 'countingModalities'>

/**
 * `pairings.countedMeetings` keeps the console's «without the required meetings» a plain count
 * (docs/console.md): R7 so far, counted by the rule itself (`countMeetingsSoFar`, src/rules/meetings.ts).
 */
export async function meetingsCountedFor(
  req: PayloadRequest,
  options: Options,
  pairing: ID,
  startDate: string | null | undefined,
): Promise<number> {
  const { docs } = await req.payload.find({
    collection: 'meetings',
    where: {
      and: [{ pairing: { equals: pairing } }, { modality: { in: options.countingModalities } }],
    },
    pagination: false,
    depth: 0,
    select: { date: true, modality: true, status: true },
    overrideAccess: true,
    req,
  })
  return countMeetingsSoFar(docs, startDate, options.countingModalities)
}

/** Recounts a pairing's stored counter, straight to the database: a counter, not a change anyone made (no rules, no version, no notice). */
export async function recountMeetings(
  req: PayloadRequest,
  options: Options,
  pairing: unknown,
): Promise<void> {
  const id = idOf(pairing)
  if (id === undefined) return
  const stored = await req.payload.findByID({
    collection: 'pairings',
    id,
    depth: 0,
    select: { startDate: true },
    overrideAccess: true,
    req,
    disableErrors: true,
  })
  if (!stored) return
  await req.payload.db.updateOne({
    collection: 'pairings',
    id,
    data: { countedMeetings: await meetingsCountedFor(req, options, id, stored.startDate) },
    req,
  })
}
