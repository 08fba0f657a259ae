import crypto from 'node:crypto'

import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionBeforeOperationHook,
} from 'payload'

import { isSecretariatUser } from '../access/roles'
import { RequestRefused } from '../src/lib/errors'
import { sameId } from '../src/lib/ids'
import { markWithoutPassword, takeWithoutPassword } from '../src/lib/request-state'
import { resendInvitation } from '../src/services/accounts'
import { enforcePasswordPolicy, enforcePolicyOnReset } from '../src/services/password-reset'

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
    enforcePasswordPolicy(req, data?.password, {
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

/** The policy on a reset link, before Payload stores it (src/services/password-reset.ts). */
export const passwordPolicyOnReset: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  if (operation === 'resetPassword') await enforcePolicyOnReset(req, args)
  return args
}
