import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { mentoriaOptionsOf } from '../src/plugin/options-of'
import {
  CAPACITY_STATUSES,
  checkDifferentCouncils,
  checkDuration,
  checkMentorCapacity,
  checkSamePeople,
  checkStatusChange,
  type PairingStatus,
  type Party,
} from '../src/rules/pairings'
import { checkMemberCouncil } from '../src/rules/applications'
import { refuse } from '../src/rules/result'
import { newNonce } from '../src/notifications/links'
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
  extension?: { mentor?: AgreementOf | null; mentee?: AgreementOf | null; reason?: string | null } | null
  closing?: {
    closingDate?: string | null
    menteeEvaluation?: { rating?: number | null; comments?: string | null } | null
    mentorEvaluation?: { rating?: number | null; comments?: string | null } | null
  } | null
  cancellationReason?: string | null
}

/** Which side of this pairing the signed-in person is on. */
export function partyFor(req: PayloadRequest, mentor: MentorDoc | undefined, candidate: CandidateDoc | undefined): Party | null {
  if (!req.user) return null
  if (isSecretariatRequest(req)) return 'secretariat'
  if (mentor && sameId(mentor.user, req.user.id)) return 'mentor'
  if (candidate && sameId(candidate.user, req.user.id)) return 'mentee'
  return null
}

/** What each party may write on a pairing; the secretariat may write everything. */
const PARTY_FIELDS: Record<Exclude<Party, 'secretariat'>, string[]> = {
  mentor: ['status', 'startDate', 'endDate', 'agreement', 'extension.mentor', 'extension.reason', 'closing.closingDate', 'closing.mentorEvaluation'],
  mentee: ['status', 'startDate', 'endDate', 'agreement', 'extension.mentee', 'extension.reason', 'closing.closingDate', 'closing.menteeEvaluation'],
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

  const changed = changedPaths(previous, next)
  if (actor !== 'secretariat') {
    const mine = PARTY_FIELDS[actor]
    const foreign = changed.find((path) => !mine.some((allowedPath) => path === allowedPath || path.startsWith(`${allowedPath}.`)))
    if (foreign) {
      enforce(
        refuse('R6', `${actor === 'mentor' ? 'La persona mentora' : 'La persona mentorada'} no pot canviar ${FIELD_LABELS[foreign] ?? foreign}.`, {
          field: foreign,
          status: 403,
        }),
      )
    }
  }

  enforce(checkSamePeople(previous.status ?? 'proposed', previous as never, next as never))
  const repointed = !sameId(previous.mentor, next.mentor) || !sameId(previous.candidate, next.candidate)
  if (repointed) {
    await checkProposal(req, next, mentor, candidate, previous.id)
    // The emailed links were for the proposal as it stood: they die, the new mentor gets new ones.
    data.answerNonce = newNonce()
    req.context[`mentoriaRepointed:${String(previous.id)}`] = true
  }

  stampExtension(req, actor, previous, next)
  if (next.extension) data.extension = next.extension

  const from = previous.status ?? 'proposed'
  const to = next.status ?? from
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

  // People move between councils after a proposal: R5 and R3 hold on the day it is accepted and started.
  if (from !== to && (to === 'accepted' || to === 'active') && mentor && candidate) {
    enforce(checkDifferentCouncils(idOf(mentor.municipality), idOf(candidate.municipality)))
    const council = await loadDoc<{ name?: string; member?: boolean | null }>(req, 'municipalities', idOf(candidate.municipality))
    const member = checkMemberCouncil(council)
    if (!member.ok) enforce({ ...member, field: 'candidate', status: 409 })
  }

  if (from !== to && to === 'accepted' && mentor) {
    await lockMentor(req, mentor)
    const committed = await countMentorPairings(req, mentor.id, next.edition, ['accepted', 'active'], previous.id)
    enforce(checkMentorCapacity({ ...mentor, available: true }, committed))
  }

  if (['accepted', 'active'].includes(to) && (changed.includes('startDate') || changed.includes('endDate') || changed.some((p) => p.startsWith('extension')))) {
    enforce(checkDuration(next, options.maxDurationMonths))
  }
  if (from !== to) {
    data.statusChangedAt = new Date().toISOString()
    if (to === 'accepted' || to === 'declined') data.answeredAt = new Date().toISOString()
    // Any answer, in the admin or by link, retires the emailed links.
    if (from === 'proposed') data.answerNonce = null
  }
  return data
}

/**
 * Tells people what happened: the mentor of a new proposal (with signed answer links), the mentee of
 * an acceptance (with the mentor's contact, seed §4), and the secretariat of a new end date (R11).
 * Keeps the application's status in step.
 */
export const afterPairingChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  const pairing = doc as PairingDoc & { answerNonce?: string | null; matching?: { explanation?: string | null } | null }
  const previous = previousDoc as PairingDoc | undefined
  const candidateId = idOf(pairing.candidate)
  if (operation === 'create' && pairing.status === 'proposed') {
    // `doc` has been through field read access, which hides the nonce from everyone: read it as the system.
    const stored = await loadDoc<{ answerNonce?: string }>(req, 'pairings', pairing.id)
    await queueProposalEmail(req, pairing, stored?.answerNonce ?? undefined)
  }
  if (operation === 'update' && pairing.status === 'proposed' && req.context[`mentoriaRepointed:${String(pairing.id)}`]) {
    delete req.context[`mentoriaRepointed:${String(pairing.id)}`]
    const stored = await loadDoc<{ answerNonce?: string }>(req, 'pairings', pairing.id)
    await queueProposalEmail(req, pairing, stored?.answerNonce ?? undefined)
  }
  if (operation === 'update' && previous?.status === 'proposed' && pairing.status === 'accepted') {
    await queueAcceptedEmail(req, pairing)
  }
  if (operation === 'update' && previous?.status !== pairing.status && candidateId !== undefined) {
    if (pairing.status === 'accepted') {
      await req.payload.update({ collection: 'candidates', id: candidateId, data: { status: 'matched' }, req, overrideAccess: true, depth: 0 })
    } else if ((pairing.status === 'cancelled' || pairing.status === 'declined') && previous?.status !== 'proposed') {
      await req.payload.update({ collection: 'candidates', id: candidateId, data: { status: 'eligible' }, req, overrideAccess: true, depth: 0 })
    }
  }
  if (
    operation === 'update' &&
    previous?.endDate &&
    pairing.endDate &&
    String(previous.endDate) !== String(pairing.endDate) &&
    ['accepted', 'active'].includes(String(pairing.status))
  ) {
    const candidate = await loadDoc<CandidateDoc>(req, 'candidates', candidateId)
    await notifySecretariat(req, {
      subject: `Canvi de data de finalització: ${candidate?.name ?? 'parella'} `.trim(),
      text: `La data de finalització pactada de la parella ${pairing.id} (${candidate?.name ?? ''}) ha passat del ${String(previous.endDate).slice(0, 10)} al ${String(pairing.endDate).slice(0, 10)}.`,
    })
  }
  return doc
}
