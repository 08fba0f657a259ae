import { publishedFitxes } from '../../../../services/public-fitxes'
import { atomFeed, catalanSheetWords } from '../../../../site/fitxes/open-data'
import { fitxesPageOptions, labelOptions, sitePayload } from '../page-options'

export const dynamic = 'force-dynamic'

/** /fitxes/feed.xml: the newest published fitxes (Atom 1.0). */
export async function GET() {
  const { baseUrl } = fitxesPageOptions({})
  const payload = await sitePayload()
  const body = atomFeed(await publishedFitxes(payload), {
    baseUrl,
    words: catalanSheetWords(await labelOptions(payload)),
  })
  return new Response(body, {
    headers: {
      'Content-Type': 'application/atom+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=60',
    },
  })
}
