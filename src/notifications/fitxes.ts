/** The emails of a fitxa's review (R10, R11). Pure text builders: no Payload here. */

const signature = "\n\nSecretaria tècnica de la XMESS — Xarxa de Municipis per l'Economia Social i Solidària"

type FitxaMessage = { title: string; url: string; comment?: string; name?: string }

/** R11: the secretariat hears that a fitxa is ready for review. */
export function fitxaSubmittedEmail({ title, url, name }: FitxaMessage) {
  return {
    subject: `Fitxa per revisar: ${title}`,
    text: [
      `${name ? `${name} ha enviat` : "La persona mentorada ha enviat"} la fitxa «${title}» a revisió.`,
      '',
      `Podeu llegir-la, publicar-la o retornar-la amb un comentari aquí: ${url}`,
    ].join('\n'),
  }
}

/** R10: the mentee hears that the secretariat returned the fitxa, with what to change. */
export function fitxaReturnedEmail({ title, url, comment, name }: FitxaMessage) {
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

// The fitxa-missing reminder is one of the daily round's: src/notifications/reminders.ts.
