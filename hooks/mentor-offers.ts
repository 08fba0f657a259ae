import type { CollectionBeforeChangeHook } from 'payload'

import { loadDoc } from '../src/lib/documents'
import { enforce } from '../src/lib/errors'
import { idOf } from '../src/lib/ids'
import { onKeyTaken } from '../src/lib/unique-keys'
import { offerKey } from '../src/rules/mentor-offers'
import { refuse } from '../src/rules/result'

/**
 * One offer per mentor and edition (DOMAIN.md `mentor-offers`), held by the database: the unique `key`
 * `<mentor>:<edition>`. Two submissions at the same moment both write it; one goes in, the other is
 * refused with this sentence (src/lib/unique-keys.ts), whatever the door.
 */
export const offerUniqueKey: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const mentor = idOf(data.mentor ?? originalDoc?.mentor)
  const edition = idOf(data.edition ?? originalDoc?.edition)
  if (mentor === undefined || edition === undefined) {
    enforce(
      refuse('R4', "Cal indicar la persona mentora i la convocatòria de l'oferta.", {
        field: mentor === undefined ? 'mentor' : 'edition',
      }),
    )
  }
  const key = offerKey(mentor as string | number, edition as string | number)
  if (key !== originalDoc?.key) {
    onKeyTaken(req, 'mentor-offers', 'key', key, () =>
      enforce(
        refuse(
          'R4',
          'Aquesta persona mentora ja té una oferta per a aquesta convocatòria: editeu-la en lloc de crear-ne una altra.',
          { field: 'mentor', status: 409 },
        ),
      ),
    )
  }
  data.key = key
  const [person, edition2] = await Promise.all([
    loadDoc<{ name?: string | null }>(req, 'mentors', mentor),
    loadDoc<{ name?: string | null; year?: number | null }>(req, 'editions', edition),
  ])
  data.title = `${person?.name ?? 'Persona mentora'} · ${edition2?.name ?? edition2?.year ?? 'convocatòria'}`
  return data
}
