import './console.css'

import type { ServerProps } from 'payload'

import { isSecretariatUser } from '../../../access/roles'
import type { MentoriaOptions } from '../../lib/options'
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
import { countingModalitiesLabel } from '../../rules/meetings'
import { PAIRING_STATUSES } from '../../rules/pairings'
import { editionSummary, editionTimeline } from '../../services/edition-summary'
import { openWork, type OpenWorkItem } from '../../services/open-work'
import { pairingsAtRisk } from '../../services/at-risk'
import { RISK_LABELS } from '../../rules/at-risk'
import { timelineSvg } from '../../site/timeline-svg'
import { chosenEdition, optionsOf } from './data'
import { EditionPicker } from './EditionPicker'

type Figure = {
  value: number | string
  label: string
  href: string
  tone?: 'alert' | 'warn' | 'quiet'
  hint?: string
}

function Figures({ figures, label }: { figures: Figure[]; label: string }) {
  return (
    <ul className="console-grid" aria-label={label}>
      {figures.map((figure) => (
        <li
          key={figure.label}
          className={`console-figure${figure.tone ? ` console-figure--${figure.tone}` : ''}`}
        >
          <a href={figure.href}>
            <strong>{figure.value}</strong>
            <span>{figure.label}</span>
            {figure.hint ? (
              <small className="console-note" style={{ display: 'block' }}>
                {figure.hint}
              </small>
            ) : null}
          </a>
        </li>
      ))}
    </ul>
  )
}

const daysAgo = (days: number) => `fa ${days} ${days === 1 ? 'dia' : 'dies'}`

/** The label, note and colour of each «Què us necessita» figure. */
function attentionOf(
  item: OpenWorkItem,
  options: MentoriaOptions,
): { label: string; hint?: string; tone: NonNullable<Figure['tone']> } {
  switch (item.key) {
    case 'proposals':
      return {
        label: 'propostes sense resposta',
        hint:
          item.oldestWaitingDays === null || item.oldestWaitingDays === undefined
            ? undefined
            : `la més antiga, ${daysAgo(item.oldestWaitingDays)}`,
        tone:
          item.oldestWaitingDays !== null &&
          item.oldestWaitingDays !== undefined &&
          item.oldestWaitingDays >= 7
            ? 'alert'
            : 'warn',
      }
    case 'withoutRequiredMeetings':
      return {
        label: `en curs sense les ${options.requiredMeetings} trobades ${countingModalitiesLabel(options.countingModalities)}`,
        hint: options.countingModalities.includes('online')
          ? 'compten també les trobades en línia'
          : 'les trobades en línia o per telèfon no hi compten',
        tone: 'warn',
      }
    case 'endingSoon':
      return { label: `acaben en ${ENDING_SOON_DAYS} dies o menys`, tone: 'warn' }
    case 'overdue':
      return { label: 'han passat la data de finalització', tone: 'alert' }
    case 'openIncidents':
      return { label: 'incidències obertes', tone: 'alert' }
    case 'fitxaMissing':
      return { label: 'completades sense la fitxa publicada', tone: 'warn' }
    case 'remindersSent':
      return { label: 'recordatoris enviats aquesta setmana', tone: 'quiet' }
  }
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
          Encara no hi ha cap convocatòria.{' '}
          <a href="/admin/collections/editions/create">Creeu-ne la primera</a>.
        </p>
      </section>
    )
  }
  const options = optionsOf(payload)
  const now = new Date()
  const [{ summary }, timeline, work, atRisk] = await Promise.all([
    editionSummary(req, edition, options, now),
    editionTimeline(req, edition.id),
    openWork(req, options, now),
    pairingsAtRisk(req, options, now),
  ])
  const filters = summaryFilters(edition.id, now)
  const { candidates, pairings } = summary
  const phase = summary.edition.phase as EditionPhase
  const phaseLabel = isUpcoming(edition, now)
    ? `${EDITION_PHASE_LABELS.applications} (s'obren el ${formatDateCa(edition.applicationsOpenAt)})`
    : EDITION_PHASE_LABELS[phase]

  const attention = work.items.map((item) => ({ item, ...attentionOf(item, options) }))
  const applications: Figure[] = [
    {
      value: candidates.total,
      label: 'sol·licituds en total',
      href: adminListUrl('candidates', filters.candidates),
    },
    ...CANDIDATE_STATUSES.map((status) => ({
      value: candidates.byStatus[status],
      label: CANDIDATE_STATUS_LABELS[status].toLowerCase(),
      href: adminListUrl('candidates', filters.candidatesWithStatus(status)),
    })),
  ]
  const pairingFigures: Figure[] = [
    {
      value: pairings.total,
      label: 'parelles en total',
      href: adminListUrl('pairings', filters.pairings),
    },
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
        <a href={`/admin/informe-anual?edicio=${encodeURIComponent(String(edition.id))}`}>
          Informe anual
        </a>
        <a href="/admin/informe-periode">Informe d&apos;un període</a>
        <a href="/admin/aparellament">Aparellament</a>
        <a href={`/api/editions/${encodeURIComponent(String(edition.id))}/summary`}>
          Xifres en JSON
        </a>
      </div>

      <h2 id="console-work-title">Què us necessita</h2>
      <p className="console-note">
        De totes les convocatòries, no només d&apos;aquesta: sota cada xifra, de quina convocatòria
        és.
      </p>
      <ul className="console-grid" aria-labelledby="console-work-title">
        {attention.map(({ item, label, hint, tone }) => (
          <li
            key={item.key}
            className={`console-figure console-work console-figure--${tone}`}
            data-work={item.key}
          >
            <a href={item.href}>
              <strong>{item.total}</strong>
              <span>{label}</span>
              {hint ? (
                <small className="console-note" style={{ display: 'block' }}>
                  {hint}
                </small>
              ) : null}
            </a>
            {item.editions.length ? (
              <ul className="console-by-edition" aria-label={`${label}, per convocatòria`}>
                {item.editions.map((entry) => (
                  <li key={String(entry.edition.id)}>
                    <a href={entry.href}>
                      {entry.edition.name}: {entry.count}
                    </a>
                    {entry.oldestWaitingDays === undefined || entry.oldestWaitingDays === null
                      ? null
                      : ` (${daysAgo(entry.oldestWaitingDays)})`}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      <h2 id="console-risk-title">Parelles en risc</h2>
      <p className="console-note">
        De totes les convocatòries, segons els seguiments: sense primer contacte, una valoració de{' '}
        {options.checkins.lowAnswer} o menys a meitat de camí, o cap resposta al cap de{' '}
        {options.checkins.noAnswerDays} dies. Les respostes només les veu la secretaria.
      </p>
      {atRisk.length ? (
        <ul className="console-risk" aria-labelledby="console-risk-title">
          {atRisk.map((pairing) => (
            <li key={String(pairing.id)} data-risk-pairing={String(pairing.id)}>
              <a href={pairing.href}>{pairing.title}</a>
              {': '}
              {pairing.risks
                .map(
                  (risk) =>
                    `${RISK_LABELS[risk.reason]} (${risk.party === 'mentor' ? 'persona mentora' : 'persona mentorada'}${risk.since ? `, ${formatDateCa(risk.since)}` : ''})`,
                )
                .join('; ')}
            </li>
          ))}
        </ul>
      ) : (
        <p>Cap parella en risc ara mateix.</p>
      )}
      <h2>{edition.name}: sol·licituds</h2>
      <Figures figures={applications} label="Sol·licituds per estat" />
      <h2>{edition.name}: parelles</h2>
      <Figures figures={pairingFigures} label="Parelles per estat" />

      <h2 id="console-timeline-title">Cronologia</h2>
      <p className="console-note">
        Cada barra va de l&apos;inici a la data de finalització pactada; la part ratllada és una
        ampliació, la marca vermella és el límit d&apos;un any, els punts són trobades (plens:
        presencials; buits: en línia o per telèfon) i la línia discontínua és avui.
      </p>
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
  )
}
