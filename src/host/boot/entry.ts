import { ConfigError } from '../config/env'
import { surviveClosedOutput } from '../../lib/log-output'

/**
 * Runs one entry point (server, seed, worker…) so that it either finishes its work or stops with a
 * non-zero exit code and one line saying what did not finish. A process whose event loop empties
 * while `main` is still pending (a promise nothing keeps alive) would otherwise exit 0 in silence.
 */
export function runEntryPoint(
  what: string,
  main: () => Promise<void>,
  { exitWhenDone = false } = {},
): void {
  // A reader of our output that goes away (a closed terminal, a restarted log shipper) must not stop us.
  surviveClosedOutput()
  let settled = false
  process.on('exit', (code) => {
    // Exit code 13 is Node's "unsettled top-level await": the same silent failure, worded by us.
    if (settled) return
    console.error(
      `${what}: el procés s'ha aturat abans d'acabar (una operació pendent no ha respost mai). No s'ha completat.`,
    )
    if (code === 0) process.exitCode = 1
  })
  main().then(
    () => {
      settled = true
      // One-shot commands end here even if a library left a timer or socket open.
      if (exitWhenDone) process.exit(0)
    },
    (error: unknown) => {
      settled = true
      const plain =
        error instanceof ConfigError ||
        (error instanceof Error && error.name === 'LegalSettingsMissing')
      console.error(plain ? (error as Error).message : `${what}: ha fallat: ${describe(error)}`)
      process.exit(1)
    },
  )
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error))
