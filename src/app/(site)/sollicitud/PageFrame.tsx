import type { ReactNode } from 'react'

import { type Lang, LANGS, messagesFor } from '../../../site/i18n'
import { LegalLinks } from '../../../site/legal'
import type { PageOptions } from './data'

/** The page around the form: language switch, the XMESS header unless it is embedded, and the legal links. */
export function PageFrame({
  options,
  path,
  skipLabel,
  children,
}: {
  options: PageOptions
  path: string
  skipLabel?: string
  children: ReactNode
}) {
  const { lang, embed, parentOrigin } = options
  const t = messagesFor(lang)
  const href = (target: Lang) => {
    const query = new URLSearchParams({ lang: target })
    if (embed) query.set('embed', '1')
    if (parentOrigin) query.set('origin', parentOrigin)
    return `${path}?${query}`
  }
  const languageNav = (
    <nav className="languages" aria-label={t.languageNav}>
      <ul>
        {LANGS.map((target) => (
          <li key={target}>
            {target === lang ? (
              <span aria-current="page" lang={target}>
                {t.languageNames[target]}
              </span>
            ) : (
              <a href={href(target)} lang={target} hrefLang={target}>
                {t.languageNames[target]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  )

  return (
    <div className={embed ? 'site site--embed' : 'site'} lang={lang}>
      {embed ? (
        <header className="embed-header">{languageNav}</header>
      ) : (
        <>
          <a className="skip-link" href="#main">
            {skipLabel ?? t.skipToForm}
          </a>
          <header className="site-header">
            <p className="brand">
              <span className="brand-name">XMESS</span> Mentoria
            </p>
            {languageNav}
          </header>
        </>
      )}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      {embed ? (
        <footer className="embed-footer">
          <LegalLinks lang={lang} framed />
        </footer>
      ) : (
        <footer className="site-footer">
          <p>Xarxa de Municipis per l&apos;Economia Social i Solidària</p>
          <LegalLinks lang={lang} />
        </footer>
      )}
    </div>
  )
}
