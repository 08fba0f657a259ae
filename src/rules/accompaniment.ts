import { dayOf, formatDateCa, onDateCa } from './dates'
import { countingModalitiesLabel, countQualifyingMeetings, type MeetingFact } from './meetings'
import type { PairingStatus, Party } from './pairings'
import { allowed, firstRefusal, refuse, type RuleResult } from './result'

/** How far back a party may record the start of an accompaniment (docs/domain.md, «Dates plausibles»). */
export const PARTY_BACKDATE_DAYS = 90

/**
 * A plausible accompaniment in time, as the parties record it (docs/domain.md): the start at most
 * `PARTY_BACKDATE_DAYS` days back, and, when it starts or the agreed end moves, an end date still to
 * come. So nobody records, by themselves, a whole accompaniment that ended long ago (started 400 days
 * back, ended, back-dated meetings, closed the same day). The secretariat may correct beyond this.
 */
export function checkPlausibleDates(args: {
  party: Party
  starting: boolean
  changed: readonly string[]
  pairing: { startDate?: string | null; endDate?: string | null }
  now?: Date
  backdateDays?: number
}): RuleResult {
  const {
    party,
    starting,
    changed,
    pairing,
    now = new Date(),
    backdateDays = PARTY_BACKDATE_DAYS,
  } = args
  if (party === 'secretariat') return allowed
  const earliest = new Date(now.getTime() - backdateDays * 86_400_000)
  return firstRefusal(
    (starting || changed.includes('startDate')) &&
      pairing.startDate &&
      dayOf(pairing.startDate) < dayOf(earliest)
      ? refuse(
          'R8',
          `La data d'inici pot ser com a molt de fa ${backdateDays} dies (${onDateCa(earliest)}). Si l'acompanyament va començar abans, escriviu a la secretaria tècnica perquè ho corregeixi.`,
          { field: 'startDate' },
        )
      : allowed,
    (starting || changed.includes('endDate')) &&
      pairing.endDate &&
      dayOf(pairing.endDate) < dayOf(now)
      ? refuse(
          'R8',
          "La data de finalització pactada ha de ser avui o més endavant. Si l'acompanyament ja s'ha acabat, tanqueu-lo.",
          { field: 'endDate' },
        )
      : allowed,
  )
}

export type PartyAgreement = {
  agreed?: boolean | null
  by?: unknown
  at?: string | null
  note?: string | null
}
export type ExtensionBlock = {
  proposedEndDate?: string | null
  reason?: string | null
  mentor?: PartyAgreement | null
  mentee?: PartyAgreement | null
}
export type ExtensionRecord = {
  endDate?: string | null
  previousEndDate?: string | null
  reason?: string | null
}

export const emptyAgreement = (): PartyAgreement => ({
  agreed: false,
  by: null,
  at: null,
  note: null,
})
export const emptyExtension = (): ExtensionBlock => ({
  proposedEndDate: null,
  reason: null,
  mentor: emptyAgreement(),
  mentee: emptyAgreement(),
})

const termsOf = (extension: ExtensionBlock | null | undefined) =>
  `${extension?.proposedEndDate ? dayOf(extension.proposedEndDate) : ''}|${extension?.reason?.trim() ?? ''}`

/** R8: changing the proposed date or the reason is a new proposal; earlier agreements no longer hold. */
export const extensionTermsChanged = (
  before: ExtensionBlock | null | undefined,
  after: ExtensionBlock | null | undefined,
): boolean => termsOf(before) !== termsOf(after)

export const hasProposal = (extension: ExtensionBlock | null | undefined): boolean =>
  Boolean(extension?.proposedEndDate)

export const bothAgreed = (extension: ExtensionBlock | null | undefined): boolean =>
  Boolean(hasProposal(extension) && extension?.mentor?.agreed && extension?.mentee?.agreed)

/** The latest end date both parties ever agreed in an extension (R8 allows up to it). */
export function agreedUntil(history: readonly ExtensionRecord[] | null | undefined): string | null {
  const dates = (history ?? [])
    .map((record) => record.endDate)
    .filter((date): date is string => Boolean(date))
  return dates.length
    ? dates.reduce((latest, date) => (dayOf(date) > dayOf(latest) ? date : latest))
    : null
}

/** R8: what a proposal needs: an active accompaniment, a later end date and a reason. */
export function checkExtensionProposal(
  status: PairingStatus,
  extension: ExtensionBlock,
  current: { startDate?: string | null; endDate?: string | null },
): RuleResult {
  if (status !== 'active') {
    return refuse('R8', 'Només es pot ampliar un acompanyament en curs.', {
      field: 'extension.proposedEndDate',
      status: 409,
    })
  }
  if (!extension.proposedEndDate || Number.isNaN(new Date(extension.proposedEndDate).getTime())) {
    return refuse('R8', 'Per proposar una ampliació cal la nova data de finalització.', {
      field: 'extension.proposedEndDate',
    })
  }
  if (current.endDate && dayOf(extension.proposedEndDate) <= dayOf(current.endDate)) {
    return refuse(
      'R8',
      `La nova data de finalització ha de ser posterior a l'actual (${formatDateCa(current.endDate)}).`,
      {
        field: 'extension.proposedEndDate',
      },
    )
  }
  if (!extension.reason?.trim())
    return refuse('R8', 'Per proposar una ampliació cal explicar-ne el motiu.', {
      field: 'extension.reason',
    })
  return allowed
}

/** Whole days from `now` to `endDate` (negative once past). */
export function daysLeft(
  endDate: string | null | undefined,
  now: Date = new Date(),
): number | null {
  if (!endDate) return null
  const end = Date.parse(`${dayOf(endDate)}T00:00:00Z`)
  const today = Date.parse(`${dayOf(now)}T00:00:00Z`)
  return Math.round((end - today) / 86_400_000)
}

export type ChecklistItem = {
  key: 'agreement' | 'meetings' | 'evaluation' | 'fitxa'
  done: boolean
  label: string
  detail: string
}

/**
 * What is still missing to close an accompaniment, in the words a party reads: the agreement,
 * the meetings that count (R7), the mentee's evaluation (R9) and the published fitxa (R10).
 */
export function closingChecklist(args: {
  status: PairingStatus
  startDate?: string | null
  closingDate?: string | null
  menteeEvaluated: boolean
  meetings: readonly MeetingFact[]
  fitxa: 'none' | 'draft' | 'submitted' | 'returned' | 'published'
  /** Who reads the list (the mentee by default: the fitxa is theirs to write). */
  side?: 'mentor' | 'mentee'
  options: { requiredMeetings: number; countingModalities: readonly string[] }
  now?: Date
}): ChecklistItem[] {
  const { options } = args
  const started = Boolean(args.startDate) && ['active', 'completed'].includes(args.status)
  const counted = args.startDate
    ? countQualifyingMeetings(
        args.meetings,
        {
          startDate: args.startDate,
          closingDate: args.closingDate ?? (args.now ?? new Date()).toISOString(),
        },
        options.countingModalities,
      )
    : 0
  const modality = countingModalitiesLabel(options.countingModalities)
  // The mentee writes it; the mentor reads where it stands, never that it is theirs to start.
  const fitxaDetail =
    args.side === 'mentor'
      ? {
          none: "La redacta la persona mentorada; encara no l'ha començada.",
          draft: "La persona mentorada l'està redactant.",
          submitted: "La persona mentorada l'ha enviada a la secretaria tècnica per revisar.",
          returned: "La secretaria tècnica l'ha retornada a la persona mentorada amb comentaris.",
          published: 'Publicada al web de la XMESS.',
        }[args.fitxa]
      : {
          none: "Encara no l'heu començada.",
          draft: 'En redacció.',
          submitted: 'Enviada a la secretaria tècnica per revisar.',
          returned: "La secretaria tècnica l'ha retornada amb comentaris.",
          published: 'Publicada al web de la XMESS.',
        }[args.fitxa]
  return [
    {
      key: 'agreement',
      done: started,
      label: "L'acord d'inici (dates, objectius, activitats i calendari)",
      detail: started ? 'Registrat.' : "Encara no s'ha registrat.",
    },
    {
      key: 'meetings',
      done: counted >= options.requiredMeetings,
      label: `${options.requiredMeetings} trobades ${modality}`,
      detail: `${counted} de ${options.requiredMeetings}.`,
    },
    {
      key: 'evaluation',
      done: args.menteeEvaluated,
      label: 'La valoració de la persona mentorada',
      detail: args.menteeEvaluated ? 'Feta.' : "Encara no s'ha fet.",
    },
    {
      key: 'fitxa',
      done: args.fitxa === 'published',
      label: 'La fitxa de la mentoria',
      detail: fitxaDetail,
    },
  ]
}

/** Which actions a party may take now, so the page offers them and nothing else. */
export function actionsFor(
  party: Exclude<Party, 'secretariat'>,
  pairing: {
    status: PairingStatus
    extension?: ExtensionBlock | null
    mentorEvaluated?: boolean
    menteeEvaluated?: boolean
  },
) {
  const { status } = pairing
  const mine = pairing.extension?.[party]
  return {
    answer: party === 'mentor' && status === 'proposed',
    start: status === 'accepted',
    recordMeeting: status === 'active',
    reportIncident: status === 'accepted' || status === 'active',
    proposeExtension: status === 'active',
    agreeExtension: status === 'active' && hasProposal(pairing.extension) && !mine?.agreed,
    evaluate:
      party === 'mentee'
        ? status === 'active'
        : status === 'active' || (status === 'completed' && !pairing.mentorEvaluated),
    close: status === 'active',
    withdraw: status === 'accepted' || status === 'active',
  }
}
