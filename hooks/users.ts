import type { CollectionBeforeChangeHook } from 'payload'

/** docs/domain.md: the first user ever registered becomes `secretariat`. */
export const firstUserBecomesSecretariat: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: 'users', req })
  if (totalDocs === 0) return { ...data, roles: ['secretariat'] }
  return data
}
