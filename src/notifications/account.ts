/** The account part of every invitation (R14): how to get in, and where to go afterwards. Pure. */

export type Account = { setPasswordUrl: string; expiresOn: string; email: string }

export function accountLines(account: Account, pageUrl: string): string[] {
  return [
    "Per entrar a l'aplicació de Mentoria XMESS, trieu la vostra contrasenya en aquest enllaç:",
    account.setPasswordUrl,
    '',
    `L'enllaç serveix una vegada i caduca ${account.expiresOn}. El vostre nom d'usuària és ${account.email}. Si ja teniu contrasenya, podeu entrar directament. Un cop dins, trobareu l'acompanyament a «Les meves mentories»:`,
    pageUrl,
  ]
}

