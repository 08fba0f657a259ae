import type { Access, FieldAccess, PayloadRequest } from 'payload'

export const ROLES = ['secretariat', 'mentor', 'mentee'] as const
export type Role = (typeof ROLES)[number]

type MaybeUser = { id: number | string; roles?: readonly string[] | null } | null | undefined

export const hasRole = (user: MaybeUser, role: Role): boolean =>
  Boolean(user?.roles?.includes(role))

export const isSecretariatUser = (user: MaybeUser): boolean => hasRole(user, 'secretariat')

export const isSecretariat: Access = ({ req }) => isSecretariatUser(req.user)

export const isSecretariatField: FieldAccess = ({ req }) => isSecretariatUser(req.user)

export const isSignedIn: Access = ({ req }) => Boolean(req.user)

/** Who may open the admin panel at all (Payload wants a plain boolean here): a role is needed (R14). */
export const canUseAdmin = ({ req }: { req: PayloadRequest }): boolean =>
  ROLES.some((role) => hasRole(req.user as MaybeUser, role))

export const anyone: Access = () => true

/** The secretariat sees everyone; anybody else only their own user. */
export const secretariatOrSelf: Access = ({ req }) => {
  if (!req.user) return false
  if (isSecretariatUser(req.user)) return true
  return { id: { equals: req.user.id } }
}
