import config from '@payload-config'
import type { Metadata } from 'next'
import { getPayload } from 'payload'

import { readLegalSettings } from '../../../services/legal-settings'
import { ACCESSIBILITY_PATH, AccessibilityStatement, accessibilityTitle } from '../../../site/legal'
import { pageOptions, type SearchParams } from '../sollicitud/data'
import { PageFrame } from '../sollicitud/PageFrame'

export const dynamic = 'force-dynamic'

export async function generateMetadata({
  searchParams,
}: {
  searchParams: SearchParams
}): Promise<Metadata> {
  const { lang } = await pageOptions(searchParams)
  return { title: `${accessibilityTitle(lang)} · Mentoria XMESS` }
}

/** /accessibilitat: the accessibility statement (RD 1112/2018 model; Catalan, ?lang=es|en). */
export default async function AccessibilityPage({ searchParams }: { searchParams: SearchParams }) {
  const options = await pageOptions(searchParams)
  const settings = await readLegalSettings(await getPayload({ config }))
  return (
    <PageFrame options={options} path={ACCESSIBILITY_PATH} skipLabel={skipLabel[options.lang]}>
      <AccessibilityStatement settings={settings} lang={options.lang} />
    </PageFrame>
  )
}

const skipLabel = { ca: 'Vés al contingut', es: 'Ir al contenido', en: 'Skip to content' }
