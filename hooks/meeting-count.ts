import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
} from 'payload'

import { idOf } from '../src/lib/ids'
import type { MentoriaOptions } from '../src/lib/options'
import { meetingsCountedFor, recountMeetings } from '../src/services/meeting-count'

type Options = Pick<MentoriaOptions, 'countingModalities'>

/** `pairings.countedMeetings` (src/services/meeting-count.ts) recounted whenever a meeting is recorded, changed or deleted… */
export const recountAfterMeetingChange =
  (options: Options): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, req }) => {
    await recountMeetings(req, options, doc.pairing)
    if (previousDoc?.pairing && idOf(previousDoc.pairing) !== idOf(doc.pairing))
      await recountMeetings(req, options, previousDoc.pairing)
    return doc
  }

export const recountAfterMeetingDelete =
  (options: Options): CollectionAfterDeleteHook =>
  ({ doc, req }) =>
    recountMeetings(req, options, doc.pairing)

/** …and when the pairing's start date moves (meetings before it stop counting). */
export const recountOnStartChange =
  (options: Options): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, operation, req }) => {
    if (
      operation !== 'update' ||
      !originalDoc ||
      data.startDate === undefined ||
      data.startDate === originalDoc.startDate
    )
      return data
    data.countedMeetings = await meetingsCountedFor(req, options, originalDoc.id, data.startDate)
    return data
  }
