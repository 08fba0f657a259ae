import config from '@payload-config'
import type { Metadata } from 'next'
import { getPayload } from 'payload'

import { mentoriaOptionsOf } from '../../../plugin'
import { listMemberCouncils } from '../../../services/applications'
import { offerFormData } from '../../../services/mentor-offer-form'
import { offerMessagesFor } from '../../../site/offer-i18n'
import { EmbedResizer } from '../sollicitud/EmbedResizer'
import { pageOptions, type SearchParams } from '../sollicitud/data'
import { PageFrame } from '../sollicitud/PageFrame'
import { OfferForm } from './OfferForm'

export const dynamic = 'force-dynamic'

export async function generateMetadata({
  searchParams,
}: {
  searchParams: SearchParams
}): Promise<Metadata> {
  const { lang } = await pageOptions(searchParams)
  return { title: offerMessagesFor(lang).htmlTitle }
}

/**
 * /oferta-mentoria: the call for mentors (Catalan; ?lang=es|en; ?embed=1 inside an iframe). With
 * ?token= (the signed renewal link a returning mentor gets by email) it opens with last year's offer.
 */
export default async function OfferPage({ searchParams }: { searchParams: SearchParams }) {
  const options = await pageOptions(searchParams)
  const params = await searchParams
  const token = typeof params.token === 'string' ? params.token : undefined
  const { lang, embed, parentOrigin } = options
  const t = offerMessagesFor(lang)
  const payload = await getPayload({ config })
  const data = await offerFormData(payload, mentoriaOptionsOf(payload.config), lang, token)
  const councils = data.open && !data.renewal ? await listMemberCouncils(payload) : []

  return (
    <PageFrame options={options} path="/oferta-mentoria">
      <h1>{t.title}</h1>
      {data.open ? (
        <>
          <p className="lead">
            {data.renewal ? t.renewalIntro(data.renewal.name, data.editionName) : t.intro}
          </p>
          {data.linkError ? (
            <p className="notice" role="alert">
              {data.linkError}
            </p>
          ) : null}
          <p className="window">
            <strong>{t.windowOpen(data.closesAt)}</strong>
          </p>
          <OfferForm
            lang={lang}
            embed={embed}
            parentOrigin={parentOrigin}
            councils={councils}
            topics={data.topics}
            languages={data.languages}
            renewal={data.renewal}
          />
        </>
      ) : (
        <section className="notice" aria-labelledby="closed-title">
          <h2 id="closed-title">{t.closedTitle}</h2>
          <p>{data.message}</p>
        </section>
      )}
      {embed ? <EmbedResizer parentOrigin={parentOrigin} /> : null}
    </PageFrame>
  )
}
