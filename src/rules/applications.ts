import { onDateCa } from './dates'
import { allowed, refuse, type RuleResult } from './result'

export type EditionWindow = {
  name?: string
  applicationsOpenAt: string | Date
  applicationsCloseAt: string | Date
}

export type WindowState = 'before' | 'open' | 'after'

export function windowState(edition: EditionWindow, now: Date): WindowState {
  if (now < new Date(edition.applicationsOpenAt)) return 'before'
  if (now > new Date(edition.applicationsCloseAt)) return 'after'
  return 'open'
}

/** R2: the public can apply only while the edition is open; the answer gives the dates. */
export function checkApplicationWindow(edition: EditionWindow | undefined, now: Date): RuleResult {
  if (!edition) {
    return refuse(
      'R2',
      'Ara no hi ha cap convocatòria oberta. La XMESS obre les sol·licituds cada setembre.',
      { status: 409 },
    )
  }
  const open = onDateCa(edition.applicationsOpenAt)
  const close = onDateCa(edition.applicationsCloseAt)
  switch (windowState(edition, now)) {
    case 'before':
      return refuse(
        'R2',
        `Les sol·licituds encara no són obertes: s'obren ${open} i es tanquen ${close}.`,
        { status: 409 },
      )
    case 'after':
      return refuse(
        'R2',
        `El termini de sol·licituds es va tancar ${close} (s'havia obert ${open}).`,
        { status: 409 },
      )
    default:
      return allowed
  }
}

/**
 * R2 when the secretariat registers an application itself: an edition that exists, and, outside its
 * window, marked «Sol·licitud fora de termini».
 */
export function checkSecretariatRegistration(
  edition: EditionWindow | undefined,
  lateRegistration: boolean,
  now: Date,
): RuleResult {
  if (!edition)
    return refuse('R2', 'Cal indicar una convocatòria que existeixi.', { field: 'edition' })
  const window = checkApplicationWindow(edition, now)
  if (window.ok || lateRegistration) return allowed
  return refuse(
    'R2',
    `${window.message} Per registrar-la igualment, marqueu «Sol·licitud fora de termini».`,
    { field: 'lateRegistration', status: 409 },
  )
}

export type Consents = { dataProcessing?: boolean | null; commitment?: boolean | null }

/** R3, the part the person gives: consent to data processing and the commitment. */
export function checkConsents(consents: Consents | undefined | null): RuleResult {
  if (!consents?.dataProcessing) {
    return refuse('R3', 'Cal acceptar el tractament de les dades personals per poder participar.', {
      field: 'consents.dataProcessing',
    })
  }
  if (!consents.commitment) {
    return refuse(
      'R3',
      "Cal comprometre's a fer l'acompanyament, comunicar les incidències i documentar la fitxa.",
      { field: 'consents.commitment' },
    )
  }
  return allowed
}

/** R3, the part the council gives: it must be a member of the XMESS. */
export function checkMemberCouncil(
  council: { name?: string; member?: boolean | null } | undefined,
): RuleResult {
  if (!council)
    return refuse('R3', "Cal indicar l'ens (ajuntament o consell comarcal).", {
      field: 'municipality',
    })
  if (!council.member) {
    return refuse(
      'R3',
      `${council.name ?? 'Aquest ens'} no és membre de la XMESS: només hi poden participar els ens membres.`,
      {
        field: 'municipality',
      },
    )
  }
  return allowed
}

export const OPEN_APPLICATION_STATUSES = ['submitted', 'eligible', 'matched'] as const

/** R1: one open application per person (email) per edition. */
export function checkOneOpenApplication(existingOpen: number): RuleResult {
  return existingOpen > 0
    ? refuse(
        'R1',
        'Aquesta adreça de correu ja té una sol·licitud oberta en aquesta convocatòria.',
        { field: 'email', status: 409 },
      )
    : allowed
}

export const normaliseEmail = (email: string): string => email.trim().toLowerCase()
