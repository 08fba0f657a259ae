'use client'

import { useState } from 'react'

/**
 * The person's private calendar (/calendari/<token>.ics): their planned meetings, the agreed end and
 * the evaluation due date, to subscribe to from Google Calendar, Outlook or Apple Calendar. The address
 * is shown once, when it is made; making a new one stops the old one at once.
 */
export function CalendarLink() {
  const [url, setUrl] = useState<string>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const renew = async () => {
    if (
      url === undefined &&
      !window.confirm(
        'Es crearà un enllaç nou per al vostre calendari; si ja en teníeu un, deixarà de funcionar. Voleu continuar?',
      )
    )
      return
    setBusy(true)
    setError(undefined)
    try {
      const response = await fetch('/api/mentoria/calendari-nou', {
        method: 'POST',
        credentials: 'include',
        headers: { Accept: 'application/json' },
      })
      const json = await response.json().catch(() => ({}))
      if (!response.ok)
        setError(
          json?.errors?.[0]?.message ?? `No s'ha pogut crear l'enllaç (error ${response.status}).`,
        )
      else setUrl(json.url)
    } catch {
      setError("No s'ha pogut connectar amb el servidor. Torneu-ho a provar.")
    } finally {
      setBusy(false)
    }
  }
  return (
    <section aria-labelledby="mm-calendari" className="mm-section">
      <h2 id="mm-calendari">El vostre calendari</h2>
      <p>
        Subscriviu-vos-hi des del vostre calendari (Google Calendar, Outlook, Apple Calendar:
        «afegeix calendari per URL») i hi veureu les trobades previstes, el final acordat i el
        termini de la valoració. L&apos;enllaç és privat: no el compartiu. Si algú altre l&apos;ha
        vist, feu-ne un de nou.
      </p>
      {url ? (
        <p>
          <label>
            <span>Enllaç del vostre calendari (l&apos;anterior ja no funciona)</span>
            <input
              onFocus={(event) => event.currentTarget.select()}
              readOnly
              style={{ width: '100%' }}
              type="text"
              value={url}
            />
          </label>
        </p>
      ) : null}
      <button
        className="btn btn--style-secondary btn--size-small"
        disabled={busy}
        onClick={() => void renew()}
        type="button"
      >
        {url ? 'Fes-ne un altre enllaç' : "Obtén l'enllaç del calendari"}
      </button>
      {error ? (
        <p className="mm-alert" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  )
}
