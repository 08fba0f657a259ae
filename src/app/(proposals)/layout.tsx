import type { Metadata } from 'next'
import type { ReactNode } from 'react'

import { LegalLinks } from '../../site/legal'
import './proposals.css'

export const metadata: Metadata = { title: 'Proposta de mentoria · Mentoria XMESS', robots: { index: false } }

export default function ProposalsLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="ca">
      <body>
        <main className="proposal">{children}</main>
        <footer className="proposal">
          <LegalLinks lang="ca" />
        </footer>
      </body>
    </html>
  )
}
