import { publishedFitxes } from '../../../../services/public-fitxes'
import { catalanSheetWords } from '../../../../site/fitxes/open-data'
import { wordpressExport } from '../../../../site/fitxes/wordpress'
import { fitxesPageOptions, labelOptions, sitePayload } from '../page-options'

export const dynamic = 'force-dynamic'

/** /fitxes/wordpress.xml: the published fitxes for the XMESS WordPress site (WXR 1.2, see wordpress.ts). */
export async function GET() {
  const { baseUrl } = fitxesPageOptions({})
  const payload = await sitePayload()
  const fitxes = await publishedFitxes(payload)
  const body = wordpressExport(fitxes, {
    baseUrl,
    words: catalanSheetWords(await labelOptions(payload)),
    now: new Date(),
  })
  return new Response(body, {
    headers: {
      'Content-Type': 'application/xml; charset=utf-8',
      'Content-Disposition': 'attachment; filename="fitxes-mentoria-xmess.xml"',
      'Cache-Control': 'public, max-age=60',
    },
  })
}
