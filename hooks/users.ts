import type { CollectionBeforeChangeHook } from 'payload'

/** docs/domain.md: the first user ever registered becomes `secretariat` (never an account made by an invitation). */
export const firstUserBecomesSecretariat: CollectionBeforeChangeHook = async ({ data, operation, req, context }) => {
  if (operation !== 'create' || context?.mentoriaInvitation) return data
  const { totalDocs } = await req.payload.count({ collection: 'users', req })
  if (totalDocs === 0) return { ...data, roles: ['secretariat'] }
  return data
}
