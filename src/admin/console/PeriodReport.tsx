import './console.css'

import { formatDateCa } from '../../rules/dates'
import {
  type Period,
  type PeriodReport,
  periodReportRows,
  periodSentence,
} from '../../rules/period-report'
import { PrintButton } from './PrintButton'

const csvHref = (period: Period) =>
  `/api/mentoria/report?from=${encodeURIComponent(period.from)}&to=${encodeURIComponent(period.to)}&format=csv`

/** The page's body: the period form, and the figures once a valid period is asked for (or why not). */
export function PeriodReportContent({
  asked,
  report,
  error,
  now,
}: {
  asked: { from: string; to: string }
  report?: PeriodReport
  error?: string
  now: Date
}) {
  return (
    <article className="console console-report" aria-labelledby="period-report-title">
      <div className="console-head">
        <div>
          <h1 id="period-report-title">Informe d&apos;un període</h1>
          <p className="console-note">
            El que ha passat entre dues dates (totes dues incloses), sigui de la convocatòria que
            sigui: per als informes a la Generalitat o per a qualsevol altre període que no és un
            curs del programa.
          </p>
        </div>
        <form method="get" action="/admin/informe-periode" className="console-picker">
          <label>
            Des de{' '}
            <input
              type="date"
              name="des"
              defaultValue={asked.from}
              required
              aria-invalid={error?.includes('«Des de»') || undefined}
            />
          </label>{' '}
          <label>
            Fins a{' '}
            <input
              type="date"
              name="fins"
              defaultValue={asked.to}
              required
              aria-invalid={error?.includes('«Fins a»') || undefined}
            />
          </label>{' '}
          <button type="submit">Mostra l&apos;informe</button>
        </form>
      </div>
      {error ? (
        <p role="alert" className="console-error">
          {error}
        </p>
      ) : null}
      {report ? (
        <>
          <div className="console-actions">
            <PrintButton />
            <a href={csvHref(report.period)} download>
              Baixa&apos;l en CSV (full de càlcul)
            </a>
            <a href="/admin">Tornar a la consola</a>
          </div>
          <h2>
            {periodSentence(report.period)}{' '}
            <small className="console-note">· dades a {formatDateCa(now)}</small>
          </h2>
          <table className="console-period">
            <caption className="console-note" style={{ textAlign: 'left' }}>
              Sol·licituds i incidències pel dia que van arribar; parelles formades pel dia que la
              persona mentora va acceptar; completades per la data de tancament; deixades pel dia
              que es van deixar; en curs, les que estaven començades algun dia del període.
            </caption>
            <tbody>
              {periodReportRows(report)
                .filter((row) => !row.key.startsWith('topic:'))
                .map((row) => (
                  <tr key={row.key} data-figure={row.key}>
                    <th scope="row">{row.label}</th>
                    <td className="number">{row.value ?? 'sense valoracions'}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          <h2>Àmbits</h2>
          <table>
            <caption className="console-note" style={{ textAlign: 'left' }}>
              Quantes sol·licituds del període demanen cada àmbit, i quantes persones mentores
              l&apos;ofereixen a la convocatòria d&apos;ara (segons la seva oferta per a aquesta
              convocatòria).
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
              {report.topics.map((topic) => (
                <tr key={topic.value}>
                  <td>{topic.label}</td>
                  <td className="number">{topic.asked}</td>
                  <td className="number">{topic.offered}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </article>
  )
}
