import type { Metadata } from 'next'

import { messagesFor } from '../../../site/i18n'
import { ApplicationForm } from './ApplicationForm'
import { formPageData, pageOptions, type SearchParams } from './data'
import { EmbedResizer } from './EmbedResizer'
import { PageFrame } from './PageFrame'

export const dynamic = 'force-dynamic'

export async function generateMetadata({
  searchParams,
}: {
  searchParams: SearchParams
}): Promise<Metadata> {
  const { lang } = await pageOptions(searchParams)
  return { title: messagesFor(lang).htmlTitle }
}

/** /sollicitud: the public application form (Catalan; ?lang=es|en; ?embed=1 inside an iframe). */
export default async function ApplicationPage({ searchParams }: { searchParams: SearchParams }) {
  const options = await pageOptions(searchParams)
  const { lang, embed, parentOrigin } = options
  const t = messagesFor(lang)
  const data = await formPageData(lang)

  return (
    <PageFrame options={options} path="/sollicitud">
      <h1>{t.title}</h1>
      <p className="lead">{t.intro}</p>
      {data.open ? (
        <>
          <p className="window">
            <strong>{t.windowOpen(data.dates.closesAt ?? '')}</strong> {t.allRequired}
          </p>
          {data.powBits > 0 ? (
            <noscript>
              <p className="notice" role="note">
                {t.noscriptPow}
              </p>
            </noscript>
          ) : null}
          <ApplicationForm
            lang={lang}
            embed={embed}
            parentOrigin={parentOrigin}
            councils={data.councils}
            topics={data.topics}
            languages={data.languages}
            powBits={data.powBits}
            retentionMonths={data.retentionMonths}
          />
        </>
      ) : (
        <section className="notice" aria-labelledby="closed-title">
          <h2 id="closed-title">{t.closedTitle}</h2>
          <p>{data.message}</p>
          <p>{t.contact}</p>
        </section>
      )}
      {embed ? <EmbedResizer parentOrigin={parentOrigin} /> : null}
    </PageFrame>
  )
}
