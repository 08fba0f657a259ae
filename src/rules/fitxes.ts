import { PAIRING_STATUS_LABELS, type PairingStatus, type Party } from './pairings'
import { allowed, refuse, type RuleResult } from './result'

/** A fitxa is written during the accompaniment or once it is over. */
export const FITXA_STATUSES: readonly PairingStatus[] = ['active', 'completed']

/** R10: the mentee writes the fitxa of their pairing; the secretariat publishes it once completed. */
export function checkFitxaChange(facts: { party: Party; pairingStatus: PairingStatus | null | undefined; publishing: boolean }): RuleResult {
  const status = facts.pairingStatus ?? 'proposed'
  if (facts.party === 'mentor') {
    return refuse('R10', 'La fitxa la redacta la persona mentorada (la persona mentora la pot llegir).', { status: 403 })
  }
  if (!FITXA_STATUSES.includes(status)) {
    return refuse('R10', `La parella està ${PAIRING_STATUS_LABELS[status]}: la fitxa s'escriu durant l'acompanyament o en acabar-lo.`, {
      field: 'pairing',
      status: 409,
    })
  }
  if (facts.publishing && facts.party !== 'secretariat') {
    return refuse('R10', 'Només la secretaria tècnica pot publicar una fitxa; deseu-la com a esborrany.', { field: '_status', status: 403 })
  }
  if (facts.publishing && status !== 'completed') {
    return refuse('R10', "Una fitxa es publica quan l'acompanyament s'ha completat.", { field: '_status', status: 409 })
  }
  return allowed
}

/** The public address of a fitxa: its title without accents or punctuation. */
export const slugify = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/·/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'fitxa'
