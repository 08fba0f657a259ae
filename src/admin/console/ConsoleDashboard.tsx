import './console.css'

import type { ServerProps } from 'payload'

import { isSecretariatUser } from '../../../access/roles'
import { formatDateCa } from '../../rules/dates'
import { EDITION_PHASE_LABELS, type EditionPhase, isUpcoming } from '../../rules/phases'
import {
  adminListUrl,
  CANDIDATE_STATUS_LABELS,
  CANDIDATE_STATUSES,
  ENDING_SOON_DAYS,
  PAIRING_STATUS_TITLES,
  summaryFilters,
} from '../../rules/summary'
import { PAIRING_STATUSES } from '../../rules/pairings'
import { editionSummary, editionTimeline } from '../../services/edition-summary'
import { timelineSvg } from '../../site/timeline-svg'
import { chosenEdition, optionsOf } from './data'
import { EditionPicker } from './EditionPicker'

type Figure = { value: number | string; label: string; href: string; tone?: 'alert' | 'warn' | 'quiet'; hint?: string }

function Figures({ figures, label }: { figures: Figure[]; label: string }) {
  return (
    <ul className="console-grid" aria-label={label}>
      {figures.map((figure) => (
        <li key={figure.label} className={`console-figure${figure.tone ? ` console-figure--${figure.tone}` : ''}`}>
          <a href={figure.href}>
            <strong>{figure.value}</strong>
            <span>{figure.label}</span>
            {figure.hint ? <small className="console-note" style={{ display: 'block' }}>{figure.hint}</small> : null}
          </a>
        </li>
      ))}
    </ul>
  )
}

/**
 * Before Payload's dashboard, for the secretariat: where the edition stands and what needs them.
 * Every number links to the admin list behind it (docs/console.md).
 */
export async function ConsoleDashboard({ payload, user, searchParams }: ServerProps) {
  if (!user || !isSecretariatUser(user as never)) return null
  const { req, editions, edition } = await chosenEdition(payload, user, searchParams?.edicio)
  if (!edition) {
    return (
      <section className="console" aria-labelledby="console-title">
        <h1 id="console-title">Consola de la secretaria</h1>
        <p>
          Encara no hi ha cap convocatòria. <a href="/admin/collections/editions/create">Creeu-ne la primera</a>.
        </p>
      </section>
    )
  }
  const options = optionsOf(payload)
  const now = new Date()
  const [{ summary }, timeline] = await Promise.all([editionSummary(req, edition, options, now), editionTimeline(req, edition.id)])
  const filters = summaryFilters(edition.id, now)
  const { candidates, pairings, proposals, incidents, reminders } = summary
  const phase = summary.edition.phase as EditionPhase
  const phaseLabel = isUpcoming(edition, now)
    ? `${EDITION_PHASE_LABELS.applications} (s'obren el ${formatDateCa(edition.applicationsOpenAt)})`
    : EDITION_PHASE_LABELS[phase]

  const attention: Figure[] = [
    {
      value: proposals.waiting,
      label: 'propostes sense resposta',
      hint: proposals.oldestWaitingDays === null ? undefined : `la més antiga, fa ${proposals.oldestWaitingDays} ${proposals.oldestWaitingDays === 1 ? 'dia' : 'dies'}`,
      href: adminListUrl('pairings', filters.pairingsWithStatus('proposed')),
      tone: proposals.oldestWaitingDays !== null && proposals.oldestWaitingDays >= 7 ? 'alert' : 'warn',
    },
    {
      value: pairings.activeWithoutRequiredMeetings,
      label: `en curs sense les ${options.requiredMeetings} trobades presencials`,
      hint: options.countingModalities.includes('online') ? 'compten també les trobades en línia' : 'les trobades en línia o per telèfon no hi compten',
      href: adminListUrl('pairings', filters.withoutRequiredMeetings(options.requiredMeetings)),
      tone: 'warn',
    },
    { value: pairings.endingSoon, label: `acaben en ${ENDING_SOON_DAYS} dies o menys`, href: adminListUrl('pairings', filters.endingSoon), tone: 'warn' },
    { value: pairings.overdue, label: 'han passat la data de finalització', href: adminListUrl('pairings', filters.overdue), tone: 'alert' },
    { value: incidents.open, label: 'incidències obertes', href: adminListUrl('incidents', filters.openIncidents), tone: 'alert' },
    { value: pairings.fitxaMissing, label: 'completades sense la fitxa publicada', href: adminListUrl('pairings', filters.fitxaMissing), tone: 'warn' },
    { value: reminders.sentLast7Days, label: 'recordatoris enviats aquesta setmana', href: adminListUrl('reminders', filters.remindersSent), tone: 'quiet' },
  ]
  const applications: Figure[] = [
    { value: candidates.total, label: 'sol·licituds en total', href: adminListUrl('candidates', filters.candidates) },
    ...CANDIDATE_STATUSES.map((status) => ({
      value: candidates.byStatus[status],
      label: CANDIDATE_STATUS_LABELS[status].toLowerCase(),
      href: adminListUrl('candidates', filters.candidatesWithStatus(status)),
    })),
  ]
  const pairingFigures: Figure[] = [
    { value: pairings.total, label: 'parelles en total', href: adminListUrl('pairings', filters.pairings) },
    ...PAIRING_STATUSES.map((status) => ({
      value: pairings.byStatus[status],
      label: PAIRING_STATUS_TITLES[status].toLowerCase(),
      href: adminListUrl('pairings', filters.pairingsWithStatus(status)),
    })),
  ]

  return (
    <section className="console" aria-labelledby="console-title" data-edition={String(edition.id)}>
      <div className="console-head">
        <div>
          <h1 id="console-title">{edition.name}</h1>
          <p>
            Fase: <span className="console-phase">{phaseLabel}</span>
          </p>
        </div>
        <EditionPicker editions={editions} current={edition} action="/admin" />
      </div>
      <div className="console-actions">
        <a href={`/admin/informe-anual?edicio=${encodeURIComponent(String(edition.id))}`}>Informe anual</a>
        <a href="/admin/aparellament">Aparellament</a>
        <a href={`/api/editions/${encodeURIComponent(String(edition.id))}/summary`}>Xifres en JSON</a>
      </div>

      <h2>Què us necessita</h2>
      <Figures figures={attention} label="Què us necessita" />
      <h2>Sol·licituds</h2>
      <Figures figures={applications} label="Sol·licituds per estat" />
      <h2>Parelles</h2>
      <Figures figures={pairingFigures} label="Parelles per estat" />

      <h2 id="console-timeline-title">Cronologia</h2>
      <p className="console-note">
        Cada barra va de l&apos;inici a la data de finalització pactada; la part ratllada és una ampliació, la marca vermella és el límit d&apos;un any, els
        punts són trobades (plens: presencials; buits: en línia o per telèfon) i la línia discontínua és avui.
      </p>
      <div className="console-timeline" dangerouslySetInnerHTML={{ __html: timelineSvg(timeline, { today: now, maxDurationMonths: options.maxDurationMonths, title: `Cronologia dels acompanyaments · ${edition.name}` }) }} />
    </section>
  )
}
