'use client'

import { Button } from '@payloadcms/ui'
import { useCallback, useState } from 'react'

type ID = number | string
type Pair = { candidateId: ID; mentorId: ID }
type Proposal = Pair & {
  candidateName: string
  candidateCouncil: string
  mentorName: string
  mentorCouncil: string
  locked: boolean
  score: { total: number; topics: number; distance: number; language: number }
  distanceKm: number | null
  explanation: string
}
type Result = {
  proposals: Proposal[]
  unmatched: { candidateId: ID; candidateName: string; explanation: string }[]
  rejectedLocks: (Pair & { explanation: string })[]
  totalScore: number
}

const same = (a: Pair, b: Pair) =>
  String(a.candidateId) === String(b.candidateId) && String(a.mentorId) === String(b.mentorId)
const points = (value: number) => value.toLocaleString('ca-ES', { maximumFractionDigits: 1 })

async function post(url: string, body: unknown) {
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  })
  const json = await response.json().catch(() => ({}))
  if (!response.ok) throw new Error(json?.errors?.[0]?.message ?? `Error ${response.status}`)
  return json
}

export function MatchingPanel({ editions }: { editions: { id: ID; name: string }[] }) {
  const [edition, setEdition] = useState<ID | undefined>(editions[0]?.id)
  const [result, setResult] = useState<Result>()
  const [locked, setLocked] = useState<Pair[]>([])
  const [excluded, setExcluded] = useState<Pair[]>([])
  const [chosen, setChosen] = useState<Pair[]>([])
  const [message, setMessage] = useState<string>()
  const [busy, setBusy] = useState(false)
  // A second look before creating the pairings and emailing the mentors; afterwards, a link to them.
  const [asking, setAsking] = useState(false)
  const [created, setCreated] = useState<ID[]>([])

  const run = useCallback(
    async (nextLocked = locked, nextExcluded = excluded) => {
      if (edition === undefined) return
      setBusy(true)
      setMessage(undefined)
      try {
        const data: Result = await post(`/api/editions/${edition}/match`, {
          locked: nextLocked,
          excluded: nextExcluded,
        })
        setResult(data)
        setChosen(data.proposals.map(({ candidateId, mentorId }) => ({ candidateId, mentorId })))
      } catch (error) {
        setMessage((error as Error).message)
      } finally {
        setBusy(false)
      }
    },
    [edition, locked, excluded],
  )

  const toggle = (list: Pair[], pair: Pair) =>
    list.some((item) => same(item, pair))
      ? list.filter((item) => !same(item, pair))
      : [...list, pair]

  const confirm = async () => {
    if (edition === undefined || chosen.length === 0) return
    setBusy(true)
    try {
      const data = await post(`/api/editions/${edition}/match/confirm`, { proposals: chosen })
      const count = (data.created ?? []).length
      setMessage(
        `${data.message} ${count === 1 ? 'La persona mentora rebrà un correu per acceptar-la o declinar-la.' : 'Les persones mentores rebran un correu per acceptar-les o declinar-les.'}`,
      )
      setCreated((data.created ?? []) as ID[])
      setResult(undefined)
      setAsking(false)
    } catch (error) {
      setMessage((error as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="mentoria-matching">
      <p>
        El programa proposa les parelles segons les necessitats i la disponibilitat: primer tantes
        sol·licituds com sigui possible, i després la millor coincidència d&apos;àmbits, la
        proximitat (calen dues trobades presencials) i la llengua. No es desa res fins que
        confirmeu.
      </p>
      <label htmlFor="mentoria-edition">Convocatòria </label>
      <select
        id="mentoria-edition"
        value={edition === undefined ? '' : String(edition)}
        onChange={(event) =>
          setEdition(editions.find((e) => String(e.id) === event.target.value)?.id)
        }
      >
        {editions.map((option) => (
          <option key={String(option.id)} value={String(option.id)}>
            {option.name}
          </option>
        ))}
      </select>{' '}
      <Button onClick={() => run()} disabled={busy || edition === undefined} buttonStyle="primary">
        {result ? 'Torna a calcular' : 'Calcula la proposta'}
      </Button>
      {message ? <p role="status">{message}</p> : null}
      {result ? (
        <>
          <h2>Parelles proposades ({result.proposals.length})</h2>
          {/* On a phone the table scrolls inside its box, never the page; the box can take the keyboard's focus to scroll. */}
          <div
            aria-label={`Parelles proposades (${result.proposals.length})`}
            className="mentoria-matching__table"
            role="region"
            style={{ overflowX: 'auto', maxWidth: '100%' }}
            tabIndex={0}
          >
            <table>
              <thead>
                <tr>
                  <th scope="col">Confirmar</th>
                  <th scope="col">Sol·licitud</th>
                  <th scope="col">Persona mentora</th>
                  <th scope="col">Punts (àmbits + distància + llengua)</th>
                  <th scope="col">Per què</th>
                  <th scope="col">Fixar / excloure</th>
                </tr>
              </thead>
              <tbody>
                {result.proposals.map((proposal) => {
                  const pair = { candidateId: proposal.candidateId, mentorId: proposal.mentorId }
                  return (
                    <tr key={`${proposal.candidateId}-${proposal.mentorId}`}>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={`Confirmar ${proposal.candidateName} amb ${proposal.mentorName}`}
                          checked={chosen.some((item) => same(item, pair))}
                          onChange={() => setChosen(toggle(chosen, pair))}
                        />
                      </td>
                      <td>
                        {proposal.candidateName}
                        <br />
                        <small>{proposal.candidateCouncil}</small>
                      </td>
                      <td>
                        {proposal.mentorName}
                        <br />
                        <small>{proposal.mentorCouncil}</small>
                      </td>
                      <td>
                        {points(proposal.score.total)} = {points(proposal.score.topics)} +{' '}
                        {points(proposal.score.distance)} + {points(proposal.score.language)}
                      </td>
                      <td>{proposal.explanation}</td>
                      <td>
                        <Button
                          buttonStyle="secondary"
                          size="small"
                          onClick={() => {
                            const next = toggle(locked, pair)
                            setLocked(next)
                            void run(next, excluded)
                          }}
                        >
                          {locked.some((item) => same(item, pair)) ? 'Deixa de fixar' : 'Fixa'}
                        </Button>{' '}
                        <Button
                          buttonStyle="secondary"
                          size="small"
                          onClick={() => {
                            const next = toggle(excluded, pair)
                            setExcluded(next)
                            void run(locked, next)
                          }}
                        >
                          Exclou
                        </Button>
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
          {result.unmatched.length ? (
            <>
              <h2>Sense parella ({result.unmatched.length})</h2>
              <ul>
                {result.unmatched.map((entry) => (
                  <li key={String(entry.candidateId)}>
                    <strong>{entry.candidateName}</strong>: {entry.explanation}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {excluded.length ? (
            <p>
              {excluded.length} {excluded.length === 1 ? 'parella exclosa' : 'parelles excloses'}.{' '}
              <Button
                buttonStyle="secondary"
                size="small"
                onClick={() => {
                  setExcluded([])
                  void run(locked, [])
                }}
              >
                Torna-les a permetre
              </Button>
            </p>
          ) : null}
          {asking ? (
            <div aria-label="Confirmeu l'aparellament" className="mm-confirm" role="group">
              <p className="mm-confirm__title" ref={(node) => node?.focus()} tabIndex={-1}>
                <strong>
                  Segur que voleu proposar{' '}
                  {chosen.length === 1 ? 'aquesta parella' : `aquestes ${chosen.length} parelles`}?
                </strong>
              </p>
              <ul>
                <li>
                  {chosen.length === 1
                    ? 'Es crearà 1 parella'
                    : `Es crearan ${chosen.length} parelles`}{' '}
                  en estat «proposada» i{' '}
                  {chosen.length === 1 ? 'la persona mentora rebrà' : 'cada persona mentora rebrà'}{' '}
                  ara mateix un correu per acceptar-la o declinar-la (amb un compte nou, si encara
                  no en té).
                </li>
                <li>
                  Els correus no es poden fer enrere. Una parella proposada només es pot cancel·lar
                  des de la seva fitxa, a Parelles.
                </li>
              </ul>
              <Button onClick={confirm} disabled={busy} buttonStyle="primary">
                Sí, proposa {chosen.length === 1 ? 'la parella' : `les ${chosen.length} parelles`}
              </Button>{' '}
              <Button onClick={() => setAsking(false)} disabled={busy} buttonStyle="secondary">
                Enrere
              </Button>
            </div>
          ) : (
            <Button
              onClick={() => setAsking(true)}
              disabled={busy || chosen.length === 0}
              buttonStyle="primary"
            >
              Confirma {chosen.length} {chosen.length === 1 ? 'parella' : 'parelles'}
            </Button>
          )}
        </>
      ) : null}
      {created.length ? (
        <p>
          <a
            href={`/admin/collections/pairings?${created.map((id, index) => `where[id][in][${index}]=${encodeURIComponent(String(id))}`).join('&')}`}
          >
            Vegeu{' '}
            {created.length === 1
              ? 'la parella proposada'
              : `les ${created.length} parelles proposades`}
          </a>
        </p>
      ) : null}
    </div>
  )
}
