import type { Metadata } from 'next'
import type { ReactNode } from 'react'

import './proposals.css'

export const metadata: Metadata = {
  title: 'Proposta de mentoria · Mentoria XMESS',
  robots: { index: false },
}

/**
 * The document is Catalan; each page is in its mentor's language and says so on its content (`lang`
 * on ProposalFrame), with the legal links in that language.
 */
export default function ProposalsLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="ca">
      <body>{children}</body>
    </html>
  )
}
