import type { Endpoint } from 'payload'

import { isSecretariatUser } from '../../access/roles'
import { RequestRefused } from '../lib/errors'
import type { MentoriaOptions } from '../lib/options'
import { EXPORTABLE, exportCsv, isExportable } from '../services/exports'

export const ONLY_SECRETARIAT = 'Només la secretaria tècnica pot exportar i importar dades.'

/**
 * GET /api/mentoria/export/<collection>.csv[?edition=<id>] — one collection as a CSV file for a
 * spreadsheet, secretariat only. Not Payload's import-export plugin: it adds collections any signed-in
 * person can read and runs on a jobs queue this app does not run (docs/personal-data.md).
 */
export const exportEndpoint = (options: MentoriaOptions): Endpoint => ({
  path: '/mentoria/export/:file',
  method: 'get',
  handler: async (req) => {
    if (!isSecretariatUser(req.user)) throw new RequestRefused(ONLY_SECRETARIAT, 403)
    const file = String(req.routeParams?.file ?? '')
    const slug = file.replace(/\.csv$/, '')
    if (!isExportable(slug))
      throw new RequestRefused(
        `No es pot exportar «${file}». Es pot exportar: ${EXPORTABLE.map((s) => `${s}.csv`).join(', ')}.`,
        404,
      )
    const edition =
      typeof req.query?.edition === 'string' && req.query.edition !== ''
        ? req.query.edition
        : undefined
    if (edition !== undefined && !/^[0-9a-f]{1,24}$/i.test(edition))
      throw new RequestRefused(
        'El paràmetre «edition» ha de ser l’identificador d’una convocatòria.',
      )
    const { csv, rows } = await exportCsv(req, slug, options, { edition })
    const date = new Date().toISOString().slice(0, 10)
    return new Response(csv, {
      status: 200,
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${slug}${edition ? `-convocatoria-${edition}` : ''}-${date}.csv"`,
        'Cache-Control': 'no-store',
        'X-Rows': String(rows),
      },
    })
  },
})
