'use client'

import { useRouter } from 'next/navigation'
import { type FormEvent, useState } from 'react'

import { programmeTimeToISO, programmeToday } from '../../rules/programme-time'

type ID = number | string

/** One change to a meeting as the signed-in person; the answer (or the refusal) in Catalan. */
function useMeetingChange() {
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const [done, setDone] = useState<string>()
  const send = async (method: 'POST' | 'PATCH', url: string, body: unknown, success: string) => {
    setBusy(true)
    setError(undefined)
    setDone(undefined)
    try {
      const response = await fetch(url, {
        method,
        credentials: 'include',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
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
  const feedback = (
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
  return { busy, send, feedback }
}

/** R7: plan a meeting ahead (date, hour, how, where); both people get it as a calendar invitation. */
export function PlanMeetingForm({ id }: { id: ID }) {
  const { busy, send, feedback } = useMeetingChange()
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = event.currentTarget
    const field = (name: string) =>
      (form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? ''
    const duration = field('durationMinutes')
    const ok = await send(
      'POST',
      '/api/meetings',
      {
        pairing: id,
        status: 'planned',
        // The hour typed is Catalan time, as the page, the emails and the invitations show it.
        date: programmeTimeToISO(field('date'), field('time') || '10:00'),
        modality: field('modality'),
        place: field('place') || undefined,
        durationMinutes: duration ? Number(duration) : 60,
      },
      'Trobada prevista. Totes dues persones en reben la invitació de calendari per correu.',
    )
    if (ok) form.reset()
  }
  return (
    <form
      aria-label="Preveu una trobada"
      className="mm-form"
      id="preveu-trobada"
      onSubmit={onSubmit}
    >
      <div className="mm-row">
        <label className="mm-field">
          <span className="mm-label">Dia</span>
          <input min={programmeToday()} name="date" required type="date" />
        </label>
        <label className="mm-field">
          <span className="mm-label">Hora</span>
          <input defaultValue="10:00" name="time" required type="time" />
        </label>
        <label className="mm-field">
          <span className="mm-label">Com</span>
          <select defaultValue="in_person" name="modality">
            <option value="in_person">Presencial</option>
            <option value="online">En línia</option>
            <option value="phone">Per telèfon</option>
          </select>
        </label>
        <label className="mm-field">
          <span className="mm-label">Durada (minuts)</span>
          <input
            defaultValue={60}
            max={1440}
            min={5}
            name="durationMinutes"
            step={5}
            type="number"
          />
        </label>
      </div>
      <label className="mm-field">
        <span className="mm-label">Lloc (o enllaç de la videotrucada)</span>
        <input maxLength={200} name="place" type="text" />
      </label>
      <button className="btn btn--style-primary btn--size-medium" disabled={busy} type="submit">
        Preveu la trobada
      </button>
      {feedback}
    </form>
  )
}

/** A planned meeting: once its day has come, «Es va fer» (it then counts) or «No es va fer»; before, only cancel. */
export function PlannedMeetingActions({ id, dayHasCome }: { id: ID; dayHasCome: boolean }) {
  const { busy, send, feedback } = useMeetingChange()
  const mark = (status: 'held' | 'cancelled', success: string) =>
    void send('PATCH', `/api/meetings/${id}`, { status }, success)
  return (
    <span className="mm-planned-actions">
      {dayHasCome ? (
        <button
          className="btn btn--style-primary btn--size-small"
          disabled={busy}
          onClick={() => mark('held', 'Trobada marcada com a feta: ja compta per tancar.')}
          type="button"
        >
          Es va fer
        </button>
      ) : null}
      <button
        className="btn btn--style-secondary btn--size-small"
        disabled={busy}
        onClick={() => {
          if (
            dayHasCome ||
            window.confirm(
              'Segur que voleu anul·lar aquesta trobada? Totes dues persones en rebran l’anul·lació.',
            )
          ) {
            mark('cancelled', 'Trobada anul·lada.')
          }
        }}
        type="button"
      >
        {dayHasCome ? 'No es va fer' : 'Anul·la-la'}
      </button>
      {feedback}
    </span>
  )
}
