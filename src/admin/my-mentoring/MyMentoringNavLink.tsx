import Link from 'next/link'
import type { ServerProps } from 'payload'

import { isSecretariatUser } from '../../../access/roles'
import { myMentoringUrl } from '../../notifications/pages'

/** «Les meves mentories» in the side navigation, for mentors and mentees. */
export function MyMentoringNavLink({ user }: ServerProps) {
  if (!user || isSecretariatUser(user as never)) return null
  return (
    <Link
      className="nav__link mentoria-nav-link"
      href={myMentoringUrl('')}
      style={{ display: 'block', padding: '0.25rem 0' }}
    >
      Les meves mentories
    </Link>
  )
}
