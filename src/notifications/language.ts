/** Dates and small words of the emails in each person's language (ca, es, en; Catalan by default). Pure. */
import { onDateCa } from '../rules/dates'
import type { EmailLang } from './legal'

export type { EmailLang } from './legal'
export { emailLang } from './legal'

const LOCALES: Record<EmailLang, string> = { ca: 'ca-ES', es: 'es-ES', en: 'en-GB' }

const format = (value: Date | string, lang: EmailLang) =>
  new Intl.DateTimeFormat(LOCALES[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Madrid',
  }).format(new Date(value))

/** «el 3 de març del 2027», «el 3 de marzo de 2027», «on 3 March 2027». */
export function onDate(value: Date | string, lang: EmailLang): string {
  if (lang === 'es') return `el ${format(value, 'es')}`
  if (lang === 'en') return `on ${format(value, 'en')}`
  return onDateCa(value)
}

export const SIGNATURE: Record<EmailLang, string> = {
  ca: "Secretaria tècnica de la XMESS — Xarxa de Municipis per l'Economia Social i Solidària",
  es: 'Secretaría técnica de la XMESS — Xarxa de Municipis per l’Economia Social i Solidària',
  en: 'XMESS technical secretariat — Xarxa de Municipis per l’Economia Social i Solidària (network of municipalities for the social and solidarity economy)',
}
