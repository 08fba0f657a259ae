import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
} from 'payload'

import type { MentoriaOptions } from '../src/lib/options'
import type { Meeting } from '../src/payload-types'
import {
  afterMeetingDelete,
  afterMeetingWrite,
  applyMeetingDeleteRules,
  applyMeetingRules,
} from '../src/services/meeting-rules'

/** R7 on every write to a meeting (src/services/meeting-rules.ts). */
export const enforceMeetingRules: CollectionBeforeChangeHook<Meeting> = ({
  data,
  originalDoc,
  operation,
  req,
}) => applyMeetingRules(req, data, operation === 'update' ? originalDoc : undefined)

export const protectMeetingOnDelete: CollectionBeforeDeleteHook = ({ id, req }) =>
  applyMeetingDeleteRules(req, id)

/** The other party hears of a meeting held; a planned, moved or cancelled one reaches both calendars. */
export const noticeNewMeeting =
  (options: MentoriaOptions): CollectionAfterChangeHook<Meeting> =>
  async ({ doc, previousDoc, operation, req }) => {
    await afterMeetingWrite(req, options, doc, operation === 'create' ? undefined : previousDoc)
    return doc
  }

export const cancelDeletedPlannedMeeting: CollectionAfterDeleteHook<Meeting> = ({ doc, req }) =>
  afterMeetingDelete(req, doc)
