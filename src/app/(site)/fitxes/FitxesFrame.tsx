import type { ReactNode } from 'react'

import { fitxesMessages } from '../../../site/fitxes/i18n'
import { type Lang, LANGS } from '../../../site/i18n'
import { LegalLinks } from '../../../site/legal'

/** The page around the fitxes: skip link, header with the language switch, footer. */
export function FitxesFrame({
  lang,
  languageHref,
  children,
}: {
  lang: Lang
  languageHref: (lang: Lang) => string
  children: ReactNode
}) {
  const t = fitxesMessages(lang)
  return (
    <div className="site site--wide" lang={lang}>
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="site-header">
        <p className="brand">
          <a href={lang === 'ca' ? '/fitxes' : `/fitxes?lang=${lang}`}>
            <span className="brand-name">XMESS</span> Mentoria
          </a>
        </p>
        <nav className="languages" aria-label={t.languageNav}>
          <ul>
            {LANGS.map((target) => (
              <li key={target}>
                {target === lang ? (
                  <span aria-current="page" lang={target}>
                    {t.languageNames[target]}
                  </span>
                ) : (
                  <a href={languageHref(target)} lang={target} hrefLang={target}>
                    {t.languageNames[target]}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t.footer}</p>
        <LegalLinks lang={lang} />
      </footer>
    </div>
  )
}
