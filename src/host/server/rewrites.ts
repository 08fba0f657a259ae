/**
 * Public addresses that the plugin's endpoints answer (DOMAIN.md, «Public interfaces»): Express hands
 * them on under /api/mentoria/…, so that the same code answers them in production, in development and
 * in the tests' stand-in for Next, over the same headers and limits.
 */
const REWRITES: { pattern: RegExp; to: (match: RegExpMatchArray) => string }[] = [
  // /calendari/<token>.ics — one person's private calendar.
  {
    pattern: /^\/calendari\/([A-Za-z0-9_-]+\.ics)(\?.*)?$/,
    to: (match) => `/api/mentoria/calendari/${match[1]}`,
  },
  // /seguiment?token=… — a check-in's answer (GET: the page; POST: the answer).
  { pattern: /^\/seguiment\/?(\?.*)?$/, to: (match) => `/api/mentoria/seguiment${match[1] ?? ''}` },
  // /certificat/<code> — a certificate of participation and its public check.
  {
    pattern: /^\/certificat\/([A-Za-z0-9_-]+)\/?(\?.*)?$/,
    to: (match) => `/api/mentoria/certificat/${match[1]}${match[2] ?? ''}`,
  },
]

/** Where a public address is answered, or undefined when Next answers it as it is. */
export function rewritePublicPath(url: string): string | undefined {
  for (const { pattern, to } of REWRITES) {
    const match = url.match(pattern)
    if (match) return to(match)
  }
  return undefined
}
