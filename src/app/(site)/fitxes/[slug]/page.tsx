import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { fitxaFilters, publishedFitxa } from '../../../../services/public-fitxes'
import { fitxesMessages } from '../../../../site/fitxes/i18n'
import { fitxaUrl } from '../../../../site/fitxes/open-data'
import { queryString } from '../../../../site/fitxes/query'
import { RichText } from '../../../../site/fitxes/rich-text'
import { formatDate } from '../../../../site/i18n'
import { FitxesFrame } from '../FitxesFrame'
import { fitxesPageOptions, labelOptions, type SearchParams, sitePayload } from '../page-options'

export const dynamic = 'force-dynamic'

type Params = Promise<{ slug: string }>

const SLUG = /^[a-z0-9-]{1,120}$/

async function load(params: Params) {
  const { slug } = await params
  if (!SLUG.test(slug)) return undefined
  return publishedFitxa(await sitePayload(), slug)
}

export async function generateMetadata({ params, searchParams }: { params: Params; searchParams: SearchParams }): Promise<Metadata> {
  const fitxa = await load(params)
  const { lang, baseUrl } = fitxesPageOptions(await searchParams)
  const t = fitxesMessages(lang)
  if (!fitxa) return { title: t.notFoundTitle, robots: { index: false } }
  const url = fitxaUrl(baseUrl, fitxa.slug)
  return {
    title: `${fitxa.title} · ${t.title} · XMESS`,
    description: fitxa.summary,
    alternates: { canonical: url },
    openGraph: {
      type: 'article',
      title: fitxa.title,
      description: fitxa.summary,
      url,
      siteName: 'Mentoria XMESS',
      locale: 'ca_ES',
      publishedTime: fitxa.publishedAt,
      modifiedTime: fitxa.updatedAt,
      tags: fitxa.topics,
    },
    twitter: { card: 'summary', title: fitxa.title, description: fitxa.summary },
  }
}

/** Plain text from the mentee, paragraphs kept; React escapes every character. */
function Paragraphs({ text }: { text?: string }) {
  if (!text) return null
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((paragraph) => paragraph.trim())
        .filter(Boolean)
        .map((paragraph, index) => (
          <p key={index}>
            {paragraph.split('\n').map((line, lineIndex, lines) => (
              <span key={lineIndex}>
                {line}
                {lineIndex < lines.length - 1 ? <br /> : null}
              </span>
            ))}
          </p>
        ))}
    </>
  )
}

/** /fitxes/<slug>: one published fitxa. */
export default async function FitxaPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const fitxa = await load(params)
  if (!fitxa) notFound()
  const { lang } = fitxesPageOptions(await searchParams)
  const t = fitxesMessages(lang)
  const payload = await sitePayload()
  const filters = await fitxaFilters(payload, labelOptions(payload))
  const sections = (['objectives', 'audience', 'activities', 'results', 'recommendations', 'resources'] as const).filter((key) => fitxa[key])
  const period = [fitxa.startDate, fitxa.closingDate].filter(Boolean).map((date) => formatDate(date as string, lang))

  return (
    <FitxesFrame lang={lang} languageHref={(target) => `/fitxes/${fitxa.slug}${target === 'ca' ? '' : `?lang=${target}`}`}>
      <p className="breadcrumb">
        <a href={`/fitxes${queryString({ lang })}`}>← {t.backToList}</a>
      </p>
      <article className="fitxa" lang="ca">
        <h1>{fitxa.title}</h1>
        <p className="lead">{fitxa.summary}</p>
        <dl className="fitxa-meta fitxa-meta--detail" lang={lang}>
          {fitxa.council ? (
            <div>
              <dt>{t.accompanied}</dt>
              <dd>
                <a href={`/fitxes${queryString({ ens: fitxa.council.id, lang })}`}>{fitxa.council.name}</a>
              </dd>
            </div>
          ) : null}
          {fitxa.mentorCouncil ? (
            <div>
              <dt>{t.mentorCouncil}</dt>
              <dd>
                <a href={`/fitxes${queryString({ ens: fitxa.mentorCouncil.id, lang })}`}>{fitxa.mentorCouncil.name}</a>
              </dd>
            </div>
          ) : null}
          {fitxa.year ? (
            <div>
              <dt>{t.edition}</dt>
              <dd>{fitxa.year}</dd>
            </div>
          ) : null}
          {period.length ? (
            <div>
              <dt>{t.period}</dt>
              <dd>{period.join(' – ')}</dd>
            </div>
          ) : null}
          {fitxa.area ? (
            <div>
              <dt>{t.area}</dt>
              <dd lang="ca">{fitxa.area}</dd>
            </div>
          ) : null}
          {fitxa.classification.length ? (
            <div>
              <dt>{t.classification}</dt>
              <dd>{fitxa.classification.map((value) => filters.classificationLabels.get(value) ?? value).join(', ')}</dd>
            </div>
          ) : null}
          {fitxa.topics.length ? (
            <div>
              <dt>{t.topics}</dt>
              <dd>
                <ul className="tags">
                  {fitxa.topics.map((topic) => (
                    <li key={topic}>
                      <a href={`/fitxes${queryString({ ambit: topic, lang })}`}>{filters.topicLabels.get(topic) ?? topic}</a>
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          ) : null}
        </dl>
        {sections.map((key) => (
          <section key={key} aria-labelledby={`section-${key}`}>
            <h2 id={`section-${key}`} lang={lang}>
              {t.sections[key]}
            </h2>
            <Paragraphs text={fitxa[key]} />
          </section>
        ))}
        {fitxa.body ? (
          <section aria-labelledby="section-body" className="rich-text">
            <h2 id="section-body" lang={lang}>
              {t.sections.body}
            </h2>
            <RichText value={fitxa.body} />
          </section>
        ) : null}
      </article>
    </FitxesFrame>
  )
}
