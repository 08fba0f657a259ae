import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'

import './site.css'

export const metadata: Metadata = { title: 'Mentoria XMESS' }

export const viewport: Viewport = { width: 'device-width', initialScale: 1 }

/**
 * The public site's own root layout (the admin has its own in `(payload)`). The document is
 * Catalan; a page in Spanish or English says so on its content (`lang` on the page's root).
 */
export default function SiteLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="ca">
      <body>{children}</body>
    </html>
  )
}
