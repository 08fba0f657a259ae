import Link from 'next/link'
import type { ServerProps } from 'payload'

import { isSecretariatUser } from '../../../access/roles'

/** «Dades»: exports, imports and personal data, in the side navigation, for the secretariat. */
export function DataNavLink({ user }: ServerProps) {
  if (!isSecretariatUser(user as never)) return null
  return (
    <Link href="/admin/dades" className="nav__link mentoria-nav-link" style={{ display: 'block', padding: '0.25rem 0' }}>
      Dades: exportar, importar, protecció de dades
    </Link>
  )
}
