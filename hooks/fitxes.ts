import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { PAIRING_STATUS_LABELS } from '../src/rules/pairings'
import { refuse } from '../src/rules/result'
import { pairingAndParty } from './meetings'
import type { CandidateDoc, MentorDoc } from './pairings'
import { enforce, idOf, loadDoc, sameId } from './shared'

const slugify = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/·/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'fitxa'

/** R10: the mentee writes the fitxa of their pairing; the secretariat publishes it once completed. */
export const enforceFitxaRules: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  if (operation === 'update' && data.pairing !== undefined && !sameId(data.pairing, originalDoc?.pairing)) {
    enforce(refuse('R10', 'Una fitxa no es pot passar a una altra parella.', { field: 'pairing' }))
  }
  const { pairing, party } = await pairingAndParty(req, idOf(data.pairing ?? originalDoc?.pairing))
  if (party === 'mentor') {
    enforce(refuse('R10', 'La fitxa la redacta la persona mentorada (la persona mentora la pot llegir).', { status: 403 }))
  }
  if (!['active', 'completed'].includes(String(pairing.status))) {
    enforce(
      refuse('R10', `La parella està ${PAIRING_STATUS_LABELS[pairing.status ?? 'proposed']}: la fitxa s'escriu durant l'acompanyament o en acabar-lo.`, {
        field: 'pairing',
        status: 409,
      }),
    )
  }
  const publishing = data._status === 'published' && originalDoc?._status !== 'published'
  if (publishing && party !== 'secretariat') {
    enforce(refuse('R10', 'Només la secretaria tècnica pot publicar una fitxa; deseu-la com a esborrany.', { field: '_status', status: 403 }))
  }
  if (publishing && pairing.status !== 'completed') {
    enforce(refuse('R10', "Una fitxa es publica quan l'acompanyament s'ha completat.", { field: '_status', status: 409 }))
  }

  const [mentor, candidate] = await Promise.all([
    loadDoc<MentorDoc>(req, 'mentors', idOf(pairing.mentor)),
    loadDoc<CandidateDoc>(req, 'candidates', idOf(pairing.candidate)),
  ])
  const edition = await loadDoc<{ year?: number }>(req, 'editions', idOf(pairing.edition))
  data.municipality = idOf(candidate?.municipality) ?? null
  data.mentorMunicipality = idOf(mentor?.municipality) ?? null
  data.year = edition?.year ?? null
  const title = String(data.title ?? originalDoc?.title ?? '')
  if (title && (!originalDoc?.slug || originalDoc?._status !== 'published')) {
    data.slug = `${slugify(title)}-${String(pairing.id)}`
  }
  return data
}

export const afterFitxaChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  const published = doc._status === 'published'
  const pairing = await loadDoc<{ fitxaPublished?: boolean }>(req, 'pairings', idOf(doc.pairing))
  if (pairing && Boolean(pairing.fitxaPublished) !== published) {
    await req.payload.update({
      collection: 'pairings',
      id: idOf(doc.pairing) as string | number,
      data: { fitxaPublished: published },
      req,
      overrideAccess: true,
      depth: 0,
    })
  }
  return doc
}
