'use client'

import { Button } from '@payloadcms/ui'
import { type FormEvent, useState } from 'react'

import type { PersonSummary } from '../../rules/personal-data-summary'

/**
 * One person's data by email: look it up (a summary in plain Catalan: who they are, what records
 * exist), download it (the summary as text, everything as JSON: right of access) or erase it (right to
 * erasure). An address with nothing held says so.
 */
export function PersonalDataPanel() {
  const [email, setEmail] = useState('')
  const [confirming, setConfirming] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const [looking, setLooking] = useState(false)
  const [found, setFound] = useState<{ email: string; summary: PersonSummary } | null>(null)
  const [notFound, setNotFound] = useState<string | null>(null)
  const valid = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())
  const exportUrl = (address: string, format?: 'text') => `/api/mentoria/people/export?email=${encodeURIComponent(address)}${format ? `&format=${format}` : ''}`

  const lookUp = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!valid) {
      setNotFound("Escriviu una adreça de correu electrònic sencera (per exemple, nom@ajuntament.cat).")
      return
    }
    setLooking(true)
    setFound(null)
    setNotFound(null)
    setMessage(null)
    try {
      const response = await fetch(exportUrl(email.trim()), { credentials: 'include', headers: { Accept: 'application/json' } })
      const answer = await response.json().catch(() => ({}))
      if (response.ok && answer.summary) setFound({ email: email.trim(), summary: answer.summary })
      else setNotFound(answer.errors?.[0]?.message ?? `No s'han pogut consultar les dades (error ${response.status}).`)
    } catch {
      setNotFound("No s'ha pogut connectar amb el servidor. Torneu-ho a provar.")
    } finally {
      setLooking(false)
    }
  }

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
    if (response.ok) setFound(null)
  }

  return (
    <div>
      <p>
        Quan una persona demana veure les seves dades, consulteu-les aquí: en veureu un resum i les podreu descarregar per enviar-les-hi. Quan en demana l&apos;esborrament, el seu nom, correu, telèfon i els textos
        lliures es substitueixen per «Persona esborrada» a tots els registres i a l&apos;historial, i se n&apos;elimina el compte. Els recomptes i les
        estadístiques no canvien. No es pot desfer.
      </p>
      <form aria-label="Consulta les dades d'una persona" onSubmit={lookUp}>
        <p style={{ display: 'flex', gap: '1rem', alignItems: 'flex-end', flexWrap: 'wrap' }}>
          <label style={{ display: 'flex', flexDirection: 'column', gap: '0.25rem', maxWidth: '100%' }}>
            Correu electrònic de la persona
            <input
              onChange={(event) => (setEmail(event.target.value), setConfirming(false), setMessage(null), setFound(null), setNotFound(null))}
              size={40}
              style={{ maxWidth: '100%' }}
              type="email"
              value={email}
            />
          </label>
          <Button buttonStyle="primary" disabled={looking} margin={false} size="small" type="submit">
            {looking ? 'Consultant…' : 'Consulta les seves dades'}
          </Button>
        </p>
      </form>
      {notFound ? (
        <p className="mentoria-person-missing" role="alert">
          {notFound}
        </p>
      ) : null}
      {found ? (
        <section
          aria-label={found.summary.title}
          className="mentoria-person-summary"
          style={{ border: '1px solid var(--theme-elevation-150)', borderRadius: 4, padding: '0.75rem 1rem', margin: '1rem 0', maxWidth: '48rem' }}
        >
          <h3 style={{ fontSize: '1.3rem', margin: '0 0 0.5rem' }}>{found.summary.title}</h3>
          <p>{found.summary.intro}</p>
          {found.summary.sections.map((section) => (
            <div key={section.heading}>
              <h4 style={{ fontSize: '1.05rem', margin: '1rem 0 0.25rem' }}>{section.heading}</h4>
              <ul>
                {section.items.map((item, index) => (
                  <li key={index}>{item}</li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ) : null}
      <p style={{ display: 'flex', gap: '1rem', alignItems: 'center', flexWrap: 'wrap' }}>
        {found ? (
          <>
            <a className="btn btn--style-secondary btn--size-small" download href={exportUrl(found.email, 'text')} style={{ margin: 0 }}>
              Descarrega el resum (text)
            </a>
            <a className="btn btn--style-secondary btn--size-small" download href={exportUrl(found.email)} style={{ margin: 0 }}>
              Descarrega totes les dades (JSON)
            </a>
          </>
        ) : null}
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
