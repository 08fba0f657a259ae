import './console.css'

import type { AdminViewServerProps } from 'payload'

import { AdminPage } from '../AdminPage'

import { isSecretariatUser } from '../../../access/roles'
import { formatDateCa } from '../../rules/dates'
import { CANDIDATE_STATUS_LABELS, CANDIDATE_STATUSES } from '../../rules/summary'
import { editionReport, editionSummary, editionTimeline } from '../../services/edition-summary'
import { FitxesMap, mapNetwork } from '../../site/fitxes/map'
import { fitxesMessages } from '../../site/fitxes/i18n'
import type { PublicFitxa } from '../../site/fitxes/public-fitxa'
import { timelineSvg } from '../../site/timeline-svg'
import { withVocabularies } from '../../services/vocabularies'
import { chosenEdition, optionsOf } from './data'
import { EditionPicker } from './EditionPicker'
import { PrintButton } from './PrintButton'

const rating = (value: number | null, count: number) =>
  value === null
    ? 'sense valoracions'
    : `${String(value).replace('.', ',')} de 5 (${count} ${count === 1 ? 'valoració' : 'valoracions'})`

/** /admin/informe-anual: one edition's report, for the XMESS and the councils; prints clean to PDF. */
export async function AnnualReportView({
  initPageResult,
  params,
  searchParams,
}: AdminViewServerProps) {
  const { req } = initPageResult
  const template = (children: React.ReactNode) => (
    <AdminPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
      {children}
    </AdminPage>
  )
  if (!isSecretariatUser(req.user))
    return template(<p>Només la secretaria tècnica pot veure l&apos;informe anual.</p>)
  const {
    req: local,
    editions,
    edition,
  } = await chosenEdition(req.payload, req.user, searchParams?.edicio)
  if (!edition) return template(<p>Encara no hi ha cap convocatòria.</p>)

  const options = await withVocabularies(req.payload, optionsOf(req.payload))
  const now = new Date()
  const [report, { summary }, timeline] = await Promise.all([
    editionReport(local, edition.id, options.topics),
    editionSummary(local, edition, options, now),
    editionTimeline(local, edition.id),
  ])
  const t = fitxesMessages('ca')
  const network = mapNetwork(
    report.links
      .filter((link) => link.mentee && link.mentor)
      .map((link) => ({
        council: {
          id: String(link.mentee?.id),
          name: link.mentee?.name ?? '',
          latitude: link.mentee?.latitude ?? undefined,
          longitude: link.mentee?.longitude ?? undefined,
        },
        mentorCouncil: {
          id: String(link.mentor?.id),
          name: link.mentor?.name ?? '',
          latitude: link.mentor?.latitude ?? undefined,
          longitude: link.mentor?.longitude ?? undefined,
        },
      })) as unknown as PublicFitxa[],
    t,
  )
  const mapText = {
    ...t,
    mapTitle: `Ens que hi participen · ${edition.name}`,
    mapDescription: (mentorings: number, councils: number) =>
      `${mentorings} ${mentorings === 1 ? 'parella' : 'parelles'} entre ${councils} ens: cada línia va de l'ens de la persona mentora a l'ens acompanyat.`,
  }
  const topicLabel = (topic: { label: string }) => topic.label

  return template(
    <article className="console console-report" aria-labelledby="report-title">
      <div className="console-head">
        <div>
          <h1 id="report-title">Informe anual · {edition.name}</h1>
          <p className="console-note">
            Sol·licituds del {formatDateCa(edition.applicationsOpenAt)} al{' '}
            {formatDateCa(edition.applicationsCloseAt)}. Dades a {formatDateCa(now)}.
          </p>
        </div>
        <EditionPicker editions={editions} current={edition} action="/admin/informe-anual" />
      </div>
      <div className="console-actions">
        <PrintButton />
        <a href="/admin/informe-periode">Informe d&apos;un altre període</a>
        <a href={`/admin?edicio=${encodeURIComponent(String(edition.id))}`}>Tornar a la consola</a>
      </div>

      <h2>En xifres</h2>
      <ul className="console-grid" aria-label="L'edició en xifres">
        {[
          { value: report.applications, label: 'sol·licituds' },
          { value: report.made, label: 'parelles formades (acceptades per la persona mentora)' },
          { value: report.completed, label: 'mentories completades' },
          { value: report.cancelled, label: 'deixades abans d’acabar' },
          { value: report.councils, label: 'ens hi han participat' },
        ].map((figure) => (
          <li key={figure.label} className="console-figure">
            <div>
              <strong>{figure.value}</strong>
              <span>{figure.label}</span>
            </div>
          </li>
        ))}
      </ul>

      <div className="console-columns">
        <section aria-labelledby="report-evaluations">
          <h2 id="report-evaluations">Valoracions mitjanes</h2>
          <table>
            <tbody>
              <tr>
                <th scope="row">Persones mentorades</th>
                <td>
                  {rating(report.evaluations.mentee.average, report.evaluations.mentee.count)}
                </td>
              </tr>
              <tr>
                <th scope="row">Persones mentores</th>
                <td>
                  {rating(report.evaluations.mentor.average, report.evaluations.mentor.count)}
                </td>
              </tr>
            </tbody>
          </table>
          <h2>Sol·licituds per estat</h2>
          <table>
            <tbody>
              {CANDIDATE_STATUSES.map((status) => (
                <tr key={status}>
                  <th scope="row">{CANDIDATE_STATUS_LABELS[status]}</th>
                  <td className="number">{summary.candidates.byStatus[status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="report-map">
          <h2 id="report-map">Ens que hi participen</h2>
          <FitxesMap network={network} t={mapText} id="informe-mapa" />
        </section>
      </div>

      <section aria-labelledby="report-topics">
        <h2 id="report-topics">Àmbits</h2>
        <div className="console-columns">
          <div>
            <h3>Els més demanats</h3>
            <ol>
              {report.mostAsked.slice(0, 5).map((topic) => (
                <li key={topic.value}>
                  {topicLabel(topic)}: {topic.asked}{' '}
                  {topic.asked === 1 ? 'sol·licitud' : 'sol·licituds'}
                </li>
              ))}
            </ol>
          </div>
          <div>
            <h3>Els menys coberts per les persones mentores</h3>
            <ol>
              {report.leastCovered.slice(0, 5).map((topic) => (
                <li key={topic.value}>
                  {topicLabel(topic)}: {topic.asked}{' '}
                  {topic.asked === 1 ? 'sol·licitud' : 'sol·licituds'}, {topic.offered}{' '}
                  {topic.offered === 1
                    ? 'persona mentora disponible'
                    : 'persones mentores disponibles'}
                </li>
              ))}
            </ol>
          </div>
        </div>
        <table>
          <caption className="console-note" style={{ textAlign: 'left' }}>
            Cada àmbit: quantes sol·licituds d&apos;aquesta convocatòria el demanen i quantes
            persones mentores disponibles l&apos;ofereixen.
          </caption>
          <thead>
            <tr>
              <th scope="col">Àmbit</th>
              <th scope="col" className="number">
                Sol·licituds
              </th>
              <th scope="col" className="number">
                Persones mentores
              </th>
            </tr>
          </thead>
          <tbody>
            {report.mostAsked.map((topic) => (
              <tr key={topic.value}>
                <td>{topicLabel(topic)}</td>
                <td className="number">{topic.asked}</td>
                <td className="number">{topic.offered}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="report-timeline">
        <h2 id="report-timeline">Cronologia</h2>
        <div
          className="console-timeline"
          dangerouslySetInnerHTML={{
            __html: timelineSvg(timeline, {
              today: now,
              maxDurationMonths: options.maxDurationMonths,
              title: `Cronologia dels acompanyaments · ${edition.name}`,
            }),
          }}
        />
      </section>
    </article>,
  )
}
