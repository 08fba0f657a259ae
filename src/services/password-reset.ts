import type { PayloadRequest } from 'payload'

import { PasswordRefused } from '../lib/errors'
import { rememberedResetLanguage } from '../lib/request-state'
import { passwordResetEmail } from '../notifications/account'
import { emailLang, type EmailLang } from '../notifications/language'
import { withLegalFooterHtml } from '../notifications/legal'
import { setPasswordUrl } from '../notifications/pages'
import { checkNewPassword } from '../rules/passwords'
import { languageOfUser } from './accounts'

/** R14: a new password follows the policy (src/rules/passwords.ts), refused in the person's language. */
export const enforcePasswordPolicy = (
  req: PayloadRequest,
  password: unknown,
  person: { email?: unknown; name?: unknown },
) => {
  const check = checkNewPassword(password, {
    email: typeof person.email === 'string' ? person.email : undefined,
    name: typeof person.name === 'string' ? person.name : undefined,
  })
  if (!check.ok) throw new PasswordRefused(check.message, req.i18n?.language)
}

/** The policy on a reset link (also the invitation's «trieu la vostra contrasenya»), before Payload stores it. */
export async function enforcePolicyOnReset(req: PayloadRequest, args: unknown): Promise<void> {
  const data = (args as { data?: { token?: unknown; password?: unknown } }).data ?? {}
  if (typeof data.token !== 'string' || !data.token) return
  const user = (await req.payload.db.findOne({
    collection: 'users',
    where: { resetPasswordToken: { equals: data.token } },
    req,
  })) as { email?: string; name?: string } | null
  // An unknown or used token: Payload answers it as it always does.
  if (!user) return
  enforcePasswordPolicy(req, data.password, user)
}

type ResetArgs = {
  req?: PayloadRequest
  token?: string
  user?: { id?: number | string; email?: string; name?: string | null }
}

/**
 * The language of Payload's forgot-password email: the one chosen on the person's mentor record or
 * application; else the language of the admin they asked from (its `payload-lng` preference, Catalan
 * by default: src/host/server/app.ts); else Catalan. Looked up once per request.
 */
async function resetLanguage({ req, user }: ResetArgs): Promise<EmailLang> {
  if (!req) return 'ca'
  return rememberedResetLanguage(
    req,
    user?.id,
    async () =>
      (user?.id !== undefined ? await languageOfUser(req, user.id) : undefined) ??
      emailLang(req.i18n?.language),
  )
}

/** The subject of Payload's forgot-password email (collections/Users.ts), in the person's language. */
export const forgotPasswordSubject = async (args?: ResetArgs): Promise<string> => {
  const lang = await resetLanguage(args ?? {})
  return passwordResetEmail({ name: '', url: '', lang }).subject
}

/** The email with its footer (privacy notice, accessibility statement) in the same language. */
export const forgotPasswordHtml = async (args?: ResetArgs): Promise<string> => {
  const { req, token, user } = args ?? {}
  const lang = await resetLanguage(args ?? {})
  const serverURL = req?.payload.config.serverURL || 'http://localhost:3000'
  const { html } = passwordResetEmail({
    name: user?.name || user?.email || '',
    url: setPasswordUrl(serverURL, String(token ?? '')),
    lang,
  })
  return withLegalFooterHtml(html, serverURL, lang)
}
