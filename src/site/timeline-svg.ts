/**
 * The timeline of an edition's pairings, drawn on the server as SVG (no script, prints as it shows): one
 * bar per pairing from its start to its agreed end, the part gained by extensions marked, the one-year
 * limit (R8) as a tick, meetings as dots (in person filled, online or by phone hollow), and today's line.
 * Pure: strings in, a string out; every text is escaped.
 */

export type TimelineMeeting = { date: string; modality: string }
export type TimelinePairing = {
  id: number | string
  label: string
  status: string
  startDate: string
  /** The agreed end now (after any extensions). */
  endDate: string
  /** The end first agreed, before extensions; the same as endDate without them. */
  firstEndDate?: string | null
  /** When it closed, or was left (cancelled): the bar ends there. */
  closingDate?: string | null
  meetings: readonly TimelineMeeting[]
  href?: string
}

export type TimelineOptions = {
  today: Date
  /** R8: the longest accompaniment without an extension. */
  maxDurationMonths: number
  title?: string
  /** Rows drawn at most; the rest are counted in the description. */
  maxRows?: number
}

const STATUS_LABELS: Record<string, string> = {
  accepted: 'acceptada',
  active: 'en curs',
  completed: 'completada',
  cancelled: 'cancel·lada',
}
const MODALITY_LABELS: Record<string, string> = {
  in_person: 'presencial',
  online: 'en línia',
  phone: 'per telèfon',
}
const MONTHS = [
  'gen.',
  'febr.',
  'març',
  'abr.',
  'maig',
  'juny',
  'jul.',
  'ag.',
  'set.',
  'oct.',
  'nov.',
  'des.',
]

const LABEL_WIDTH = 230
const CHART_WIDTH = 640
const ROW = 26
const TOP = 46
const BOTTOM = 40

export const escapeXml = (text: string): string =>
  text.replace(
    /[<>&"']/g,
    (char) =>
      ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[char] as string,
  )

const time = (value: string | Date) => new Date(value).getTime()
const day = (value: string | Date) => new Date(value).toISOString().slice(0, 10)
const longDate = (value: string | Date) => {
  const date = new Date(value)
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`
}

/** Same day, `months` later, clamped to the month's end (as R8 counts a year). */
function addMonths(value: string, months: number): Date {
  const start = new Date(value)
  const target = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 1))
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(start.getUTCDate(), last))
  return target
}

const truncate = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text
const round = (value: number) => Math.round(value * 10) / 10

export function timelineSvg(
  pairings: readonly TimelinePairing[],
  options: TimelineOptions,
): string {
  const title = options.title ?? 'Cronologia dels acompanyaments'
  const maxRows = options.maxRows ?? 300
  const rows = [...pairings]
    .sort(
      (a, b) =>
        time(a.startDate) - time(b.startDate) || String(a.label).localeCompare(String(b.label)),
    )
    .slice(0, maxRows)
  const hidden = pairings.length - rows.length
  const extended = rows.filter(
    (pairing) => pairing.firstEndDate && day(pairing.firstEndDate) < day(pairing.endDate),
  ).length
  const inPerson = rows.reduce(
    (sum, pairing) =>
      sum + pairing.meetings.filter((meeting) => meeting.modality === 'in_person').length,
    0,
  )
  const meetings = rows.reduce((sum, pairing) => sum + pairing.meetings.length, 0)
  const description =
    rows.length === 0
      ? 'Encara no ha començat cap acompanyament en aquesta convocatòria.'
      : `${rows.length} acompanyaments${hidden > 0 ? ` (i ${hidden} més que no es dibuixen)` : ''}, ${extended} amb ampliació; ${meetings} trobades, ${inPerson} presencials. ` +
        `Avui és ${longDate(options.today)}. La marca vertical de cada barra és el límit d'un any (${options.maxDurationMonths} mesos) des de l'inici.`

  const height = TOP + Math.max(rows.length, 1) * ROW + BOTTOM
  // An image, unless its bars are links (the console's): a group then, so the links stay reachable (axe: nested-interactive).
  const role = rows.some((pairing) => pairing.href) ? 'group' : 'img'
  const width = LABEL_WIDTH + CHART_WIDTH + 20
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="${role}" aria-labelledby="timeline-title timeline-desc" font-family="system-ui, sans-serif" font-size="12">`,
    `<title id="timeline-title">${escapeXml(title)}</title>`,
    `<desc id="timeline-desc">${escapeXml(description)}</desc>`,
    '<defs><pattern id="timeline-extension" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f6c26b"/><line x1="0" y1="0" x2="0" y2="6" stroke="#b7791f" stroke-width="3"/></pattern></defs>',
  ]
  if (rows.length === 0) {
    parts.push(
      `<text x="${LABEL_WIDTH}" y="${TOP + 16}" fill="#333">${escapeXml(description)}</text></svg>`,
    )
    return parts.join('')
  }

  const starts = rows.map((pairing) => time(pairing.startDate))
  const ends = rows.flatMap((pairing) => [
    time(pairing.endDate),
    time(addMonths(pairing.startDate, options.maxDurationMonths)),
    pairing.closingDate ? time(pairing.closingDate) : 0,
  ])
  const first = new Date(Math.min(...starts, time(options.today)))
  const from = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1)
  const last = new Date(Math.max(...ends, time(options.today)))
  const to = Date.UTC(last.getUTCFullYear(), last.getUTCMonth() + 1, 1)
  const x = (value: string | Date | number) =>
    round(LABEL_WIDTH + ((time(value as string) - from) / (to - from)) * CHART_WIDTH)

  // Month grid and labels; January shows the year.
  parts.push('<g class="timeline-grid" stroke="#e2e2e2">')
  const ticks: string[] = []
  for (
    let month = new Date(from);
    month.getTime() <= to;
    month = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1))
  ) {
    const mx = x(month.getTime())
    parts.push(`<line x1="${mx}" y1="${TOP - 6}" x2="${mx}" y2="${height - BOTTOM + 6}"/>`)
    if (month.getTime() < to) {
      // The year on a row of its own, at January and at the first month.
      if (month.getUTCMonth() === 0 || ticks.length === 0)
        ticks.push(
          `<text x="${mx + 3}" y="${TOP - 26}" fill="#333" font-size="10" font-weight="bold">${month.getUTCFullYear()}</text>`,
        )
      ticks.push(
        `<text x="${mx + 3}" y="${TOP - 12}" fill="#555" font-size="10">${escapeXml(MONTHS[month.getUTCMonth()])}</text>`,
      )
    }
  }
  parts.push('</g>', ...ticks)

  rows.forEach((pairing, index) => {
    const y = TOP + index * ROW
    const mid = y + ROW / 2
    const start = x(pairing.startDate)
    const end = x(
      pairing.closingDate && pairing.status !== 'active' ? pairing.closingDate : pairing.endDate,
    )
    const firstEnd =
      pairing.firstEndDate && day(pairing.firstEndDate) < day(pairing.endDate)
        ? x(pairing.firstEndDate)
        : undefined
    const limit = x(addMonths(pairing.startDate, options.maxDurationMonths))
    const status = STATUS_LABELS[pairing.status] ?? pairing.status
    const meetingText = pairing.meetings.length
      ? pairing.meetings
          .map(
            (meeting) =>
              `${longDate(meeting.date)} ${MODALITY_LABELS[meeting.modality] ?? meeting.modality}`,
          )
          .join(', ')
      : 'cap trobada'
    const summary =
      `${pairing.label}: ${status}, del ${longDate(pairing.startDate)} al ${longDate(pairing.endDate)}` +
      (firstEnd !== undefined
        ? ` (ampliat; la data pactada primer era el ${longDate(pairing.firstEndDate as string)})`
        : '') +
      (pairing.closingDate
        ? `, ${pairing.status === 'cancelled' ? 'deixat' : 'tancat'} el ${longDate(pairing.closingDate)}`
        : '') +
      `. Trobades: ${meetingText}.`
    const open = pairing.href ? `<a href="${escapeXml(pairing.href)}">` : ''
    const close = pairing.href ? '</a>' : ''
    parts.push(
      `<g class="timeline-row timeline-row--${escapeXml(pairing.status)}"><title>${escapeXml(summary)}</title>`,
    )
    if (index % 2 === 1)
      parts.push(`<rect x="0" y="${y}" width="${width}" height="${ROW}" fill="#f7f7f7"/>`)
    parts.push(
      `${open}<text x="6" y="${mid + 4}" fill="#1a1a1a">${escapeXml(truncate(pairing.label, 34))}</text>${close}`,
    )
    const fill =
      pairing.status === 'completed'
        ? '#3c8d5a'
        : pairing.status === 'cancelled'
          ? '#a0a0a0'
          : pairing.status === 'accepted'
            ? '#9bb8e0'
            : '#2f6db3'
    const barEnd = Math.max(end, start + 2)
    parts.push(
      `<rect class="timeline-bar" x="${start}" y="${y + 7}" width="${round((firstEnd ?? barEnd) - start)}" height="${ROW - 14}" rx="3" fill="${fill}"/>`,
    )
    if (firstEnd !== undefined) {
      parts.push(
        `<rect class="timeline-extension" x="${firstEnd}" y="${y + 7}" width="${round(barEnd - firstEnd)}" height="${ROW - 14}" rx="3" fill="url(#timeline-extension)" stroke="#b7791f"/>`,
      )
    }
    parts.push(
      `<line class="timeline-limit" x1="${limit}" y1="${y + 3}" x2="${limit}" y2="${y + ROW - 3}" stroke="#c0392b" stroke-width="2"/>`,
    )
    for (const meeting of pairing.meetings) {
      const mx = x(meeting.date)
      parts.push(
        meeting.modality === 'in_person'
          ? `<circle class="timeline-meeting timeline-meeting--in-person" cx="${mx}" cy="${mid}" r="4.5" fill="#111" stroke="#fff" stroke-width="1.5"/>`
          : `<circle class="timeline-meeting timeline-meeting--remote" cx="${mx}" cy="${mid}" r="4" fill="#fff" stroke="#111" stroke-width="1.5"/>`,
      )
    }
    parts.push('</g>')
  })

  const todayX = x(options.today)
  parts.push(
    `<line class="timeline-today" x1="${todayX}" y1="${TOP - 8}" x2="${todayX}" y2="${height - BOTTOM + 4}" stroke="#c0392b" stroke-width="1.5" stroke-dasharray="4 3"/>`,
    `<text x="${todayX + 4}" y="${height - BOTTOM + 16}" fill="#c0392b" font-weight="bold">Avui</text>`,
  )
  // Legend, in words: the drawing does not rely on colour alone.
  const ly = height - 12
  parts.push(
    `<g class="timeline-legend" font-size="11" fill="#333">`,
    `<rect x="${LABEL_WIDTH}" y="${ly - 9}" width="18" height="10" rx="2" fill="#2f6db3"/><text x="${LABEL_WIDTH + 22}" y="${ly}">Acompanyament</text>`,
    `<rect x="${LABEL_WIDTH + 130}" y="${ly - 9}" width="18" height="10" rx="2" fill="url(#timeline-extension)" stroke="#b7791f"/><text x="${LABEL_WIDTH + 152}" y="${ly}">Ampliació</text>`,
    `<line x1="${LABEL_WIDTH + 235}" y1="${ly - 10}" x2="${LABEL_WIDTH + 235}" y2="${ly + 1}" stroke="#c0392b" stroke-width="2"/><text x="${LABEL_WIDTH + 241}" y="${ly}">Límit d'un any</text>`,
    `<circle cx="${LABEL_WIDTH + 345}" cy="${ly - 4}" r="4.5" fill="#111"/><text x="${LABEL_WIDTH + 354}" y="${ly}">Trobada presencial</text>`,
    `<circle cx="${LABEL_WIDTH + 475}" cy="${ly - 4}" r="4" fill="#fff" stroke="#111" stroke-width="1.5"/><text x="${LABEL_WIDTH + 484}" y="${ly}">En línia o per telèfon</text>`,
    '</g></svg>',
  )
  return parts.join('')
}
