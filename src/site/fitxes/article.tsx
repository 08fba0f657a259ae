import { fitxesMessages } from './i18n'
import type { PublicFitxa } from './public-fitxa'
import { queryString } from './query'
import { RichText } from './rich-text'
import { fitxaSheet, type SheetKey, type SheetSection } from './sheet'
import { formatDate, type Lang } from '../i18n'

/** Plain text from the mentee, paragraphs kept; React escapes every character. */
function Paragraphs({ paragraphs }: { paragraphs: string[] }) {
  return (
    <>
      {paragraphs.map((paragraph, index) => (
        <p key={index}>
          {paragraph.split('\n').map((line, lineIndex, lines) => (
            <span key={lineIndex}>
              {line}
              {lineIndex < lines.length - 1 ? <br /> : null}
            </span>
          ))}
        </p>
      ))}
    </>
  )
}

/** The section's content: links to the filters for councils and topics, the mailbox, the rich text. */
function SectionBody({
  section,
  fitxa,
  lang,
  topicLabels,
}: {
  section: SheetSection
  fitxa: PublicFitxa
  lang: Lang
  topicLabels: ReadonlyMap<string, string>
}) {
  const t = fitxesMessages(lang)
  const councilLink = (council: { id: string; name: string }) => (
    <a href={`/fitxes${queryString({ ens: council.id, lang })}`}>{council.name}</a>
  )
  switch (section.key) {
    case 'council':
      return fitxa.council ? (
        <p>
          {councilLink(fitxa.council)}
          {fitxa.mentorCouncil ? (
            <>
              {' '}
              <span className="fitxa-mentor-council" lang={lang}>
                ({t.mentorCouncil}: {councilLink(fitxa.mentorCouncil)})
              </span>
            </>
          ) : null}
        </p>
      ) : null
    case 'contactEmail':
      return section.email ? (
        <p>
          <a href={`mailto:${section.email}`}>{section.email}</a>
        </p>
      ) : null
    case 'topics':
      return (
        <ul className="tags">
          {fitxa.topics.map((topic) => (
            <li key={topic}>
              <a href={`/fitxes${queryString({ ambit: topic, lang })}`}>
                {topicLabels.get(topic) ?? topic}
              </a>
            </li>
          ))}
        </ul>
      )
    case 'body':
      return <RichText value={fitxa.body} />
    default:
      return <Paragraphs paragraphs={section.paragraphs} />
  }
}

/** The short facts at the top of the sheet (council, person, mailbox, area, classification). */
const FACTS = new Set<SheetKey>([
  'council',
  'referencePerson',
  'contactEmail',
  'area',
  'classification',
  'edition',
  'period',
])
const TOP_FACTS = new Set<SheetKey>([
  'council',
  'referencePerson',
  'contactEmail',
  'area',
  'classification',
])

/**
 * One published fitxa as its page shows it (/fitxes/<slug>): the headings of the sheets on
 * xmess.cat in their order, then the mentoring extras (sheet.ts gives the order to every output).
 */
export function FitxaArticle({
  fitxa,
  lang,
  labels,
}: {
  fitxa: PublicFitxa
  lang: Lang
  labels: {
    classificationLabels: ReadonlyMap<string, string>
    topicLabels: ReadonlyMap<string, string>
  }
}) {
  const t = fitxesMessages(lang)
  const sections = fitxaSheet(fitxa, {
    headings: t.headings,
    between: t.between,
    classificationLabels: labels.classificationLabels,
    topicLabels: labels.topicLabels,
    formatDate: (date) => formatDate(date, lang),
  })
  const renderSection = (section: SheetSection) =>
    section.image ? (
      <figure key={section.key} className="fitxa-image">
        <img
          src={section.image.sizes.page?.url ?? section.image.url}
          alt={section.image.alt}
          width={section.image.sizes.page?.width ?? section.image.width}
          height={section.image.sizes.page?.height ?? section.image.height}
        />
      </figure>
    ) : (
      <section
        key={section.key}
        aria-labelledby={`section-${section.key}`}
        className={
          FACTS.has(section.key) ? 'fitxa-fact' : section.key === 'body' ? 'rich-text' : undefined
        }
      >
        <h2 id={`section-${section.key}`} lang={lang}>
          {section.heading}
        </h2>
        <SectionBody section={section} fitxa={fitxa} lang={lang} topicLabels={labels.topicLabels} />
      </section>
    )
  // The short facts at the top (council … classification) in one box, as on xmess.cat; the rest after.
  const firstAfterFacts = sections.findIndex((section) => !TOP_FACTS.has(section.key))
  const split = firstAfterFacts === -1 ? sections.length : firstAfterFacts
  return (
    <article className="fitxa" lang="ca">
      <h1>{fitxa.title}</h1>
      {split > 0 ? (
        <div className="fitxa-meta--detail fitxa-facts">
          {sections.slice(0, split).map(renderSection)}
        </div>
      ) : null}
      {sections.slice(split).map(renderSection)}
    </article>
  )
}
