import { addMonths, dayOf, onDateCa } from './dates'
import { checkRequiredMeetings, countQualifyingMeetings, type MeetingFact } from './meetings'
import { PAIRING_STATUS_LABELS, type PairingStatus, type Party } from './pairing-status'
import { allowed, firstRefusal, refuse, type RuleResult } from './result'

export {
  PAIRING_STATUS_LABELS,
  PAIRING_STATUSES,
  type PairingStatus,
  type Party,
} from './pairing-status'

/** docs/domain.md «Estats»: every transition that exists, and who may make it. Anything else is refused (R6). */
export const PAIRING_TRANSITIONS: readonly {
  from: PairingStatus
  to: PairingStatus
  by: readonly Party[]
}[] = [
  { from: 'proposed', to: 'accepted', by: ['mentor', 'secretariat'] },
  { from: 'proposed', to: 'declined', by: ['mentor', 'secretariat'] },
  { from: 'accepted', to: 'active', by: ['mentee', 'mentor', 'secretariat'] },
  { from: 'active', to: 'completed', by: ['mentee', 'mentor', 'secretariat'] },
  { from: 'proposed', to: 'cancelled', by: ['secretariat'] },
  // Withdrawal: the programme is voluntary (seed §2), so either party may end it, with a reason.
  { from: 'accepted', to: 'cancelled', by: ['mentor', 'mentee', 'secretariat'] },
  { from: 'active', to: 'cancelled', by: ['mentor', 'mentee', 'secretariat'] },
]

export const FINAL_STATUSES: readonly PairingStatus[] = ['declined', 'completed', 'cancelled']
/** Pairings that take up a mentor's capacity (R4). */
export const CAPACITY_STATUSES: readonly PairingStatus[] = ['proposed', 'accepted', 'active']
/** Once here, the two people are fixed (R1) and see each other's contact data (R12). */
export const COMMITTED_STATUSES: readonly PairingStatus[] = ['accepted', 'active', 'completed']
/** Agreed and not closed: the mentor's capacity is taken for good (R4), meetings are recorded (R7), dates are checked (R8). */
export const UNDERWAY_STATUSES: readonly PairingStatus[] = ['accepted', 'active']

const PARTY_LABELS: Record<Party, string> = {
  secretariat: 'la secretaria tècnica',
  mentor: 'la persona mentora',
  mentee: 'la persona mentorada',
}

/** R6: only the transitions of the table, and only by whom it names. */
export function checkTransition(
  from: PairingStatus,
  to: PairingStatus,
  party: Party | null,
): RuleResult {
  if (from === to) return allowed
  const transition = PAIRING_TRANSITIONS.find(
    (candidate) => candidate.from === from && candidate.to === to,
  )
  if (!transition) {
    return refuse(
      'R6',
      FINAL_STATUSES.includes(from)
        ? `Una parella ${PAIRING_STATUS_LABELS[from]} ja no pot canviar d'estat.`
        : `Una parella ${PAIRING_STATUS_LABELS[from]} no pot passar a ${PAIRING_STATUS_LABELS[to]}.`,
      { field: 'status' },
    )
  }
  if (!party || !transition.by.includes(party)) {
    const who = transition.by.map((allowedParty) => PARTY_LABELS[allowedParty]).join(' o ')
    return refuse(
      'R6',
      `Només ${who} pot passar una parella de ${PAIRING_STATUS_LABELS[from]} a ${PAIRING_STATUS_LABELS[to]}.`,
      {
        field: 'status',
        status: 403,
      },
    )
  }
  return allowed
}

/** R6: what each party may write on a pairing; the secretariat may write everything. */
export const PARTY_FIELDS: Record<Exclude<Party, 'secretariat'>, readonly string[]> = {
  mentor: [
    'status',
    'startDate',
    'endDate',
    'agreement',
    'extension.mentor',
    'extension.proposedEndDate',
    'extension.reason',
    'closing.closingDate',
    'closing.mentorEvaluation',
    'cancellationReason',
  ],
  mentee: [
    'status',
    'startDate',
    'endDate',
    'agreement',
    'extension.mentee',
    'extension.proposedEndDate',
    'extension.reason',
    'closing.closingDate',
    'closing.menteeEvaluation',
    'cancellationReason',
  ],
}

const FIELD_LABELS: Record<string, string> = {
  edition: 'la convocatòria',
  mentor: 'la persona mentora',
  candidate: 'la sol·licitud',
  cancellationReason: 'el motiu de cancel·lació',
  'extension.mentor': "l'acord d'ampliació de la persona mentora",
  'extension.mentee': "l'acord d'ampliació de la persona mentorada",
  'closing.menteeEvaluation': 'la valoració de la persona mentorada',
  'closing.mentorEvaluation': 'la valoració de la persona mentora',
  matching: "les dades de l'aparellament",
}

/** R6: a party changes only its own fields (`changed`: the dotted paths that differ). */
export function checkPartyFields(party: Party, changed: readonly string[]): RuleResult {
  if (party === 'secretariat') return allowed
  const mine = PARTY_FIELDS[party]
  const foreign = changed.find(
    (path) =>
      !mine.some((allowedPath) => path === allowedPath || path.startsWith(`${allowedPath}.`)),
  )
  if (!foreign) return allowed
  const extension = foreign.startsWith('extension.')
  return refuse(
    extension ? 'R8' : 'R6',
    `${party === 'mentor' ? 'La persona mentora' : 'La persona mentorada'} no pot canviar ${FIELD_LABELS[foreign] ?? foreign}${
      extension ? ': cada part dona el seu acord des del seu compte' : ''
    }.`,
    { field: foreign, status: 403 },
  )
}

/**
 * What a party may change, beyond their own fields: nothing once the pairing is final (the mentor's
 * evaluation after closing excepted, R9), a withdrawal reason only when withdrawing, an evaluation
 * only once the accompaniment has started.
 */
export function checkPartyMayChange(
  actor: Party,
  from: PairingStatus,
  to: PairingStatus,
  changed: readonly string[],
): RuleResult {
  if (actor === 'secretariat') return allowed
  if (FINAL_STATUSES.includes(from) && changed.length > 0) {
    const lateEvaluation =
      from === 'completed' &&
      actor === 'mentor' &&
      changed.every((path) => path === 'closing.mentorEvaluation')
    if (!lateEvaluation) {
      return refuse(
        'R6',
        `Aquest acompanyament està ${PAIRING_STATUS_LABELS[from]}: ja no s'hi pot canviar res. Si cal corregir alguna cosa, escriviu a la secretaria tècnica.`,
        {
          status: 409,
        },
      )
    }
  }
  if (changed.includes('cancellationReason') && to !== 'cancelled') {
    return refuse('R6', "El motiu només s'escriu en deixar l'acompanyament.", {
      field: 'cancellationReason',
    })
  }
  const evaluation = actor === 'mentor' ? 'closing.mentorEvaluation' : 'closing.menteeEvaluation'
  if (changed.includes(evaluation) && !['active', 'completed'].includes(from)) {
    return refuse('R9', "La valoració es fa quan l'acompanyament ha començat.", {
      field: evaluation,
      status: 409,
    })
  }
  return allowed
}

/** R12: a change to a pairing is made by one of its two people or the secretariat. */
export const checkPartyOfPairing = (party: Party | null): RuleResult =>
  party ? allowed : refuse('R12', 'Aquesta parella no és vostra.', { status: 403 })

/**
 * R12: what is recorded on a pairing (a meeting, an incident, a fitxa) names one that exists, and is
 * recorded by its two people or the secretariat.
 */
export function checkRecordedOnPairing(exists: boolean, party: Party | null): RuleResult {
  if (!exists) return refuse('R12', 'Cal indicar una parella que existeixi.', { field: 'pairing' })
  if (!party)
    return refuse(
      'R12',
      'Només les dues persones de la parella i la secretaria tècnica hi poden registrar coses.',
      { field: 'pairing', status: 403 },
    )
  return allowed
}

/** R7, R10, R11: a meeting, a fitxa or an incident stays on the pairing it was recorded on. */
export function checkSamePairing(
  kind: 'meeting' | 'fitxa' | 'incident',
  moved: boolean,
): RuleResult {
  if (!moved) return allowed
  if (kind === 'meeting')
    return refuse('R7', 'Una trobada no es pot moure a una altra parella.', { field: 'pairing' })
  if (kind === 'fitxa')
    return refuse('R10', 'Una fitxa no es pot passar a una altra parella.', { field: 'pairing' })
  return refuse('R11', 'Una incidència no es pot moure a una altra parella.', { field: 'pairing' })
}

/** R6: only the secretariat proposes, and a new pairing always starts as proposed. */
export function checkNewPairing(
  party: Party | null,
  signedIn: boolean,
  status: PairingStatus | null | undefined,
): RuleResult {
  if (signedIn && party !== 'secretariat')
    return refuse('R6', 'Només la secretaria tècnica pot proposar parelles.', { status: 403 })
  if ((status ?? 'proposed') !== 'proposed')
    return refuse('R6', 'Una parella nova sempre comença com a proposada.', { field: 'status' })
  return allowed
}

/**
 * A proposal's prerequisites, on the two records (R3, R4, R5, R6): both exist, the application is of
 * the pairing's edition and admitted, and the two councils differ.
 */
export function checkProposalParties(facts: {
  mentor: { municipality?: string | number | null } | undefined
  candidate: { status?: string | null; municipality?: string | number | null } | undefined
  sameEdition: boolean
}): RuleResult {
  const { mentor, candidate } = facts
  if (!mentor)
    return refuse('R4', 'Cal triar una persona mentora que existeixi.', { field: 'mentor' })
  if (!candidate)
    return refuse('R3', 'Cal triar una sol·licitud que existeixi.', { field: 'candidate' })
  if (!facts.sameEdition)
    return refuse('R6', "La sol·licitud és d'una altra convocatòria que la parella.", {
      field: 'edition',
    })
  if (candidate.status !== 'eligible') {
    return refuse(
      'R3',
      `Només es poden proposar parelles per a sol·licituds admeses; aquesta és «${candidate.status}».`,
      { field: 'candidate', status: 409 },
    )
  }
  return checkDifferentCouncils(mentor.municipality, candidate.municipality)
}

/** A proposal's prerequisites, on the pairings so far: never again after a decline (R4), one open pairing per application (R1). */
export function checkProposalHistory(facts: {
  mentorName?: string | null
  declinedBefore: boolean
  candidateHasOpenPairing: boolean
}): RuleResult {
  if (facts.declinedBefore) {
    return refuse(
      'R4',
      `${facts.mentorName ?? 'Aquesta persona mentora'} ja va declinar aquesta parella; no es torna a proposar.`,
      { field: 'mentor', status: 409 },
    )
  }
  if (facts.candidateHasOpenPairing)
    return refuse('R1', 'Aquesta sol·licitud ja té una parella oberta.', {
      field: 'candidate',
      status: 409,
    })
  return allowed
}

/** R8: the secretariat may record a party's agreement to an extension, with a note that says why. */
export function checkExtensionOnBehalf(
  party: Party,
  side: 'mentor' | 'mentee',
  note: string | null | undefined,
): RuleResult {
  if (party !== 'secretariat' || note?.trim()) return allowed
  return refuse(
    'R8',
    `Per registrar l'acord d'ampliació en nom de ${side === 'mentor' ? 'la persona mentora' : 'la persona mentorada'} cal una nota que ho expliqui.`,
    {
      field: `extension.${side}.note`,
    },
  )
}

/** R4: an available mentor with room, counting proposed + accepted + active pairings of the edition. */
export function checkMentorCapacity(
  mentor: { name?: string; available?: boolean | null; capacity?: number | null },
  openPairings: number,
): RuleResult {
  if (!mentor.available) {
    return refuse(
      'R4',
      `${mentor.name ?? 'Aquesta persona mentora'} no està disponible ara mateix.`,
      { field: 'mentor', status: 409 },
    )
  }
  const capacity = mentor.capacity ?? 1
  if (openPairings + 1 > capacity) {
    return refuse(
      'R4',
      `${mentor.name ?? 'Aquesta persona mentora'} ja té ${openPairings} ${openPairings === 1 ? 'acompanyament' : 'acompanyaments'} en aquesta convocatòria i la seva capacitat és ${capacity}.`,
      { field: 'mentor', status: 409 },
    )
  }
  return allowed
}

/** R4 by the database: another request took the free place this one had counted (src/rules/unique-keys.ts). */
export const checkSeatTakenMeanwhile = (mentorName: string | null | undefined): RuleResult =>
  refuse(
    'R4',
    `S'està desant una altra parella de ${mentorName ?? 'aquesta persona mentora'} ara mateix; torneu-ho a provar.`,
    { field: 'mentor', status: 409 },
  )

/** R5: never someone from the mentor's own council. */
export function checkDifferentCouncils(
  mentorCouncil: string | number | null | undefined,
  candidateCouncil: string | number | null | undefined,
): RuleResult {
  return mentorCouncil !== undefined &&
    mentorCouncil !== null &&
    String(mentorCouncil) === String(candidateCouncil)
    ? refuse('R5', 'Una persona mentora no pot acompanyar algú del seu mateix ens.', {
        field: 'mentor',
      })
    : allowed
}

/**
 * R5 and R3 on the day a pairing is accepted or started, not only when it was proposed: people move
 * between councils, and a council may leave the XMESS, after the proposal.
 */
export function checkPartiesStillEligible(facts: {
  mentorCouncil: string | number | null | undefined
  candidateCouncil:
    { id: string | number; name?: string | null; member?: boolean | null } | undefined
}): RuleResult {
  const differentCouncils = checkDifferentCouncils(facts.mentorCouncil, facts.candidateCouncil?.id)
  if (!differentCouncils.ok) return differentCouncils
  if (facts.candidateCouncil && !facts.candidateCouncil.member) {
    return refuse(
      'R3',
      `${facts.candidateCouncil.name ?? "L'ens de la persona mentorada"} ja no és membre de la XMESS: l'acompanyament no pot continuar.`,
      {
        field: 'candidate',
        status: 409,
      },
    )
  }
  return allowed
}

/** R1: once accepted, the two people of a pairing cannot change. */
export function checkSamePeople(
  status: PairingStatus,
  before: { mentor: unknown; candidate: unknown },
  after: { mentor: unknown; candidate: unknown },
): RuleResult {
  if (status === 'proposed') return allowed
  if (
    String(before.mentor) !== String(after.mentor) ||
    String(before.candidate) !== String(after.candidate)
  ) {
    return refuse(
      'R1',
      'Una parella acceptada sempre és de les mateixes dues persones: per canviar-ne una, cancel·leu-la i feu-ne una de nova.',
      { field: String(before.mentor) !== String(after.mentor) ? 'mentor' : 'candidate' },
    )
  }
  return allowed
}

export type PartyAgreement = { agreed?: boolean | null }
export type Extension = { mentor?: PartyAgreement | null; mentee?: PartyAgreement | null }

export const extensionAgreed = (extension: Extension | null | undefined): boolean =>
  Boolean(extension?.mentor?.agreed && extension?.mentee?.agreed)

/**
 * R8: at most `maxMonths` from the start, or up to the latest end date both parties agreed in an
 * extension (`agreedUntil`, from the pairing's extension history).
 */
export function checkDuration(
  pairing: { startDate?: string | null; endDate?: string | null },
  maxMonths: number,
  agreedUntil?: string | null,
): RuleResult {
  if (!pairing.startDate || !pairing.endDate) return allowed
  if (dayOf(pairing.endDate) < dayOf(pairing.startDate)) {
    return refuse('R8', "La data de finalització no pot ser anterior a la d'inici.", {
      field: 'endDate',
    })
  }
  const limit = addMonths(pairing.startDate, maxMonths)
  if (
    dayOf(pairing.endDate) > dayOf(limit) &&
    !(agreedUntil && dayOf(pairing.endDate) <= dayOf(agreedUntil))
  ) {
    return refuse(
      'R8',
      `Un acompanyament dura com a màxim ${maxMonths} mesos (fins ${onDateCa(limit).replace(/^el /, 'al ').replace(/^l'/, "a l'")}); per allargar-lo cal que totes dues parts acordin una ampliació.`,
      { field: 'endDate' },
    )
  }
  return allowed
}

export type Agreement = {
  objectives?: string | null
  activities?: string | null
  calendar?: string | null
}

/** accepted → active: dates and the agreement recorded (programa §4, docs/domain.md: terms, duration, main activities). */
export function checkReadyToStart(
  pairing: { startDate?: string | null; endDate?: string | null; agreement?: Agreement | null },
  maxMonths: number,
): RuleResult {
  if (!pairing.startDate)
    return refuse('R6', "Per començar l'acompanyament cal la data d'inici.", { field: 'startDate' })
  if (!pairing.endDate)
    return refuse('R6', "Per començar l'acompanyament cal la data de finalització pactada.", {
      field: 'endDate',
    })
  const agreement = pairing.agreement ?? {}
  if (!agreement.objectives?.trim())
    return refuse('R6', "Per començar cal recollir els objectius pactats a l'acord.", {
      field: 'agreement.objectives',
    })
  if (!agreement.activities?.trim())
    return refuse('R6', "Per començar cal recollir les activitats principals a l'acord.", {
      field: 'agreement.activities',
    })
  if (!agreement.calendar?.trim())
    return refuse('R6', "Per començar cal recollir el calendari a l'acord.", {
      field: 'agreement.calendar',
    })
  return checkDuration(pairing, maxMonths)
}

export type Evaluation = { rating?: number | null; comments?: string | null }

/** active → completed: R9 (closing date, the mentee's evaluation) and R7 (meetings). */
export function checkReadyToComplete(
  pairing: {
    startDate?: string | null
    closing?: { closingDate?: string | null; menteeEvaluation?: Evaluation | null } | null
  },
  meetings: readonly MeetingFact[],
  options: { requiredMeetings: number; countingModalities: readonly string[] },
  now: Date = new Date(),
): RuleResult {
  const closing = pairing.closing ?? {}
  if (!closing.closingDate)
    return refuse('R9', "Per completar l'acompanyament cal la data de tancament.", {
      field: 'closing.closingDate',
    })
  if (dayOf(closing.closingDate) > dayOf(now)) {
    return refuse('R9', 'La data de tancament no pot ser futura.', { field: 'closing.closingDate' })
  }
  if (pairing.startDate && dayOf(closing.closingDate) < dayOf(pairing.startDate)) {
    return refuse('R9', "La data de tancament no pot ser anterior a la d'inici.", {
      field: 'closing.closingDate',
    })
  }
  const rating = closing.menteeEvaluation?.rating
  if (!rating || rating < 1 || rating > 5 || !Number.isInteger(rating)) {
    return refuse('R9', 'Per completar cal la valoració de la persona mentorada (de 1 a 5).', {
      field: 'closing.menteeEvaluation.rating',
    })
  }
  if (!closing.menteeEvaluation?.comments?.trim()) {
    return refuse('R9', 'Per completar cal el comentari de valoració de la persona mentorada.', {
      field: 'closing.menteeEvaluation.comments',
    })
  }
  const counted = countQualifyingMeetings(
    meetings,
    { startDate: pairing.startDate ?? closing.closingDate, closingDate: closing.closingDate },
    options.countingModalities,
  )
  return checkRequiredMeetings(counted, options)
}

/** The application's status once its pairing moves to `to` (undefined: it stays as it is). */
export function applicationStatusAfter(
  from: PairingStatus | null | undefined,
  to: PairingStatus | null | undefined,
  actor: Party,
): string | undefined {
  if (to === 'accepted') return 'matched'
  if (to === 'completed') return 'completed'
  if (to === 'cancelled' && actor === 'mentee') return 'withdrawn'
  if ((to === 'cancelled' || to === 'declined') && from !== 'proposed') return 'eligible'
  return undefined
}

/** accepted → cancelled etc. need a reason (a withdrawal too: the secretariat is told why). */
export function checkCancellation(
  reason: string | null | undefined,
  party: Party | null = 'secretariat',
): RuleResult {
  if (reason?.trim()) return allowed
  return refuse(
    'R6',
    party === 'secretariat'
      ? 'Per cancel·lar una parella cal indicar-ne el motiu.'
      : "Per deixar l'acompanyament cal indicar-ne el motiu.",
    { field: 'cancellationReason' },
  )
}

/** Everything a status change needs, given the facts the hook gathered. */
export function checkStatusChange(args: {
  from: PairingStatus
  to: PairingStatus
  party: Party | null
  pairing: Parameters<typeof checkReadyToStart>[0] &
    Parameters<typeof checkReadyToComplete>[0] & { cancellationReason?: string | null }
  meetings: readonly MeetingFact[]
  options: {
    requiredMeetings: number
    countingModalities: readonly string[]
    maxDurationMonths: number
  }
  now?: Date
}): RuleResult {
  const { from, to, party, pairing, meetings, options, now = new Date() } = args
  return firstRefusal(
    checkTransition(from, to, party),
    from !== to && to === 'active'
      ? checkReadyToStart(pairing, options.maxDurationMonths)
      : allowed,
    from !== to && to === 'completed'
      ? checkReadyToComplete(pairing, meetings, options, now)
      : allowed,
    from !== to && to === 'cancelled'
      ? checkCancellation(pairing.cancellationReason, party)
      : allowed,
  )
}
