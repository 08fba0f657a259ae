import type { CollectionAfterLoginHook, CollectionBeforeOperationHook } from 'payload'

import type { MentoriaOptions } from '../src/lib/options'
import { guardSignInAttempt, rememberSignIn } from '../src/services/sign-in-guard'

/** Sign-in, reminders and resets limited, whatever the door (src/services/sign-in-guard.ts). */
export const guardSignIn =
  (options: Pick<MentoriaOptions, 'loginLimits'>): CollectionBeforeOperationHook =>
  ({ args, operation, req }) =>
    guardSignInAttempt(options, { args, operation, req })

/** A successful sign-in forgives the account and remembers the address (src/services/sign-in-guard.ts). */
export const rememberSignInAddress =
  (options: Pick<MentoriaOptions, 'loginLimits'>): CollectionAfterLoginHook =>
  ({ req, user }) =>
    rememberSignIn(options, { req, user })
