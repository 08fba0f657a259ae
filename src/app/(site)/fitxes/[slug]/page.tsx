import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { fitxaFilters, publishedFitxa } from '../../../../services/public-fitxes'
import { fitxesMessages } from '../../../../site/fitxes/i18n'
import { fitxaUrl } from '../../../../site/fitxes/open-data'
import { queryString } from '../../../../site/fitxes/query'
import { FitxaArticle } from '../../../../site/fitxes/article'
import { absoluteUrl, leadOf } from '../../../../site/fitxes/sheet'
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

export async function generateMetadata({
  params,
  searchParams,
}: {
  params: Params
  searchParams: SearchParams
}): Promise<Metadata> {
  const fitxa = await load(params)
  const { lang, baseUrl } = fitxesPageOptions(await searchParams)
  const t = fitxesMessages(lang)
  if (!fitxa) return { title: t.notFoundTitle, robots: { index: false } }
  const url = fitxaUrl(baseUrl, fitxa.slug)
  // The description is long now (the main text of the sheet): its first paragraph, cut for search engines.
  const description = leadOf(fitxa.summary)
  const images = fitxa.image
    ? [
        {
          url: absoluteUrl(baseUrl, fitxa.image.sizes.page?.url ?? fitxa.image.url),
          alt: fitxa.image.alt,
        },
      ]
    : undefined
  return {
    title: `${fitxa.title} · ${t.title} · XMESS`,
    description,
    alternates: { canonical: url },
    openGraph: {
      type: 'article',
      title: fitxa.title,
      description,
      url,
      siteName: 'Mentoria XMESS',
      locale: 'ca_ES',
      publishedTime: fitxa.publishedAt,
      modifiedTime: fitxa.updatedAt,
      tags: fitxa.topics,
    },
    twitter: {
      card: images ? 'summary_large_image' : 'summary',
      title: fitxa.title,
      description,
      images,
    },
  }
}

/** /fitxes/<slug>: one published fitxa, with the headings of the sheets on xmess.cat in their order. */
export default async function FitxaPage({
  params,
  searchParams,
}: {
  params: Params
  searchParams: SearchParams
}) {
  const fitxa = await load(params)
  if (!fitxa) notFound()
  const { lang } = fitxesPageOptions(await searchParams)
  const t = fitxesMessages(lang)
  const payload = await sitePayload()
  const filters = await fitxaFilters(payload, await labelOptions(payload))

  return (
    <FitxesFrame
      lang={lang}
      languageHref={(target) => `/fitxes/${fitxa.slug}${target === 'ca' ? '' : `?lang=${target}`}`}
    >
      <p className="breadcrumb">
        <a href={`/fitxes${queryString({ lang })}`}>← {t.backToList}</a>
      </p>
      <FitxaArticle fitxa={fitxa} lang={lang} labels={filters} />
    </FitxesFrame>
  )
}
