import { PublishButton } from '@payloadcms/ui'
import type { PublishButtonServerProps } from 'payload'

import { isSecretariatUser } from '../../../access/roles'

/**
 * Only the secretariat publishes a fitxa (R10); the mentee saves drafts and submits them for review,
 * so the admin does not offer them a button the server would refuse.
 */
export function FitxaPublishButton({ user }: PublishButtonServerProps) {
  return isSecretariatUser(user) ? <PublishButton /> : null
}
