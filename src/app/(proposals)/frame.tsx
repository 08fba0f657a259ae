import type { ReactNode } from 'react'

import type { EmailLang } from '../../notifications/language'
import { LegalLinks } from '../../site/legal'

/** A /proposta page in one language: its content and the privacy and accessibility links. */
export function ProposalFrame({ lang, children }: { lang: EmailLang; children: ReactNode }) {
  return (
    <div lang={lang}>
      <main className="proposal">{children}</main>
      <footer className="proposal">
        <LegalLinks lang={lang} />
      </footer>
    </div>
  )
}
