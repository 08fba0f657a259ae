import fs from 'node:fs'
import http from 'node:http'

import { startProductionServer } from '../tests/helpers/server'

/**
 * `npm run bench:bodies`: what six anonymous 20 MB bodies sent at once to `/api/graphql` and
 * `/api/users/login` cost the production server (issue 9 saw 0.5 → 0.9 GB before body limits).
 * Reference in the same run: the same server after six ordinary small requests. Prints the answers,
 * the time to answer and the server's resident memory (and its peak) after each round.
 */

const SIZE = 20 * 1024 * 1024
const CLIENTS = 6

const memory = (pid: number) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
  return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 }
}

/** One POST streaming `size` bytes of JSON; resolves with the status (or how the connection ended). */
function post(port: number, path: string, size: number, chunked: boolean): Promise<string> {
  return new Promise((resolve) => {
    let answered = false
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      ...(chunked ? {} : { 'Content-Length': String(size) }),
    }
    const request = http.request(
      { host: '127.0.0.1', port, path, method: 'POST', headers },
      (response) => {
        answered = true
        response.resume()
        response.on('end', () => resolve(String(response.statusCode)))
      },
    )
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (!answered) resolve(`connexió tancada (${error.code})`)
    })
    const head = Buffer.from('{"query":"{ __typename }","padding":"')
    const tail = Buffer.from('"}')
    if (size <= head.length + tail.length + 16) {
      request.end(
        Buffer.concat([
          head,
          Buffer.from('x'.repeat(Math.max(0, size - head.length - tail.length))),
          tail,
        ]),
      )
      return
    }
    const chunk = Buffer.alloc(64 * 1024, 'x')
    let left = size - head.length - tail.length
    request.write(head)
    // A moment for an answer to the headers alone (a declared size over the limit), as a real client would read it.
    const pump = () => {
      while (left > 0 && !answered) {
        const part = left >= chunk.length ? chunk : chunk.subarray(0, left)
        left -= part.length
        if (!request.write(part)) return void request.once('drain', pump)
      }
      if (!answered) request.end(tail)
    }
    setTimeout(pump, 50)
  })
}

async function round(port: number, pid: number, label: string, size: number, chunked = false) {
  const started = performance.now()
  const answers = await Promise.all(
    Array.from({ length: CLIENTS }, (_, index) =>
      post(port, index % 2 ? '/api/users/login' : '/api/graphql', size, chunked),
    ),
  )
  const ms = performance.now() - started
  await new Promise((resolve) => setTimeout(resolve, 500))
  const { rssMiB, peakMiB } = memory(pid)
  const counts = Object.entries(
    answers.reduce<Record<string, number>>(
      (all, answer) => ({ ...all, [answer]: (all[answer] ?? 0) + 1 }),
      {},
    ),
  )
    .map(([answer, count]) => `${count}× ${answer}`)
    .join(', ')
  return { label, counts, ms, rssMiB, peakMiB }
}

async function main() {
  if (!fs.existsSync('.next/BUILD_ID') || !fs.existsSync('dist/server.mjs')) {
    console.error('Cal la construcció de producció: executeu `npm run build` primer.')
    process.exit(1)
  }
  const server = await startProductionServer({ JOBS_AUTORUN: 'false', LOGIN_ATTEMPTS: '1000' })
  try {
    const pid = server.process.pid as number
    const started = memory(pid)
    const small = await round(server.port, pid, `${CLIENTS} peticions petites (referència)`, 64)
    const big = await round(
      server.port,
      pid,
      `${CLIENTS} cossos de 20 MB alhora, amb la mida declarada`,
      SIZE,
    )
    const streamed = await round(
      server.port,
      pid,
      `${CLIENTS} cossos de 20 MB alhora, sense mida (chunked)`,
      SIZE,
      true,
    )
    console.log(
      `\nServidor de producció (Node ${process.versions.node}); memòria en arrencar: ${started.rssMiB.toFixed(0)} MiB\n`,
    )
    console.log('| ronda | respostes | temps | memòria després | pic del procés |')
    console.log('|---|---|---|---|---|')
    for (const row of [small, big, streamed])
      console.log(
        `| ${row.label} | ${row.counts} | ${row.ms.toFixed(0)} ms | ${row.rssMiB.toFixed(0)} MiB | ${row.peakMiB.toFixed(0)} MiB |`,
      )
    const grew = Math.max(big.peakMiB, streamed.peakMiB) - small.peakMiB
    console.log(
      `\nEls cossos grans han fet créixer el pic ${grew.toFixed(0)} MiB respecte a la referència (abans dels límits: ~400 MiB).`,
    )
  } finally {
    await server.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
