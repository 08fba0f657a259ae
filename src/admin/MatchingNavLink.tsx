import Link from 'next/link'
import type { ServerProps } from 'payload'

import { isSecretariatUser } from '../../access/roles'

/** A link to the matching view in the admin's side navigation, for the secretariat. */
export function MatchingNavLink({ user }: ServerProps) {
  if (!isSecretariatUser(user as never)) return null
  return (
    <Link
      href="/admin/aparellament"
      className="nav__link mentoria-nav-link"
      style={{ display: 'block', padding: '0.25rem 0' }}
    >
      Aparellament
    </Link>
  )
}
