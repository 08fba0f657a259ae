import type { Endpoint, PayloadRequest } from 'payload'

import type { MentoriaOptions } from '../lib/options'
import { type OfferOutcome, submitOffer } from '../services/mentor-offer-form'
import { pickLang } from '../site/i18n'
import { readApplicationBody } from './apply-body'
import { MAX_APPLICATION_BYTES } from './apply'

/**
 * POST /api/mentor-offers/offer: the call for mentors, as JSON or form-encoded (DOMAIN.md). Hardened
 * like the application: 201 stored (also for a robot caught by the honeypot, which stores nothing),
 * 400 field errors in the person's language (`?lang=ca|es|en`), 409 window closed or a renewal link
 * already used / of another edition, 413 body over 32 KiB, 415 other content types; 429 comes from
 * Express (src/host/server/app.ts).
 */
const noStore = { 'Cache-Control': 'no-store' }

export const offerBody = (outcome: OfferOutcome) =>
  outcome.kind === 'refused'
    ? { message: outcome.message, errors: outcome.errors }
    : { message: outcome.message, text: outcome.text, renewed: outcome.kind === 'renewed' }

export const mentorOfferEndpoint = (options: MentoriaOptions): Endpoint => ({
  path: '/offer',
  method: 'post',
  handler: async (req: PayloadRequest) => {
    const lang = pickLang(req.searchParams?.get('lang'))
    const body = await readApplicationBody(
      { headers: req.headers, body: (req as unknown as Request).body },
      MAX_APPLICATION_BYTES,
      lang,
    )
    if (!body.ok)
      return Response.json(
        { message: body.message, errors: [{ message: body.message }] },
        { status: body.status, headers: noStore },
      )
    const outcome = await submitOffer(req, options, body.input, { lang })
    return Response.json(offerBody(outcome), { status: outcome.status, headers: noStore })
  },
})
