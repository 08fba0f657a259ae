import type { PayloadRequest } from 'payload'

import type { Party } from '../rules/pairings'

/**
 * What one hook leaves for another hook of the same request (a before-hook for its after-hook, a
 * before-operation hook for the rules). Every key of `req.context` the hooks share is here, typed and
 * named; nothing else writes them. Services keep their own private keys (the mail queue, the read log).
 */
const KEYS = {
  actor: 'mentoriaActor',
  writtenPaths: 'mentoriaPairingWrite',
  repointed: 'mentoriaRepointed',
  fitxaWritesLive: 'mentoriaFitxaWritesLive',
  noPassword: 'mentoriaNoPassword',
  resetLanguage: 'mentoriaResetLang',
} as const

const context = (req: PayloadRequest) => req.context as Record<string, unknown>

/** Who the signed-in person is in the pairing being written (set by the rules, read by the notices). */
export const setActor = (req: PayloadRequest, actor: Party): void => {
  context(req)[KEYS.actor] = actor
}
/** The actor the rules found; without a signed-in person (the system, a signed link) the secretariat. */
export const actorOf = (req: PayloadRequest): Party =>
  req.user ? ((context(req)[KEYS.actor] as Party | undefined) ?? 'secretariat') : 'secretariat'

/** The dotted paths an update of a pairing sends, before Payload fills in the rest (R13). */
export const setWrittenPaths = (req: PayloadRequest, id: unknown, paths: string[]): void => {
  context(req)[KEYS.writtenPaths] = { id, paths }
}
export const writtenPathsOf = (req: PayloadRequest, id: unknown): string[] => {
  const written = context(req)[KEYS.writtenPaths] as { id?: unknown; paths: string[] } | undefined
  return written && (written.id === undefined || String(written.id) === String(id))
    ? written.paths
    : []
}

/** A proposal pointed at other people: its after-change sends the new mentor new links. Read once. */
export const markRepointed = (req: PayloadRequest, id: unknown): void => {
  context(req)[`${KEYS.repointed}:${String(id)}`] = true
}
export const takeRepointed = (req: PayloadRequest, id: unknown): boolean => {
  const key = `${KEYS.repointed}:${String(id)}`
  const marked = Boolean(context(req)[key])
  delete context(req)[key]
  return marked
}

/** Whether the fitxa write in progress writes the live (public) document (R10). */
export const setFitxaWritesLive = (req: PayloadRequest, live: boolean): void => {
  context(req)[KEYS.fitxaWritesLive] = live
}
export const fitxaWritesLive = (req: PayloadRequest): boolean =>
  context(req)[KEYS.fitxaWritesLive] === true

/** An account opened for someone else, created with a password nobody knows, removed right after (R14). Read once. */
const noPasswordKey = (email: unknown) =>
  `${KEYS.noPassword}:${String(email ?? '')
    .trim()
    .toLowerCase()}`
export const markWithoutPassword = (req: PayloadRequest, email: unknown): void => {
  context(req)[noPasswordKey(email)] = true
}
export const takeWithoutPassword = (req: PayloadRequest, email: unknown): boolean => {
  const marked = Boolean(context(req)[noPasswordKey(email)])
  delete context(req)[noPasswordKey(email)]
  return marked
}

/** The language of a forgot-password email, looked up once per request and person. */
export async function rememberedResetLanguage<T>(
  req: PayloadRequest,
  user: unknown,
  lookUp: () => Promise<T>,
): Promise<T> {
  const key = `${KEYS.resetLanguage}:${String(user)}`
  if (!context(req)[key]) {
    const found = await lookUp()
    // Payload may hand the request a new context object while we wait: write to the one it has now.
    context(req)[key] = found
  }
  return context(req)[key] as T
}
