import { type Lang, messagesFor } from '../site/i18n'
import { fromFormEntries } from '../site/schema'

/**
 * Reading an application's body: at most `limit` bytes, counted while reading (a missing or lying
 * Content-Length changes nothing), then JSON or form-encoded into a plain object.
 */

export type BodyResult =
  | { ok: true; input: Record<string, unknown> }
  | { ok: false; status: 400 | 413 | 415; message: string }

export async function readLimited(
  stream: ReadableStream<Uint8Array> | null | undefined,
  limit: number,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false }> {
  if (!stream) return { ok: true, bytes: new Uint8Array() }
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => undefined)
      return { ok: false }
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return { ok: true, bytes }
}

export async function readApplicationBody(
  request: { headers: Headers; body?: ReadableStream<Uint8Array> | null },
  limit: number,
  lang: Lang,
): Promise<BodyResult> {
  const t = messagesFor(lang)
  const declared = Number(request.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > limit)
    return { ok: false, status: 413, message: t.tooLarge }

  const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase()
  const json = type === 'application/json' || type.endsWith('+json')
  const form = type === 'application/x-www-form-urlencoded'
  if (!json && !form) {
    await request.body?.cancel().catch(() => undefined)
    return { ok: false, status: 415, message: t.unsupportedType }
  }

  const read = await readLimited(request.body, limit)
  if (!read.ok) return { ok: false, status: 413, message: t.tooLarge }

  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes)
  } catch {
    return { ok: false, status: 400, message: json ? t.badJson : t.invalid }
  }

  if (form) return { ok: true, input: fromFormEntries(new URLSearchParams(text)) }

  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, status: 400, message: t.badJson }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return { ok: false, status: 400, message: t.badJson }
  return { ok: true, input: value as Record<string, unknown> }
}
