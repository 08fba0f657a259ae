import config from '@payload-config'
import type { Metadata } from 'next'
import { getPayload } from 'payload'

import { mentoriaOptionsOf } from '../../../plugin'
import { readLegalSettings } from '../../../services/legal-settings'
import { PRIVACY_PATH, PrivacyNotice, privacyTitle } from '../../../site/legal'
import { pageOptions, type SearchParams } from '../sollicitud/data'
import { PageFrame } from '../sollicitud/PageFrame'

export const dynamic = 'force-dynamic'

export async function generateMetadata({
  searchParams,
}: {
  searchParams: SearchParams
}): Promise<Metadata> {
  const { lang } = await pageOptions(searchParams)
  return { title: `${privacyTitle(lang)} · Mentoria XMESS` }
}

/** /privacitat: the full privacy notice (Catalan; ?lang=es|en), from «Avís legal i accessibilitat». */
export default async function PrivacyPage({ searchParams }: { searchParams: SearchParams }) {
  const options = await pageOptions(searchParams)
  const payload = await getPayload({ config })
  const settings = await readLegalSettings(payload)
  const { retentionMonths } = mentoriaOptionsOf(payload.config)
  return (
    <PageFrame options={options} path={PRIVACY_PATH} skipLabel={skipLabel[options.lang]}>
      <PrivacyNotice settings={settings} lang={options.lang} retentionMonths={retentionMonths} />
    </PageFrame>
  )
}

const skipLabel = { ca: 'Vés al contingut', es: 'Ir al contenido', en: 'Skip to content' }
