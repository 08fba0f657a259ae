import type { PublicFitxa } from './public-fitxa'
import { richTextToPlain } from './rich-text'
import { foldForSearch } from './text'

/** /fitxes?ambit=<topic>&ens=<council id>&any=<year>&q=<text>&pagina=<n> (DOMAIN.md, public interfaces). */
export type FitxaQuery = { ambit?: string; ens?: string; any?: number; q?: string; pagina: number }

export const PAGE_SIZE = 12

type Params = Record<string, string | string[] | undefined>

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

/** A stranger's query string, made harmless: unknown or malformed values are simply ignored. */
export function parseFitxaQuery(params: Params): FitxaQuery {
  const ambit = first(params.ambit)?.trim()
  const ens = first(params.ens)?.trim()
  const year = Number(first(params.any))
  const q = first(params.q)?.replace(/\s+/g, ' ').trim().slice(0, 100)
  const page = Number(first(params.pagina))
  return {
    ambit: ambit && /^[a-z0-9-]{1,60}$/.test(ambit) ? ambit : undefined,
    ens: ens && /^[A-Za-z0-9-]{1,40}$/.test(ens) ? ens : undefined,
    any: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined,
    q: q || undefined,
    pagina: Number.isInteger(page) && page >= 1 && page <= 10000 ? page : 1,
  }
}

/** The query string of a list page (only what is set), e.g. `?ambit=finances-etiques&pagina=2`. */
export function queryString(query: Partial<FitxaQuery> & { lang?: string }): string {
  const params = new URLSearchParams()
  if (query.ambit) params.set('ambit', query.ambit)
  if (query.ens) params.set('ens', query.ens)
  if (query.any) params.set('any', String(query.any))
  if (query.q) params.set('q', query.q)
  if (query.pagina && query.pagina > 1) params.set('pagina', String(query.pagina))
  if (query.lang && query.lang !== 'ca') params.set('lang', query.lang)
  const text = params.toString()
  return text ? `?${text}` : ''
}

const searchTextCache = new WeakMap<PublicFitxa, string>()

/** Everything a person could search a fitxa by, folded once per fitxa. */
export function searchText(fitxa: PublicFitxa): string {
  let text = searchTextCache.get(fitxa)
  if (text === undefined) {
    text = foldForSearch(
      [
        fitxa.title,
        fitxa.summary,
        fitxa.area,
        fitxa.objectives,
        fitxa.audience,
        fitxa.activities,
        fitxa.results,
        fitxa.recommendations,
        fitxa.resources,
        fitxa.keyElements,
        fitxa.limitations,
        fitxa.indicators,
        fitxa.considerations,
        fitxa.council?.name,
        fitxa.mentorCouncil?.name,
        richTextToPlain(fitxa.body),
      ]
        .filter(Boolean)
        .join(' \n '),
    )
    searchTextCache.set(fitxa, text)
  }
  return text
}

/** The fitxa's àmbits as people read them ("energia" finds «Energia comunitària»), and their values. */
const topicText = (fitxa: PublicFitxa, topicLabels?: ReadonlyMap<string, string>) =>
  foldForSearch(
    fitxa.topics
      .map((topic) => `${topicLabels?.get(topic) ?? ''} ${topic.replace(/-/g, ' ')}`)
      .join(' \n '),
  )

export function matchesQuery(
  fitxa: PublicFitxa,
  query: FitxaQuery,
  topicLabels?: ReadonlyMap<string, string>,
): boolean {
  if (query.ambit && !fitxa.topics.includes(query.ambit)) return false
  if (query.ens && fitxa.council?.id !== query.ens && fitxa.mentorCouncil?.id !== query.ens)
    return false
  if (query.any && fitxa.year !== query.any) return false
  if (query.q) {
    const haystack = `${searchText(fitxa)} \n ${topicText(fitxa, topicLabels)}`
    const words = foldForSearch(query.q).split(' ').filter(Boolean)
    if (!words.every((word) => haystack.includes(word))) return false
  }
  return true
}

export type FitxaPage = { items: PublicFitxa[]; total: number; page: number; pages: number }

/** The fitxes that match, in the order given (newest first), one page of them. */
export function findFitxes(
  all: readonly PublicFitxa[],
  query: FitxaQuery,
  pageSize = PAGE_SIZE,
  topicLabels?: ReadonlyMap<string, string>,
): FitxaPage {
  const matching = all.filter((fitxa) => matchesQuery(fitxa, query, topicLabels))
  const pages = Math.max(1, Math.ceil(matching.length / pageSize))
  const page = Math.min(query.pagina, pages)
  return {
    items: matching.slice((page - 1) * pageSize, page * pageSize),
    total: matching.length,
    page,
    pages,
  }
}
