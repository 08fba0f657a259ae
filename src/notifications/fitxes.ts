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
      `Podeu fer-los aquí i tornar-la a enviar a revisió (trieu «Enviada a revisió» i deseu): ${url}`,
      signature,
    ].join('\n'),
  }
}

/** R10: the fitxa-missing reminder asks for what the mentee can do: write it and submit it. */
export function fitxaReminderEmail({ name, url }: { name?: string; url: string }) {
  return {
    subject: "[Mentoria XMESS] Us falta enviar la fitxa de la mentoria",
    text: [
      `Hola${name ? `, ${name}` : ''}:`,
      '',
      "L'acompanyament de mentoria s'ha completat. Gràcies! Com vau acordar en sol·licitar-lo, cal documentar-lo amb la fitxa, que la secretaria tècnica revisa i publica al web de la XMESS.",
      '',
      `Escriviu-la aquí i, quan estigui a punt, envieu-la a revisió: ${url}`,
      'Si teniu cap dubte, responeu aquest correu.',
      signature,
    ].join('\n'),
  }
}
