import config from '@payload-config'
import { getPayload } from 'payload'

import { ANSWER_RESULTS } from '../../../notifications/answers'
import { type ID, idOf } from '../../../lib/ids'
import { verifyProposalLink } from '../../../notifications/links'
import { currentVocabularies } from '../../../services/vocabularies'
import { onDateCa } from '../../../rules/dates'

export const dynamic = 'force-dynamic'

type Props = { searchParams: Promise<{ token?: string | string[] }> }

/** What the email link opens: the proposal and one button. Opening it changes nothing. */
export default async function ProposalPage({ searchParams }: Props) {
  const { token } = await searchParams
  const payload = await getPayload({ config })
  const check = verifyProposalLink(payload.secret, typeof token === 'string' ? token : undefined)
  if (!check.ok) {
    return <p role="alert">{check.reason === 'expired' ? ANSWER_RESULTS.expired : ANSWER_RESULTS.invalid}</p>
  }
  const pairing = await payload
    .findByID({ collection: 'pairings', id: check.link.pairing, depth: 0, overrideAccess: true, showHiddenFields: true })
    .catch(() => undefined)
  if (!pairing || pairing.status !== 'proposed' || pairing.answerNonce !== check.link.nonce) {
    return <p role="alert">{ANSWER_RESULTS.used}</p>
  }
  const candidateId = idOf(pairing.candidate) as ID
  const candidate = await payload.findByID({ collection: 'candidates', id: candidateId, depth: 1, overrideAccess: true })
  const council = typeof candidate.municipality === 'object' ? candidate.municipality?.name : ''
  const { topics } = await currentVocabularies(payload)
  const needs = (candidate.topics ?? []).map((value) => topics.find((topic) => topic.value === value)?.label ?? value)
  const accepting = check.link.decision === 'accept'

  return (
    <>
      <h1>{accepting ? 'Accepteu aquesta proposta de mentoria?' : 'Declineu aquesta proposta de mentoria?'}</h1>
      <dl>
        <dt>Persona</dt>
        <dd>{candidate.name}</dd>
        <dt>Ens</dt>
        <dd>{council}</dd>
        <dt>Necessitats</dt>
        <dd>{needs.join('; ')}</dd>
        {candidate.needs ? (
          <>
            <dt>En paraules seves</dt>
            <dd>{candidate.needs}</dd>
          </>
        ) : null}
        {pairing.matching?.explanation ? (
          <>
            <dt>Per què us ho proposem</dt>
            <dd>{pairing.matching.explanation}</dd>
          </>
        ) : null}
      </dl>
      <p className="note">
        {accepting
          ? "Si l'accepteu, la persona sol·licitant rebrà el vostre correu i telèfon i us escriurà per pactar l'acompanyament (un any com a màxim, amb dues trobades presencials)."
          : 'Declinar-la no us compromet a res: la secretaria tècnica buscarà una altra persona mentora.'}
      </p>
      <form method="post" action="/api/pairings/answer">
        <input type="hidden" name="token" value={typeof token === 'string' ? token : ''} />
        <button type="submit" className={accepting ? '' : 'secondary'}>
          {accepting ? 'Sí, accepto la proposta' : 'No la puc acceptar'}
        </button>
      </form>
      <p className="note">L&apos;enllaç caduca {onDateCa(new Date(check.link.expiresAt))} i només serveix una vegada.</p>
    </>
  )
}
