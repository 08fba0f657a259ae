import { ANSWER_RESULTS, answerResultOf } from '../../../../notifications/answers'

type Props = { searchParams: Promise<{ resultat?: string | string[] }> }

export default async function AnswerResultPage({ searchParams }: Props) {
  const { resultat } = await searchParams
  const key = answerResultOf(resultat)
  return (
    <>
      <h1>{key === 'accepted' || key === 'declined' ? 'Resposta registrada' : 'No s\'ha pogut registrar la resposta'}</h1>
      <p role="status">{ANSWER_RESULTS[key]}</p>
    </>
  )
}
