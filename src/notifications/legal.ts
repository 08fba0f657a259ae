/** The line at the foot of every email: where the privacy notice and the accessibility statement are. */

export type EmailLang = 'ca' | 'es' | 'en'

export const EMAIL_LANGS: readonly EmailLang[] = ['ca', 'es', 'en']

/** A person's email language (`language` on mentors and candidates), Catalan when unknown. */
export const emailLang = (value: unknown): EmailLang =>
  EMAIL_LANGS.includes(value as EmailLang) ? (value as EmailLang) : 'ca'

const WORDS: Record<EmailLang, { privacy: string; accessibility: string }> = {
  ca: {
    privacy: 'Com tractem les vostres dades (avís de privacitat)',
    accessibility: "Declaració d'accessibilitat",
  },
  es: {
    privacy: 'Cómo tratamos vuestros datos (aviso de privacidad)',
    accessibility: 'Declaración de accesibilidad',
  },
  en: {
    privacy: 'How we handle your data (privacy notice)',
    accessibility: 'Accessibility statement',
  },
}

export const PRIVACY_MARK = '/privacitat'

export function emailLegalLines(serverURL: string, lang: EmailLang): string[] {
  const base = serverURL.replace(/\/+$/, '')
  const query = lang === 'ca' ? '' : `?lang=${lang}`
  const t = WORDS[lang]
  return [
    `${t.privacy}: ${base}/privacitat${query}`,
    `${t.accessibility}: ${base}/accessibilitat${query}`,
  ]
}

/** The text with the footer added once (an email that already links the notice is left as it is). */
export function withLegalFooter(text: string, serverURL: string, lang: EmailLang): string {
  if (text.includes(`${serverURL.replace(/\/+$/, '')}${PRIVACY_MARK}`)) return text
  return `${text.replace(/\s+$/, '')}\n\n--\n${emailLegalLines(serverURL, lang).join('\n')}\n`
}

/** The same for an HTML email (Payload's own, e.g. the password reset). */
export function withLegalFooterHtml(html: string, serverURL: string, lang: EmailLang): string {
  if (html.includes(`${serverURL.replace(/\/+$/, '')}${PRIVACY_MARK}`)) return html
  const links = emailLegalLines(serverURL, lang)
    .map((line) => {
      const at = line.lastIndexOf(': ')
      const url = line.slice(at + 2)
      return `<a href="${url}">${line.slice(0, at)}</a>`
    })
    .join(' · ')
  return `${html}<hr><p>${links}</p>`
}
