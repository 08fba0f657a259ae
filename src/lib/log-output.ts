import { prettyFactory } from 'pino-pretty'

/**
 * Where the server's log lines go, written so that no reader of the output can stop the server.
 *
 * Payload's default logger (pino → pino-pretty → sonic-boom on fd 1) buffers lines while the output
 * pipe is full and, at process exit, flushes them synchronously: sonic-boom's `flushSync` retries a
 * failed write every 100 ms (Atomics.wait) for ever, on EAGAIN while the reader is alive but not
 * reading and on EPIPE once it is gone. A log shipper that stops reading, or a terminal that closes
 * right after SIGTERM, left `process.exit` stuck in that loop; the forced exit could not run either,
 * since exit handlers are synchronous. Here lines go through Node's own stdout stream instead, which
 * never blocks (a full pipe queues in memory, bounded below) and is never flushed at exit: when the
 * output cannot take them, lines are dropped, not waited for.
 */

/** Past this many bytes waiting for a slow reader, lines are dropped (and counted) rather than kept. */
export const LOG_PENDING_LIMIT = 1024 * 1024

type Output = Pick<
  NodeJS.WriteStream,
  'write' | 'writableLength' | 'destroyed' | 'on' | 'listeners'
>
type StdioHandle = { setBlocking?: (blocking: boolean) => number }

/** The same look as Payload's default logger (time, level, message, then any fields). */
const PRETTY_OPTIONS = {
  colorize: true,
  ignore: 'pid,hostname,name',
  translateTime: 'SYS:HH:MM:ss',
}

/**
 * A write error on stdout/stderr (EPIPE: the reader went away) becomes an `error` event; with no
 * listener it is an uncaught exception, which Next's handler logs with `console.error`… to the same
 * closed stderr, again and again, for as long as the process lives. One listener per stream ends that:
 * the output is gone, the server goes on (and stops when asked).
 */
export function surviveClosedOutput(streams: Output[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    if (!stream.listeners('error').includes(ignoreOutputError))
      stream.on('error', ignoreOutputError)
  }
}

function ignoreOutputError() {
  // Nothing to do: whoever read this output has gone, and there is nowhere left to say so.
}

/**
 * Back to Node's own way of writing to a pipe: never blocking, what the reader has not taken yet
 * waits in memory. Next's SWC loader (it compiles next.config.ts when the server starts) switches
 * stdout and stderr to blocking writes for its native code; after that, a reader that stops reading
 * freezes every `console.log`, the one that answers SIGTERM included. Terminals and files are left as they are.
 */
export function writeOutputWithoutBlocking(
  streams: NodeJS.WriteStream[] = [process.stdout, process.stderr],
): void {
  for (const stream of streams) {
    if (stream.isTTY) continue
    ;(stream as unknown as { _handle?: StdioHandle })._handle?.setBlocking?.(false)
  }
}

/** Resolves once stdout and stderr have handed everything to their readers, or after `ms`, whichever comes first. */
export function outputDrained(
  ms: number,
  streams: Output[] = [process.stdout, process.stderr],
): Promise<void> {
  const deadline = Date.now() + ms
  return new Promise((resolve) => {
    const check = () => {
      if (
        Date.now() >= deadline ||
        streams.every((stream) => stream.destroyed || stream.writableLength === 0)
      )
        return resolve()
      setTimeout(check, 20)
    }
    check()
  })
}

/** A pino destination (Payload config `logger.destination`): pretty lines to `out`, never blocking, never flushed at exit. */
export function logDestination(
  out: Output = process.stdout,
  { pendingLimit = LOG_PENDING_LIMIT } = {},
) {
  surviveClosedOutput([out])
  const pretty = prettyFactory(PRETTY_OPTIONS)
  let dropped = 0
  return {
    write(line: string): boolean {
      if (out.destroyed) return true
      if (out.writableLength > pendingLimit) {
        dropped++
        return true
      }
      if (dropped > 0) {
        out.write(
          `(${dropped} línies del registre perdudes: la sortida no les llegia prou de pressa)\n`,
        )
        dropped = 0
      }
      out.write(pretty(line))
      return true
    },
  }
}
