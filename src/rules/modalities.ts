/** How a meeting happens (docs/domain.md, col·leccions); which ones count for R7 is a plugin option. */
export const MEETING_MODALITIES = ['in_person', 'online', 'phone'] as const
export type MeetingModality = (typeof MEETING_MODALITIES)[number]

/** Plural, as in "dues trobades presencials" (R7 messages). */
export const MODALITY_LABELS: Record<string, string> = {
  in_person: 'presencials',
  online: 'en línia',
  phone: 'per telèfon',
}
