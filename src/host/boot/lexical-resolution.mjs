// Lexical's Node entry points (`*.node.mjs`) each pick the dev or prod build with a top-level
// `await import()`. Node 20 loses track of that web of top-level awaits now and then: the import of
// Payload's config never settles, the event loop empties, and the process exits 0 with its work
// undone (a silent seed, a server that dies with code 13). Resolving lexical with the matching
// `development` / `production` condition loads the same build directly, with no top-level await.
// Imported first by every entry point (server, seed, worker), and preloaded with `--import` for the
// Payload CLI (package.json). See docs/architecture.md, "Arrencada".
import { register } from 'node:module'
import process from 'node:process'

const condition = process.env.NODE_ENV === 'production' ? 'production' : 'development'

const hooks = `
const condition = ${JSON.stringify(condition)}
export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'lexical' || specifier.startsWith('@lexical/')) {
    return nextResolve(specifier, { ...context, conditions: [...context.conditions, condition] })
  }
  return nextResolve(specifier, context)
}
`

if (!globalThis.__mentoriaLexicalResolution) {
  globalThis.__mentoriaLexicalResolution = true
  register(`data:text/javascript,${encodeURIComponent(hooks)}`)
}
