import path from 'node:path'

import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { ca } from '@payloadcms/translations/languages/ca'
import { en } from '@payloadcms/translations/languages/en'
import { es } from '@payloadcms/translations/languages/es'
import sharp from 'sharp'
import {
  type AfterErrorHook,
  buildConfig,
  type DatabaseAdapterObj,
  type EmailAdapter,
} from 'payload'

import { logDestination } from '../../lib/log-output'
import { mentoriaPlugin, type MentoriaPluginOptions, secureSanitizedConfig } from '../../plugin'
import { databaseAdapter } from './database'
import { DatabaseBusy, isDatabaseBusy, RETRY_AFTER_SECONDS } from './database-busy'
import type { AppEnv } from './env'

export type CreateConfigArgs = {
  env: AppEnv
  rootDir: string
  /** Tests pass their own database and email adapters. */
  db?: DatabaseAdapterObj
  email?: EmailAdapter | Promise<EmailAdapter>
  plugin?: MentoriaPluginOptions
}

export function emailAdapterFor(env: AppEnv) {
  if (!env.smtp) return undefined
  return nodemailerAdapter({
    defaultFromAddress: env.emailFrom,
    defaultFromName: env.emailFromName,
    skipVerify: true,
    transportOptions: {
      host: env.smtp.host,
      port: env.smtp.port,
      secure: env.smtp.secure,
      auth: env.smtp.user ? { user: env.smtp.user, pass: env.smtp.pass } : undefined,
    },
  })
}

/**
 * The field-by-field details of a refusal (`data`), which the admin shows beside each field. Payload
 * keeps them only for its own error classes (`instanceof`); the production server holds two copies
 * of Payload (its own and Next's bundle), so an error made by the other copy would lose them.
 */
const keepErrorDetails: AfterErrorHook = ({ error, result }) => {
  const { data, status, name, message } = error as {
    data?: Record<string, unknown>
    status?: number
    name?: string
    message?: string
  }
  if (!data || !status || status >= 500) return
  const first = (result as { errors?: { data?: unknown }[] } | undefined)?.errors?.[0]
  if (!first || first.data) return
  return { response: { errors: [{ name, data, message }] } }
}

/** The host app's Payload config: Catalan admin, the chosen database, and the Mentoria plugin. */
export function createPayloadConfig({ env, rootDir, db, email, plugin }: CreateConfigArgs) {
  // Locked down as built: the server and Next each import their own copy of this config (see secureSanitizedConfig).
  return secureSanitizedConfig(
    buildConfig({
      serverURL: env.serverURL,
      secret: env.secret,
      db: db ?? databaseAdapter(env.database),
      email: email ?? emailAdapterFor(env),
      editor: lexicalEditor(),
      // Resizes the fitxes' images on upload (collections/FitxaImages.ts).
      sharp,
      telemetry: false,
      // A wrong password or a refused rule is the user's mistake, not a server error.
      // Payload types the keys as its own error names, but looks them up by `error.name`: ours too.
      loggingLevels: {
        AuthenticationError: 'info',
        Forbidden: 'info',
        ValidationError: 'info',
        LockedAuth: 'warn',
        NotFound: 'info',
        ...({ RuleViolation: 'info', RequestRefused: 'info', DatabaseBusy: 'warn' } as Record<
          string,
          'info' | 'warn'
        >),
      },
      // Never Payload's default destination: its exit flush can wait for ever on a closed log pipe (lib/log-output).
      logger: {
        options: { level: env.nodeEnv === 'test' ? 'warn' : 'info' },
        destination: logDestination(),
      },
      hooks: {
        // A write that could not get the database in time changed nothing: say so, and when to retry.
        afterError: [
          keepErrorDetails,
          ({ error, req }) => {
            if (!isDatabaseBusy(error)) return
            req.responseHeaders = new Headers({ 'Retry-After': String(RETRY_AFTER_SECONDS) })
            return { status: 503, response: { errors: [{ message: new DatabaseBusy().message }] } }
          },
        ],
      },
      // Public reads must not walk from a fitxa into people and councils.
      defaultDepth: 1,
      maxDepth: 2,
      cors: [env.serverURL, ...env.embedOrigins],
      csrf: [env.serverURL],
      graphQL: { disablePlaygroundInProduction: true, maxComplexity: 500 },
      i18n: {
        supportedLanguages: { ca, es, en },
        fallbackLanguage: 'ca',
      },
      admin: {
        user: 'users',
        // The XMESS's icon in the browser tab, not Payload's (public/xmess-icon.svg).
        meta: {
          titleSuffix: ' · Mentoria XMESS',
          icons: [{ rel: 'icon', type: 'image/svg+xml', url: '/xmess-icon.svg' }],
        },
        dateFormat: 'd MMM yyyy, HH:mm',
        // No third-party avatars: the CSP allows images from this site only.
        avatar: 'default',
        importMap: {
          baseDir: rootDir,
          importMapFile: path.resolve(rootDir, 'src/app/(payload)/admin/importMap.js'),
        },
      },
      jobs: {
        // Scheduled tasks (src/jobs) run in the app server, or, with JOBS_AUTORUN=false, only in the worker
        // (`npm run worker`): without crons here this process neither runs nor schedules any job.
        autoRun: env.jobsAutorun
          ? [
              { cron: '*/5 * * * *', queue: 'mentoria' },
              { cron: '* * * * *', queue: 'mentoria-mail', limit: 100 },
            ]
          : undefined,
      },
      typescript: { outputFile: path.resolve(rootDir, 'src/payload-types.ts') },
      plugins: [
        mentoriaPlugin({
          secretariatEmail: env.secretariatEmail,
          outboxToConsole: env.outboxToConsole,
          proofOfWorkBits: env.applyPowBits,
          loginLimits: {
            windowMinutes: env.limits.login.windowMinutes,
            perAddress: env.limits.login.attempts,
            perAccount: env.limits.login.perAccount,
          },
          ...plugin,
        }),
      ],
    }),
  )
}
