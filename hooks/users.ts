import crypto from 'node:crypto'

import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionBeforeOperationHook,
  PayloadRequest,
} from 'payload'

import { isSecretariatUser } from '../access/roles'
import { PasswordRefused, RequestRefused } from '../src/lib/errors'
import { sameId } from '../src/lib/ids'
import {
  markWithoutPassword,
  rememberedResetLanguage,
  takeWithoutPassword,
} from '../src/lib/request-state'
import { passwordResetEmail } from '../src/notifications/account'
import { emailLang, type EmailLang } from '../src/notifications/language'
import { withLegalFooterHtml } from '../src/notifications/legal'
import { setPasswordUrl } from '../src/notifications/pages'
import { checkNewPassword } from '../src/rules/passwords'
import { languageOfUser, resendInvitation } from '../src/services/accounts'

/** docs/domain.md: the first user ever registered becomes `secretariat` (never an account made by an invitation). */
export const firstUserBecomesSecretariat: CollectionBeforeChangeHook = async ({
  data,
  operation,
  req,
  context,
}) => {
  if (operation !== 'create' || context?.mentoriaInvitation) return data
  const { totalDocs } = await req.payload.count({ collection: 'users', req })
  if (totalDocs === 0) return { ...data, roles: ['secretariat'] }
  return data
}

const enforcePolicy = (
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

/**
 * R14: nobody sets a password for someone else, and every password a person chooses follows the policy.
 *
 * - An account opened by someone else (the secretariat through REST, GraphQL or the admin; an
 *   invitation) gets no password at all: giving one is refused; the person chooses theirs from the
 *   invitation (`withoutPassword` below sends it).
 * - Only the account holder changes their password (or a reset link, `passwordPolicyOnReset`).
 * - First registration, one's own change and the seed follow the policy (src/rules/passwords.ts).
 */
export const passwordsAreTheirOwn: CollectionBeforeChangeHook = ({
  data,
  operation,
  originalDoc,
  req,
  context,
}) => {
  const given = data?.password !== undefined && data?.password !== null && data?.password !== ''
  if (operation === 'create' && (req.user || context?.mentoriaInvitation)) {
    if (given && !context?.mentoriaInvitation) {
      throw new RequestRefused(
        "Ningú no tria la contrasenya d'una altra persona: deixeu la contrasenya en blanc; el compte es crea sense contrasenya i la persona rep una invitació per triar-la.",
        403,
      )
    }
    // Payload wants a password to create an account: one nobody knows, removed right after (withoutPassword).
    markWithoutPassword(req, data?.email)
    return { ...data, password: crypto.randomBytes(32).toString('base64url') }
  }
  if (operation === 'update' && given && req.user && !sameId(req.user.id, originalDoc?.id)) {
    throw new RequestRefused(
      "Ningú no tria la contrasenya d'una altra persona: envieu-li la invitació de nou i la triarà ella.",
      403,
    )
  }
  if (given)
    enforcePolicy(req, data?.password, {
      email: data?.email ?? originalDoc?.email,
      name: data?.name ?? originalDoc?.name,
    })
  return data
}

/**
 * An account opened for someone else has no password (no hash: nobody can sign in with it, and the
 * application knows the person has never chosen one). Opened by the secretariat directly, the person
 * gets the invitation now; opened by a proposal or an acceptance, that email carries it.
 */
export const withoutPassword: CollectionAfterChangeHook = async ({
  doc,
  operation,
  req,
  context,
}) => {
  if (operation !== 'create' || !takeWithoutPassword(req, doc.email)) return doc
  await req.payload.db.updateOne({
    collection: 'users',
    id: doc.id,
    data: { hash: null, salt: null },
    req,
  })
  if (!context?.mentoriaInvitation) await resendInvitation(req, doc.id)
  return doc
}

/**
 * The email is what links an account to a person's records (an invitation finds the account by it):
 * only the secretariat changes it. A person who changed their own to someone else's address would be
 * handed that person's mentor record or application (issue 18).
 */
export const onlySecretariatChangesEmail: CollectionBeforeChangeHook = ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (
    operation !== 'update' ||
    !req.user ||
    isSecretariatUser(req.user as never) ||
    typeof data?.email !== 'string'
  )
    return data
  if (
    data.email.trim().toLowerCase() !==
    String(originalDoc?.email ?? '')
      .trim()
      .toLowerCase()
  ) {
    throw new RequestRefused(
      "Només la secretaria tècnica pot canviar el correu d'un compte, perquè és el que l'uneix a la vostra fitxa. Si ha canviat, escriviu-li i el canviarà.",
      403,
    )
  }
  return data
}

/** The policy on a reset link (also the invitation's «trieu la vostra contrasenya»), before Payload stores it. */
export const passwordPolicyOnReset: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  if (operation !== 'resetPassword') return args
  const data = (args as { data?: { token?: unknown; password?: unknown } }).data ?? {}
  if (typeof data.token !== 'string' || !data.token) return args
  const user = (await req.payload.db.findOne({
    collection: 'users',
    where: { resetPasswordToken: { equals: data.token } },
    req,
  })) as { email?: string; name?: string } | null
  // An unknown or used token: Payload answers it as it always does.
  if (!user) return args
  enforcePolicy(req, data.password, user)
  return args
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
