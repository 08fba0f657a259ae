import { z } from 'zod'

/**
 * The app's configuration, read once from the environment and validated.
 * A bad value stops the start with one line that names the variable (see `ConfigError`).
 */

const DEV_SECRET = 'mentoria-xmess-dev-secret-not-for-production-use'

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Configuració no vàlida: ${variable}: ${message}`)
    this.name = 'ConfigError'
  }
}

const emptyToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value

const optionalString = z.preprocess(emptyToUndefined, z.string().optional())

const booleanFlag = z.preprocess(
  emptyToUndefined,
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'ha de ser true o false' })
    .optional()
    .transform((value) => value === 'true' || value === '1' || value === 'yes'),
)

const originList = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      const origins: string[] = []
      for (const raw of (value ?? '')
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)) {
        try {
          const url = new URL(raw)
          if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol')
          origins.push(url.origin)
        } catch {
          ctx.addIssue({
            code: 'custom',
            message: `«${raw}» no és un origen web (p. ex. https://xmess.cat)`,
          })
          return z.NEVER
        }
      }
      return origins
    }),
)

/** A limit's number (attempts, minutes): a whole number from 1; unset keeps the default. `unit` reads «d'intents», «de minuts». */
const positiveCount = (unit: string) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ message: `ha de ser un nombre enter ${unit} (1 o més)` })
      .int(`ha de ser un nombre enter ${unit}`)
      .min(1, `ha de ser com a mínim 1`)
      .max(1_000_000, 'és massa gran')
      .optional(),
  )

/** Sign-in and public forms, per client address (and per account for sign-in), in a window of minutes. */
export type RequestLimits = {
  login: { attempts: number; perAccount: number; windowMinutes: number }
  publicForms: { posts: number; windowMinutes: number }
}

export const DEFAULT_REQUEST_LIMITS: RequestLimits = {
  // Ten tries in a quarter of an hour is plenty for a person and too few for a password guesser.
  login: { attempts: 10, perAccount: 10, windowMinutes: 15 },
  // Public forms (application, answer links): a handful per hour from one address.
  publicForms: { posts: 20, windowMinutes: 60 },
}

/**
 * MongoDB-compatible services that need other adapter options than MongoDB itself (database.ts):
 * FerretDB (the CI's), and Payload's own presets for Amazon DocumentDB, Azure Cosmos DB and Firestore.
 */
export const MONGODB_COMPATIBILITY_VALUES = [
  'ferretdb',
  'documentdb',
  'cosmosdb',
  'firestore',
] as const
export type MongodbCompatibility = (typeof MONGODB_COMPATIBILITY_VALUES)[number]

const envSchema = z.object({
  NODE_ENV: z.preprocess(
    emptyToUndefined,
    z.enum(['development', 'production', 'test']).default('development'),
  ),
  PAYLOAD_SECRET: optionalString,
  DATABASE_URI: optionalString,
  MONGODB_COMPATIBILITY: z.preprocess(
    emptyToUndefined,
    z
      .enum(MONGODB_COMPATIBILITY_VALUES, {
        message: `ha de ser un d'aquests valors: ${MONGODB_COMPATIBILITY_VALUES.join(', ')} (o no posar-la per a MongoDB mateix)`,
      })
      .optional(),
  ),
  PORT: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ message: 'ha de ser un número de port' })
      .int('ha de ser un número enter')
      .min(1, 'ha de ser entre 1 i 65535')
      .max(65535, 'ha de ser entre 1 i 65535')
      .default(3000),
  ),
  SERVER_URL: z.preprocess(
    emptyToUndefined,
    z
      .url({ message: 'ha de ser una adreça web completa (p. ex. https://mentoria.xmess.cat)' })
      .optional(),
  ),
  SMTP_HOST: optionalString,
  SMTP_PORT: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ message: 'ha de ser un número de port' })
      .int()
      .min(1)
      .max(65535)
      .default(587),
  ),
  SMTP_USER: optionalString,
  SMTP_PASS: optionalString,
  SMTP_SECURE: booleanFlag,
  EMAIL_FROM: z.preprocess(
    emptyToUndefined,
    z.email({ message: 'ha de ser una adreça de correu' }).default('mentoria@xmess.cat'),
  ),
  EMAIL_FROM_NAME: z.preprocess(emptyToUndefined, z.string().default('Mentoria XMESS')),
  SECRETARIAT_EMAIL: z.preprocess(
    emptyToUndefined,
    z.email({ message: 'ha de ser una adreça de correu' }).optional(),
  ),
  EMAIL_OUTBOX_CONSOLE: z.preprocess(
    emptyToUndefined,
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'ha de ser true o false' })
      .optional(),
  ),
  EMBED_ORIGINS: originList,
  JOBS_AUTORUN: z.preprocess(
    emptyToUndefined,
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'ha de ser true o false' })
      .default('true')
      .transform((value) => value === 'true' || value === '1' || value === 'yes'),
  ),
  APPLY_POW_BITS: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ message: 'ha de ser un nombre de 0 a 24' })
      .int('ha de ser un nombre enter')
      .min(0, 'ha de ser entre 0 i 24')
      .max(24, 'ha de ser entre 0 i 24')
      .default(0),
  ),
  LOGIN_ATTEMPTS: positiveCount("d'intents"),
  LOGIN_ATTEMPTS_PER_ACCOUNT: positiveCount("d'intents"),
  LOGIN_WINDOW_MINUTES: positiveCount('de minuts'),
  PUBLIC_FORM_POSTS: positiveCount("d'enviaments"),
  PUBLIC_FORM_WINDOW_MINUTES: positiveCount('de minuts'),
  /** Start in production although «Avís legal i accessibilitat» is not filled in yet, to fill it in (once). */
  LEGAL_SETTINGS_PENDING: booleanFlag,
  TRUST_PROXY: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ message: 'ha de ser el nombre de proxies de davant (0, 1, 2…)' })
      .int()
      .min(0)
      .max(10)
      .default(0),
  ),
})

export type DatabaseKind = 'sqlite' | 'mongodb'

export type AppEnv = {
  nodeEnv: 'development' | 'production' | 'test'
  production: boolean
  secret: string
  /** True when the dev secret is in use (never in production). */
  usingDevSecret: boolean
  /** `compatibility`: MONGODB_COMPATIBILITY, for a MongoDB-compatible service (MongoDB only). */
  database: { kind: DatabaseKind; uri: string; compatibility?: MongodbCompatibility }
  port: number
  serverURL: string
  smtp?: { host: string; port: number; secure: boolean; user?: string; pass?: string }
  emailFrom: string
  emailFromName: string
  secretariatEmail?: string
  /** Without SMTP, print each email whole on the console (default: in development only). */
  outboxToConsole: boolean
  embedOrigins: string[]
  trustProxy: number
  /** Rate limits of sign-in and the public forms (Express and, for sign-in, inside Payload too). */
  limits: RequestLimits
  /** Run scheduled jobs (reminders, overdue notices) inside the app server. */
  jobsAutorun: boolean
  /** Proof of work for the public form (leading zero bits; 0: off). */
  applyPowBits: number
  /** LEGAL_SETTINGS_PENDING: the production start only warns about an empty «Avís legal i accessibilitat». */
  legalSettingsPending: boolean
}

/** `next build` imports the config with NODE_ENV=production but serves nothing. */
const isBuildPhase = (source: Record<string, string | undefined>) =>
  source.NEXT_PHASE === 'phase-production-build'

export function resolveDatabase(uri: string | undefined, production: boolean): AppEnv['database'] {
  if (!uri) {
    return {
      kind: 'sqlite',
      uri: production ? 'file:./data/mentoria.db' : 'file:./data/mentoria-dev.db',
    }
  }
  if (uri.startsWith('mongodb://') || uri.startsWith('mongodb+srv://'))
    return { kind: 'mongodb', uri }
  if (uri.startsWith('file:')) return { kind: 'sqlite', uri }
  throw new ConfigError(
    'DATABASE_URI',
    'ha de començar per mongodb://, mongodb+srv:// o file: (o no posar-la per fer servir SQLite a ./data/)',
  )
}

function withCompatibility(
  database: AppEnv['database'],
  compatibility: MongodbCompatibility | undefined,
): AppEnv['database'] {
  if (!compatibility) return database
  if (database.kind !== 'mongodb') {
    throw new ConfigError(
      'MONGODB_COMPATIBILITY',
      'només té sentit amb una DATABASE_URI de MongoDB (mongodb:// o mongodb+srv://); traieu-la o apunteu DATABASE_URI a MongoDB',
    )
  }
  return { ...database, compatibility }
}

export function loadEnv(source: Record<string, string | undefined> = process.env): AppEnv {
  const parsed = envSchema.safeParse(source)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new ConfigError(String(issue.path[0] ?? 'entorn'), issue.message)
  }
  const raw = parsed.data
  const production = raw.NODE_ENV === 'production'

  let secret = raw.PAYLOAD_SECRET
  let usingDevSecret = false
  if (production && !isBuildPhase(source)) {
    if (!secret)
      throw new ConfigError('PAYLOAD_SECRET', 'cal en producció (mínim 32 caràcters aleatoris)')
    if (secret.length < 32) {
      throw new ConfigError(
        'PAYLOAD_SECRET',
        `és massa curt (${secret.length} caràcters); en producció cal un mínim de 32`,
      )
    }
  }
  if (!secret) {
    secret = DEV_SECRET
    usingDevSecret = true
  }

  const serverURL = (raw.SERVER_URL ?? `http://localhost:${raw.PORT}`).replace(/\/+$/, '')

  return {
    nodeEnv: raw.NODE_ENV,
    production,
    secret,
    usingDevSecret,
    database: withCompatibility(
      resolveDatabase(raw.DATABASE_URI, production),
      raw.MONGODB_COMPATIBILITY,
    ),
    port: raw.PORT,
    serverURL,
    smtp: raw.SMTP_HOST
      ? {
          host: raw.SMTP_HOST,
          port: raw.SMTP_PORT,
          secure: raw.SMTP_SECURE,
          user: raw.SMTP_USER,
          pass: raw.SMTP_PASS,
        }
      : undefined,
    emailFrom: raw.EMAIL_FROM,
    emailFromName: raw.EMAIL_FROM_NAME,
    secretariatEmail: raw.SECRETARIAT_EMAIL,
    outboxToConsole:
      raw.EMAIL_OUTBOX_CONSOLE === undefined
        ? raw.NODE_ENV === 'development'
        : ['true', '1', 'yes'].includes(raw.EMAIL_OUTBOX_CONSOLE),
    embedOrigins: raw.EMBED_ORIGINS,
    trustProxy: raw.TRUST_PROXY,
    limits: {
      login: {
        attempts: raw.LOGIN_ATTEMPTS ?? DEFAULT_REQUEST_LIMITS.login.attempts,
        perAccount: raw.LOGIN_ATTEMPTS_PER_ACCOUNT ?? DEFAULT_REQUEST_LIMITS.login.perAccount,
        windowMinutes: raw.LOGIN_WINDOW_MINUTES ?? DEFAULT_REQUEST_LIMITS.login.windowMinutes,
      },
      publicForms: {
        posts: raw.PUBLIC_FORM_POSTS ?? DEFAULT_REQUEST_LIMITS.publicForms.posts,
        windowMinutes:
          raw.PUBLIC_FORM_WINDOW_MINUTES ?? DEFAULT_REQUEST_LIMITS.publicForms.windowMinutes,
      },
    },
    jobsAutorun: raw.JOBS_AUTORUN,
    applyPowBits: raw.APPLY_POW_BITS,
    legalSettingsPending: raw.LEGAL_SETTINGS_PENDING,
  }
}

let cached: AppEnv | undefined

/** The process-wide configuration; warns once when the dev secret is used. */
export function appEnv(): AppEnv {
  if (!cached) {
    cached = loadEnv()
    if (cached.usingDevSecret && !isBuildPhase(process.env)) {
      console.warn(
        'Avís: PAYLOAD_SECRET no està definit; es fa servir un secret de desenvolupament. No ho feu en producció.',
      )
    }
  }
  return cached
}
