import Link from 'next/link'
import type { ServerProps } from 'payload'

import { isSecretariatUser } from '../../../access/roles'

/** The console and the annual report in the admin's side navigation, for the secretariat. */
export function ConsoleNavLink({ user }: ServerProps) {
  if (!isSecretariatUser(user as never)) return null
  return (
    <>
      <Link
        href="/admin"
        className="nav__link mentoria-nav-link"
        style={{ display: 'block', padding: '0.25rem 0' }}
      >
        Consola
      </Link>
      <Link
        href="/admin/informe-anual"
        className="nav__link mentoria-nav-link"
        style={{ display: 'block', padding: '0.25rem 0' }}
      >
        Informe anual
      </Link>
    </>
  )
}
