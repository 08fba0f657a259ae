/**
 * The read log (ENS, «registre d'activitat»): which reads of the secretariat are recorded, and how one
 * entry is named. Pure: no Payload here (the service is src/services/read-log.ts).
 */

export const READ_LOG_SLUG = 'read-log'

export const READ_KINDS = [
  'incident',
  'mentee-evaluation',
  'mentor-evaluation',
  'checkin-answer',
] as const
export type ReadKind = (typeof READ_KINDS)[number]

export const READ_KIND_LABELS: Record<ReadKind, { ca: string; es: string; en: string }> = {
  incident: { ca: 'Incidència', es: 'Incidencia', en: 'Incident' },
  'mentee-evaluation': {
    ca: 'Valoració de la persona mentorada',
    es: 'Valoración de la persona mentorizada',
    en: "Mentee's evaluation",
  },
  'mentor-evaluation': {
    ca: 'Valoració de la persona mentora',
    es: 'Valoración de la persona mentora',
    en: "Mentor's evaluation",
  },
  'checkin-answer': {
    ca: 'Resposta de seguiment',
    es: 'Respuesta de seguimiento',
    en: 'Check-in answer',
  },
}

export const READ_CHANNELS = ['rest', 'graphql', 'admin', 'export'] as const
export type ReadChannel = (typeof READ_CHANNELS)[number]

export const READ_CHANNEL_LABELS: Record<ReadChannel, { ca: string; es: string; en: string }> = {
  rest: { ca: 'API REST', es: 'API REST', en: 'REST API' },
  graphql: { ca: 'API GraphQL', es: 'API GraphQL', en: 'GraphQL API' },
  admin: {
    ca: "Pantalles de l'aplicació",
    es: 'Pantallas de la aplicación',
    en: 'Application screens',
  },
  export: { ca: 'Exportació CSV', es: 'Exportación CSV', en: 'CSV export' },
}

/** The channel of a read, from Payload's API name and the address asked for. */
export function readChannel(payloadAPI: string | undefined, url: string | undefined): ReadChannel {
  if (payloadAPI === 'GraphQL') return 'graphql'
  if ((url ?? '').includes('/api/mentoria/export/')) return 'export'
  if (payloadAPI === 'REST') return 'rest'
  return 'admin'
}

type Evaluation = { rating?: unknown; comments?: unknown } | null | undefined

const said = (evaluation: Evaluation) =>
  Boolean(
    evaluation &&
    ((evaluation.rating !== null && evaluation.rating !== undefined) ||
      (typeof evaluation.comments === 'string' && evaluation.comments.trim() !== '')),
  )

/** The evaluations a pairing as read carries (their content, not only whether they exist). */
export function evaluationsIn(pairing: {
  closing?: { menteeEvaluation?: Evaluation; mentorEvaluation?: Evaluation } | null
}): ReadKind[] {
  const kinds: ReadKind[] = []
  if (said(pairing.closing?.menteeEvaluation)) kinds.push('mentee-evaluation')
  if (said(pairing.closing?.mentorEvaluation)) kinds.push('mentor-evaluation')
  return kinds
}
