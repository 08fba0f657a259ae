import type { Metadata } from 'next'

import { publishedFitxes } from '../../../../services/public-fitxes'
import { fitxesMessages } from '../../../../site/fitxes/i18n'
import { LegalLinks } from '../../../../site/legal'
import { EmbedResizer } from '../../sollicitud/EmbedResizer'
import { fitxesPageOptions, type SearchParams, sitePayload } from '../page-options'

export const dynamic = 'force-dynamic'

const LATEST = 5

export async function generateMetadata({
  searchParams,
}: {
  searchParams: SearchParams
}): Promise<Metadata> {
  const { lang } = fitxesPageOptions(await searchParams)
  return { title: fitxesMessages(lang).widgetTitle, robots: { index: false } }
}

/**
 * /fitxes/widget: the latest fitxes, for the XMESS website (embed.js with data-mentoria-fitxes, or a
 * plain iframe). Framed only by EMBED_ORIGINS; links open the fitxa in the whole window.
 */
export default async function FitxesWidget({ searchParams }: { searchParams: SearchParams }) {
  const { lang, parentOrigin, baseUrl } = fitxesPageOptions(await searchParams)
  const t = fitxesMessages(lang)
  const latest = (await publishedFitxes(await sitePayload())).slice(0, LATEST)
  const suffix = lang === 'ca' ? '' : `?lang=${lang}`
  return (
    <div className="site site--embed fitxes-widget" lang={lang}>
      <main>
        <h1>{t.widgetTitle}</h1>
        {latest.length === 0 ? (
          <p>{t.noResults}</p>
        ) : (
          <ul>
            {latest.map((fitxa) => (
              <li key={fitxa.id}>
                <a
                  href={`${baseUrl}/fitxes/${encodeURIComponent(fitxa.slug)}${suffix}`}
                  target="_top"
                >
                  {fitxa.title}
                </a>
                <p>{[fitxa.council?.name, fitxa.year].filter(Boolean).join(' · ')}</p>
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href={`${baseUrl}/fitxes${suffix}`} target="_top">
            {t.widgetAll}
          </a>
        </p>
      </main>
      <footer className="embed-footer">
        <LegalLinks lang={lang} framed />
      </footer>
      <EmbedResizer parentOrigin={parentOrigin} />
    </div>
  )
}
