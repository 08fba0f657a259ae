import type { CollectionBeforeChangeHook, CollectionBeforeValidateHook } from 'payload'

import { loadDoc } from '../src/lib/documents'
import { enforce } from '../src/lib/errors'
import { idOf } from '../src/lib/ids'
import type { Edition, Municipality } from '../src/payload-types'
import {
  checkApplicationWindow,
  checkConsents,
  checkMemberCouncil,
  checkOneOpenApplication,
  normaliseEmail,
  OPEN_APPLICATION_STATUSES,
} from '../src/rules/applications'
import { refuse } from '../src/rules/result'
import { freeKey, isFreeKey, openApplicationKey } from '../src/rules/unique-keys'
import { onKeyTaken } from '../src/lib/unique-keys'
import { newNonce } from '../src/notifications/links'
import { deepMerge, isSecretariatRequest } from './shared'

export const normaliseCandidateEmail: CollectionBeforeValidateHook = ({ data }) => {
  if (data && typeof data.email === 'string') data.email = normaliseEmail(data.email)
  return data
}

/** R1 (one open application per email and edition), R2 (the window), R3 (consents, member council). */
export const enforceCandidateRules: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const next = deepMerge(originalDoc ?? {}, data) as Record<string, unknown> & {
    consents?: { dataProcessing?: boolean; commitment?: boolean }
    status?: string
    lateRegistration?: boolean
  }

  enforce(checkConsents(next.consents))

  const statusChanged = operation === 'create' || (data.status !== undefined && data.status !== originalDoc?.status)
  if (statusChanged && (next.status === 'eligible' || next.status === 'matched')) {
    enforce(checkMemberCouncil(await loadDoc<Municipality>(req, 'municipalities', idOf(next.municipality))))
  }

  const emailOrEditionChanged =
    operation === 'create' || (data.email !== undefined && data.email !== originalDoc?.email) || (data.edition !== undefined && String(idOf(data.edition)) !== String(idOf(originalDoc?.edition)))
  const reopening = statusChanged && OPEN_APPLICATION_STATUSES.includes(next.status as never)
  if ((emailOrEditionChanged || reopening) && OPEN_APPLICATION_STATUSES.includes((next.status ?? 'submitted') as never)) {
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
  const open = OPEN_APPLICATION_STATUSES.includes((next.status ?? 'submitted') as never) && typeof next.email === 'string' && idOf(next.edition) !== undefined
  if (open) {
    const key = openApplicationKey(idOf(next.edition) as string | number, next.email as string)
    if (key !== originalDoc?.openKey) onKeyTaken(req, 'candidates', 'openKey', key, () => enforce(checkOneOpenApplication(1)))
    data.openKey = key
  } else {
    data.openKey = isFreeKey(originalDoc?.openKey) ? originalDoc?.openKey : freeKey(newNonce())
  }

  if (operation === 'create' && req.user && isSecretariatRequest(req)) {
    const edition = await loadDoc<Edition>(req, 'editions', idOf(next.edition))
    if (!edition) enforce(refuse('R2', 'Cal indicar una convocatòria que existeixi.', { field: 'edition' }))
    const window = checkApplicationWindow(edition, new Date())
    if (!window.ok && !next.lateRegistration) {
      enforce(refuse('R2', `${window.message} Per registrar-la igualment, marqueu «Sol·licitud fora de termini».`, { field: 'lateRegistration', status: 409 }))
    }
  }
  return data
}
