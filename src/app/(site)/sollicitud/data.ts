import config from '@payload-config'
import { getPayload } from 'payload'

import { appEnv } from '../../../host/config/env'
import { mentoriaOptionsOf } from '../../../plugin'
import { withVocabularies } from '../../../services/vocabularies'
import {
  type Choice,
  editionDates,
  findEditionForWindow,
  formChoices,
  listMemberCouncils,
  publicEdition,
  windowRefusal,
} from '../../../services/applications'
import { type EditionDates, type Lang, pickLang } from '../../../site/i18n'

export type SearchParams = Promise<Record<string, string | string[] | undefined>>

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

export type PageOptions = { lang: Lang; embed: boolean; parentOrigin?: string }

/** ?lang=ca|es|en, ?embed=1 and, inside an iframe, ?origin= (kept only if it is one of EMBED_ORIGINS). */
export async function pageOptions(searchParams: SearchParams): Promise<PageOptions> {
  const params = await searchParams
  const lang = pickLang(first(params.lang))
  const embed = first(params.embed) === '1'
  const origin = first(params.origin)
  const parentOrigin =
    embed && origin && appEnv().embedOrigins.includes(origin) ? origin : undefined
  return { lang, embed, parentOrigin }
}

export type FormPageData =
  | { open: false; message: string }
  | {
      open: true
      dates: EditionDates
      councils: Choice[]
      topics: Choice[]
      languages: Choice[]
      powBits: number
      retentionMonths: number
    }

export async function formPageData(lang: Lang, now = new Date()): Promise<FormPageData> {
  const payload = await getPayload({ config })
  const edition = await findEditionForWindow(payload, now)
  const closed = windowRefusal(edition, now, lang)
  if (closed || !edition) return { open: false, message: closed?.message ?? '' }
  // The àmbits as the secretariat keeps them now («Vocabularis»).
  const options = await withVocabularies(payload, mentoriaOptionsOf(payload.config))
  const { topics, languages } = formChoices(options, lang)
  return {
    open: true,
    dates: editionDates(publicEdition(edition), lang),
    councils: await listMemberCouncils(payload),
    topics,
    languages,
    powBits: options.proofOfWorkBits,
    retentionMonths: options.retentionMonths,
  }
}

/** The dates for "what happens next": the open edition, or the one that closed last. */
export async function nextStepDates(
  lang: Lang,
  now = new Date(),
): Promise<EditionDates | undefined> {
  const payload = await getPayload({ config })
  const edition = await findEditionForWindow(payload, now)
  return edition ? editionDates(publicEdition(edition), lang) : undefined
}
