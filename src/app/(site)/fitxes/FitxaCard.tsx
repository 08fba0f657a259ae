import type { FitxesMessages } from '../../../site/fitxes/i18n'
import type { PublicFitxa } from '../../../site/fitxes/public-fitxa'
import { queryString } from '../../../site/fitxes/query'
import { leadOf } from '../../../site/fitxes/sheet'
import type { Lang } from '../../../site/i18n'

export function fitxaHref(slug: string, lang: Lang) {
  return `/fitxes/${encodeURIComponent(slug)}${lang === 'ca' ? '' : `?lang=${lang}`}`
}

/** One fitxa in the list: its title (the link), what it is about, the two councils, the year and topics. */
export function FitxaCard({
  fitxa,
  lang,
  t,
  topicLabels,
}: {
  fitxa: PublicFitxa
  lang: Lang
  t: FitxesMessages
  topicLabels: Map<string, string>
}) {
  return (
    <article className="fitxa-card">
      <h3>
        <a href={fitxaHref(fitxa.slug, lang)}>{fitxa.title}</a>
      </h3>
      <p>{leadOf(fitxa.summary)}</p>
      <dl className="fitxa-meta">
        {fitxa.council ? (
          <div>
            <dt>{t.accompanied}</dt>
            <dd>{fitxa.council.name}</dd>
          </div>
        ) : null}
        {fitxa.mentorCouncil ? (
          <div>
            <dt>{t.mentorCouncil}</dt>
            <dd>{fitxa.mentorCouncil.name}</dd>
          </div>
        ) : null}
        {fitxa.year ? (
          <div>
            <dt>{t.edition}</dt>
            <dd>
              <a href={`/fitxes${queryString({ any: fitxa.year, lang })}`}>{fitxa.year}</a>
            </dd>
          </div>
        ) : null}
      </dl>
      {fitxa.topics.length ? (
        <ul className="tags" aria-label={t.topics}>
          {fitxa.topics.map((topic) => (
            <li key={topic}>
              <a href={`/fitxes${queryString({ ambit: topic, lang })}`}>
                {topicLabels.get(topic) ?? topic}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  )
}
