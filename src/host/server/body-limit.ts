import { IncomingMessage } from 'node:http'

import type { Request, Response } from 'express'

/** Largest body each kind of route reads, in bytes. */
export type BodyLimits = {
  /** Sign-in, password reminder and reset, first account, and the answer link: a few fields. */
  signIn: number
  /** The public application form (JSON or the form post of /sollicitud). */
  application: number
  /** GraphQL queries and mutations. */
  graphql: number
  /** A fitxa's image (multipart upload): the file's 2 MB and the form around it. */
  upload: number
  /** Everything else: REST writes and the admin's own requests (rich text, form state). */
  other: number
}

export const DEFAULT_BODY_LIMITS: BodyLimits = {
  signIn: 4 * 1024,
  application: 32 * 1024,
  graphql: 64 * 1024,
  upload: 2 * 1024 * 1024 + 64 * 1024,
  other: 1024 * 1024,
}

const SIGN_IN = new Set([
  '/api/users/login',
  '/api/users/forgot-password',
  '/api/users/reset-password',
  '/api/users/first-register',
  '/api/users/refresh-token',
  '/api/users/logout',
  '/api/pairings/answer',
])
const APPLICATION = new Set([
  '/api/candidates/apply',
  '/sollicitud',
  '/api/mentor-offers/offer',
  '/oferta-mentoria',
])

export function bodyLimitFor(key: string, limits: BodyLimits): number {
  if (SIGN_IN.has(key)) return limits.signIn
  if (APPLICATION.has(key)) return limits.application
  if (key === '/api/graphql') return limits.graphql
  if (key === '/api/fitxa-images' || /^\/api\/fitxa-images\/[^/]+$/.test(key)) return limits.upload
  return limits.other
}

function tooLarge(res: Response, limit: number) {
  const size =
    limit >= 1024 * 1024
      ? `${Math.round(limit / (1024 * 1024))} MB`
      : `${Math.round(limit / 1024)} KB`
  // Closing the connection stops the rest of the body from being read at all.
  res.set('Connection', 'close')
  res.status(413).json({
    errors: [{ message: `La petició és massa gran: aquí s'accepten com a màxim ${size}.` }],
  })
}

/**
 * Reads the body, counting bytes as they arrive (a missing or lying Content-Length changes nothing),
 * and answers 413 as soon as it passes `limit`. Gives back a request that replays the body, or
 * `undefined` once the answer has been sent.
 */
export async function readBodyWithin(
  req: Request,
  res: Response,
  limit: number,
): Promise<{ request: IncomingMessage; body?: Buffer } | undefined> {
  const declared = req.headers['content-length']
  if (declared === undefined && req.headers['transfer-encoding'] === undefined)
    return { request: req }
  if (declared !== undefined && Number(declared) > limit) {
    tooLarge(res, limit)
    return undefined
  }
  const chunks: Buffer[] = []
  let size = 0
  const complete = await new Promise<boolean>((resolve) => {
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        cleanup()
        req.pause()
        resolve(false)
        return
      }
      chunks.push(chunk)
    }
    const onEnd = () => {
      cleanup()
      resolve(true)
    }
    const onError = () => {
      cleanup()
      resolve(false)
    }
    const cleanup = () => {
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('error', onError)
    }
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', onError)
  })
  if (!complete) {
    if (!req.destroyed && !res.headersSent) tooLarge(res, limit)
    return undefined
  }
  const body = Buffer.concat(chunks, size)
  const replay = new IncomingMessage(req.socket)
  replay.method = req.method
  replay.url = req.url
  replay.httpVersion = req.httpVersion
  replay.httpVersionMajor = req.httpVersionMajor
  replay.httpVersionMinor = req.httpVersionMinor
  const headers = { ...req.headers, 'content-length': String(size) }
  delete headers['transfer-encoding']
  replay.headers = headers
  replay.rawHeaders = Object.entries(headers).flatMap(([name, value]) =>
    Array.isArray(value) ? value.flatMap((v) => [name, v]) : [name, String(value)],
  )
  // Still an Express request (path, originalUrl…) for whatever handles it next.
  Object.setPrototypeOf(replay, Object.getPrototypeOf(req))
  Object.assign(replay, {
    originalUrl: req.originalUrl,
    app: req.app,
    res,
    baseUrl: req.baseUrl,
    params: req.params,
  })
  // Complete, or Node treats the end of the replay as an aborted request and closes the socket.
  replay.complete = true
  replay.push(body)
  replay.push(null)
  return { request: replay, body }
}
