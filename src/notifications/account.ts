/** The account part of every invitation (R14): how to get in, and where to go afterwards. Pure. */

/** Without `setPasswordUrl`, the person already has a password: the email says to sign in with it. */
export type Account = { setPasswordUrl?: string; expiresOn?: string; email: string }

export function accountLines(account: Account, pageUrl: string): string[] {
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
    `L'enllaç serveix una vegada i caduca ${account.expiresOn}. El vostre nom d'usuària és ${account.email}. Un cop dins, trobareu l'acompanyament a «Les meves mentories»:`,
    pageUrl,
  ]
}
