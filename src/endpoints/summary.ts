import { type Endpoint, NotFound, type PayloadRequest } from 'payload'

import { isSecretariatUser } from '../../access/roles'
import { RequestRefused } from '../lib/errors'
import type { ID } from '../lib/ids'
import type { MentoriaOptions } from '../lib/options'
import { editionSummary } from '../services/edition-summary'
import { pairingsAtRisk } from '../services/at-risk'
import { openWork } from '../services/open-work'

/** The edition, read as the secretariat; a malformed id is a 400 (hooks/input), an unknown one a 404. */
export async function findEditionFor(req: PayloadRequest, id: ID) {
  try {
    return await req.payload.findByID({
      collection: 'editions',
      id,
      depth: 0,
      req,
      user: req.user,
      overrideAccess: false,
    })
  } catch (error) {
    if (error instanceof NotFound)
      throw new RequestRefused(`La convocatòria ${String(id).slice(0, 40)} no existeix.`, 404)
    throw error
  }
}

/** GET /api/editions/:id/summary: the dashboard's figures as JSON (DOMAIN.md «Public interfaces»), secretariat only. */
export const summaryEndpoint = (options: MentoriaOptions): Endpoint => ({
  path: '/:id/summary',
  method: 'get',
  handler: async (req) => {
    if (!req.user)
      throw new RequestRefused("Cal iniciar la sessió per veure el resum d'una convocatòria.", 401)
    if (!isSecretariatUser(req.user))
      throw new RequestRefused(
        "Només la secretaria tècnica pot veure el resum d'una convocatòria.",
        403,
      )
    const edition = await findEditionFor(req, req.routeParams?.id as ID)
    const { summary } = await editionSummary(req, edition as never, options)
    return Response.json(summary, { headers: { 'Cache-Control': 'no-store' } })
  },
})

/**
 * GET /api/editions/open-work: «Què us necessita» of every edition (docs/console.md), secretariat only:
 * each figure's total, the admin list behind it, and the editions it comes from.
 */
export const openWorkEndpoint = (options: MentoriaOptions): Endpoint => ({
  path: '/open-work',
  method: 'get',
  handler: async (req) => {
    if (!req.user)
      throw new RequestRefused(
        'Cal iniciar la sessió per veure la feina pendent de les convocatòries.',
        401,
      )
    if (!isSecretariatUser(req.user))
      throw new RequestRefused(
        'Només la secretaria tècnica pot veure la feina pendent de les convocatòries.',
        403,
      )
    // With the pairings at risk from their check-ins (secretariat only, R13).
    return Response.json(
      { ...(await openWork(req, options)), atRisk: await pairingsAtRisk(req, options) },
      { headers: { 'Cache-Control': 'no-store' } },
    )
  },
})
