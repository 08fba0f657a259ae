import type { CollectionBeforeChangeHook } from 'payload'

import { RequestRefused } from '../src/lib/errors'
import { sameId } from '../src/lib/ids'

/** docs/domain.md: the first user ever registered becomes `secretariat` (never an account made by an invitation). */
export const firstUserBecomesSecretariat: CollectionBeforeChangeHook = async ({ data, operation, req, context }) => {
  if (operation !== 'create' || context?.mentoriaInvitation) return data
  const { totalDocs } = await req.payload.count({ collection: 'users', req })
  if (totalDocs === 0) return { ...data, roles: ['secretariat'] }
  return data
}

/** R14: nobody sets a password for someone else; a person chooses theirs (invitation or reset link). */
export const nobodySetsAnothersPassword: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => {
  if (operation === 'update' && data?.password && req.user && !sameId(req.user.id, originalDoc?.id)) {
    throw new RequestRefused("Ningú no tria la contrasenya d'una altra persona: envieu-li la invitació de nou i la triarà ella.", 403)
  }
  return data
}
