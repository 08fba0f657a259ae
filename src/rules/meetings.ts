import { MODALITY_LABELS } from './modalities'
import { PAIRING_STATUS_LABELS, type PairingStatus } from './pairings'
import { allowed, refuse, type RuleResult } from './result'

/** R7: meetings are recorded (and changed or deleted) while the accompaniment is active. */
export const OPEN_FOR_MEETINGS: readonly PairingStatus[] = ['active']

/** R7: not before the start is recorded; once a pairing is closed its meetings are the evidence, and stay as they were. */
export function checkOpenForMeetings(status: PairingStatus | null | undefined): RuleResult {
  const current = status ?? 'proposed'
  if (current === 'accepted') {
    return refuse('R7', "Primer cal registrar l'inici de l'acompanyament (dates i acord); després, les trobades.", { field: 'pairing', status: 409 })
  }
  return OPEN_FOR_MEETINGS.includes(current)
    ? allowed
    : refuse('R7', `L'acompanyament està ${PAIRING_STATUS_LABELS[current]}: les trobades només es registren mentre és en curs.`, {
        field: 'pairing',
        status: 409,
      })
}

/** R7: a meeting is changed or deleted only by whoever recorded it, or the secretariat. */
export function checkRecordedBy(party: string, recordedByMe: boolean): RuleResult {
  return party === 'secretariat' || recordedByMe
    ? allowed
    : refuse('R7', 'Només qui ha registrat la trobada (o la secretaria tècnica) la pot canviar o esborrar.', { status: 403 })
}

/** A meeting's title in lists: "Trobada presencial · 2026-11-20". */
export const meetingTitle = (modality: string, date: string): string =>
  `Trobada ${MODALITY_LABELS[modality]?.replace(/s$/, '') ?? modality} · ${date}`
