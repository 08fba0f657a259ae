/** The states of a pairing (docs/domain.md «Estats») and who acts on one: the words every rule file shares. */
export const PAIRING_STATUSES = [
  'proposed',
  'accepted',
  'declined',
  'active',
  'completed',
  'cancelled',
] as const
export type PairingStatus = (typeof PAIRING_STATUSES)[number]

/** Who acts on a pairing: the secretariat, or one of its two parties. */
export type Party = 'secretariat' | 'mentor' | 'mentee'

export const PAIRING_STATUS_LABELS: Record<PairingStatus, string> = {
  proposed: 'proposada',
  accepted: 'acceptada',
  declined: 'declinada',
  active: 'en curs',
  completed: 'completada',
  cancelled: 'cancel·lada',
}
