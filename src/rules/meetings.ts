import { MODALITY_LABELS } from './modalities'
import { PAIRING_STATUS_LABELS, type PairingStatus, UNDERWAY_STATUSES } from './pairings'
import { allowed, refuse, type RuleResult } from './result'

/** R7: meetings are recorded (and deleted) while the pairing is accepted or active. */
export const OPEN_FOR_MEETINGS: readonly PairingStatus[] = UNDERWAY_STATUSES

/** R7: once a pairing is closed its meetings are the evidence, and stay as they were. */
export function checkOpenForMeetings(status: PairingStatus | null | undefined): RuleResult {
  const current = status ?? 'proposed'
  return OPEN_FOR_MEETINGS.includes(current)
    ? allowed
    : refuse('R7', `La parella està ${PAIRING_STATUS_LABELS[current]}: les trobades només es registren mentre és acceptada o en curs.`, {
        field: 'pairing',
        status: 409,
      })
}

/** A meeting's title in lists: "Trobada presencial · 2026-11-20". */
export const meetingTitle = (modality: string, date: string): string =>
  `Trobada ${MODALITY_LABELS[modality]?.replace(/s$/, '') ?? modality} · ${date}`
