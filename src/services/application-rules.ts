import type { PayloadRequest } from 'payload'

import { loadDoc } from '../lib/documents'
import { enforce } from '../lib/errors'
import { idOf } from '../lib/ids'
import { deepMerge } from '../lib/merge'
import { onKeyTaken } from '../lib/unique-keys'
import { newNonce } from '../notifications/links'
import type { Edition } from '../payload-types'
import {
  checkConsents,
  checkMemberCouncil,
  checkOneOpenApplication,
  checkSecretariatRegistration,
  OPEN_APPLICATION_STATUSES,
} from '../rules/applications'
import { freeKey, isFreeKey, openApplicationKey } from '../rules/unique-keys'
import { councilOf, isSecretariatRequest } from './pairing-facts'

type Application = Record<string, unknown> & {
  id?: string | number
  email?: unknown
  edition?: unknown
  municipality?: unknown
  openKey?: string | null
  consents?: { dataProcessing?: boolean; commitment?: boolean }
  status?: string
  lateRegistration?: boolean
}

const isOpen = (status: unknown) =>
  OPEN_APPLICATION_STATUSES.includes((status ?? 'submitted') as never)

/** R1 (one open application per email and edition), R2 (the window), R3 (consents, member council). */
export async function applyApplicationRules(
  req: PayloadRequest,
  data: Application,
  originalDoc: Application | undefined,
  operation: 'create' | 'update',
): Promise<Application> {
  const next = deepMerge(originalDoc ?? {}, data) as Application
  enforce(checkConsents(next.consents))

  const statusChanged =
    operation === 'create' || (data.status !== undefined && data.status !== originalDoc?.status)
  if (statusChanged && (next.status === 'eligible' || next.status === 'matched'))
    enforce(checkMemberCouncil(await councilOf(req, next.municipality)))

  const emailOrEditionChanged =
    operation === 'create' ||
    (data.email !== undefined && data.email !== originalDoc?.email) ||
    (data.edition !== undefined &&
      String(idOf(data.edition)) !== String(idOf(originalDoc?.edition)))
  const reopening = statusChanged && OPEN_APPLICATION_STATUSES.includes(next.status as never)
  if ((emailOrEditionChanged || reopening) && isOpen(next.status)) {
    const { totalDocs } = await req.payload.count({
      collection: 'candidates',
      req,
      overrideAccess: true,
      where: {
        and: [
          { email: { equals: next.email } },
          { edition: { equals: idOf(next.edition) } },
          { status: { in: [...OPEN_APPLICATION_STATUSES] } },
          ...(originalDoc?.id !== undefined ? [{ id: { not_equals: originalDoc.id } }] : []),
        ],
      },
    })
    enforce(checkOneOpenApplication(totalDocs))
  }

  // R1 once more, by the database: two identical applications at the same moment both count none
  // above (no transaction on a standalone MongoDB), but only one may write the open key.
  if (isOpen(next.status) && typeof next.email === 'string' && idOf(next.edition) !== undefined) {
    const key = openApplicationKey(idOf(next.edition) as string | number, next.email)
    if (key !== originalDoc?.openKey)
      onKeyTaken(req, 'candidates', 'openKey', key, () => enforce(checkOneOpenApplication(1)))
    data.openKey = key
  } else {
    data.openKey = isFreeKey(originalDoc?.openKey) ? originalDoc?.openKey : freeKey(newNonce())
  }

  if (operation === 'create' && req.user && isSecretariatRequest(req)) {
    const edition = await loadDoc<Edition>(req, 'editions', idOf(next.edition))
    enforce(checkSecretariatRegistration(edition, Boolean(next.lateRegistration), new Date()))
  }
  return data
}
