import type { PayloadRequest } from 'payload'

import { enforce } from '../src/lib/errors'
import { idOf } from '../src/lib/ids'
import type { Pairing } from '../src/payload-types'
import {
  bothAgreed,
  checkExtensionProposal,
  emptyAgreement,
  emptyExtension,
  type ExtensionBlock,
  extensionTermsChanged,
  type PartyAgreement,
} from '../src/rules/accompaniment'
import { checkExtensionOnBehalf, FINAL_STATUSES, PAIRING_STATUS_LABELS, type PairingStatus, type Party } from '../src/rules/pairings'
import { refuse } from '../src/rules/result'

/** The parts of a pairing this file reads and writes, loosely: `data` is partial and hooks fill it in. */
type Doc = Omit<Partial<Pairing>, 'extension' | 'extensionHistory' | 'closing'> & {
  extension?: (ExtensionBlock & Record<string, unknown>) | null
  extensionHistory?: Record<string, unknown>[] | null
  closing?: Record<string, any> | null // eslint-disable-line @typescript-eslint/no-explicit-any -- a group read field by field
}

/**
 * What a party may change, beyond their own fields: nothing once the pairing is final (the mentor's
 * evaluation after closing excepted, R9), a withdrawal reason only when withdrawing, an evaluation
 * only once the accompaniment has started.
 */
export function checkPartyMayChange(actor: Exclude<Party, 'secretariat'>, from: PairingStatus, to: PairingStatus, changed: readonly string[]) {
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
export function stampEvaluations(previous: Doc, next: Doc, data: Doc) {
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

/** Records who agreed and when; the secretariat may agree on a party's behalf, with a note. */
function stampAgreements(req: PayloadRequest, party: Party, before: ExtensionBlock | null | undefined, extension: ExtensionBlock) {
  for (const side of ['mentor', 'mentee'] as const) {
    const next = extension[side] as PartyAgreement | undefined
    const previous = before?.[side]
    if (!next) continue
    if (next.agreed && !previous?.agreed) {
      enforce(checkExtensionOnBehalf(party, side, next.note))
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

/**
 * R8, as docs/domain.md says it: a proposal is a date and a reason; each party's agreement is
 * recorded by that party (or by the secretariat on their behalf, with a note); changing the date or
 * the reason clears both agreements; once both agree, the end date moves, the extension goes to the
 * history and the block is empty again for a later one.
 */
export function applyExtension(req: PayloadRequest, actor: Party, previous: Doc, next: Doc, data: Doc, changed: readonly string[]) {
  if (!changed.some((path) => path.startsWith('extension.'))) return
  const extension: ExtensionBlock = { ...emptyExtension(), ...(next.extension ?? {}) }
  if (extensionTermsChanged(previous.extension, extension)) {
    if (!extension.proposedEndDate && !extension.reason?.trim()) {
      // The proposal is withdrawn.
      data.extension = emptyExtension()
      next.extension = data.extension
      return
    }
    enforce(checkExtensionProposal((previous.status ?? 'proposed') as PairingStatus, extension, previous))
    // A new proposal: earlier agreements go; only an agreement given in this very request stays.
    for (const side of ['mentor', 'mentee'] as const) {
      const givenNow = Boolean(extension[side]?.agreed && !previous.extension?.[side]?.agreed)
      extension[side] = givenNow ? { ...emptyAgreement(), ...extension[side] } : emptyAgreement()
    }
    stampAgreements(req, actor, { mentor: emptyAgreement(), mentee: emptyAgreement() }, extension)
  } else {
    const agreeing = (['mentor', 'mentee'] as const).some((side) => extension[side]?.agreed && !previous.extension?.[side]?.agreed)
    if (agreeing && !extension.proposedEndDate) {
      enforce(refuse('R8', 'No hi ha cap ampliació proposada: primer cal proposar-ne una amb la nova data i el motiu.', { field: 'extension.proposedEndDate', status: 409 }))
    }
    if (agreeing && previous.status !== 'active') {
      enforce(refuse('R8', 'Només es pot ampliar un acompanyament en curs.', { field: 'extension', status: 409 }))
    }
    stampAgreements(req, actor, previous.extension, extension)
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
    const history = [...(previous.extensionHistory ?? []), record]
    data.extensionHistory = history
    next.extensionHistory = history
    data.endDate = extension.proposedEndDate
    next.endDate = extension.proposedEndDate
    data.extension = emptyExtension()
  } else {
    data.extension = extension
  }
  next.extension = data.extension
}
