/** The account part of every invitation (R14): how to get in, and where to go afterwards. Pure. */
import { type EmailLang, onDate } from './language'

/** Without `setPasswordUrl`, the person already has a password: the email says to sign in with it. */
export type Account = { setPasswordUrl?: string; expiresOn?: string; expiresAt?: string; email: string }

export function accountLines(account: Account, pageUrl: string, lang: EmailLang = 'ca'): string[] {
  const expires = account.expiresAt ? onDate(account.expiresAt, lang) : account.expiresOn
  if (lang === 'es') {
    return account.setPasswordUrl
      ? ['Para entrar en la aplicación de Mentoria XMESS, elegid vuestra contraseña en este enlace:', account.setPasswordUrl, '', `El enlace sirve una vez y caduca ${expires}. Vuestro nombre de usuario es ${account.email}. Una vez dentro, encontraréis el acompañamiento en «Les meves mentories»:`, pageUrl]
      : [`Entrad en la aplicación de Mentoria XMESS con vuestro correo (${account.email}) y vuestra contraseña. Si no la recordáis, en la página de entrada elegid «¿Has olvidado la contraseña?» y os enviaremos un enlace. Una vez dentro, encontraréis el acompañamiento en «Les meves mentories»:`, pageUrl]
  }
  if (lang === 'en') {
    return account.setPasswordUrl
      ? ['To sign in to the Mentoria XMESS application, choose your password at this link:', account.setPasswordUrl, '', `The link works once and expires ${expires}. Your user name is ${account.email}. Once in, you will find the accompaniment under «Les meves mentories»:`, pageUrl]
      : [`Sign in to the Mentoria XMESS application with your email (${account.email}) and your password. If you do not remember it, choose «Forgot password?» on the sign-in page and we will send you a link. Once in, you will find the accompaniment under «Les meves mentories»:`, pageUrl]
  }
  if (!account.setPasswordUrl) {
    return [
      `Entreu a l'aplicació de Mentoria XMESS amb el vostre correu (${account.email}) i la vostra contrasenya. Si no la recordeu, a la pàgina d'entrada trieu «Has oblidat la contrasenya?» i us n'enviarem un enllaç. Un cop dins, trobareu l'acompanyament a «Les meves mentories»:`,
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
