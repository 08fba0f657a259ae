import { type Column, toCsv } from './csv'
import { fromToCa } from './dates'

/**
 * A report for any period (the XMESS reports to the Generalitat for periods that are not programme
 * years): which dates, and the figures as rows for the page and the CSV. Pure: no Payload here.
 */

export type Period = { from: string; to: string }
const DAY_MS = 86_400_000
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/

/** The longest period one report covers: ten years (a longer one is a typo). */
export const MAX_PERIOD_DAYS = 3660

const validDay = (value: string) => {
  const time = Date.parse(`${value}T00:00:00.000Z`)
  // 2026-02-30 is no day: the date it would roll over to is another.
  return (
    ISO_DAY.test(value) &&
    Number.isFinite(time) &&
    new Date(time).toISOString().slice(0, 10) === value
  )
}

/**
 * The period asked for (`from` and `to`, both days included, as AAAA-MM-DD), or the Catalan sentence
 * that says what is wrong, naming the field as the form shows it («Des de», «Fins a»).
 */
export function parsePeriod(
  from: unknown,
  to: unknown,
): { ok: true; period: Period } | { ok: false; field: 'from' | 'to'; message: string } {
  const text = (value: unknown) =>
    typeof value === 'string'
      ? value.trim()
      : Array.isArray(value)
        ? String(value[0] ?? '').trim()
        : ''
  const [start, end] = [text(from), text(to)]
  if (!start)
    return { ok: false, field: 'from', message: 'Cal indicar la data «Des de» del període.' }
  if (!validDay(start))
    return {
      ok: false,
      field: 'from',
      message: `La data «Des de» (${start.slice(0, 20)}) no és una data vàlida: escriviu-la com a AAAA-MM-DD.`,
    }
  if (!end) return { ok: false, field: 'to', message: 'Cal indicar la data «Fins a» del període.' }
  if (!validDay(end))
    return {
      ok: false,
      field: 'to',
      message: `La data «Fins a» (${end.slice(0, 20)}) no és una data vàlida: escriviu-la com a AAAA-MM-DD.`,
    }
  if (end < start)
    return {
      ok: false,
      field: 'to',
      message: 'La data «Fins a» ha de ser el mateix dia que «Des de» o després.',
    }
  if (periodBounds({ from: start, to: end }).days > MAX_PERIOD_DAYS)
    return {
      ok: false,
      field: 'to',
      message: 'Un informe pot cobrir com a molt deu anys: escurceu el període.',
    }
  return { ok: true, period: { from: start, to: end } }
}

/** The period's instants: from the first day's midnight (UTC) to the midnight after the last day, excluded. */
export function periodBounds(period: Period): {
  start: string
  endExclusive: string
  days: number
} {
  const start = Date.parse(`${period.from}T00:00:00.000Z`)
  const end = Date.parse(`${period.to}T00:00:00.000Z`) + DAY_MS
  return {
    start: new Date(start).toISOString(),
    endExclusive: new Date(end).toISOString(),
    days: Math.round((end - start) / DAY_MS),
  }
}

/** "De l'1 de gener del 2026 al 30 de juny del 2026". */
export const periodSentence = (period: Period): string =>
  fromToCa(`${period.from}T12:00:00.000Z`, `${period.to}T12:00:00.000Z`)

export type PeriodReport = {
  period: Period
  applications: number
  made: number
  inProgress: number
  completed: number
  cancelled: number
  meetings: { total: number; inPerson: number }
  incidents: number
  councils: number
  evaluations: {
    mentee: { average: number | null; count: number }
    mentor: { average: number | null; count: number }
  }
  topics: { value: string; label: string; asked: number; offered: number }[]
}

export type ReportRow = { key: string; label: string; value: number | string | null }

const decimal = (value: number | null) => (value === null ? null : String(value).replace('.', ','))

/** The figures, in the order the page and the CSV show them. */
export function periodReportRows(report: PeriodReport): ReportRow[] {
  return [
    { key: 'applications', label: 'Sol·licituds rebudes', value: report.applications },
    {
      key: 'made',
      label: 'Parelles formades (acceptades per la persona mentora)',
      value: report.made,
    },
    {
      key: 'inProgress',
      label: 'Acompanyaments en curs en algun moment del període',
      value: report.inProgress,
    },
    { key: 'completed', label: 'Mentories completades', value: report.completed },
    { key: 'cancelled', label: "Deixades abans d'acabar", value: report.cancelled },
    { key: 'meetings', label: 'Trobades fetes', value: report.meetings.total },
    {
      key: 'meetingsInPerson',
      label: 'de les quals, presencials',
      value: report.meetings.inPerson,
    },
    { key: 'incidents', label: 'Incidències comunicades', value: report.incidents },
    { key: 'councils', label: 'Ens que hi han participat', value: report.councils },
    {
      key: 'menteeRating',
      label: 'Valoració mitjana de les persones mentorades (de 5)',
      value: decimal(report.evaluations.mentee.average),
    },
    {
      key: 'menteeRatings',
      label: 'Valoracions de persones mentorades',
      value: report.evaluations.mentee.count,
    },
    {
      key: 'mentorRating',
      label: 'Valoració mitjana de les persones mentores (de 5)',
      value: decimal(report.evaluations.mentor.average),
    },
    {
      key: 'mentorRatings',
      label: 'Valoracions de persones mentores',
      value: report.evaluations.mentor.count,
    },
    ...report.topics
      .filter((topic) => topic.asked > 0)
      .map((topic) => ({
        key: `topic:${topic.value}`,
        label: `Sol·licituds que demanen «${topic.label}»`,
        value: topic.asked,
      })),
  ]
}

/** The CSV: one row per figure, with the period in the first two rows, for a spreadsheet. */
export function periodReportCsv(report: PeriodReport): string {
  const columns: Column<ReportRow>[] = [
    { header: 'Indicador', value: (row) => row.label },
    { header: 'Valor', value: (row) => row.value },
  ]
  return toCsv(columns, [
    { key: 'from', label: 'Des de', value: report.period.from },
    { key: 'to', label: 'Fins a', value: report.period.to },
    ...periodReportRows(report),
  ])
}
