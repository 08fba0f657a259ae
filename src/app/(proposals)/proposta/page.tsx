import config from '@payload-config'
import { getPayload } from 'payload'

import { answerResultsIn, PROPOSAL_PAGE } from '../../../notifications/answers'
import { type ID, idOf } from '../../../lib/ids'
import { type EmailLang, emailLang, onDate } from '../../../notifications/language'
import { verifyProposalLink } from '../../../notifications/links'
import { currentVocabularies } from '../../../services/vocabularies'
import { topicLabel } from '../../../site/i18n'
import { ProposalFrame } from '../frame'

export const dynamic = 'force-dynamic'

type Props = { searchParams: Promise<{ token?: string | string[] }> }

type Payload = Awaited<ReturnType<typeof getPayload>>

/** The mentor's language (their record's `language`), Catalan when unknown. */
async function mentorLangOf(payload: Payload, mentor: unknown): Promise<EmailLang> {
  const id = idOf(mentor)
  if (id === undefined) return 'ca'
  const found = await payload
    .findByID({ collection: 'mentors', id, depth: 0, overrideAccess: true })
    .catch(() => undefined)
  return emailLang((found as { language?: unknown } | undefined)?.language)
}

const Alert = ({ lang, text }: { lang: EmailLang; text: string }) => (
  <ProposalFrame lang={lang}>
    <p role="alert">{text}</p>
  </ProposalFrame>
)

/** What the email link opens: the proposal and one button, in the mentor's language. Opening it changes nothing. */
export default async function ProposalPage({ searchParams }: Props) {
  const { token } = await searchParams
  const payload = await getPayload({ config })
  const given = typeof token === 'string' ? token : undefined
  const check = verifyProposalLink(payload.secret, given)
  if (!check.ok) {
    // An expired link still names its pairing (the signature holds): its mentor reads it in their language.
    const signed =
      check.reason === 'expired' ? verifyProposalLink(payload.secret, given, 0) : undefined
    const pairing = signed?.ok
      ? await payload
          .findByID({
            collection: 'pairings',
            id: signed.link.pairing,
            depth: 0,
            overrideAccess: true,
          })
          .catch(() => undefined)
      : undefined
    const lang = await mentorLangOf(payload, pairing?.mentor)
    return (
      <Alert
        lang={lang}
        text={answerResultsIn(lang)[check.reason === 'expired' ? 'expired' : 'invalid']}
      />
    )
  }
  const pairing = await payload
    .findByID({
      collection: 'pairings',
      id: check.link.pairing,
      depth: 0,
      overrideAccess: true,
      showHiddenFields: true,
    })
    .catch(() => undefined)
  const lang = await mentorLangOf(payload, pairing?.mentor)
  const t = PROPOSAL_PAGE[lang]
  if (!pairing || pairing.status !== 'proposed' || pairing.answerNonce !== check.link.nonce) {
    return <Alert lang={lang} text={answerResultsIn(lang).used} />
  }
  const candidateId = idOf(pairing.candidate) as ID
  const candidate = await payload.findByID({
    collection: 'candidates',
    id: candidateId,
    depth: 1,
    overrideAccess: true,
  })
  const council = typeof candidate.municipality === 'object' ? candidate.municipality?.name : ''
  const { topics } = await currentVocabularies(payload)
  const needs = (candidate.topics ?? []).map((value) => {
    const topic = topics.find((option) => option.value === value)
    return topic ? topicLabel(topic, lang) : value
  })
  const accepting = check.link.decision === 'accept'

  return (
    <ProposalFrame lang={lang}>
      <h1>{accepting ? t.askAccept : t.askDecline}</h1>
      <dl>
        <dt>{t.person}</dt>
        <dd>{candidate.name}</dd>
        <dt>{t.council}</dt>
        <dd>{council}</dd>
        <dt>{t.needs}</dt>
        <dd>{needs.join('; ')}</dd>
        {candidate.needs ? (
          <>
            <dt>{t.inTheirWords}</dt>
            <dd>{candidate.needs}</dd>
          </>
        ) : null}
        {pairing.matching?.explanation ? (
          <>
            <dt>{t.why}</dt>
            <dd>{pairing.matching.explanation}</dd>
          </>
        ) : null}
      </dl>
      <p className="note">{accepting ? t.noteAccept : t.noteDecline}</p>
      <form method="post" action="/api/pairings/answer">
        <input type="hidden" name="token" value={given ?? ''} />
        <button type="submit" className={accepting ? '' : 'secondary'}>
          {accepting ? t.yes : t.no}
        </button>
      </form>
      <p className="note">{t.expires(onDate(new Date(check.link.expiresAt), lang))}</p>
    </ProposalFrame>
  )
}
