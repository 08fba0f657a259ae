import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { hasRole } from '../access/roles'
import { mentoriaOptionsOf } from '../src/plugin/options-of'
import {
  agreedUntil,
  bothAgreed,
  checkExtensionProposal,
  emptyAgreement,
  emptyExtension,
  type ExtensionBlock,
  type ExtensionRecord,
  extensionTermsChanged,
} from '../src/rules/accompaniment'
import {
  CAPACITY_STATUSES,
  checkDifferentCouncils,
  FINAL_STATUSES,
  PAIRING_STATUS_LABELS,
  checkDuration,
  checkMentorCapacity,
  checkSamePeople,
  checkStatusChange,
  type PairingStatus,
  type Party,
} from '../src/rules/pairings'
import { refuse } from '../src/rules/result'
import { newNonce } from '../src/notifications/links'
import { adminDocUrl } from '../src/notifications/pages'
import { formatDateCa } from '../src/rules/dates'
import { accountForParty } from './accounts'
import { noticeCompleted, noticeExtension, noticeStarted, noticeWithdrawal } from './accompaniment-notices'
import { notifySecretariat } from './notify'
import { queueAcceptedEmail, queueProposalEmail } from './proposal-emails'
import { deepMerge, enforce, type ID, idOf, isSecretariatRequest, loadDoc, sameId } from './shared'

export type MentorDoc = { id: ID; name?: string; email?: string; municipality?: unknown; capacity?: number; available?: boolean; user?: unknown }
export type CandidateDoc = { id: ID; name?: string; email?: string; municipality?: unknown; edition?: unknown; status?: string; user?: unknown }
type AgreementOf = { agreed?: boolean | null; by?: unknown; at?: string | null; note?: string | null }
export type PairingDoc = {
  id: ID
  edition?: unknown
  mentor?: unknown
  candidate?: unknown
  status?: PairingStatus
  startDate?: string | null
  endDate?: string | null
  agreement?: { objectives?: string | null; activities?: string | null; calendar?: string | null } | null
  extension?: (ExtensionBlock & { mentor?: AgreementOf | null; mentee?: AgreementOf | null }) | null
  extensionHistory?: (ExtensionRecord & Record<string, unknown>)[] | null
  closing?: {
    closingDate?: string | null
    menteeEvaluation?: { rating?: number | null; comments?: string | null } | null
    mentorEvaluation?: { rating?: number | null; comments?: string | null } | null
    menteeEvaluatedAt?: string | null
    mentorEvaluatedAt?: string | null
  } | null
  cancellationReason?: string | null
  cancelledBy?: unknown
  title?: string
}

/** Which side of this pairing the signed-in person is on. */
export function partyFor(req: PayloadRequest, mentor: MentorDoc | undefined, candidate: CandidateDoc | undefined): Party | null {
  if (!req.user) return null
  if (isSecretariatRequest(req)) return 'secretariat'
  // R14: the linked record and the role together.
  if (mentor && sameId(mentor.user, req.user.id) && hasRole(req.user, 'mentor')) return 'mentor'
  if (candidate && sameId(candidate.user, req.user.id) && hasRole(req.user, 'mentee')) return 'mentee'
  return null
}

/** What each party may write on a pairing; the secretariat may write everything. */
const PARTY_FIELDS: Record<Exclude<Party, 'secretariat'>, string[]> = {
  mentor: ['status', 'startDate', 'endDate', 'agreement', 'extension.mentor', 'extension.proposedEndDate', 'extension.reason', 'closing.closingDate', 'closing.mentorEvaluation', 'cancellationReason'],
  mentee: ['status', 'startDate', 'endDate', 'agreement', 'extension.mentee', 'extension.proposedEndDate', 'extension.reason', 'closing.closingDate', 'closing.menteeEvaluation', 'cancellationReason'],
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

const CHECKED_PATHS = [
  'edition',
  'mentor',
  'candidate',
  'status',
  'startDate',
  'endDate',
  'agreement',
  'extension.mentor',
  'extension.mentee',
  'extension.proposedEndDate',
  'extension.reason',
  'closing.closingDate',
  'closing.menteeEvaluation',
  'closing.mentorEvaluation',
  'cancellationReason',
  'matching',
]

const at = (doc: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), doc)

const RELATIONSHIP_PATHS = new Set(['edition', 'mentor', 'candidate'])

/** Comparable form of a value: relationships by id, empty and missing alike. */
const normalise = (path: string, value: unknown): string =>
  RELATIONSHIP_PATHS.has(path)
    ? String(idOf(value) ?? '')
    : JSON.stringify(value ?? null, (key, inner) => (key === 'by' ? (idOf(inner) ?? null) : inner === undefined || inner === '' ? null : inner))

function changedPaths(before: PairingDoc, after: PairingDoc): string[] {
  return CHECKED_PATHS.filter((path) => normalise(path, at(before, path)) !== normalise(path, at(after, path)))
}

/** Open pairings of a mentor in an edition (R4), inside the request's transaction. */
async function countMentorPairings(req: PayloadRequest, mentor: ID, edition: unknown, statuses: readonly PairingStatus[], exclude?: ID) {
  const { totalDocs } = await req.payload.count({
    collection: 'pairings',
    req,
    overrideAccess: true,
    where: {
      and: [
        { mentor: { equals: mentor } },
        { edition: { equals: idOf(edition) } },
        { status: { in: [...statuses] } },
        ...(exclude !== undefined ? [{ id: { not_equals: exclude } }] : []),
      ],
    },
  })
  return totalDocs
}

/**
 * Takes the mentor's write lock before counting: on SQLite the immediate transaction already
 * serialises writers; on MongoDB two transactions writing the same mentor conflict, so one fails.
 */
async function lockMentor(req: PayloadRequest, mentor: MentorDoc) {
  try {
    await req.payload.db.updateOne({
      collection: 'mentors',
      id: mentor.id,
      data: { capacityCheckedAt: new Date().toISOString() },
      req,
    })
  } catch (error) {
    // MongoDB: another transaction holds this mentor (WriteConflict); it is a refusal, not a crash.
    const labels = (error as { errorLabels?: string[]; errorLabelSet?: Set<string> }).errorLabelSet
    if ((error as { code?: number }).code === 112 || labels?.has('TransientTransactionError')) {
      enforce(
        refuse('R4', `S'està desant una altra parella de ${mentor.name ?? 'aquesta persona mentora'} ara mateix; torneu-ho a provar.`, {
          field: 'mentor',
          status: 409,
        }),
      )
    }
    throw error
  }
}

async function checkProposal(req: PayloadRequest, pairing: PairingDoc, mentor: MentorDoc | undefined, candidate: CandidateDoc | undefined, self?: ID) {
  if (!mentor) enforce(refuse('R4', 'Cal triar una persona mentora que existeixi.', { field: 'mentor' }))
  if (!candidate) enforce(refuse('R3', 'Cal triar una sol·licitud que existeixi.', { field: 'candidate' }))
  const m = mentor as MentorDoc
  const c = candidate as CandidateDoc
  if (!sameId(c.edition, pairing.edition)) {
    enforce(refuse('R6', 'La sol·licitud és d\'una altra convocatòria que la parella.', { field: 'edition' }))
  }
  if (c.status !== 'eligible') {
    enforce(refuse('R3', `Només es poden proposar parelles per a sol·licituds admeses; aquesta és «${c.status}».`, { field: 'candidate', status: 409 }))
  }
  enforce(checkDifferentCouncils(idOf(m.municipality), idOf(c.municipality)))
  const declined = await req.payload.count({
    collection: 'pairings',
    req,
    overrideAccess: true,
    where: { and: [{ mentor: { equals: m.id } }, { candidate: { equals: c.id } }, { status: { equals: 'declined' } }] },
  })
  if (declined.totalDocs > 0) {
    enforce(refuse('R4', `${m.name ?? 'Aquesta persona mentora'} ja va declinar aquesta parella; no es torna a proposar.`, { field: 'mentor', status: 409 }))
  }
  const openForCandidate = await req.payload.count({
    collection: 'pairings',
    req,
    overrideAccess: true,
    where: {
      and: [
        { candidate: { equals: c.id } },
        { status: { in: [...CAPACITY_STATUSES] } },
        ...(self !== undefined ? [{ id: { not_equals: self } }] : []),
      ],
    },
  })
  if (openForCandidate.totalDocs > 0) {
    enforce(refuse('R1', 'Aquesta sol·licitud ja té una parella oberta.', { field: 'candidate', status: 409 }))
  }
  await lockMentor(req, m)
  enforce(checkMentorCapacity(m, await countMentorPairings(req, m.id, pairing.edition, CAPACITY_STATUSES, self)))
}

/** Records who agreed an extension and when; the secretariat may agree on a party's behalf, with a note. */
function stampExtension(req: PayloadRequest, party: Party, before: PairingDoc | undefined, data: PairingDoc) {
  for (const side of ['mentor', 'mentee'] as const) {
    const next = data.extension?.[side]
    const previous = before?.extension?.[side]
    if (!next) continue
    if (next.agreed && !previous?.agreed) {
      if (party === 'secretariat' && !next.note?.trim()) {
        enforce(
          refuse('R8', `Per registrar l'acord d'ampliació en nom de ${side === 'mentor' ? 'la persona mentora' : 'la persona mentorada'} cal una nota que ho expliqui.`, {
            field: `extension.${side}.note`,
          }),
        )
      }
      next.by = req.user?.id
      next.at = new Date().toISOString()
    } else if (!next.agreed) {
      next.by = null
      next.at = null
    } else {
      next.by = previous?.by ? idOf(previous.by) : next.by
      next.at = previous?.at ?? next.at
    }
  }
}

export const enforcePairingRules: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const options = mentoriaOptionsOf(req.payload.config)
  const before = operation === 'update' ? (originalDoc as PairingDoc) : undefined
  const next = deepMerge(before ?? {}, data) as PairingDoc

  const mentor = await loadDoc<MentorDoc>(req, 'mentors', idOf(next.mentor))
  const candidate = await loadDoc<CandidateDoc>(req, 'candidates', idOf(next.candidate))
  // Edition follows the application unless given.
  if (!next.edition && candidate?.edition) {
    next.edition = idOf(candidate.edition)
    data.edition = next.edition
  }

  if (mentor && candidate) data.title = `${mentor.name ?? 'Mentora'} → ${candidate.name ?? 'Sol·licitud'}`

  if (operation === 'create') {
    const party = partyFor(req, mentor, candidate)
    if (req.user && party !== 'secretariat') {
      enforce(refuse('R6', 'Només la secretaria tècnica pot proposar parelles.', { status: 403 }))
    }
    if ((next.status ?? 'proposed') !== 'proposed') {
      enforce(refuse('R6', 'Una parella nova sempre comença com a proposada.', { field: 'status' }))
    }
    data.status = 'proposed'
    await checkProposal(req, next, mentor, candidate)
    data.answerNonce = newNonce()
    return data
  }

  const previous = before as PairingDoc
  const beforeMentor = sameId(previous.mentor, next.mentor) ? mentor : await loadDoc<MentorDoc>(req, 'mentors', idOf(previous.mentor))
  const beforeCandidate = sameId(previous.candidate, next.candidate)
    ? candidate
    : await loadDoc<CandidateDoc>(req, 'candidates', idOf(previous.candidate))
  // The party is judged on the pairing as it stood: nobody joins a pairing by rewriting it.
  const party = req.user ? partyFor(req, beforeMentor, beforeCandidate) : 'secretariat'
  if (!party) enforce(refuse('R12', 'Aquesta parella no és vostra.', { status: 403 }))
  const actor = party as Party
  req.context.mentoriaActor = actor

  const changed = changedPaths(previous, next)
  const from = previous.status ?? 'proposed'
  const to = next.status ?? from
  if (actor !== 'secretariat') {
    const mine = PARTY_FIELDS[actor]
    const foreign = changed.find((path) => !mine.some((allowedPath) => path === allowedPath || path.startsWith(`${allowedPath}.`)))
    if (foreign) {
      enforce(
        refuse(
          foreign.startsWith('extension.') ? 'R8' : 'R6',
          `${actor === 'mentor' ? 'La persona mentora' : 'La persona mentorada'} no pot canviar ${FIELD_LABELS[foreign] ?? foreign}${
            foreign.startsWith('extension.') ? ': cada part dona el seu acord des del seu compte' : ''
          }.`,
          { field: foreign, status: 403 },
        ),
      )
    }
    checkPartyMayChange(actor, from, to, changed)
  }

  enforce(checkSamePeople(previous.status ?? 'proposed', previous as never, next as never))
  if (!sameId(previous.mentor, next.mentor) || !sameId(previous.candidate, next.candidate)) {
    await checkProposal(req, next, mentor, candidate, previous.id)
  }

  applyExtension(req, actor, previous, next, data as PairingDoc, changed)

  let meetings: { date: string; modality: string }[] = []
  if (from !== to && to === 'completed') {
    const found = await req.payload.find({
      collection: 'meetings',
      req,
      overrideAccess: true,
      depth: 0,
      pagination: false,
      where: { pairing: { equals: previous.id } },
    })
    meetings = found.docs.map((meeting) => ({ date: String(meeting.date), modality: String(meeting.modality) }))
  }
  enforce(checkStatusChange({ from, to, party: actor, pairing: next as never, meetings, options }))

  if (from !== to && to === 'accepted' && mentor) {
    await lockMentor(req, mentor)
    const committed = await countMentorPairings(req, mentor.id, next.edition, ['accepted', 'active'], previous.id)
    enforce(checkMentorCapacity({ ...mentor, available: true }, committed))
  }

  if (['accepted', 'active'].includes(to) && (changed.includes('startDate') || changed.includes('endDate') || data.endDate !== undefined)) {
    enforce(checkDuration(next, options.maxDurationMonths, agreedUntil(next.extensionHistory)))
  }
  stampEvaluations(previous, next, data as PairingDoc)
  if (from !== to) {
    data.statusChangedAt = new Date().toISOString()
    if (to === 'accepted' || to === 'declined') data.answeredAt = new Date().toISOString()
    // Any answer, in the admin or by link, retires the emailed links.
    if (from === 'proposed') data.answerNonce = null
    if (to === 'cancelled') data.cancelledBy = req.user?.id ?? null
  }
  return data
}

/**
 * What a party may change, beyond their own fields: nothing once the pairing is final (the mentor's
 * evaluation after closing excepted, R9), a withdrawal reason only when withdrawing, the mentee's
 * evaluation only while the accompaniment runs.
 */
function checkPartyMayChange(actor: Exclude<Party, 'secretariat'>, from: PairingStatus, to: PairingStatus, changed: string[]) {
  if (FINAL_STATUSES.includes(from) && changed.length > 0) {
    const lateEvaluation = from === 'completed' && actor === 'mentor' && changed.every((path) => path === 'closing.mentorEvaluation')
    if (!lateEvaluation) {
      enforce(
        refuse('R6', `Aquest acompanyament està ${PAIRING_STATUS_LABELS[from]}: ja no s'hi pot canviar res. Si cal corregir alguna cosa, escriviu a la secretaria tècnica.`, {
          status: 409,
        }),
      )
    }
  }
  if (changed.includes('cancellationReason') && to !== 'cancelled') {
    enforce(refuse('R6', "El motiu només s'escriu en deixar l'acompanyament.", { field: 'cancellationReason' }))
  }
  const evaluation = actor === 'mentor' ? 'closing.mentorEvaluation' : 'closing.menteeEvaluation'
  if (changed.includes(evaluation) && !['active', 'completed'].includes(from)) {
    enforce(refuse('R9', "La valoració es fa quan l'acompanyament ha començat.", { field: evaluation, status: 409 }))
  }
}

/** Who has evaluated, and when, without saying what (R13): both parties may read these dates. */
function stampEvaluations(previous: PairingDoc, next: PairingDoc, data: PairingDoc) {
  const closing = { ...(next.closing ?? {}) }
  let touched = false
  for (const side of ['mentee', 'mentor'] as const) {
    const given = Boolean(closing[`${side}Evaluation`]?.rating)
    const stamp = previous.closing?.[`${side}EvaluatedAt`] ?? null
    const value = given ? (stamp ?? new Date().toISOString()) : null
    if (value !== stamp) touched = true
    closing[`${side}EvaluatedAt`] = value
  }
  if (touched || data.closing) data.closing = closing
}

/**
 * R8, as DOMAIN.md says it: a proposal is a date and a reason; each party's agreement is recorded by
 * that party (or by the secretariat on their behalf, with a note); changing the date or the reason
 * clears both agreements; once both agree, the end date moves, the extension goes to the history and
 * the block is empty again.
 */
function applyExtension(req: PayloadRequest, actor: Party, previous: PairingDoc, next: PairingDoc, data: PairingDoc, changed: string[]) {
  if (!changed.some((path) => path.startsWith('extension.'))) return
  const extension: ExtensionBlock = { ...emptyExtension(), ...(next.extension ?? {}) }
  if (extensionTermsChanged(previous.extension, extension)) {
    if (!extension.proposedEndDate && !extension.reason?.trim()) {
      // The proposal is withdrawn.
      data.extension = emptyExtension()
      next.extension = data.extension
      return
    }
    enforce(checkExtensionProposal(previous.status ?? 'proposed', extension, previous))
    // A new proposal: earlier agreements go; only an agreement given in this very request stays.
    for (const side of ['mentor', 'mentee'] as const) {
      const givenNow = Boolean(extension[side]?.agreed && !previous.extension?.[side]?.agreed)
      extension[side] = givenNow ? { ...emptyAgreement(), ...extension[side] } : emptyAgreement()
    }
    stampExtension(req, actor, { ...previous, extension: { ...previous.extension, mentor: emptyAgreement(), mentee: emptyAgreement() } }, { ...next, extension })
  } else {
    const agreeing = (['mentor', 'mentee'] as const).some((side) => extension[side]?.agreed && !previous.extension?.[side]?.agreed)
    if (agreeing && !extension.proposedEndDate) {
      enforce(refuse('R8', "No hi ha cap ampliació proposada: primer cal proposar-ne una amb la nova data i el motiu.", { field: 'extension.proposedEndDate', status: 409 }))
    }
    if (agreeing && previous.status !== 'active') {
      enforce(refuse('R8', 'Només es pot ampliar un acompanyament en curs.', { field: 'extension', status: 409 }))
    }
    stampExtension(req, actor, previous, { ...next, extension })
  }
  if (bothAgreed(extension)) {
    const record = {
      previousEndDate: previous.endDate ?? null,
      endDate: extension.proposedEndDate,
      reason: extension.reason,
      agreedAt: new Date().toISOString(),
      mentorBy: idOf(extension.mentor?.by) ?? null,
      mentorNote: extension.mentor?.note ?? null,
      menteeBy: idOf(extension.mentee?.by) ?? null,
      menteeNote: extension.mentee?.note ?? null,
    }
    const history = [...(previous.extensionHistory ?? []).map(({ id, ...row }) => ({ ...row, id })), record]
    data.extensionHistory = history as never
    next.extensionHistory = history as never
    data.endDate = extension.proposedEndDate
    next.endDate = extension.proposedEndDate
    data.extension = emptyExtension()
  } else {
    data.extension = extension
  }
  next.extension = data.extension
}

/**
 * Tells people what happened: the mentor of a new proposal (with signed answer links), the mentee of
 * an acceptance (with the mentor's contact, seed §4), and the secretariat of a new end date (R11).
 * Keeps the application's status in step.
 */
export const afterPairingChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  const pairing = doc as PairingDoc & { answerNonce?: string | null; matching?: { explanation?: string | null } | null }
  // `doc` has been through field read access (the nonce, the other party's evaluation): read it as the system.
  const stored = (await loadDoc<PairingDoc & { answerNonce?: string }>(req, 'pairings', pairing.id)) ?? pairing
  const previous = previousDoc as PairingDoc | undefined
  const candidateId = idOf(stored.candidate)
  if (operation === 'create' && stored.status === 'proposed') {
    // R14: the mentor gets an account and the invitation with the proposal.
    const account = await accountForParty(req, 'mentor', await loadDoc<MentorDoc>(req, 'mentors', idOf(stored.mentor)))
    await queueProposalEmail(req, pairing, stored.answerNonce ?? undefined, account)
  }
  if (operation !== 'update' || !previous) return doc
  const actor: Party = req.user ? ((req.context.mentoriaActor as Party | undefined) ?? 'secretariat') : 'secretariat'
  const moved = previous.status !== stored.status
  if (moved && previous.status === 'proposed' && stored.status === 'accepted') {
    // R14: the mentee likewise, on acceptance, with the mentor's contact (seed §4).
    const account = await accountForParty(req, 'mentee', await loadDoc<CandidateDoc>(req, 'candidates', candidateId))
    await queueAcceptedEmail(req, stored, account)
  }
  if (moved && stored.status === 'active') await noticeStarted(req, stored, actor)
  if (moved && stored.status === 'completed') await noticeCompleted(req, stored)
  if (moved && stored.status === 'cancelled' && actor !== 'secretariat') await noticeWithdrawal(req, stored, actor)
  if (stored.status === 'active') await noticeExtension(req, stored, previous, actor)
  if (moved && candidateId !== undefined) {
    const status =
      stored.status === 'accepted'
        ? 'matched'
        : stored.status === 'completed'
          ? 'completed'
          : stored.status === 'cancelled' && actor === 'mentee'
            ? 'withdrawn'
            : (stored.status === 'cancelled' || stored.status === 'declined') && previous.status !== 'proposed'
              ? 'eligible'
              : undefined
    if (status) await req.payload.update({ collection: 'candidates', id: candidateId, data: { status }, req, overrideAccess: true, depth: 0 })
  }
  const extended = (stored.extensionHistory ?? []).length > (previous.extensionHistory ?? []).length
  if (
    !moved &&
    !extended &&
    previous.endDate &&
    stored.endDate &&
    String(previous.endDate).slice(0, 10) !== String(stored.endDate).slice(0, 10) &&
    ['accepted', 'active'].includes(String(stored.status))
  ) {
    const candidate = await loadDoc<CandidateDoc>(req, 'candidates', candidateId)
    await notifySecretariat(req, {
      subject: `Canvi de data de finalització: ${candidate?.name ?? 'parella'}`,
      text: `La data de finalització pactada de l'acompanyament «${stored.title ?? stored.id}» ha passat del ${formatDateCa(String(previous.endDate))} al ${formatDateCa(String(stored.endDate))}.\n\nAcompanyament: ${adminDocUrl(req.payload.config.serverURL, 'pairings', stored.id)}`,
    })
  }
  return doc
}
