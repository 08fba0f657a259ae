import type { CollectionConfig } from 'payload'

import {
  canUseAdmin,
  isSecretariat,
  isSecretariatField,
  isSecretariatUser,
  ROLES,
  secretariatOrSelf,
} from '../access/roles'
import { guardSignIn, rememberSignInAddress } from '../hooks/login'
import {
  firstUserBecomesSecretariat,
  onlySecretariatChangesEmail,
  passwordPolicyOnReset,
  passwordsAreTheirOwn,
  withoutPassword,
} from '../hooks/users'
import type { MentoriaOptions } from '../src/lib/options'
import { forgotPasswordHtml, forgotPasswordSubject } from '../src/services/password-reset'

const roleLabels: Record<(typeof ROLES)[number], { ca: string; es: string; en: string }> = {
  secretariat: { ca: 'Secretaria tècnica', es: 'Secretaría técnica', en: 'Secretariat' },
  mentor: { ca: 'Persona mentora', es: 'Persona mentora', en: 'Mentor' },
  mentee: { ca: 'Persona mentorada', es: 'Persona mentorizada', en: 'Mentee' },
}

export const createUsersCollection = ({
  secureCookies,
  options,
}: {
  secureCookies: boolean
  options: Pick<MentoriaOptions, 'loginLimits'>
}): CollectionConfig => ({
  slug: 'users',
  labels: {
    singular: { ca: 'Usuària', es: 'Usuaria', en: 'User' },
    plural: { ca: 'Usuàries', es: 'Usuarias', en: 'Users' },
  },
  auth: {
    tokenExpiration: 60 * 60 * 8,
    // No account lock: Payload's locked an account for everybody after five wrong passwords from anywhere,
    // so a stranger could keep the secretariat out (issue 18). `guardSignIn` limits per address, per
    // account and address, and per account from unknown addresses instead. A limit Payload never
    // reaches, rather than 0, keeps its `loginAttempts`/`lockUntil` columns (no migration).
    maxLoginAttempts: Number.MAX_SAFE_INTEGER,
    lockTime: 10 * 60 * 1000,
    cookies: { sameSite: 'Lax', secure: secureCookies },
    // Payload's per-account throttle writes outside the request's transaction, which waits forever for
    // that same transaction on SQLite's single writer; Express limits these requests instead.
    // The email in the person's language (src/services/password-reset.ts), with the privacy footer in it.
    forgotPassword: {
      minRequestInterval: 0,
      generateEmailSubject: forgotPasswordSubject as never,
      generateEmailHTML: forgotPasswordHtml as never,
    },
  },
  admin: {
    useAsTitle: 'email',
    hidden: ({ user }) => !isSecretariatUser(user as never),
    defaultColumns: ['name', 'email', 'roles', 'updatedAt'],
    group: { ca: 'Administració', es: 'Administración', en: 'Administration' },
    description: {
      ca: "Persones que poden entrar a l'aplicació. La primera usuària registrada és de la secretaria tècnica.",
      es: 'Personas que pueden entrar en la aplicación. La primera usuaria registrada es de la secretaría técnica.',
      en: 'People who can sign in. The first user registered belongs to the secretariat.',
    },
  },
  access: {
    admin: canUseAdmin,
    create: isSecretariat,
    read: secretariatOrSelf,
    update: secretariatOrSelf,
    delete: isSecretariat,
    // Undoing the lockout after failed logins is the secretariat's call, never the account holder's.
    unlock: isSecretariat,
  },
  hooks: {
    beforeOperation: [guardSignIn(options), passwordPolicyOnReset],
    afterLogin: [rememberSignInAddress(options)],
    beforeChange: [firstUserBecomesSecretariat, onlySecretariatChangesEmail, passwordsAreTheirOwn],
    afterChange: [withoutPassword],
  },
  fields: [
    {
      name: 'name',
      type: 'text',
      label: { ca: 'Nom i cognoms', es: 'Nombre y apellidos', en: 'Full name' },
      maxLength: 200,
    },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      saveToJWT: true,
      defaultValue: [],
      label: { ca: 'Rols', es: 'Roles', en: 'Roles' },
      options: ROLES.map((role) => ({ value: role, label: roleLabels[role] })),
      access: {
        create: isSecretariatField,
        update: isSecretariatField,
      },
      admin: {
        description: {
          ca: 'Només la secretaria tècnica pot canviar els rols.',
          es: 'Solo la secretaría técnica puede cambiar los roles.',
          en: 'Only the secretariat can change roles.',
        },
      },
    },
    {
      name: 'invitedAt',
      type: 'date',
      label: {
        ca: 'Darrera invitació enviada',
        es: 'Última invitación enviada',
        en: 'Last invitation sent',
      },
      admin: {
        readOnly: true,
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime', displayFormat: 'd MMM yyyy, HH:mm' },
      },
      access: { read: isSecretariatField, create: () => false, update: () => false },
    },
    {
      // The private calendar's token (/calendari/<token>.ics), stored hashed (SHA-256): read by nobody,
      // written only by the calendar's endpoint (src/services/calendar-feed.ts). Renewing it replaces it.
      name: 'calendarTokenHash',
      type: 'text',
      index: true,
      admin: { hidden: true },
      access: { read: () => false, create: () => false, update: () => false },
    },
    {
      // R14: the secretariat sends the set-password link again (a new one; the old one stops working).
      name: 'invite',
      type: 'ui',
      admin: {
        position: 'sidebar',
        condition: (data) => Boolean(data?.id),
        components: { Field: '/src/admin/InviteButton#InviteButton' },
      },
    },
  ],
})
