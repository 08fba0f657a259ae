import { dayOf } from './dates'

/** R8: an active pairing whose agreed end date has passed. */
export const isOverdue = (pairing: { status?: string | null; endDate?: string | null }, now: Date): boolean =>
  pairing.status === 'active' && Boolean(pairing.endDate) && dayOf(pairing.endDate as string) < dayOf(now)

/** R10: a reminder is due when none was sent, or the last one is at least `intervalDays` old. */
export function isReminderDue(lastSentAt: string | null | undefined, now: Date, intervalDays: number): boolean {
  if (!lastSentAt) return true
  return now.getTime() - new Date(lastSentAt).getTime() >= intervalDays * 86_400_000
}
