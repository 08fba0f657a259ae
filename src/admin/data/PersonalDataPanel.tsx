'use client'

import { Button } from '@payloadcms/ui'
import { useState } from 'react'

/** One person's data by email: download it all (right of access) or erase it (right to erasure). */
export function PersonalDataPanel() {
  const [email, setEmail] = useState('')
  const [confirming, setConfirming] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const valid = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())

  const erase = async () => {
    const response = await fetch('/api/mentoria/people/erase', {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ email: email.trim() }),
    })
    const answer = await response.json().catch(() => ({}))
    setMessage(answer.message ?? answer.errors?.[0]?.message ?? `Error ${response.status}`)
    setConfirming(false)
  }

  return (
    <div>
      <p>
        Quan una persona demana veure les seves dades, descarregueu-les aquí. Quan en demana l&apos;esborrament, el seu nom, correu, telèfon i els textos
        lliures es substitueixen per «Persona esborrada» a tots els registres i a l&apos;historial, i se n&apos;elimina el compte. Els recomptes i les
        estadístiques no canvien. No es pot desfer.
      </p>
      <p>
        <label>
          Correu electrònic de la persona:{' '}
          <input type="email" value={email} onChange={(event) => (setEmail(event.target.value), setConfirming(false), setMessage(null))} size={40} />
        </label>
      </p>
      <p style={{ display: 'flex', gap: '1rem', alignItems: 'center' }}>
        <a
          className="btn btn--style-secondary btn--size-small"
          aria-disabled={!valid}
          href={valid ? `/api/mentoria/people/export?email=${encodeURIComponent(email.trim())}` : undefined}
          download
        >
          Descarrega les seves dades (JSON)
        </a>
        {!confirming ? (
          <Button buttonStyle="secondary" size="small" disabled={!valid} onClick={() => setConfirming(true)}>
            Esborra aquesta persona…
          </Button>
        ) : (
          <>
            <span>Segur que voleu esborrar les dades de {email.trim()}? No es pot desfer.</span>
            <Button size="small" onClick={erase}>
              Sí, esborra-les
            </Button>
            <Button buttonStyle="secondary" size="small" onClick={() => setConfirming(false)}>
              No
            </Button>
          </>
        )}
      </p>
      {message && (
        <p className="mentoria-erase-result" role="status">
          {message}
        </p>
      )}
    </div>
  )
}
