import type { Metadata } from 'next'

import { messagesFor } from '../../../../site/i18n'
import { nextStepDates, pageOptions, type SearchParams } from '../data'
import { EmbedResizer } from '../EmbedResizer'
import { Confirmation } from '../NextSteps'
import { PageFrame } from '../PageFrame'

export const dynamic = 'force-dynamic'

export async function generateMetadata({
  searchParams,
}: {
  searchParams: SearchParams
}): Promise<Metadata> {
  const { lang } = await pageOptions(searchParams)
  return { title: `${messagesFor(lang).successTitle} · XMESS` }
}

/** Where the form lands after it was sent without JavaScript (303 after the POST). */
export default async function SentPage({ searchParams }: { searchParams: SearchParams }) {
  const options = await pageOptions(searchParams)
  const t = messagesFor(options.lang)
  const dates = (await nextStepDates(options.lang)) ?? {}
  return (
    <PageFrame options={options} path="/sollicitud/enviada">
      <h1>{t.title}</h1>
      <Confirmation t={t} steps={t.nextSteps(dates)} />
      {options.embed ? <EmbedResizer parentOrigin={options.parentOrigin} /> : null}
    </PageFrame>
  )
}
