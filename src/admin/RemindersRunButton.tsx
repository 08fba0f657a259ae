'use client'

import { Button, useAuth } from '@payloadcms/ui'
import { useState } from 'react'

import { REMINDER_KIND_LABELS, REMINDER_KINDS, type ReminderKind } from '../rules/reminders'

type Answer = {
  day: string
  sent: Record<ReminderKind, number>
  pairings: Record<ReminderKind, number>
  emails: number
  message: string
}

const dayCa = (day: string) =>
  new Intl.DateTimeFormat('ca-ES', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`))

/**
 * The secretariat sends today's reminders and notices now, instead of waiting for the daily round
 * (POST /api/mentoria/reminders/run), and reads what went out. What was sent already never goes twice.
 */
export function RemindersRunButton({ hour }: { hour?: number }) {
  const { user } = useAuth()
  const [answer, setAnswer] = useState<Answer>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  if (!(user as { roles?: string[] } | null)?.roles?.includes('secretariat')) return null
  const run = async () => {
    setBusy(true)
    setError(undefined)
    setAnswer(undefined)
    try {
      const response = await fetch('/api/mentoria/reminders/run', {
        method: 'POST',
        credentials: 'include',
        headers: { Accept: 'application/json' },
      })
      const json = await response.json().catch(() => ({}))
      if (response.ok) setAnswer(json as Answer)
      else
        setError(
          json?.errors?.[0]?.message ??
            `No s'han pogut enviar els recordatoris (error ${response.status}). Torneu-ho a provar d'aquí a una estona.`,
        )
    } catch {
      setError(
        "No s'ha pogut connectar amb el servidor. Comproveu la connexió i torneu-ho a provar.",
      )
    } finally {
      setBusy(false)
    }
  }
  const sentKinds = answer ? REMINDER_KINDS.filter((kind) => answer.sent[kind] > 0) : []
  return (
    <section
      aria-labelledby="mentoria-reminders-title"
      className="mentoria-reminders"
      style={{ marginBottom: '2rem' }}
    >
      <h2 id="mentoria-reminders-title" style={{ marginBottom: '0.5rem' }}>
        Recordatoris i avisos
      </h2>
      <p style={{ marginBottom: '0.75rem' }}>
        Cada dia, {hour === undefined ? 'al matí' : `a partir de les ${hour} h`}, el programa envia
        sol els recordatoris que toquen (propostes sense resposta, acompanyaments que no comencen,
        trobades, dates de finalització, valoracions i fitxes). Si no voleu esperar, envieu ara els
        d&apos;avui: el que ja s&apos;ha enviat no s&apos;envia mai dues vegades.
      </p>
      <Button buttonStyle="secondary" disabled={busy} onClick={run} size="small">
        {busy ? "S'estan enviant…" : "Envia ara els recordatoris d'avui"}
      </Button>
      <div aria-live="polite">
        {answer ? (
          <div role="status">
            <p>
              <strong>{answer.message}</strong> ({dayCa(answer.day)})
            </p>
            {sentKinds.length ? (
              <ul>
                {sentKinds.map((kind) => (
                  <li key={kind}>
                    {REMINDER_KIND_LABELS[kind]}: {answer.sent[kind]}{' '}
                    {answer.sent[kind] === 1 ? 'correu' : 'correus'} ({answer.pairings[kind]}{' '}
                    {answer.pairings[kind] === 1 ? 'parella' : 'parelles'})
                  </li>
                ))}
              </ul>
            ) : null}
            <p>
              <a href="/admin/collections/reminders">Vegeu tots els recordatoris enviats</a>
            </p>
          </div>
        ) : null}
        {error ? (
          <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
            {error}
          </p>
        ) : null}
      </div>
    </section>
  )
}
