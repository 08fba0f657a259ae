'use client'

import { Button } from '@payloadcms/ui'
import { useState } from 'react'

type RowError = { row: number; field: string; message: string }
type Planned = { row: number; action: 'create' | 'update' | 'unchanged'; name: string; changes: string[] }
type Answer = { message: string; rows?: Planned[]; rowErrors?: RowError[]; done?: boolean }

const KINDS = {
  mentors: { label: 'Persones mentores', columns: 'Nom i cognoms, Correu electrònic, Ens, Àmbits (obligatòries); Telèfon, Càrrec, Capacitat, Disponible, Llengües, Trajectòria' },
  municipalities: { label: 'Ens membres', columns: 'Nom (obligatòria); Comarca, Província, Latitud, Longitud, Membre de la XMESS' },
} as const
type Kind = keyof typeof KINDS

const ACTION = { create: 'Es crearà', update: "S'actualitzarà", unchanged: 'Sense canvis' } as const

async function send(kind: Kind, step: 'preview' | 'confirm', csv: string): Promise<{ ok: boolean; answer: Answer }> {
  const response = await fetch(`/api/mentoria/import/${kind}/${step}`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ csv }),
  })
  const answer = (await response.json().catch(() => ({ message: `Error ${response.status}` }))) as Answer & { errors?: { message: string }[] }
  return { ok: response.ok, answer: { ...answer, message: answer.message ?? answer.errors?.[0]?.message ?? `Error ${response.status}` } }
}

/** File → preview (what would be created or updated, or every error) → confirm; nothing is written before. */
export function ImportPanel() {
  const [kind, setKind] = useState<Kind>('mentors')
  const [csv, setCsv] = useState<string | null>(null)
  const [fileName, setFileName] = useState('')
  const [result, setResult] = useState<{ ok: boolean; answer: Answer } | null>(null)
  const [busy, setBusy] = useState(false)

  const preview = async (text: string, which: Kind) => {
    setBusy(true)
    try {
      setResult(await send(which, 'preview', text))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div>
      <p>
        Primer es revisa tot el fitxer i es mostra què es crearia o actualitzaria. Si alguna fila té errors, no s&apos;importa res. Les persones mentores es
        reconeixen pel correu i els ens pel nom. Podeu partir d&apos;un fitxer exportat d&apos;aquí mateix.
      </p>
      <p>
        <label>
          Què voleu importar?{' '}
          <select
            value={kind}
            onChange={(event) => {
              const next = event.target.value as Kind
              setKind(next)
              if (csv !== null) void preview(csv, next)
            }}
          >
            {Object.entries(KINDS).map(([value, { label }]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </p>
      <p style={{ fontSize: '0.9em' }}>Columnes: {KINDS[kind].columns}.</p>
      <p>
        <label>
          Fitxer CSV:{' '}
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={async (event) => {
              const file = event.target.files?.[0]
              if (!file) return
              const text = await file.text()
              setCsv(text)
              setFileName(file.name)
              await preview(text, kind)
            }}
          />
        </label>
      </p>
      {busy && <p role="status">S&apos;està revisant…</p>}
      {result && (
        <div className="mentoria-import-result" role="status" aria-live="polite">
          <p>
            <strong>{result.answer.message}</strong>
          </p>
          {result.answer.rowErrors && result.answer.rowErrors.length > 0 && (
            <table className="table">
              <thead>
                <tr>
                  <th>Fila</th>
                  <th>Columna</th>
                  <th>Què passa</th>
                </tr>
              </thead>
              <tbody>
                {result.answer.rowErrors.map((error, index) => (
                  <tr key={index}>
                    <td>{error.row}</td>
                    <td>{error.field}</td>
                    <td>{error.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {result.ok && result.answer.rows && (
            <>
              <table className="table">
                <thead>
                  <tr>
                    <th>Fila</th>
                    <th>Nom</th>
                    <th>{result.answer.done ? 'Fet' : 'Què passarà'}</th>
                    <th>Camps que canvien</th>
                  </tr>
                </thead>
                <tbody>
                  {result.answer.rows.map((row) => (
                    <tr key={row.row}>
                      <td>{row.row}</td>
                      <td>{row.name}</td>
                      <td>{ACTION[row.action]}</td>
                      <td>{row.changes.join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {!result.answer.done && csv !== null && (
                <Button
                  disabled={busy}
                  onClick={async () => {
                    setBusy(true)
                    try {
                      setResult(await send(kind, 'confirm', csv))
                    } finally {
                      setBusy(false)
                    }
                  }}
                >
                  Importa {fileName}
                </Button>
              )}
            </>
          )}
        </div>
      )}
    </div>
  )
}
