import express, { type Express, type NextFunction, type Request, type Response } from 'express'
import { ipKeyGenerator, rateLimit, type Store } from 'express-rate-limit'
import helmet from 'helmet'

import { type AppEnv, DEFAULT_REQUEST_LIMITS, type RequestLimits } from '../config/env'
import { type BodyLimits, bodyLimitFor, DEFAULT_BODY_LIMITS, readBodyWithin } from './body-limit'
import { CLIENT_ADDRESS_HEADER } from '../../lib/client-address'
import { rewritePublicPath } from './rewrites'
import { routeKey } from './route-key'

export type RequestHandler = (req: Request, res: Response) => unknown

export type RateLimitRule = { windowMs: number; limit: number }

export type ServerOptions = {
  env: Pick<AppEnv, 'production' | 'serverURL' | 'embedOrigins' | 'trustProxy'> &
    Partial<Pick<AppEnv, 'limits'>>
  /** Answers whether the database is reachable (for /healthz). */
  checkDatabase: () => Promise<void>
  /** Next.js (admin, REST, site); everything Express does not answer itself. */
  handle: RequestHandler
  /** Overrides of the limits `env.limits` sets (LOGIN_ATTEMPTS…, see README). */
  rateLimits?: Partial<Record<'login' | 'publicWrite', RateLimitRule>>
  /** Largest request body per route, in bytes (see ./body-limit). */
  bodyLimits?: Partial<BodyLimits>
  /**
   * Where each limit counts: on MongoDB the database every web server shares (./rate-limit-store);
   * unset (SQLite, one server), this process's memory.
   */
  rateLimitStore?: (limit: 'login' | 'publicWrite') => Store
}

/** Sign-in attempts and public form posts per client address, as the environment sets them. */
export const rateLimitsOf = (
  limits: RequestLimits,
): Record<'login' | 'publicWrite', RateLimitRule> => ({
  login: { windowMs: limits.login.windowMinutes * 60_000, limit: limits.login.attempts },
  publicWrite: {
    windowMs: limits.publicForms.windowMinutes * 60_000,
    limit: limits.publicForms.posts,
  },
})

// Matched against the path as the router will see it (decoded, dot segments resolved, lower case),
// so no spelling of a path escapes its limit. GraphQL's loginUser is limited inside Payload (hooks/login, src/services/sign-in-guard.ts).
const LOGIN_PATHS = new Set([
  '/api/users/login',
  '/api/users/forgot-password',
  '/api/users/reset-password',
  '/api/users/first-register',
])
const PUBLIC_WRITE_PATHS = new Set([
  '/api/candidates/apply',
  '/sollicitud',
  '/api/pairings/answer',
  '/api/mentoria/seguiment',
  '/api/mentor-offers/offer',
  '/oferta-mentoria',
])
const readsNoBody = (method: string) =>
  method === 'GET' || method === 'HEAD' || method === 'OPTIONS'

/** The application form's pages (`/sollicitud`, `/sollicitud/enviada`…) and the fitxes widget, which EMBED_ORIGINS may frame. */
const isEmbeddablePage = (path: string) =>
  path === '/sollicitud' ||
  path.startsWith('/sollicitud/') ||
  path === '/oferta-mentoria' ||
  path === '/fitxes/widget'
const EMBED_SCRIPTS = ['/embed.js']

function limiter(rule: RateLimitRule, store?: Store) {
  return rateLimit({
    windowMs: rule.windowMs,
    limit: rule.limit,
    // A shared store whose database does not answer lets the request on (the app answers it), not a 500.
    ...(store ? { store, passOnStoreError: true } : {}),
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

export function createApp({
  env,
  checkDatabase,
  handle,
  rateLimits,
  bodyLimits,
  rateLimitStore,
}: ServerOptions): Express {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', env.trustProxy)
  // /calendari/<token>.ics and /certificat/<code> are answered by the plugin's endpoints (./rewrites).
  app.use((req, _res, next) => {
    const target = rewritePublicPath(req.url)
    if (target) {
      req.url = target
      req.originalUrl = target
    }
    next()
  })

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
      if (EMBED_SCRIPTS.includes(req.path))
        res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin')
      next()
    })
  })

  app.get('/healthz', async (_req, res) => {
    try {
      await withTimeout(checkDatabase(), 3000)
      res.set('Cache-Control', 'no-store').status(200).json({ status: 'ok', database: 'ok' })
    } catch {
      res
        .set('Cache-Control', 'no-store')
        .status(503)
        .json({ status: 'error', database: 'unreachable' })
    }
  })

  const limits = { ...rateLimitsOf(env.limits ?? DEFAULT_REQUEST_LIMITS), ...rateLimits }
  const loginLimiter = limiter(limits.login, rateLimitStore?.('login'))
  const publicWriteLimiter = limiter(limits.publicWrite, rateLimitStore?.('publicWrite'))
  app.use((req, res, next) => {
    // A malformed escape (`/api/users/%`) would throw deep in a router: refused here, in words.
    try {
      decodeURIComponent(req.path)
    } catch {
      res.status(400).json({
        errors: [{ message: "L'adreça no és vàlida: té caràcters codificats incorrectament (%)." }],
      })
      return
    }
    const key = routeKey(req.originalUrl)
    // Payload reads `where` and `data` written as one text as JSON, before any hook of ours: a text that
    // is not a JSON object would be a 500 there.
    const malformed = key.startsWith('/api/') ? malformedJsonParameter(req.originalUrl) : undefined
    if (malformed) {
      res.status(400).json({
        errors: [
          {
            message: `El paràmetre «${malformed}» no és vàlid: escriviu el filtre amb claudàtors (${malformed}[camp][equals]=valor) o com un objecte JSON.`,
          },
        ],
      })
      return
    }
    // Payload keys its own limits on this; whatever the client sent under that name is replaced.
    req.headers[CLIENT_ADDRESS_HEADER] = ipKeyGenerator(
      req.ip ?? req.socket.remoteAddress ?? 'unknown',
    )
    if (readsNoBody(req.method)) return next()
    if (LOGIN_PATHS.has(key)) return loginLimiter(req, res, next)
    if (PUBLIC_WRITE_PATHS.has(key)) return publicWriteLimiter(req, res, next)
    next()
  })

  app.use(catalanFirst)
  // Next and Payload read the raw request themselves: the body is read here first, counted against
  // the route's limit (413 past it, without reading further), and handed on whole.
  const limitsByRoute = { ...DEFAULT_BODY_LIMITS, ...bodyLimits }
  app.use(async (req, res) => {
    const key = routeKey(req.originalUrl)
    const read = await readBodyWithin(req, res, bodyLimitFor(key, limitsByRoute))
    if (!read) return
    if (
      key === '/api/graphql' &&
      req.method === 'POST' &&
      !isGraphQLBody(read.body, req.headers['content-type'])
    ) {
      res.status(400).json({
        errors: [
          {
            message: 'La petició GraphQL ha de ser un objecte JSON amb el camp «query» (un text).',
          },
        ],
      })
      return
    }
    await handle(read.request as Request, res)
  })
  return app
}

/** `where` or `data` given as one text (`?where=x`) that is not a JSON object: the parameter's name. */
export function malformedJsonParameter(originalUrl: string): string | undefined {
  const query = originalUrl.indexOf('?')
  if (query < 0) return undefined
  let params: URLSearchParams
  try {
    params = new URLSearchParams(originalUrl.slice(query + 1))
  } catch {
    return undefined
  }
  for (const [name, value] of params) {
    if ((name !== 'where' && name !== 'data') || value === '') continue
    try {
      const parsed: unknown = JSON.parse(value)
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return name
    } catch {
      return name
    }
  }
  return undefined
}

/** GraphQL over POST: a JSON object whose `query` is text (what graphql-http expects before it runs anything). */
function isGraphQLBody(body: Buffer | undefined, type: string | undefined): boolean {
  if (!(type ?? '').toLowerCase().includes('json')) return true
  try {
    const parsed: unknown = JSON.parse(body?.toString('utf8') ?? '')
    return (
      Boolean(parsed) &&
      typeof parsed === 'object' &&
      !Array.isArray(parsed) &&
      typeof (parsed as { query?: unknown }).query === 'string'
    )
  } catch {
    return false
  }
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
