/** The emails of a fitxa's review (R10, R11). Pure text builders: no Payload here. */
import type { EmailMessage } from './emails'
import { type EmailLang, SIGNATURE } from './language'

const signature =
  "\n\nSecretaria tècnica de la XMESS — Xarxa de Municipis per l'Economia Social i Solidària"

type FitxaMessage = {
  title: string
  url: string
  comment?: string
  name?: string
  lang?: EmailLang
}

/** R11: the secretariat hears that a fitxa is ready for review. */
export function fitxaSubmittedEmail({ title, url, name }: FitxaMessage) {
  return {
    subject: `Fitxa per revisar: ${title}`,
    text: [
      `${name ? `${name} ha enviat` : 'La persona mentorada ha enviat'} la fitxa «${title}» a revisió.`,
      '',
      `Podeu llegir-la, publicar-la o retornar-la amb un comentari aquí: ${url}`,
    ].join('\n'),
  }
}

/** R10: the mentee hears that the secretariat returned the fitxa, with what to change. */
export function fitxaReturnedEmail({
  title,
  url,
  comment,
  name,
  lang,
}: FitxaMessage): Omit<EmailMessage, 'to'> {
  if (lang === 'es' || lang === 'en') return fitxaReturnedIn(lang, { title, url, comment, name })
  return {
    subject: `[Mentoria XMESS] La fitxa «${title}» necessita uns canvis`,
    text: [
      `Hola${name ? `, ${name}` : ''}:`,
      '',
      `La secretaria tècnica ha revisat la fitxa «${title}» i us demana alguns canvis abans de publicar-la:`,
      '',
      comment ? `«${comment}»` : '—',
      '',
      `Podeu fer-los aquí i tornar-la a enviar amb el botó «Envia a revisió»: ${url}`,
      signature,
    ].join('\n'),
  }
}

function fitxaReturnedIn(
  lang: 'es' | 'en',
  { title, url, comment, name }: FitxaMessage,
): Omit<EmailMessage, 'to'> {
  const es = lang === 'es'
  return {
    lang,
    subject: es
      ? `[Mentoria XMESS] La ficha «${title}» necesita algunos cambios`
      : `[Mentoria XMESS] The fitxa «${title}» needs some changes`,
    text: [
      es ? `Hola${name ? `, ${name}` : ''}:` : `Hello${name ? ` ${name}` : ''},`,
      '',
      es
        ? `La secretaría técnica ha revisado la ficha «${title}» y os pide algunos cambios antes de publicarla:`
        : `The technical secretariat has reviewed the fitxa «${title}» and asks you for some changes before publishing it:`,
      '',
      comment ? `«${comment}»` : '—',
      '',
      es
        ? `Podéis hacerlos aquí y volver a enviarla con el botón «Envia a revisió» (enviar a revisión): ${url}`
        : `You can make them here and send it again with the «Envia a revisió» (send for review) button: ${url}`,
      '',
      '',
      SIGNATURE[lang],
    ].join('\n'),
  }
}

// The fitxa-missing reminder is one of the daily round's: src/notifications/reminders.ts.
