import { publishedFitxes } from '../../../../services/public-fitxes'
import { atomFeed } from '../../../../site/fitxes/open-data'
import { fitxesPageOptions, sitePayload } from '../page-options'

export const dynamic = 'force-dynamic'

/** /fitxes/feed.xml: the newest published fitxes (Atom 1.0). */
export async function GET() {
  const { baseUrl } = fitxesPageOptions({})
  const body = atomFeed(await publishedFitxes(await sitePayload()), { baseUrl })
  return new Response(body, {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': 'public, max-age=60' },
  })
}
