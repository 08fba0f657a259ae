/** The check-ins' emails and the answer page (`/seguiment`), in plain Catalan. Pure text: no Payload here. */
import { escapeHtml } from './certificates'
import type { EmailMessage } from './emails'
import {
  answersFor,
  CHECKIN_ANSWER_LABELS,
  type CheckinAnswer,
  type CheckinKind,
} from '../rules/checkins'

const signature =
  "\n\nSecretaria tècnica de la XMESS — Xarxa de Municipis per l'Economia Social i Solidària"

export const SEGUIMENT_PATH = '/seguiment'

export const checkinAnswerUrl = (serverURL: string, token: string): string =>
  `${serverURL.replace(/\/+$/, '')}${SEGUIMENT_PATH}?token=${encodeURIComponent(token)}`

/** One email per check-in, one link per possible answer: a click answers it. */
export function checkinEmail(args: {
  to: string
  name: string
  kind: CheckinKind
  otherName: string
  links: Record<string, string>
}): EmailMessage {
  const options = answersFor(args.kind).map(
    (answer) => `${CHECKIN_ANSWER_LABELS[answer]}: ${args.links[answer]}`,
  )
  const confidential =
    "La resposta només la veu la secretaria tècnica de la XMESS, mai l'altra persona. Si us cal ajuda, responeu aquest correu."
  if (args.kind === 'first-contact') {
    return {
      to: args.to,
      subject: '[Mentoria XMESS] Ja us ha contactat la persona mentorada?',
      text: [
        `Hola, ${args.name}:`,
        '',
        `Fa uns dies que vau acceptar acompanyar ${args.otherName}. Ja us heu posat en contacte? Respongueu amb un clic:`,
        '',
        ...options,
        '',
        confidential,
        signature,
      ].join('\n'),
    }
  }
  return {
    to: args.to,
    subject: '[Mentoria XMESS] Com va la mentoria?',
    text: [
      `Hola, ${args.name}:`,
      '',
      `Sou a meitat de l'acompanyament amb ${args.otherName}. Com va, de l'1 al 5? Trieu-ho amb un clic (hi podreu afegir un comentari, si voleu):`,
      '',
      ...options,
      '',
      confidential,
      signature,
    ].join('\n'),
  }
}

const page = (title: string, body: string) => `<!doctype html>
<html lang="ca">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)} — Mentoria XMESS</title>
<style>body{font-family:Arial,Helvetica,sans-serif;max-width:38rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1d1d1b}label{display:block;margin:1rem 0 .25rem}textarea{width:100%;font:inherit}button{font:inherit;padding:.5rem 1rem;margin-top:1rem}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
<p><small>La resposta només la veu la secretaria tècnica de la XMESS.</small></p>
</body>
</html>
`

/** The page a link opens: the chosen answer, an optional comment, and the button that sends it. */
export function checkinConfirmPage(args: {
  token: string
  kind: CheckinKind
  answer: CheckinAnswer
}): string {
  const question =
    args.kind === 'first-contact'
      ? 'Ja us heu posat en contacte amb la persona mentorada?'
      : 'Com va la mentoria, de l’1 al 5?'
  return page(
    'Seguiment de la mentoria',
    `<p>${escapeHtml(question)}</p>
<p>La vostra resposta: <strong>${escapeHtml(CHECKIN_ANSWER_LABELS[args.answer])}</strong></p>
<form method="post" action="${SEGUIMENT_PATH}">
<input type="hidden" name="token" value="${escapeHtml(args.token)}">
<label for="comment">Comentari (opcional)</label>
<textarea id="comment" name="comment" rows="4" maxlength="2000"></textarea>
<button type="submit">Envia la resposta</button>
</form>`,
  )
}

export const checkinThanksPage = (): string =>
  page('Gràcies', '<p>Hem rebut la vostra resposta. Gràcies per dir-nos com va.</p>')

export const checkinRefusedPage = (message: string): string =>
  page('Seguiment de la mentoria', `<p>${escapeHtml(message)}</p>`)

export const CHECKIN_MESSAGES = {
  invalid:
    "L'enllaç no és vàlid: copieu-lo sencer des del correu, o responeu el correu i us ajudarem.",
  answered: 'Aquesta pregunta ja té resposta (cada enllaç serveix una sola vegada). Gràcies!',
} as const
