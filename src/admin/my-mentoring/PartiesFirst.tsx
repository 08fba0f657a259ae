import { redirect } from 'next/navigation'
import type { ServerProps } from 'payload'

import { isSecretariatUser } from '../../../access/roles'
import { myMentoringUrl } from '../../notifications/pages'

/**
 * Before the dashboard: a mentor or mentee lands on «Les meves mentories» (also right after choosing
 * their password, which takes them to /admin). The secretariat keeps the dashboard.
 */
export function PartiesFirst({ user }: ServerProps) {
  if (user && !isSecretariatUser(user as never)) redirect(myMentoringUrl(''))
  return null
}
