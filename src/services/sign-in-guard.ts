import crypto from 'node:crypto'

import { APIError, AuthenticationError, type Payload, type PayloadRequest } from 'payload'

import { CLIENT_ADDRESS_HEADER } from '../lib/client-address'
import type { MentoriaOptions } from '../lib/options'
import {
  type AttemptCounters,
  type AttemptWindow,
  forgiveSignIn,
  memoryCounters,
  recordSignInAttempt,
  rememberAddress,
} from '../rules/attempts'
import { sharedCounters } from './shared-counters'

/**
 * On MongoDB the counters are in the database, so that several web servers count as one
 * (src/services/shared-counters.ts). On SQLite (one server) they live in this process, one set per
 * config: REST and GraphQL may reach different Payload instances of the same config, and share them.
 * On globalThis because the production server runs two copies of this module (its own bundle and
 * Next's, whose GraphQL schema holds the hooks): both must count in one place.
 */
const STORES_KEY = Symbol.for('mentoria-xmess.sign-in-attempts')
const stores = ((globalThis as Record<symbol, unknown>)[STORES_KEY] ??= new WeakMap<
  object,
  Map<string, AttemptWindow>
>()) as WeakMap<object, Map<string, AttemptWindow>>
const countersOf = (payload: Payload): AttemptCounters => {
  const shared = sharedCounters(payload)
  if (shared) return shared
  let store = stores.get(payload.config)
  if (!store) stores.set(payload.config, (store = new Map()))
  return memoryCounters(store)
}

type LoginLimits = Pick<MentoriaOptions, 'loginLimits'>

const windowMsOf = ({ loginLimits }: LoginLimits) => loginLimits.windowMinutes * 60_000

export class TooManyAttempts extends APIError {
  constructor(retryAfterMs: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000))
    super(
      `Heu fet massa intents seguits. Torneu-ho a provar d'aquí a ${minutes} minuts com a màxim.`,
      429,
      undefined,
      true,
    )
    this.name = 'TooManyAttempts'
  }
}

// Payload's current password hash (pbkdf2-sha256, 600 000 rounds, 32 bytes): the same work for an
// account that does not exist or is locked, so the answer time does not say which emails have one.
const DUMMY_SALT = crypto.randomBytes(32).toString('hex')
const spendPasswordHash = (password: string) =>
  new Promise<void>((resolve) =>
    crypto.pbkdf2(password, DUMMY_SALT, 600_000, 32, 'sha256', () => resolve()),
  )

const LIMITED = new Set(['login', 'forgotPassword', 'resetPassword'])

/**
 * Sign-in, password reminders and resets, whatever door they come through (REST at any spelling of
 * the path, GraphQL `loginUser`): limited per address, per account and address, and per account from
 * addresses it never signed in from (src/rules/attempts.ts) — never a lock a stranger can put on
 * someone else's account. Unknown accounts, accounts with no password yet and accounts locked by an
 * older version take as long as a wrong password and get the same answer. Used by hooks/login.ts.
 */
export async function guardSignInAttempt<Args>(
  { loginLimits }: LoginLimits,
  { args, operation, req }: { args: Args; operation: string; req: PayloadRequest },
): Promise<Args> {
  if (!LIMITED.has(operation) || req.payloadAPI === 'local') return args
  // An invitation link is a reset token issued by the server without email, inside the
  // secretariat's own request (a proposal, an acceptance): no public door can ask for that.
  if (operation === 'forgotPassword' && (args as { disableEmail?: boolean }).disableEmail === true)
    return args
  const counters = countersOf(req.payload)
  const now = Date.now()
  const address = req.headers.get(CLIENT_ADDRESS_HEADER)
  const data = (args as { data?: { email?: unknown; password?: unknown } }).data ?? {}
  const email = typeof data.email === 'string' ? data.email.toLowerCase().trim() : ''
  const limits = {
    windowMs: windowMsOf({ loginLimits }),
    perAddress: loginLimits.perAddress,
    perAccount: loginLimits.perAccount,
  }
  const check = await recordSignInAttempt(
    counters,
    { operation, address, account: email },
    limits,
    now,
  )
  if (!check.allowed) throw new TooManyAttempts(check.retryAfterMs)

  if (operation === 'login' && email && typeof data.password === 'string' && data.password.trim()) {
    const collection = (args as { collection: { config: { slug: 'users' } } }).collection.config
      .slug
    const user = (await req.payload.db.findOne({
      collection,
      req,
      where: { email: { equals: email } },
    })) as { lockUntil?: string | null; hash?: string | null } | null
    const locked = Boolean(user?.lockUntil && new Date(user.lockUntil).getTime() > now)
    // An account opened for someone who has not chosen a password yet has none to compare with.
    if (!user || locked || !user.hash) {
      await spendPasswordHash(data.password)
      throw new AuthenticationError(req.t)
    }
  }
  return args
}

/**
 * A successful sign-in: it does not count against the account, and the address becomes one this
 * account's owner uses (src/rules/attempts.ts). Used by hooks/login.ts.
 */
export async function rememberSignIn<User extends { email?: unknown } | undefined>(
  options: LoginLimits,
  { req, user }: { req: PayloadRequest; user: User },
): Promise<User> {
  if (req.payloadAPI === 'local') return user
  const address = req.headers?.get?.(CLIENT_ADDRESS_HEADER)
  const email = typeof user?.email === 'string' ? user.email.toLowerCase().trim() : ''
  const counters = countersOf(req.payload)
  const now = Date.now()
  await forgiveSignIn(
    counters,
    { operation: 'login', address, account: email },
    windowMsOf(options),
    now,
  )
  if (address && email) await rememberAddress(counters, email, address, now)
  return user
}
