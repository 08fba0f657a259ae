/**
 * What stands in for a secret in every stored copy of an email (sent-emails, its exports, the
 * personal-data export): the person's own email still carries the link; nobody who reads the record
 * can use it. Pure.
 */
export const HIDDEN_LINK = '[enllaç amagat]'

const SECRET_PARTS: RegExp[] = [
  // Payload's reset-password page (invitations, «Heu oblidat la contrasenya?»).
  /(\/reset\/)(?!\[enllaç amagat\])[^\s"'<>)\]]+/g,
  // Payload's email verification, should it ever be turned on.
  /(\/verify\/)(?!\[enllaç amagat\])[^\s"'<>)\]]+/g,
  // Signed answer links (`/proposta?token=…`) and any other token in a query string.
  /([?&](?:amp;)?token=)(?!\[enllaç amagat\])[^\s"'<>&)\]]+/gi,
]

/** The text with the secret part of every link replaced by `[enllaç amagat]`; idempotent (stored copies are hidden again on read). */
export function hideSecretLinks<T>(text: T): T {
  if (typeof text !== 'string') return text
  return SECRET_PARTS.reduce(
    (hidden, pattern) =>
      hidden.replace(pattern, (_match, prefix: string) => `${prefix}${HIDDEN_LINK}`),
    text as string,
  ) as T
}
