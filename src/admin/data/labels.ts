/** What each export is called in the admin (src/services/exports.ts EXPORTABLE). */
export const EXPORT_LABELS: Record<string, string> = {
  candidates: 'Sol·licituds',
  mentors: 'Persones mentores',
  pairings: 'Parelles (amb les valoracions)',
  meetings: 'Trobades',
  incidents: 'Incidències',
  municipalities: 'Ens membres',
}
