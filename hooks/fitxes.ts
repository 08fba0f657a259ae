import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { loadDoc } from '../src/lib/documents'
import { enforce } from '../src/lib/errors'
import { idOf, sameId } from '../src/lib/ids'
import type { Candidate, Edition, Fitx, Mentor, Pairing } from '../src/payload-types'
import { checkFitxaChange, slugify } from '../src/rules/fitxes'
import { refuse } from '../src/rules/result'
import { pairingAndParty } from './shared'

/** R10: the mentee writes the fitxa of their pairing; the secretariat publishes it once completed. */
export const enforceFitxaRules: CollectionBeforeChangeHook<Fitx> = async ({ data, originalDoc, operation, req }) => {
  if (operation === 'update' && data.pairing !== undefined && !sameId(data.pairing, originalDoc?.pairing)) {
    enforce(refuse('R10', 'Una fitxa no es pot passar a una altra parella.', { field: 'pairing' }))
  }
  const { pairing, party } = await pairingAndParty(req, idOf(data.pairing ?? originalDoc?.pairing))
  const publishing = data._status === 'published' && originalDoc?._status !== 'published'
  enforce(checkFitxaChange({ party, pairingStatus: pairing.status, publishing }))

  const [mentor, candidate] = await Promise.all([
    loadDoc<Mentor>(req, 'mentors', idOf(pairing.mentor)),
    loadDoc<Candidate>(req, 'candidates', idOf(pairing.candidate)),
  ])
  const edition = await loadDoc<Edition>(req, 'editions', idOf(pairing.edition))
  data.municipality = (idOf(candidate?.municipality) as number | undefined) ?? null
  data.mentorMunicipality = (idOf(mentor?.municipality) as number | undefined) ?? null
  data.year = edition?.year ?? null
  const title = String(data.title ?? originalDoc?.title ?? '')
  if (title && (!originalDoc?.slug || originalDoc?._status !== 'published')) {
    data.slug = `${slugify(title)}-${String(pairing.id)}`
  }
  return data
}

/** Keeps the pairing's `fitxaPublished` (R10 reminders) in step with the fitxa. */
export const afterFitxaChange: CollectionAfterChangeHook<Fitx> = async ({ doc, req }) => {
  const published = doc._status === 'published'
  const pairingId = idOf(doc.pairing)
  const pairing = await loadDoc<Pairing>(req, 'pairings', pairingId)
  if (pairing && pairingId !== undefined && Boolean(pairing.fitxaPublished) !== published) {
    await req.payload.update({ collection: 'pairings', id: pairingId, data: { fitxaPublished: published }, req, overrideAccess: true, depth: 0 })
  }
  return doc
}
