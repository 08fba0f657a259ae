import type { AddressInfo } from 'node:net'

import { SMTPServer } from 'smtp-server'

/**
 * A real SMTP server in the test process (plain, no TLS, no auth) that keeps every message it
 * receives, parsed enough to assert on: envelope recipients, subject and plain text.
 */

export type ReceivedMail = {
  from: string
  /** Envelope recipients (RCPT TO), lower case. */
  to: string[]
  subject: string
  text: string
  headers: Record<string, string>
  raw: string
}

export type TestSmtp = {
  host: string
  port: number
  messages: ReceivedMail[]
  /** Waits until a message matching `predicate` arrives (or fails after `timeoutMs`). */
  waitFor: (predicate: (mail: ReceivedMail) => boolean, timeoutMs?: number) => Promise<ReceivedMail>
  /** Messages sent to one address. */
  to: (address: string) => ReceivedMail[]
  /** Resolves once no message has arrived for `quietMs` (emails are sent after the answer). */
  idle: (quietMs?: number) => Promise<void>
  /** Called with each message as it arrives. */
  onMessage: (listener: (mail: ReceivedMail) => void) => void
  close: () => Promise<void>
}

export async function startSmtpServer(): Promise<TestSmtp> {
  const messages: ReceivedMail[] = []
  const listeners: ((mail: ReceivedMail) => void)[] = []
  const server = new SMTPServer({
    authOptional: true,
    // No reverse DNS for 127.0.0.1: it costs ~150 ms per message on a machine without a resolver.
    disableReverseLookup: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        const parsed = parseMessage(raw)
        const mail: ReceivedMail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
          subject: parsed.headers.subject ?? '',
          text: parsed.text,
          headers: parsed.headers,
          raw,
        }
        messages.push(mail)
        for (const listener of listeners) listener(mail)
        callback()
      })
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.server.address() as AddressInfo

  return {
    host: '127.0.0.1',
    port,
    messages,
    onMessage: (listener) => void listeners.push(listener),
    to: (address) => messages.filter((mail) => mail.to.includes(address.toLowerCase())),
    waitFor: async (predicate, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const found = messages.find(predicate)
        if (found) return found
        if (Date.now() > deadline) {
          throw new Error(
            `No email arrived in ${timeoutMs} ms. Received: ${JSON.stringify(messages.map((m) => ({ to: m.to, subject: m.subject })))}`,
          )
        }
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    },
    idle: async (quietMs = 600) => {
      let seen = -1
      while (seen !== messages.length) {
        seen = messages.length
        await new Promise((resolve) => setTimeout(resolve, quietMs))
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

type Parsed = { headers: Record<string, string>; text: string }

/** Headers (unfolded, encoded words decoded) and the text/plain body of a MIME message. */
export function parseMessage(raw: string): Parsed {
  const split = raw.search(/\r?\n\r?\n/)
  const head = split === -1 ? raw : raw.slice(0, split)
  const body = split === -1 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '')
  const headers: Record<string, string> = {}
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon > 0)
      headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(line.slice(colon + 1).trim())
  }
  const type = headers['content-type'] ?? 'text/plain'
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1]
  if (/^multipart\//i.test(type) && boundary) {
    const parts = body
      .split(`--${boundary}`)
      .slice(1, -1)
      .map((part) => parseMessage(part.replace(/^\r?\n/, '')))
    const plain =
      parts.find((part) =>
        (part.headers['content-type'] ?? 'text/plain').startsWith('text/plain'),
      ) ?? parts[0]
    return { headers, text: plain?.text ?? '' }
  }
  return { headers, text: decodeBody(body, headers['content-transfer-encoding'] ?? '7bit') }
}

function decodeBody(body: string, encoding: string): string {
  const kind = encoding.toLowerCase()
  if (kind === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  if (kind === 'quoted-printable') return decodeQuotedPrintable(body)
  return body
}

function decodeQuotedPrintable(input: string): string {
  const soft = input.replace(/=\r?\n/g, '')
  const bytes: number[] = []
  for (let i = 0; i < soft.length; i++) {
    const char = soft[i]
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16))
      i += 2
    } else {
      for (const byte of Buffer.from(char, 'utf8')) bytes.push(byte)
    }
  }
  return Buffer.from(bytes).toString('utf8').replace(/\r\n/g, '\n')
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=); whitespace between two of them goes. */
function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[QqBb]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(
      /=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g,
      (_match, _charset: string, kind: string, text: string) => {
        if (kind.toUpperCase() === 'B') return Buffer.from(text, 'base64').toString('utf8')
        return decodeQuotedPrintable(text.replace(/_/g, ' '))
      },
    )
}
