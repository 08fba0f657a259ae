/** Catalan sentences shown to the secretariat. One sentence each, ending with a full stop. */
import type { LockRejectionReason, PairForbiddenReason } from './types'

/** "a", "a i b", "a, b i c". */
export function catalanList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} i ${items[items.length - 1]}`
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

export function formatKm(km: number): string {
  if (km < 1) return "menys d'1 km"
  return `${Math.round(km)} km`
}

export interface ProposalWords {
  matchedTopics: readonly string[]
  /** NaN when unknown. */
  km: number
  sharedLanguages: readonly string[]
  locked: boolean
}

export function proposalSentence(words: ProposalWords): string {
  const n = words.matchedTopics.length
  const topics =
    n === 0
      ? 'no comparteixen cap àmbit'
      : `coincideixen en ${n} ${n === 1 ? 'àmbit' : 'àmbits'} (${words.matchedTopics.join(', ')})`
  const distance = Number.isNaN(words.km)
    ? 'no es coneix la distància entre els ajuntaments'
    : `els ajuntaments són a ${formatKm(words.km)}`
  const language =
    words.sharedLanguages.length > 0
      ? `parlen ${catalanList(words.sharedLanguages)}`
      : 'no consta cap llengua en comú'
  const body = `${topics}; ${distance}; ${language}.`
  return words.locked ? `Parella fixada per la secretaria tècnica: ${body}` : capitalise(body)
}

const FORBIDDEN: Record<PairForbiddenReason, string> = {
  same_municipality:
    'la persona mentora i la sol·licitant són del mateix ens, i la mentoria ha de ser entre ens diferents',
  mentor_unavailable: 'la persona mentora no està disponible',
  mentor_at_capacity: 'la persona mentora ja té la capacitat plena',
  declined: 'la persona mentora ja va declinar aquesta parella',
  excluded: 'la secretaria tècnica ha exclòs aquesta parella',
  too_far: 'els ajuntaments són més lluny que la distància màxima',
  no_shared_topic: 'no comparteixen cap de les necessitats de la sol·licitud',
}

export function forbiddenSentence(reason: PairForbiddenReason): string {
  return `No es pot proposar: ${FORBIDDEN[reason]}.`
}

export function lockRejectionSentence(reason: LockRejectionReason): string {
  switch (reason) {
    case 'unknown_candidate':
      return "No s'ha mantingut la parella fixada: la sol·licitud no és entre les elegibles d'aquesta convocatòria."
    case 'unknown_mentor':
      return "No s'ha mantingut la parella fixada: la persona mentora no és entre les d'aquesta convocatòria."
    case 'duplicate_candidate':
      return "No s'ha mantingut la parella fixada: la sol·licitud ja té una altra parella fixada."
    default:
      return `No s'ha mantingut la parella fixada: ${FORBIDDEN[reason]}.`
  }
}

export const UNMATCHED_SENTENCES = {
  no_available_mentor: 'No hi ha cap persona mentora disponible en aquesta convocatòria.',
  no_shared_topic: (needs: readonly string[]): string =>
    needs.length > 0
      ? `Cap persona mentora disponible no cobreix cap de les necessitats sol·licitades (${needs.join(', ')}).`
      : 'Cap persona mentora disponible no cobreix les necessitats sol·licitades.',
  only_own_council:
    'Les úniques persones mentores que cobreixen les seves necessitats són del seu mateix ens, i la mentoria ha de ser entre ens diferents.',
  declined_or_excluded:
    'Totes les persones mentores compatibles ja han declinat aquesta sol·licitud o la secretaria tècnica les ha excloses.',
  too_far: (nearestKm: number, limitKm: number): string =>
    `Totes les persones mentores compatibles són massa lluny: la més propera és a ${formatKm(nearestKm)} i el màxim és de ${formatKm(limitKm)}.`,
  mentors_at_capacity: 'Totes les persones mentores compatibles ja tenen la capacitat plena.',
  places_taken: (compatible: number): string =>
    compatible === 1
      ? "La plaça de l'única persona mentora compatible s'ha assignat a una altra sol·licitud, perquè així es formen més parelles o parelles amb més encaix."
      : `Les places de les ${compatible} persones mentores compatibles s'han assignat a altres sol·licituds, perquè així es formen més parelles o parelles amb més encaix.`,
} as const
