import { PAIRING_STATUS_LABELS, type PairingStatus, type Party } from './pairings'
import { allowed, refuse, type RuleResult } from './result'

/** A fitxa is written during the accompaniment or once it is over. */
export const FITXA_STATUSES: readonly PairingStatus[] = ['active', 'completed']

/** R10: the mentee writes the fitxa of their pairing; the secretariat publishes it once completed. */
export function checkFitxaChange(facts: {
  party: Party
  pairingStatus: PairingStatus | null | undefined
  publishing: boolean
}): RuleResult {
  const status = facts.pairingStatus ?? 'proposed'
  if (facts.party === 'mentor') {
    return refuse(
      'R10',
      'La fitxa la redacta la persona mentorada (la persona mentora la pot llegir).',
      { status: 403 },
    )
  }
  if (!FITXA_STATUSES.includes(status)) {
    return refuse(
      'R10',
      `La parella està ${PAIRING_STATUS_LABELS[status]}: la fitxa s'escriu durant l'acompanyament o en acabar-lo.`,
      {
        field: 'pairing',
        status: 409,
      },
    )
  }
  if (facts.publishing && facts.party !== 'secretariat') {
    return refuse(
      'R10',
      'Només la secretaria tècnica pot publicar una fitxa: envieu-la a revisió.',
      { field: '_status', status: 403 },
    )
  }
  if (facts.publishing && status !== 'completed') {
    return refuse('R10', "Una fitxa es publica quan l'acompanyament s'ha completat.", {
      field: '_status',
      status: 409,
    })
  }
  return allowed
}

/** The words beside the consent checkbox: what the mentee declares (R12). */
export const REFERENCE_CONSENT_TEXT = {
  ca: "La persona de referència m'ha donat el seu consentiment per publicar el seu nom i el correu de contacte en aquesta fitxa, al web i a les dades obertes.",
  es: 'La persona de referencia me ha dado su consentimiento para publicar su nombre y el correo de contacto en esta ficha, en la web y en los datos abiertos.',
  en: 'The reference person has consented to the publication of their name and contact email in this fitxa, on the website and in the open data.',
} as const

/**
 * Who recorded the consent and when: set on the server from the signed-in person whenever the
 * checkbox changes (given or withdrawn), never from the request's data.
 */
export function consentRecord(facts: {
  before: unknown
  after: unknown
  userId: string | number | undefined
  now: string
}): { consentRecordedBy: string | number | null; consentRecordedAt: string } | undefined {
  const before = facts.before === true
  const after = facts.after === true
  if (before === after) return undefined
  return { consentRecordedBy: facts.userId ?? null, consentRecordedAt: facts.now }
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

/**
 * R10: the review of a fitxa. The mentee writes and submits; the secretariat publishes or returns it
 * with a comment. Payload's `_status` says whether the live document is published; this is where the
 * latest draft stands.
 */
export const FITXA_REVIEW_STATUSES = ['draft', 'submitted', 'returned', 'published'] as const
export type FitxaReviewStatus = (typeof FITXA_REVIEW_STATUSES)[number]

export const FITXA_REVIEW_LABELS: Record<FitxaReviewStatus, string> = {
  draft: 'esborrany',
  submitted: 'enviada a revisió',
  returned: 'retornada amb comentaris',
  published: 'publicada',
}

/** What a fitxa needs before it goes to review, with the words the form uses for each field. */
export const FITXA_REQUIRED_TO_SUBMIT: readonly { field: string; label: string }[] = [
  { field: 'title', label: 'el títol' },
  { field: 'summary', label: 'la descripció' },
  { field: 'objectives', label: 'els objectius' },
  { field: 'activities', label: 'les activitats' },
  { field: 'results', label: 'els resultats i aprenentatges' },
  { field: 'topics', label: 'com a mínim un àmbit' },
]

const isBlank = (value: unknown) =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0)

/** The first field a fitxa still needs before it can be submitted, if any. */
export function missingForSubmission(
  fitxa: Record<string, unknown>,
): { field: string; label: string } | undefined {
  return FITXA_REQUIRED_TO_SUBMIT.find(({ field }) => isBlank(fitxa[field]))
}

export type FitxaActor = 'mentee' | 'secretariat'

export type FitxaReviewInput = {
  actor: FitxaActor
  /** Where the latest version stands (undefined for a new fitxa). */
  current: FitxaReviewStatus | undefined
  /** The review state the write asks for, if it names one. */
  requested: FitxaReviewStatus | undefined
  /** The write publishes the live document (`_status: 'published'`). */
  publishing: boolean
  /** The write takes the live document off the website (`_status: 'draft'` on the live document). */
  unpublishing: boolean
  /** The fitxa as it will be after the write. */
  fitxa: Record<string, unknown>
}

export type FitxaReviewDecision =
  { ok: true; status: FitxaReviewStatus } | Extract<RuleResult, { ok: false }>

const fail = (result: RuleResult) => result as Extract<RuleResult, { ok: false }>

/** The review state after a write, or why the write is refused. */
export function decideFitxaReview({
  actor,
  current,
  requested,
  publishing,
  unpublishing,
  fitxa,
}: FitxaReviewInput): FitxaReviewDecision {
  if (publishing) {
    if (actor !== 'secretariat') {
      return fail(
        refuse('R10', 'Només la secretaria tècnica pot publicar una fitxa: envieu-la a revisió.', {
          field: '_status',
          status: 403,
        }),
      )
    }
    return { ok: true, status: 'published' }
  }
  if (unpublishing) {
    if (actor !== 'secretariat') {
      return fail(
        refuse('R10', 'Només la secretaria tècnica pot retirar una fitxa publicada del web.', {
          field: '_status',
          status: 403,
        }),
      )
    }
    return { ok: true, status: 'draft' }
  }
  // A draft saved over the published text starts a new proposal; it does not claim to be published.
  const base: FitxaReviewStatus =
    current === undefined || current === 'published' ? 'draft' : current
  const wanted = requested === undefined || requested === current ? base : requested
  if (wanted === 'published') {
    return fail(
      refuse('R10', 'Una fitxa només queda publicada quan la secretaria tècnica la publica.', {
        field: 'reviewStatus',
        status: 403,
      }),
    )
  }
  if (wanted === 'returned') {
    if (wanted !== current) {
      if (actor !== 'secretariat') {
        return fail(
          refuse('R10', 'Només la secretaria tècnica pot retornar una fitxa amb comentaris.', {
            field: 'reviewStatus',
            status: 403,
          }),
        )
      }
      if (current !== 'submitted') {
        return fail(
          refuse('R10', "Només es pot retornar una fitxa que s'ha enviat a revisió.", {
            field: 'reviewStatus',
            status: 409,
          }),
        )
      }
      if (isBlank(fitxa.reviewComment)) {
        return fail(
          refuse('R10', 'Per retornar la fitxa, escriviu un comentari que digui què cal canviar.', {
            field: 'reviewComment',
          }),
        )
      }
    }
    return { ok: true, status: 'returned' }
  }
  if (wanted === 'submitted') {
    const missing = missingForSubmission(fitxa)
    if (missing) {
      const field = missing.field
      return fail(
        refuse('R10', `Abans d'enviar la fitxa a revisió, cal omplir-hi ${missing.label}.`, {
          field,
        }),
      )
    }
    return { ok: true, status: 'submitted' }
  }
  return { ok: true, status: 'draft' }
}

/** Where a fitxa stands, as its author reads it: a short label and one sentence on what comes next. */
export type FitxaStateWords = {
  key: 'draft' | 'submitted' | 'returned' | 'published' | 'published-draft'
  label: string
  detail: string
  editable: boolean
}

export function fitxaStateFor(facts: {
  reviewStatus: unknown
  live: boolean
  comment?: unknown
}): FitxaStateWords {
  const review = (FITXA_REVIEW_STATUSES as readonly string[]).includes(String(facts.reviewStatus))
    ? (facts.reviewStatus as FitxaReviewStatus)
    : 'draft'
  const comment = typeof facts.comment === 'string' ? facts.comment.trim() : ''
  switch (review) {
    case 'submitted':
      return {
        key: 'submitted',
        label: 'A revisió de la secretaria',
        detail:
          "La secretaria tècnica l'està revisant: la publicarà al web o us la retornarà amb un comentari. Mentrestant no cal que hi feu res.",
        editable: false,
      }
    case 'returned':
      return {
        key: 'returned',
        label: comment ? `Retornada: ${comment}` : 'Retornada amb comentaris',
        detail:
          'Feu-hi els canvis que us demana la secretaria tècnica i torneu-la a enviar a revisió.',
        editable: true,
      }
    case 'published':
      return {
        key: 'published',
        label: 'Publicada',
        detail:
          'És al web de la XMESS. Si hi voleu canviar alguna cosa, deseu els canvis i torneu-la a enviar a revisió.',
        editable: true,
      }
    default:
      return facts.live
        ? {
            key: 'published-draft',
            label: 'Publicada (amb canvis en esborrany)',
            detail:
              'Al web hi ha la versió publicada. Els canvis que deseu no hi surten fins que la secretaria tècnica els revisi: envieu-los a revisió quan estiguin a punt.',
            editable: true,
          }
        : {
            key: 'draft',
            label: 'Esborrany',
            detail:
              'Només la veieu vós, la persona mentora i la secretaria tècnica. Quan estigui a punt, envieu-la a revisió.',
            editable: true,
          }
  }
}
