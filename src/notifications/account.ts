/** The account part of every invitation (R14): how to get in, and where to go afterwards. Pure. */
import { type EmailLang, onDate, SIGNATURE } from './language'

/** Without `setPasswordUrl`, the person already has a password: the email says to sign in with it. */
export type Account = {
  setPasswordUrl?: string
  expiresOn?: string
  expiresAt?: string
  email: string
}

export function accountLines(account: Account, pageUrl: string, lang: EmailLang = 'ca'): string[] {
  const expires = account.expiresAt ? onDate(account.expiresAt, lang) : account.expiresOn
  if (lang === 'es') {
    return account.setPasswordUrl
      ? [
          'Para entrar en la aplicación de Mentoria XMESS, elegid vuestra contraseña en este enlace:',
          account.setPasswordUrl,
          '',
          `El enlace sirve una vez y caduca ${expires}. Vuestro nombre de usuario es ${account.email}. Una vez dentro, encontraréis el acompañamiento en «Les meves mentories»:`,
          pageUrl,
        ]
      : [
          `Entrad en la aplicación de Mentoria XMESS con vuestro correo (${account.email}) y vuestra contraseña. Si no la recordáis, en la página de entrada elegid «¿Has olvidado la contraseña?» y os enviaremos un enlace. Una vez dentro, encontraréis el acompañamiento en «Les meves mentories»:`,
          pageUrl,
        ]
  }
  if (lang === 'en') {
    return account.setPasswordUrl
      ? [
          'To sign in to the Mentoria XMESS application, choose your password at this link:',
          account.setPasswordUrl,
          '',
          `The link works once and expires ${expires}. Your user name is ${account.email}. Once in, you will find the accompaniment under «Les meves mentories»:`,
          pageUrl,
        ]
      : [
          `Sign in to the Mentoria XMESS application with your email (${account.email}) and your password. If you do not remember it, choose «Forgot password?» on the sign-in page and we will send you a link. Once in, you will find the accompaniment under «Les meves mentories»:`,
          pageUrl,
        ]
  }
  if (!account.setPasswordUrl) {
    return [
      `Entreu a l'aplicació de Mentoria XMESS amb el vostre correu (${account.email}) i la vostra contrasenya. Si no la recordeu, a la pàgina d'entrada trieu «Heu oblidat la contrasenya?» i us n'enviarem un enllaç. Un cop dins, trobareu l'acompanyament a «Les meves mentories»:`,
      pageUrl,
    ]
  }
  return [
    "Per entrar a l'aplicació de Mentoria XMESS, trieu la vostra contrasenya en aquest enllaç:",
    account.setPasswordUrl,
    '',
    `L'enllaç serveix una vegada i caduca ${expires}. El vostre nom d'usuària és ${account.email}. Un cop dins, trobareu l'acompanyament a «Les meves mentories»:`,
    pageUrl,
  ]
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  )

const RESET_WORDS: Record<
  EmailLang,
  { subject: string; hello: (name: string) => string; asked: string; ignore: string }
> = {
  ca: {
    subject: '[Mentoria XMESS] Trieu una contrasenya nova',
    hello: (name) => `Hola, ${name}:`,
    asked:
      "Heu demanat una contrasenya nova per entrar a l'aplicació de Mentoria XMESS. Trieu-la en aquest enllaç, que serveix una vegada:",
    ignore:
      "Si no l'heu demanada vós, no cal que feu res: la contrasenya que teniu continua servint.",
  },
  es: {
    subject: '[Mentoria XMESS] Elegid una contraseña nueva',
    hello: (name) => `Hola, ${name}:`,
    asked:
      'Habéis pedido una contraseña nueva para entrar en la aplicación de Mentoria XMESS. Elegidla en este enlace, que sirve una vez:',
    ignore:
      'Si no la habéis pedido vos, no hace falta que hagáis nada: la contraseña que tenéis sigue sirviendo.',
  },
  en: {
    subject: '[Mentoria XMESS] Choose a new password',
    hello: (name) => `Hello ${name},`,
    asked:
      'You asked for a new password to sign in to the Mentoria XMESS application. Choose it at this link, which works once:',
    ignore: 'If you did not ask for it, you need do nothing: your current password still works.',
  },
}

/** Payload's forgot-password email (collections/Users.ts), in the person's language; the footer is added by the caller. */
export function passwordResetEmail(args: { name: string; url: string; lang: EmailLang }): {
  subject: string
  html: string
} {
  const t = RESET_WORDS[args.lang]
  const url = escapeHtml(args.url)
  return {
    subject: t.subject,
    html: [
      `<p>${escapeHtml(t.hello(args.name))}</p>`,
      `<p>${escapeHtml(t.asked)}<br><a href="${url}">${url}</a></p>`,
      `<p>${escapeHtml(t.ignore)}</p>`,
      `<p>${escapeHtml(SIGNATURE[args.lang])}</p>`,
    ].join('\n'),
  }
}
