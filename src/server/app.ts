import express, { type Express, type NextFunction, type Request, type Response } from 'express'
import { rateLimit } from 'express-rate-limit'
import helmet from 'helmet'

import type { AppEnv } from '../config/env'

export type RequestHandler = (req: Request, res: Response) => unknown

export type RateLimitRule = { windowMs: number; limit: number }

export type ServerOptions = {
  env: Pick<AppEnv, 'production' | 'serverURL' | 'embedOrigins' | 'trustProxy'>
  /** Answers whether the database is reachable (for /healthz). */
  checkDatabase: () => Promise<void>
  /** Next.js (admin, REST, site); everything Express does not answer itself. */
  handle: RequestHandler
  rateLimits?: Partial<Record<'login' | 'publicWrite', RateLimitRule>>
}

export const DEFAULT_RATE_LIMITS: Record<'login' | 'publicWrite', RateLimitRule> = {
  // Ten tries in a quarter of an hour is plenty for a person and too few for a password guesser.
  login: { windowMs: 15 * 60 * 1000, limit: 10 },
  // Public forms: a handful per hour from one address.
  publicWrite: { windowMs: 60 * 60 * 1000, limit: 20 },
}

const LOGIN_PATHS = ['/api/users/login', '/api/users/forgot-password', '/api/users/reset-password', '/api/users/first-register']
const PUBLIC_WRITE_PATHS = ['/api/candidates/apply', '/sollicitud', '/api/pairings/answer']

/** The application form's pages (`/sollicitud`, `/sollicitud/enviada`…) and the fitxes widget, which EMBED_ORIGINS may frame. */
const isEmbeddablePage = (path: string) => path === '/sollicitud' || path.startsWith('/sollicitud/') || path === '/fitxes/widget'
const EMBED_SCRIPTS = ['/embed.js']

function limiter(rule: RateLimitRule) {
  return rateLimit({
    windowMs: rule.windowMs,
    limit: rule.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res, _next, options) => {
      const minutes = Math.max(1, Math.ceil(options.windowMs / 60000))
      res.status(options.statusCode).json({
        errors: [
          {
            message: `Heu fet massa intents seguits. Torneu-ho a provar d'aquí a ${minutes} minuts com a màxim.`,
          },
        ],
      })
    },
  })
}

/** Payload picks the admin language from its cookie, then the browser; Catalan comes first here. */
function catalanFirst(req: Request, _res: Response, next: NextFunction) {
  const cookies = req.headers.cookie ?? ''
  if (!/(?:^|;\s*)payload-lng=/.test(cookies)) req.headers['accept-language'] = 'ca'
  next()
}

export function createApp({ env, checkDatabase, handle, rateLimits }: ServerOptions): Express {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', env.trustProxy)

  const https = env.serverURL.startsWith('https://')
  const securityHeaders = (frameAncestors: string[], embeddable = false) =>
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          defaultSrc: ["'self'"],
          // Next.js hydrates with inline scripts; dev mode also evaluates code and talks over websockets.
          scriptSrc: ["'self'", "'unsafe-inline'", ...(env.production ? [] : ["'unsafe-eval'"])],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'", ...(env.production ? [] : ['ws:', 'wss:'])],
          frameAncestors,
          formAction: ["'self'"],
          upgradeInsecureRequests: https ? [] : null,
        },
      },
      crossOriginEmbedderPolicy: false,
      // X-Frame-Options cannot list origins: where other sites may frame us, frame-ancestors alone decides.
      frameguard: frameAncestors.length > 1 ? false : { action: 'sameorigin' },
      strictTransportSecurity: https ? { maxAge: 15552000, includeSubDomains: true } : false,
      // The form posts to itself without JavaScript; with `no-referrer` browsers send `Origin: null`
      // and Next refuses the post as cross-site. `same-origin` still tells other sites nothing.
      referrerPolicy: { policy: embeddable ? 'same-origin' : 'no-referrer' },
    })
  // Everything stays unframeable by other sites, except the application form, which the
  // XMESS website (EMBED_ORIGINS) embeds; embed.js is a script those sites load from here.
  const ownPages = securityHeaders(["'self'"])
  const embeddablePages = securityHeaders(["'self'", ...env.embedOrigins], true)
  app.use((req, res, next) => {
    if (isEmbeddablePage(req.path)) return embeddablePages(req, res, next)
    ownPages(req, res, (error?: unknown) => {
      if (error) return next(error)
      if (EMBED_SCRIPTS.includes(req.path)) res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin')
      next()
    })
  })

  app.get('/healthz', async (_req, res) => {
    try {
      await withTimeout(checkDatabase(), 3000)
      res.set('Cache-Control', 'no-store').status(200).json({ status: 'ok', database: 'ok' })
    } catch {
      res.set('Cache-Control', 'no-store').status(503).json({ status: 'error', database: 'unreachable' })
    }
  })

  const limits = { ...DEFAULT_RATE_LIMITS, ...rateLimits }
  const loginLimiter = limiter(limits.login)
  const publicWriteLimiter = limiter(limits.publicWrite)
  app.post(LOGIN_PATHS, loginLimiter)
  app.post(PUBLIC_WRITE_PATHS, publicWriteLimiter)

  app.use(catalanFirst)
  // No body parser here: Next and Payload read the raw request themselves.
  app.use((req, res) => handle(req, res))
  return app
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error) => {
        clearTimeout(timer)
        reject(error)
      },
    )
  })
}
