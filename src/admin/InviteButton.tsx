'use client'

import { Button, useDocumentInfo } from '@payloadcms/ui'
import { useState } from 'react'

/** In a user's page: the secretariat sends the set-password invitation again (R14). */
export function InviteButton() {
  const { id } = useDocumentInfo()
  const [message, setMessage] = useState<{ ok: boolean; text: string }>()
  const [busy, setBusy] = useState(false)
  if (!id) return null
  const send = async () => {
    setBusy(true)
    setMessage(undefined)
    try {
      const response = await fetch(`/api/users/${id}/invite`, {
        method: 'POST',
        credentials: 'include',
        headers: { Accept: 'application/json' },
      })
      const json = await response.json().catch(() => ({}))
      setMessage(
        response.ok
          ? { ok: true, text: json.message }
          : { ok: false, text: json?.errors?.[0]?.message ?? `Error ${response.status}` },
      )
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="field-type mentoria-invite" style={{ marginBottom: '1.5rem' }}>
      <p style={{ marginBottom: '0.5rem' }}>
        Si la persona no ha rebut la invitació o li ha caducat, envieu-li un enllaç nou per triar la
        contrasenya (val 14 dies).
      </p>
      <Button buttonStyle="secondary" disabled={busy} onClick={send} size="small">
        Envia la invitació de nou
      </Button>
      {message ? (
        <p
          role={message.ok ? 'status' : 'alert'}
          style={{ color: message.ok ? undefined : 'var(--theme-error-500)' }}
        >
          {message.text}
        </p>
      ) : null}
    </div>
  )
}
