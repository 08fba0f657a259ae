import { answerResultOf, answerResultsIn, PROPOSAL_PAGE } from '../../../../notifications/answers'
import { emailLang } from '../../../../notifications/language'
import { ProposalFrame } from '../../frame'

type Props = { searchParams: Promise<{ resultat?: string | string[]; lang?: string | string[] }> }

/** Where the answer leads (src/endpoints/answer.ts), in the mentor's language (`lang`, Catalan by default). */
export default async function AnswerResultPage({ searchParams }: Props) {
  const { resultat, lang: asked } = await searchParams
  const key = answerResultOf(resultat)
  const lang = emailLang(asked)
  const t = PROPOSAL_PAGE[lang]
  return (
    <ProposalFrame lang={lang}>
      <h1>{key === 'accepted' || key === 'declined' ? t.recorded : t.notRecorded}</h1>
      <p role="status">{answerResultsIn(lang)[key]}</p>
    </ProposalFrame>
  )
}
