'use client'

import { useRouter } from 'next/navigation'
import { type FormEvent, type ReactNode, useState } from 'react'

import { addMonths } from '../../rules/dates'

type ID = number | string

/** Sends one change to the API as the signed-in person (cookie), and shows the answer in Catalan. */
function useSubmit() {
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const [done, setDone] = useState<string>()
  const submit = async (
    method: 'POST' | 'PATCH' | 'DELETE',
    url: string,
    body: unknown,
    success: string,
  ) => {
    setBusy(true)
    setError(undefined)
    setDone(undefined)
    try {
      const response = await fetch(url, {
        method,
        credentials: 'include',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      const json = await response.json().catch(() => ({}))
      if (!response.ok) {
        setError(json?.errors?.[0]?.message ?? `No s'ha pogut desar (error ${response.status}).`)
        return false
      }
      setDone(success)
      router.refresh()
      return true
    } catch {
      setError("No s'ha pogut connectar amb el servidor. Torneu-ho a provar.")
      return false
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, done, submit }
}

function Feedback({ error, done }: { error?: string; done?: string }) {
  return (
    <>
      {error ? (
        <p className="mm-alert" role="alert">
          {error}
        </p>
      ) : null}
      {done ? (
        <p className="mm-done" role="status">
          {done}
        </p>
      ) : null}
    </>
  )
}

function Field({ label, children, hint }: { label: string; children: ReactNode; hint?: string }) {
  return (
    <label className="mm-field">
      <span className="mm-label">{label}</span>
      {children}
      {hint ? <span className="mm-hint">{hint}</span> : null}
    </label>
  )
}

const today = () => new Date().toISOString().slice(0, 10)
const value = (form: HTMLFormElement, name: string) =>
  String(new FormData(form).get(name) ?? '').trim()
/** A calendar day as the API stores it (noon UTC, so no time zone moves it to another day). */
const dayISO = (day: string) => (day ? new Date(`${day}T12:00:00Z`).toISOString() : null)

const pairingUrl = (id: ID) => `/api/pairings/${id}`

/**
 * A second look before a step that cannot be undone: what will happen (who hears of it, what becomes
 * read-only), then «Sí, …» or «Enrere». Focus moves to the question so a keyboard or screen reader
 * user lands on it.
 */
function Confirm({
  title,
  children,
  confirmLabel,
  busy,
  onConfirm,
  onCancel,
}: {
  title: string
  children: ReactNode
  confirmLabel: string
  busy: boolean
  onConfirm: () => void
  onCancel: () => void
}) {
  return (
    <div aria-label={title} className="mm-confirm" role="group">
      <p className="mm-confirm__title" ref={(node) => node?.focus()} tabIndex={-1}>
        <strong>{title}</strong>
      </p>
      {children}
      <div className="mm-actions">
        <button
          className="btn btn--style-primary btn--size-medium"
          disabled={busy}
          onClick={onConfirm}
          type="button"
        >
          {confirmLabel}
        </button>
        <button
          className="btn btn--style-secondary btn--size-medium"
          disabled={busy}
          onClick={onCancel}
          type="button"
        >
          Enrere
        </button>
      </div>
    </div>
  )
}

export function AnswerProposal({ id, menteeName }: { id: ID; menteeName: string }) {
  const { busy, error, done, submit } = useSubmit()
  const [asking, setAsking] = useState<'accepted' | 'declined'>()
  if (asking === 'accepted') {
    return (
      <>
        <Confirm
          busy={busy}
          confirmLabel="Sí, l'accepto"
          onCancel={() => setAsking(undefined)}
          onConfirm={() =>
            void submit(
              'PATCH',
              pairingUrl(id),
              { status: 'accepted' },
              'Heu acceptat la proposta.',
            )
          }
          title="Segur que accepteu la proposta?"
        >
          <ul>
            <li>
              {menteeName} rebrà un correu amb les vostres dades de contacte i un enllaç per entrar
              a l&apos;aplicació.
            </li>
            <li>
              Veureu les seves dades de contacte aquí mateix, i la proposta ja no es podrà desfer:
              si després no podeu seguir, caldrà deixar l&apos;acompanyament.
            </li>
          </ul>
        </Confirm>
        <Feedback done={done} error={error} />
      </>
    )
  }
  if (asking === 'declined') {
    return (
      <>
        <Confirm
          busy={busy}
          confirmLabel="Sí, la declino"
          onCancel={() => setAsking(undefined)}
          onConfirm={() =>
            void submit(
              'PATCH',
              pairingUrl(id),
              { status: 'declined' },
              'Heu declinat la proposta.',
            )
          }
          title="Segur que declineu la proposta?"
        >
          <ul>
            <li>
              La secretaria tècnica buscarà una altra persona mentora per a {menteeName}, que no
              sabrà que l&apos;heu declinada.
            </li>
            <li>No es pot desfer: aquesta proposta quedarà tancada.</li>
          </ul>
        </Confirm>
        <Feedback done={done} error={error} />
      </>
    )
  }
  return (
    <div className="mm-actions">
      <button
        className="btn btn--style-primary btn--size-medium"
        disabled={busy}
        onClick={() => setAsking('accepted')}
        type="button"
      >
        Accepto la proposta
      </button>
      <button
        className="btn btn--style-secondary btn--size-medium"
        disabled={busy}
        onClick={() => setAsking('declined')}
        type="button"
      >
        No la puc acceptar
      </button>
      <Feedback done={done} error={error} />
    </div>
  )
}

export function StartForm({ id, maxMonths }: { id: ID; maxMonths: number }) {
  const suggestedEnd = (start: string) =>
    start ? addMonths(`${start}T12:00:00Z`, maxMonths).toISOString().slice(0, 10) : ''
  const { busy, error, done, submit } = useSubmit()
  const [start, setStart] = useState(today())
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = event.currentTarget
    void submit(
      'PATCH',
      pairingUrl(id),
      {
        status: 'active',
        startDate: dayISO(value(form, 'startDate')),
        endDate: dayISO(value(form, 'endDate')),
        agreement: {
          objectives: value(form, 'objectives'),
          activities: value(form, 'activities'),
          calendar: value(form, 'calendar'),
        },
      },
      "L'acompanyament ha començat. L'altra part en rep un correu.",
    )
  }
  return (
    <form className="mm-form" aria-label="Comença l'acompanyament" onSubmit={onSubmit}>
      <div className="mm-row">
        <Field label="Data d'inici">
          <input
            name="startDate"
            onChange={(event) => setStart(event.target.value)}
            required
            type="date"
            value={start}
          />
        </Field>
        <Field hint="Un any com a màxim des de l'inici." label="Data de finalització pactada">
          <input
            defaultValue={suggestedEnd(start)}
            key={start}
            name="endDate"
            required
            type="date"
          />
        </Field>
      </div>
      <Field label="Objectius pactats">
        <textarea name="objectives" required rows={3} />
      </Field>
      <Field label="Activitats principals">
        <textarea name="activities" required rows={3} />
      </Field>
      <Field hint="Per exemple: una trobada al mes, la primera presencial." label="Calendari">
        <textarea name="calendar" required rows={2} />
      </Field>
      <button className="btn btn--style-primary btn--size-medium" disabled={busy} type="submit">
        Registra l&apos;inici
      </button>
      <Feedback done={done} error={error} />
    </form>
  )
}

export function MeetingForm({ id, startDate }: { id: ID; startDate?: string }) {
  const { busy, error, done, submit } = useSubmit()
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = event.currentTarget
    const duration = value(form, 'durationMinutes')
    const ok = await submit(
      'POST',
      '/api/meetings',
      {
        pairing: id,
        date: dayISO(value(form, 'date')),
        modality: value(form, 'modality'),
        place: value(form, 'place') || undefined,
        durationMinutes: duration ? Number(duration) : undefined,
        summary: value(form, 'summary') || undefined,
      },
      "Trobada registrada. L'altra part en rep un correu.",
    )
    if (ok) form.reset()
  }
  return (
    <form className="mm-form" aria-label="Registra una trobada" id="trobada" onSubmit={onSubmit}>
      <div className="mm-row">
        <Field label="Data">
          <input
            defaultValue={today()}
            max={today()}
            min={startDate?.slice(0, 10)}
            name="date"
            required
            type="date"
          />
        </Field>
        <Field label="Com">
          <select defaultValue="in_person" name="modality">
            <option value="in_person">Presencial</option>
            <option value="online">En línia</option>
            <option value="phone">Per telèfon</option>
          </select>
        </Field>
        <Field label="Durada (minuts)">
          <input
            defaultValue={60}
            max={1440}
            min={5}
            name="durationMinutes"
            step={5}
            type="number"
          />
        </Field>
      </div>
      <Field label="Lloc">
        <input maxLength={200} name="place" type="text" />
      </Field>
      <Field label="Què hi vau fer">
        <textarea maxLength={4000} name="summary" rows={3} />
      </Field>
      <button className="btn btn--style-primary btn--size-medium" disabled={busy} type="submit">
        Registra la trobada
      </button>
      <Feedback done={done} error={error} />
    </form>
  )
}

export function DeleteMeeting({ id }: { id: ID }) {
  const { busy, error, submit } = useSubmit()
  return (
    <>
      <button
        className="btn btn--style-secondary btn--size-small"
        disabled={busy}
        onClick={() => {
          if (window.confirm('Segur que voleu esborrar aquesta trobada?'))
            void submit('DELETE', `/api/meetings/${id}`, undefined, 'Trobada esborrada.')
        }}
        type="button"
      >
        Esborra
      </button>
      <Feedback error={error} />
    </>
  )
}

export function IncidentForm({ id }: { id: ID }) {
  const { busy, error, done, submit } = useSubmit()
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = event.currentTarget
    const ok = await submit(
      'POST',
      '/api/incidents',
      { pairing: id, type: value(form, 'type'), description: value(form, 'description') },
      'Incidència comunicada a la secretaria tècnica. Només la veieu vós i la secretaria; us avisarem quan es resolgui.',
    )
    if (ok) form.reset()
  }
  return (
    <form
      className="mm-form"
      aria-label="Comunica una incidència"
      id="incidencia"
      onSubmit={onSubmit}
    >
      <Field label="De què es tracta">
        <select defaultValue="other" name="type">
          <option value="communication">Comunicació entre les parts</option>
          <option value="availability">Disponibilitat o terminis</option>
          <option value="change_of_person">Canvi de persona o de lloc de treball</option>
          <option value="agreement">Compliment de l&apos;acord</option>
          <option value="other">Una altra</option>
        </select>
      </Field>
      <Field
        hint="Només la llegeix la secretaria tècnica, no l'altra part."
        label="Expliqueu què passa"
      >
        <textarea maxLength={4000} name="description" required rows={3} />
      </Field>
      <button className="btn btn--style-secondary btn--size-medium" disabled={busy} type="submit">
        Comunica la incidència
      </button>
      <Feedback done={done} error={error} />
    </form>
  )
}

export function ProposeExtension({
  id,
  side,
  endDate,
}: {
  id: ID
  side: 'mentor' | 'mentee'
  endDate?: string
}) {
  const { busy, error, done, submit } = useSubmit()
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = event.currentTarget
    void submit(
      'PATCH',
      pairingUrl(id),
      {
        extension: {
          proposedEndDate: dayISO(value(form, 'proposedEndDate')),
          reason: value(form, 'reason'),
          [side]: { agreed: true },
        },
      },
      "Proposta enviada. L'ampliació val quan l'altra part també hi estigui d'acord.",
    )
  }
  return (
    <form className="mm-form" aria-label="Proposa una ampliació" id="ampliacio" onSubmit={onSubmit}>
      <Field label="Nova data de finalització">
        <input min={endDate?.slice(0, 10)} name="proposedEndDate" required type="date" />
      </Field>
      <Field label="Per què cal allargar-lo">
        <textarea maxLength={2000} name="reason" required rows={2} />
      </Field>
      <p className="mm-hint">
        En proposar-la, hi doneu el vostre acord. L&apos;altra part rebrà un correu per donar el
        seu.
      </p>
      <button className="btn btn--style-secondary btn--size-medium" disabled={busy} type="submit">
        Proposa l&apos;ampliació
      </button>
      <Feedback done={done} error={error} />
    </form>
  )
}

/** The other party's proposal: agree, say no (the proposal is withdrawn) or answer with another date. */
export function AgreeExtension({
  id,
  side,
  endDate,
}: {
  id: ID
  side: 'mentor' | 'mentee'
  endDate?: string
}) {
  const { busy, error, done, submit } = useSubmit()
  const [mode, setMode] = useState<'decline' | 'other'>()
  if (mode === 'other') {
    return (
      <>
        <p>Proposeu una altra data: l&apos;altra part la podrà acceptar o no.</p>
        <ProposeExtension endDate={endDate} id={id} side={side} />
        <button
          className="btn btn--style-secondary btn--size-small"
          onClick={() => setMode(undefined)}
          type="button"
        >
          Enrere
        </button>
      </>
    )
  }
  if (mode === 'decline') {
    return (
      <>
        <Confirm
          busy={busy}
          confirmLabel="Sí, no hi estic d'acord"
          onCancel={() => setMode(undefined)}
          onConfirm={() =>
            void submit(
              'PATCH',
              pairingUrl(id),
              { extension: { proposedEndDate: null, reason: null } },
              "Heu dit que no a l'ampliació: l'acompanyament acaba en la data pactada.",
            )
          }
          title="Segur que no voleu ampliar l'acompanyament?"
        >
          <ul>
            <li>
              La proposta queda retirada i l&apos;acompanyament acaba en la data pactada
              {endDate ? ` (${endDate.slice(0, 10).split('-').reverse().join('/')})` : ''}.
            </li>
            <li>
              L&apos;altra part ho veurà a «Les meves mentories» i, si cal, en pot proposar una
              altra.
            </li>
          </ul>
        </Confirm>
        <Feedback done={done} error={error} />
      </>
    )
  }
  return (
    <div className="mm-actions">
      <button
        className="btn btn--style-primary btn--size-medium"
        disabled={busy}
        onClick={() =>
          submit(
            'PATCH',
            pairingUrl(id),
            { extension: { [side]: { agreed: true } } },
            'Hi heu donat el vostre acord.',
          )
        }
        type="button"
      >
        Hi estic d&apos;acord
      </button>
      <button
        className="btn btn--style-secondary btn--size-medium"
        disabled={busy}
        onClick={() => setMode('other')}
        type="button"
      >
        Proposo una altra data
      </button>
      <button
        className="btn btn--style-secondary btn--size-medium"
        disabled={busy}
        onClick={() => setMode('decline')}
        type="button"
      >
        No hi estic d&apos;acord
      </button>
      <Feedback done={done} error={error} />
    </div>
  )
}

export function EvaluationForm({
  id,
  side,
  current,
}: {
  id: ID
  side: 'mentor' | 'mentee'
  current?: { rating?: number; comments?: string }
}) {
  const { busy, error, done, submit } = useSubmit()
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = event.currentTarget
    void submit(
      'PATCH',
      pairingUrl(id),
      {
        closing: {
          [side === 'mentor' ? 'mentorEvaluation' : 'menteeEvaluation']: {
            rating: Number(value(form, 'rating')),
            comments: value(form, 'comments'),
          },
        },
      },
      'Valoració desada. Només la llegeix la secretaria tècnica.',
    )
  }
  return (
    <form className="mm-form" aria-label="La vostra valoració" id="valoracio" onSubmit={onSubmit}>
      <fieldset className="mm-rating">
        <legend className="mm-label">
          Com valoreu l&apos;acompanyament? (1: gens útil · 5: molt útil)
        </legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n}>
            <input
              defaultChecked={current?.rating === n}
              name="rating"
              required
              type="radio"
              value={n}
            />{' '}
            {n}
          </label>
        ))}
      </fieldset>
      <Field hint="Només la llegeix la secretaria tècnica, no l'altra part." label="Comentaris">
        <textarea
          defaultValue={current?.comments}
          maxLength={4000}
          name="comments"
          required
          rows={3}
        />
      </Field>
      <button className="btn btn--style-primary btn--size-medium" disabled={busy} type="submit">
        Desa la valoració
      </button>
      <Feedback done={done} error={error} />
    </form>
  )
}

export function CloseForm({ id, startDate }: { id: ID; startDate?: string }) {
  const { busy, error, done, submit } = useSubmit()
  const [closingDate, setClosingDate] = useState<string>()
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setClosingDate(value(event.currentTarget, 'closingDate'))
  }
  return (
    <form className="mm-form" aria-label="Tanca l'acompanyament" id="tancament" onSubmit={onSubmit}>
      <Field label="Data de tancament">
        <input
          defaultValue={today()}
          disabled={Boolean(closingDate)}
          max={today()}
          min={startDate?.slice(0, 10)}
          name="closingDate"
          required
          type="date"
        />
      </Field>
      {closingDate ? (
        <Confirm
          busy={busy}
          confirmLabel="Sí, tanca'l"
          onCancel={() => setClosingDate(undefined)}
          onConfirm={() =>
            void submit(
              'PATCH',
              pairingUrl(id),
              { status: 'completed', closing: { closingDate: dayISO(closingDate) } },
              "L'acompanyament s'ha tancat. Gràcies!",
            )
          }
          title="Segur que voleu tancar l'acompanyament?"
        >
          <ul>
            <li>
              Quedarà tancat amb data {closingDate.split('-').reverse().join('/')}: l&apos;acord,
              les trobades i les valoracions es podran consultar, però ja no canviar.
            </li>
            <li>
              La persona mentorada rebrà un correu per escriure la fitxa; la persona mentora, si
              encara no ha fet la seva valoració, un altre per fer-la.
            </li>
          </ul>
        </Confirm>
      ) : (
        <button className="btn btn--style-primary btn--size-medium" disabled={busy} type="submit">
          Tanca l&apos;acompanyament
        </button>
      )}
      <Feedback done={done} error={error} />
    </form>
  )
}

export function WithdrawForm({ id }: { id: ID }) {
  const { busy, error, done, submit } = useSubmit()
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = event.currentTarget
    if (!window.confirm("Segur que voleu deixar l'acompanyament? No es pot desfer.")) return
    void submit(
      'PATCH',
      pairingUrl(id),
      { status: 'cancelled', cancellationReason: value(form, 'reason') },
      "Heu deixat l'acompanyament. La secretaria tècnica i l'altra part n'estan avisades.",
    )
  }
  return (
    <details className="mm-withdraw">
      <summary>Vull deixar l&apos;acompanyament</summary>
      <form className="mm-form" aria-label="Deixa l'acompanyament" onSubmit={onSubmit}>
        <p>
          La participació és voluntària: podeu deixar-lo quan vulgueu. Digueu-nos per què; ho rebran
          la secretaria tècnica i l&apos;altra part.
        </p>
        <Field label="Motiu">
          <textarea maxLength={2000} name="reason" required rows={2} />
        </Field>
        <button className="btn btn--style-secondary btn--size-medium" disabled={busy} type="submit">
          Deixa l&apos;acompanyament
        </button>
        <Feedback done={done} error={error} />
      </form>
    </details>
  )
}
