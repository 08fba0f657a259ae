import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

import { appEnv } from '../../../host/config/env'
import type { FitxaLabelOptions } from '../../../services/public-fitxes'
import { currentVocabularies } from '../../../services/vocabularies'
import { type Lang, pickLang } from '../../../site/i18n'

export type SearchParams = Promise<Record<string, string | string[] | undefined>>

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

export type FitxesPageOptions = {
  lang: Lang
  embed: boolean
  parentOrigin?: string
  baseUrl: string
}

/** ?lang=ca|es|en; in the widget's iframe, ?embed=1 and ?origin= (kept only if it is one of EMBED_ORIGINS). */
export function fitxesPageOptions(
  params: Record<string, string | string[] | undefined>,
): FitxesPageOptions {
  const env = appEnv()
  const lang = pickLang(first(params.lang))
  const embed = first(params.embed) === '1'
  const origin = first(params.origin)
  const parentOrigin = embed && origin && env.embedOrigins.includes(origin) ? origin : undefined
  return { lang, embed, parentOrigin, baseUrl: env.serverURL.replace(/\/$/, '') }
}

export const sitePayload = (): Promise<Payload> => getPayload({ config })

/** The topics and classifications the pages name, as the secretariat keeps them («Vocabularis»). */
export const labelOptions = (payload: Payload): Promise<FitxaLabelOptions> =>
  currentVocabularies(payload)
