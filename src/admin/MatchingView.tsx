import type { AdminViewServerProps } from 'payload'

import { AdminPage } from './AdminPage'

import { isSecretariatUser } from '../../access/roles'
import { MatchingPanel } from './MatchingPanel'

/** /admin/aparellament: the secretariat runs the matching, reviews it, locks or excludes pairs and confirms. */
export async function MatchingView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  const allowed = isSecretariatUser(req.user)
  const editions = allowed
    ? (
        await req.payload.find({
          collection: 'editions',
          sort: '-year',
          depth: 0,
          limit: 20,
          req,
          overrideAccess: false,
          user: req.user,
        })
      ).docs
    : []
  // The edition whose applications have opened most recently comes first: the one being matched.
  const now = new Date()
  const current = editions.find((edition) => new Date(edition.applicationsOpenAt) <= now)
  const ordered = current
    ? [current, ...editions.filter((edition) => edition !== current)]
    : editions
  return (
    <AdminPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
      <h1>Aparellament</h1>
      {allowed ? (
        <MatchingPanel
          editions={ordered.map((edition) => ({ id: edition.id, name: edition.name }))}
        />
      ) : (
        <p>Només la secretaria tècnica pot fer l&apos;aparellament.</p>
      )}
    </AdminPage>
  )
}
