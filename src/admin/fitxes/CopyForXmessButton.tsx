'use client'

import { Button, useDocumentInfo } from '@payloadcms/ui'
import { useState } from 'react'

/**
 * «Copia per al web de la XMESS», on a fitxa's admin page (the secretariat's): copies the published
 * fitxa as clean HTML (/fitxes/<slug>/fragment.html: headings and paragraphs, no scripts, no styles)
 * to the clipboard, to paste into the WordPress editor of xmess.cat. Rich paste takes the formatted
 * text; a code or HTML block takes the same HTML as source.
 */
export function CopyForXmessButton() {
  const { savedDocumentData, hasPublishedDoc } = useDocumentInfo()
  const [message, setMessage] = useState<{ ok: boolean; text: string }>()
  const [busy, setBusy] = useState(false)
  const slug = typeof savedDocumentData?.slug === 'string' ? savedDocumentData.slug : undefined
  if (!slug || !hasPublishedDoc) return null
  const copy = async () => {
    setBusy(true)
    setMessage(undefined)
    try {
      const response = await fetch(`/fitxes/${encodeURIComponent(slug)}/fragment.html`, {
        credentials: 'omit',
      })
      if (!response.ok)
        throw new Error(
          `La fitxa publicada no s'ha pogut llegir (error ${response.status}). Comproveu que està publicada.`,
        )
      const page = new DOMParser().parseFromString(await response.text(), 'text/html')
      const html = (page.querySelector('article')?.innerHTML ?? page.body.innerHTML).trim()
      if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
        await navigator.clipboard.write([
          new ClipboardItem({
            'text/html': new Blob([html], { type: 'text/html' }),
            'text/plain': new Blob([html], { type: 'text/plain' }),
          }),
        ])
      } else {
        await navigator.clipboard.writeText(html)
      }
      setMessage({
        ok: true,
        text: "Copiada. Enganxeu-la a l'editor del web de la XMESS (una entrada nova a Iniciatives).",
      })
    } catch (error) {
      setMessage({
        ok: false,
        text:
          error instanceof Error && error.message.startsWith('La fitxa')
            ? error.message
            : "No s'ha pogut copiar: el navegador no ha deixat escriure al porta-retalls. Obriu /fitxes/" +
              slug +
              "/fragment.html i copieu-la d'allà.",
      })
    } finally {
      setBusy(false)
    }
  }
  return (
    // `mentoria-copy`: ours inside Payload's document controls (tests/e2e/accessibility.test.ts); no box of its own.
    <span className="mentoria-copy" style={{ display: 'contents' }}>
      <Button
        buttonStyle="secondary"
        disabled={busy}
        onClick={copy}
        size="medium"
        tooltip="Copia la fitxa publicada en HTML net per enganxar-la al web de la XMESS"
      >
        Copia per al web de la XMESS
      </Button>
      {message ? (
        <span
          role={message.ok ? 'status' : 'alert'}
          style={{
            color: message.ok ? undefined : 'var(--theme-error-500)',
            marginInlineStart: '0.5rem',
          }}
        >
          {message.text}
        </span>
      ) : null}
    </span>
  )
}
