import {
  bothAgreed,
  checkExtensionProposal,
  emptyAgreement,
  emptyExtension,
  type ExtensionBlock,
  extensionTermsChanged,
  type PartyAgreement,
} from './accompaniment'
import { checkExtensionOnBehalf, type PairingStatus, type Party } from './pairings'
import { allowed, refuse, type RuleResult } from './result'

type ExtensionDoc = {
  status?: PairingStatus | null
  endDate?: string | null
  extension?: (ExtensionBlock & Record<string, unknown>) | null
  extensionHistory?: Record<string, unknown>[] | null
}

/** What an extension change writes on the pairing (the same values go to the request's data and to the pairing as it will be). */
export type ExtensionChanges = Partial<
  Pick<ExtensionDoc, 'extension' | 'extensionHistory' | 'endDate'>
>

/** Records who agreed and when; the secretariat may agree on a party's behalf, with a note. */
function stampAgreements(
  party: Party,
  userId: unknown,
  before: ExtensionBlock | null | undefined,
  extension: ExtensionBlock,
  now: Date,
): RuleResult {
  for (const side of ['mentor', 'mentee'] as const) {
    const next = extension[side] as PartyAgreement | undefined
    const previous = before?.[side]
    if (!next) continue
    if (next.agreed && !previous?.agreed) {
      const onBehalf = checkExtensionOnBehalf(party, side, next.note)
      if (!onBehalf.ok) return onBehalf
      next.by = userId
      next.at = now.toISOString()
    } else if (!next.agreed) {
      next.by = null
      next.at = null
    } else {
      next.by = previous?.by ? refOf(previous.by) : next.by
      next.at = previous?.at ?? next.at
    }
  }
  return allowed
}

const refOf = (value: unknown): unknown =>
  value === null || value === undefined || value === ''
    ? undefined
    : typeof value === 'object'
      ? (value as { id?: unknown }).id
      : value

/**
 * R8, as docs/domain.md says it: a proposal is a date and a reason; each party's agreement is
 * recorded by that party (or by the secretariat on their behalf, with a note); changing the date or
 * the reason clears both agreements; once both agree, the end date moves, the extension goes to the
 * history and the block is empty again for a later one. `changes` is empty when nothing of the
 * extension changed.
 */
export function decideExtension(args: {
  actor: Party
  userId: unknown
  previous: ExtensionDoc
  next: ExtensionDoc
  changed: readonly string[]
  now?: Date
}): { result: RuleResult; changes: ExtensionChanges } {
  const { actor, userId, previous, next, changed, now = new Date() } = args
  if (!changed.some((path) => path.startsWith('extension.')))
    return { result: allowed, changes: {} }
  const extension: ExtensionBlock = { ...emptyExtension(), ...(next.extension ?? {}) }
  if (extensionTermsChanged(previous.extension, extension)) {
    // The proposal is withdrawn.
    if (!extension.proposedEndDate && !extension.reason?.trim())
      return { result: allowed, changes: { extension: emptyExtension() } }
    const proposal = checkExtensionProposal(
      (previous.status ?? 'proposed') as PairingStatus,
      extension,
      previous,
    )
    if (!proposal.ok) return { result: proposal, changes: {} }
    // A new proposal: earlier agreements go; only an agreement given in this very request stays.
    for (const side of ['mentor', 'mentee'] as const) {
      const givenNow = Boolean(extension[side]?.agreed && !previous.extension?.[side]?.agreed)
      extension[side] = givenNow ? { ...emptyAgreement(), ...extension[side] } : emptyAgreement()
    }
    const stamped = stampAgreements(
      actor,
      userId,
      { mentor: emptyAgreement(), mentee: emptyAgreement() },
      extension,
      now,
    )
    if (!stamped.ok) return { result: stamped, changes: {} }
  } else {
    const agreeing = (['mentor', 'mentee'] as const).some(
      (side) => extension[side]?.agreed && !previous.extension?.[side]?.agreed,
    )
    if (agreeing && !extension.proposedEndDate) {
      return {
        result: refuse(
          'R8',
          'No hi ha cap ampliació proposada: primer cal proposar-ne una amb la nova data i el motiu.',
          { field: 'extension.proposedEndDate', status: 409 },
        ),
        changes: {},
      }
    }
    if (agreeing && previous.status !== 'active') {
      return {
        result: refuse('R8', 'Només es pot ampliar un acompanyament en curs.', {
          field: 'extension',
          status: 409,
        }),
        changes: {},
      }
    }
    const stamped = stampAgreements(actor, userId, previous.extension, extension, now)
    if (!stamped.ok) return { result: stamped, changes: {} }
  }
  if (!bothAgreed(extension))
    return { result: allowed, changes: { extension: extension as ExtensionDoc['extension'] } }
  const record = {
    previousEndDate: previous.endDate ?? null,
    endDate: extension.proposedEndDate,
    reason: extension.reason,
    agreedAt: now.toISOString(),
    mentorBy: refOf(extension.mentor?.by) ?? null,
    mentorNote: extension.mentor?.note ?? null,
    menteeBy: refOf(extension.mentee?.by) ?? null,
    menteeNote: extension.mentee?.note ?? null,
  }
  return {
    result: allowed,
    changes: {
      extensionHistory: [...(previous.extensionHistory ?? []), record],
      endDate: extension.proposedEndDate,
      extension: emptyExtension(),
    },
  }
}
