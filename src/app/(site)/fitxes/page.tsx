import type { Metadata } from 'next'

import { cachedForSite } from '../../../services/site-cache'
import { fitxaFilters, publishedFitxes } from '../../../services/public-fitxes'
import { fitxesMessages } from '../../../site/fitxes/i18n'
import { FitxesMap, mapNetwork } from '../../../site/fitxes/map'
import { LICENCE_LINE, OPEN_DATA_COLUMNS } from '../../../site/fitxes/open-data'
import { findFitxes, parseFitxaQuery, queryString } from '../../../site/fitxes/query'
import { FitxaCard } from './FitxaCard'
import { FitxesFrame } from './FitxesFrame'
import { fitxesPageOptions, labelOptions, type SearchParams, sitePayload } from './page-options'

export const dynamic = 'force-dynamic'

export async function generateMetadata({
  searchParams,
}: {
  searchParams: SearchParams
}): Promise<Metadata> {
  const { lang, baseUrl } = fitxesPageOptions(await searchParams)
  const t = fitxesMessages(lang)
  return {
    title: t.htmlTitle,
    description: t.intro,
    alternates: {
      canonical: `${baseUrl}/fitxes`,
      types: {
        'application/atom+xml': `${baseUrl}/fitxes/feed.xml`,
        'application/ld+json': `${baseUrl}/fitxes/dcat.jsonld`,
      },
    },
    openGraph: {
      type: 'website',
      title: t.title,
      description: t.intro,
      url: `${baseUrl}/fitxes`,
      siteName: 'Mentoria XMESS',
      locale: 'ca_ES',
    },
  }
}

/** /fitxes: published fitxes, newest first; the map of the network; search and filters as plain GET. */
export default async function FitxesPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams
  const { lang } = fitxesPageOptions(params)
  const t = fitxesMessages(lang)
  const query = parseFitxaQuery(params)
  const payload = await sitePayload()
  const [all, filters] = await Promise.all([
    publishedFitxes(payload),
    fitxaFilters(payload, await labelOptions(payload)),
  ])
  const network = await cachedForSite(payload, `map:${lang}`, async () => mapNetwork(all, t))
  const page = findFitxes(all, query, undefined, filters.topicLabels)
  const filtered = Boolean(query.ambit || query.ens || query.any || query.q)
  const pageHref = (pagina: number) => `/fitxes${queryString({ ...query, pagina, lang })}#resultats`

  return (
    <FitxesFrame
      lang={lang}
      languageHref={(target) => `/fitxes${queryString({ ...query, lang: target })}`}
    >
      <h1>{t.title}</h1>
      <p className="lead">{t.intro}</p>

      <section aria-labelledby="map-heading" className="fitxes-section">
        <h2 id="map-heading">{t.mapTitle}</h2>
        <FitxesMap network={network} t={t} />
      </section>

      <section aria-labelledby="filters-heading" className="fitxes-section">
        <h2 id="filters-heading">{t.filtersTitle}</h2>
        {/* After a search the page opens at the results (the fragment survives the GET). */}
        <form method="get" action="/fitxes#resultats" className="fitxes-filters" role="search">
          {lang !== 'ca' ? <input type="hidden" name="lang" value={lang} /> : null}
          <div className="field field--search">
            <label htmlFor="q">{t.search}</label>
            <input
              id="q"
              name="q"
              type="search"
              defaultValue={query.q ?? ''}
              maxLength={100}
              aria-describedby="q-hint"
            />
            <p id="q-hint" className="hint">
              {t.searchHint}
            </p>
          </div>
          <div className="field">
            <label htmlFor="ambit">{t.topic}</label>
            <select id="ambit" name="ambit" defaultValue={query.ambit ?? ''}>
              <option value="">{t.all}</option>
              {filters.topics.map((topic) => (
                <option key={topic.value} value={topic.value}>
                  {topic.label} ({topic.count})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="ens">{t.council}</label>
            <select id="ens" name="ens" defaultValue={query.ens ?? ''}>
              <option value="">{t.all}</option>
              {filters.councils.map((council) => (
                <option key={council.value} value={council.value}>
                  {council.label} ({council.count})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="any">{t.year}</label>
            <select id="any" name="any" defaultValue={query.any ? String(query.any) : ''}>
              <option value="">{t.all}</option>
              {filters.years.map((year) => (
                <option key={year.value} value={year.value}>
                  {year.label} ({year.count})
                </option>
              ))}
            </select>
          </div>
          <div className="actions">
            <button type="submit" className="button">
              {t.apply}
            </button>
            {filtered ? <a href={`/fitxes${queryString({ lang })}`}>{t.clear}</a> : null}
          </div>
        </form>
        {filters.topics.length ? (
          <nav aria-label={t.topic} className="topic-links">
            <ul className="tags">
              {filters.topics.map((topic) => (
                <li key={topic.value}>
                  {query.ambit === topic.value ? (
                    <span aria-current="true">{topic.label}</span>
                  ) : (
                    <a
                      href={`/fitxes${queryString({ ...query, ambit: topic.value, pagina: 1, lang })}#resultats`}
                    >
                      {topic.label}
                    </a>
                  )}
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </section>

      <section aria-labelledby="results-heading" className="fitxes-section" id="resultats">
        <h2 id="results-heading">{t.results(page.total)}</h2>
        {page.items.length === 0 ? (
          <p className="notice">{t.noResults}</p>
        ) : (
          <ol className="fitxes-list">
            {page.items.map((fitxa) => (
              <li key={fitxa.id}>
                <FitxaCard fitxa={fitxa} lang={lang} t={t} topicLabels={filters.topicLabels} />
              </li>
            ))}
          </ol>
        )}
        {page.pages > 1 ? (
          <nav aria-label={t.pageNav} className="pagination">
            <p>{t.pageOf(page.page, page.pages)}</p>
            <ul>
              {page.page > 1 ? (
                <li>
                  <a href={pageHref(page.page - 1)} rel="prev">
                    {t.previous}
                  </a>
                </li>
              ) : null}
              {Array.from({ length: page.pages }, (_, index) => index + 1).map((number) => (
                <li key={number}>
                  {number === page.page ? (
                    <span aria-current="page">{number}</span>
                  ) : (
                    <a href={pageHref(number)}>{number}</a>
                  )}
                </li>
              ))}
              {page.page < page.pages ? (
                <li>
                  <a href={pageHref(page.page + 1)} rel="next">
                    {t.next}
                  </a>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
      </section>

      <section aria-labelledby="data-heading" className="fitxes-section">
        <h2 id="data-heading">{t.openData}</h2>
        <p>{t.openDataIntro}</p>
        <ul>
          <li>
            <a href="/fitxes/feed.xml" type="application/atom+xml">
              {t.feed}
            </a>
          </li>
          <li>
            <a href="/fitxes/dades.json" type="application/json">
              {t.json}
            </a>
          </li>
          <li>
            <a href="/fitxes/dades.csv" type="text/csv">
              {t.csv}
            </a>
          </li>
          <li>
            <a href="/fitxes/dcat.jsonld" type="application/ld+json">
              {t.dcat}
            </a>
          </li>
        </ul>
        <p className="hint licence-line">{LICENCE_LINE}</p>
        <details>
          <summary>{t.columns}</summary>
          <dl className="columns">
            {OPEN_DATA_COLUMNS.map((column) => (
              <div key={column.key}>
                <dt>
                  <code>{column.key}</code>
                </dt>
                <dd>{column.description}</dd>
              </div>
            ))}
          </dl>
        </details>
      </section>
    </FitxesFrame>
  )
}
