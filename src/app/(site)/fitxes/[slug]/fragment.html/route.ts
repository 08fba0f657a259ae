import { publishedFitxa } from '../../../../../services/public-fitxes'
import { catalanSheetWords, fitxaUrl } from '../../../../../site/fitxes/open-data'
import { fitxaSheet, fragmentDocument } from '../../../../../site/fitxes/sheet'
import { fitxesPageOptions, labelOptions, sitePayload } from '../../page-options'

export const dynamic = 'force-dynamic'

const SLUG = /^[a-z0-9-]{1,120}$/

/**
 * /fitxes/<slug>/fragment.html: one published fitxa as plain HTML (headings and paragraphs, no
 * script, no style), in the website's headings order, to paste into the XMESS site's editor.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  const payload = await sitePayload()
  const fitxa = SLUG.test(slug) ? await publishedFitxa(payload, slug) : undefined
  if (!fitxa) {
    return new Response(
      '<!doctype html><html lang="ca"><meta charset="utf-8"><title>No trobada</title><p>No hi ha cap fitxa publicada en aquesta adreça.</p></html>\n',
      {
        status: 404,
        headers: { 'Content-Type': 'text/html; charset=utf-8' },
      },
    )
  }
  const { baseUrl } = fitxesPageOptions({})
  const html = fragmentDocument(
    fitxa,
    fitxaSheet(fitxa, catalanSheetWords(await labelOptions(payload))),
    { baseUrl, canonical: fitxaUrl(baseUrl, fitxa.slug) },
  )
  return new Response(html, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'public, max-age=60',
      // Nothing in it runs or loads styles; say so to the browser too.
      'Content-Security-Policy':
        "default-src 'none'; img-src 'self' https: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      'X-Robots-Tag': 'noindex',
    },
  })
}
