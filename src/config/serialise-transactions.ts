import type { BaseDatabaseAdapter } from 'payload'

/**
 * SQLite has one writer at a time. libsql opens a new connection for every transaction, without the
 * busy timeout, so two concurrent `BEGIN IMMEDIATE` fail at once with SQLITE_BUSY instead of waiting.
 * Queueing write transactions in the process makes them wait their turn (SQLite is one machine, one
 * process: see README "Escalar"). A wait longer than `maxWaitMs` gives up with a clear error rather
 * than hanging.
 */
export function serialiseTransactions(adapter: BaseDatabaseAdapter, maxWaitMs = 15_000): void {
  let tail: Promise<void> = Promise.resolve()
  const releases = new Map<string, () => void>()

  const acquire = async (): Promise<() => void> => {
    let release!: () => void
    const turn = new Promise<void>((resolve) => (release = resolve))
    const previous = tail
    tail = previous.then(() => turn)
    let timer: NodeJS.Timeout | undefined
    try {
      await Promise.race([
        previous,
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('La base de dades està ocupada; torneu-ho a provar d\'aquí a uns segons.')), maxWaitMs)
        }),
      ])
    } catch (error) {
      // Keep the queue moving: this turn ends as soon as the previous one does.
      previous.then(release, release)
      throw error
    } finally {
      clearTimeout(timer)
    }
    return release
  }

  const begin = adapter.beginTransaction.bind(adapter)
  const commit = adapter.commitTransaction.bind(adapter)
  const rollback = adapter.rollbackTransaction.bind(adapter)

  // A write outside any transaction (the jobs runner, say) can still hold the lock for a moment:
  // SQLite then answers SQLITE_BUSY(_SNAPSHOT) at once, so try again shortly instead of failing.
  const beginWhenFree = async (options: Parameters<typeof begin>[0]) => {
    const deadline = Date.now() + maxWaitMs
    for (let attempt = 0; ; attempt++) {
      try {
        return await begin(options)
      } catch (error) {
        if (!/SQLITE_BUSY/.test(String((error as Error)?.message)) || Date.now() > deadline) throw error
        await new Promise((resolve) => setTimeout(resolve, Math.min(5 * 2 ** attempt, 100)))
      }
    }
  }

  adapter.beginTransaction = async (options) => {
    const release = await acquire()
    try {
      const id = await beginWhenFree(options)
      if (id === null) {
        release()
        return id
      }
      releases.set(String(id), release)
      return id
    } catch (error) {
      release()
      throw error
    }
  }
  const finish = (run: typeof commit) => async (id: Parameters<typeof commit>[0]) => {
    const key = String(await id)
    try {
      await run(id)
    } finally {
      releases.get(key)?.()
      releases.delete(key)
    }
  }
  adapter.commitTransaction = finish(commit)
  adapter.rollbackTransaction = finish(rollback)
}
