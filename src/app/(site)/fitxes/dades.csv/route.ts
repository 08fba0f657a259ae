import { publishedFitxes } from '../../../../services/public-fitxes'
import { OPEN_DATA_LICENCE, openDataCsv } from '../../../../site/fitxes/open-data'
import { fitxesPageOptions, sitePayload } from '../page-options'

export const dynamic = 'force-dynamic'

/** /fitxes/dades.csv: every published fitxa, one row each (columns documented on /fitxes and in docs). */
export async function GET() {
  const { baseUrl } = fitxesPageOptions({})
  const body = openDataCsv(await publishedFitxes(await sitePayload()), { baseUrl })
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8; header=present',
      'Content-Disposition': 'inline; filename="fitxes-mentoria-xmess.csv"',
      'Cache-Control': 'public, max-age=60',
      Link: `<${OPEN_DATA_LICENCE.url}>; rel="license"`,
      'Access-Control-Allow-Origin': '*',
    },
  })
}
