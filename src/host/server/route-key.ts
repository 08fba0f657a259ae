/**
 * A request path as a router sees it once it has decoded and normalised it: percent-escapes decoded
 * (repeatedly, so a double encoding gains nothing), backslashes as slashes, empty and dot segments
 * resolved, no query, lower case. Limits keyed on this hold for every spelling of the same route.
 */
export function routeKey(originalUrl: string): string {
  let path = originalUrl.split(/[?#]/, 1)[0] ?? ''
  for (let round = 0; round < 4; round++) {
    let decoded: string
    try {
      decoded = decodeURIComponent(path)
    } catch {
      // A malformed escape: decode what can be decoded.
      decoded = path.replace(/%[0-9a-f]{2}/gi, (escape) =>
        String.fromCharCode(parseInt(escape.slice(1), 16)),
      )
    }
    if (decoded === path) break
    path = decoded
  }
  const segments: string[] = []
  for (const segment of path.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') segments.pop()
    else segments.push(segment.replace(/[\s;]+$/g, ''))
  }
  return `/${segments.join('/')}`.toLowerCase()
}
