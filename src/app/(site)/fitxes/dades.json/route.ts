import { publishedFitxes } from '../../../../services/public-fitxes'
import { OPEN_DATA_LICENCE, openDataJson } from '../../../../site/fitxes/open-data'
import { fitxesPageOptions, sitePayload } from '../page-options'

export const dynamic = 'force-dynamic'

/** /fitxes/dades.json: every published fitxa, with the columns documented and the licence. */
export async function GET() {
  const { baseUrl } = fitxesPageOptions({})
  const body = JSON.stringify(
    openDataJson(await publishedFitxes(await sitePayload()), { baseUrl }),
    null,
    2,
  )
  return new Response(body, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'public, max-age=60',
      Link: `<${OPEN_DATA_LICENCE.url}>; rel="license"`,
      'Access-Control-Allow-Origin': '*',
    },
  })
}
