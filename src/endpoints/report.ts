import type { Endpoint } from 'payload'

import { isSecretariatUser } from '../../access/roles'
import { RequestRefused } from '../lib/errors'
import type { MentoriaOptions } from '../lib/options'
import { parsePeriod, periodReportCsv } from '../rules/period-report'
import { periodReport } from '../services/period-report'
import { withVocabularies } from '../services/vocabularies'

/**
 * GET /api/mentoria/report?from=AAAA-MM-DD&to=AAAA-MM-DD[&format=csv] — the report of any period
 * (docs/console.md «Informe d'un període»), as JSON or as a CSV file for a spreadsheet; secretariat only.
 */
export const periodReportEndpoint = (options: MentoriaOptions): Endpoint => ({
  path: '/mentoria/report',
  method: 'get',
  handler: async (req) => {
    if (!req.user)
      throw new RequestRefused("Cal iniciar la sessió per veure l'informe d'un període.", 401)
    if (!isSecretariatUser(req.user))
      throw new RequestRefused("Només la secretaria tècnica pot veure l'informe d'un període.", 403)
    const asked = parsePeriod(req.query?.from, req.query?.to)
    if (!asked.ok) throw new RequestRefused(asked.message)
    const report = await periodReport(
      req,
      asked.period,
      (await withVocabularies(req.payload, options)).topics,
    )
    if (req.query?.format === 'csv') {
      return new Response(periodReportCsv(report), {
        status: 200,
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="informe-mentoria-${asked.period.from}-${asked.period.to}.csv"`,
          'Cache-Control': 'no-store',
        },
      })
    }
    return Response.json(report, { headers: { 'Cache-Control': 'no-store' } })
  },
})
