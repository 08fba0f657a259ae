import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'

import { loadDoc } from '../src/lib/documents'
import { enforce } from '../src/lib/errors'
import { idOf, sameId } from '../src/lib/ids'
import type { Meeting } from '../src/payload-types'
import { checkOpenForMeetings, meetingTitle } from '../src/rules/meetings'
import { refuse } from '../src/rules/result'
import { pairingAndParty } from './shared'

/** R7: meetings belong to one pairing of the person's, recorded while it is accepted or active. */
export const enforceMeetingRules: CollectionBeforeChangeHook<Meeting> = async ({ data, originalDoc, operation, req }) => {
  if (operation === 'update' && data.pairing !== undefined && !sameId(data.pairing, originalDoc?.pairing)) {
    enforce(refuse('R7', 'Una trobada no es pot moure a una altra parella.', { field: 'pairing' }))
  }
  const { pairing } = await pairingAndParty(req, idOf(data.pairing ?? originalDoc?.pairing))
  enforce(checkOpenForMeetings(pairing.status))
  if (operation === 'create') data.recordedBy = req.user?.id as number
  const modality = String(data.modality ?? originalDoc?.modality ?? 'in_person')
  const date = String(data.date ?? originalDoc?.date ?? '').slice(0, 10)
  data.title = meetingTitle(modality, date)
  return data
}

/** R7: a closed pairing's meetings are its evidence and cannot be deleted. */
export const protectMeetingOnDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const meeting = await loadDoc<Meeting>(req, 'meetings', id)
  if (!meeting) return
  const { pairing } = await pairingAndParty(req, idOf(meeting.pairing))
  enforce(checkOpenForMeetings(pairing.status))
}
