import type { Endpoint, PayloadRequest } from 'payload'

import { verifyCheckinLink } from '../notifications/checkin-links'
import {
  CHECKIN_MESSAGES,
  checkinConfirmPage,
  checkinRefusedPage,
  checkinThanksPage,
} from '../notifications/checkins'
import { answersFor, type CheckinKind, CHECKINS_SLUG } from '../rules/checkins'
import { releaseOnce, takeOnce } from '../lib/unique-keys'
import { readLimited } from './apply-body'

/** Express hands `/seguiment` (GET and POST) to this endpoint (src/host/server/rewrites.ts). */
export const CHECKIN_ENDPOINT_PATH = '/mentoria/seguiment'

const html = (body: string, status = 200) =>
  new Response(body, {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Robots-Tag': 'noindex',
    },
  })

type Stored = {
  id: string | number
  kind: CheckinKind
  nonce?: string | null
  answeredAt?: string | null
}

/** The check-in a token opens, if the link is genuine, still unused and its answer fits the question. */
async function open(
  req: PayloadRequest,
  token: unknown,
): Promise<
  | { ok: true; link: NonNullable<ReturnType<typeof verifyCheckinLink>>; checkin: Stored }
  | { ok: false; status: 400 | 409; message: string }
> {
  const link = verifyCheckinLink(req.payload.secret, token)
  if (!link) return { ok: false, status: 400, message: CHECKIN_MESSAGES.invalid }
  const checkin = (await req.payload.db.findOne({
    collection: CHECKINS_SLUG as never,
    where: { id: { equals: link.checkin } },
  })) as Stored | null
  if (!checkin || !answersFor(checkin.kind).includes(link.answer))
    return { ok: false, status: 400, message: CHECKIN_MESSAGES.invalid }
  if (checkin.answeredAt || checkin.nonce !== link.nonce)
    return { ok: false, status: 409, message: CHECKIN_MESSAGES.answered }
  return { ok: true, link, checkin }
}

/**
 * GET /seguiment?token=… — the link from the email opens a page with the chosen answer and one button
 * (mail scanners that open links answer nothing); POST /seguiment — the button: the answer is stored
 * once (the nonce cleared in the same statement), seen by the secretariat only (R13).
 */
export const checkinPageEndpoint: Endpoint = {
  path: CHECKIN_ENDPOINT_PATH,
  method: 'get',
  handler: async (req) => {
    const token = req.searchParams?.get('token')
    const opened = await open(req, token)
    if (!opened.ok) return html(checkinRefusedPage(opened.message), opened.status)
    return html(
      checkinConfirmPage({
        token: String(token),
        kind: opened.checkin.kind,
        answer: opened.link.answer,
      }),
    )
  },
}

export const checkinAnswerEndpoint: Endpoint = {
  path: CHECKIN_ENDPOINT_PATH,
  method: 'post',
  handler: async (req) => {
    const read = await readLimited(req.body as ReadableStream<Uint8Array> | null, 16 * 1024)
    if (!read.ok)
      return html(
        checkinRefusedPage(
          'La resposta és massa llarga: el comentari pot tenir com a molt 2.000 caràcters.',
        ),
        413,
      )
    const text = new TextDecoder().decode(read.bytes)
    let fields: Record<string, unknown> = {}
    if ((req.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) {
      try {
        fields = JSON.parse(text) as Record<string, unknown>
      } catch {
        fields = {}
      }
    } else {
      fields = Object.fromEntries(new URLSearchParams(text))
    }
    const opened = await open(req, fields.token)
    if (!opened.ok) return html(checkinRefusedPage(opened.message), opened.status)
    const comment = typeof fields.comment === 'string' ? fields.comment.trim().slice(0, 2000) : ''
    // Of two answers at once, one is stored: the one whose key the database takes (a conditional
    // update cannot say which one won on MongoDB, whose updateMany reads back after writing).
    const once = `checkin-answer:${opened.checkin.id}:${opened.link.nonce}`
    if (!(await takeOnce(req.payload, once)))
      return html(checkinRefusedPage(CHECKIN_MESSAGES.answered), 409)
    try {
      await req.payload.db.updateOne({
        collection: CHECKINS_SLUG as never,
        id: opened.checkin.id,
        data: {
          answer: opened.link.answer,
          comment: comment || null,
          answeredAt: new Date().toISOString(),
          nonce: null,
        },
      })
    } catch (error) {
      await releaseOnce(req.payload, once).catch(() => undefined)
      throw error
    }
    return html(checkinThanksPage())
  },
}
