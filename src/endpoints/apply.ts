import type { Endpoint, PayloadRequest } from 'payload'

import type { MentoriaOptions } from '../lib/options'
import { type ApplyOutcome, submitApplication } from '../services/applications'
import { pickLang } from '../site/i18n'
import { issueChallenge } from '../site/pow-server'
import { readApplicationBody } from './apply-body'

/**
 * POST /api/candidates/apply: the public application, as JSON or form-encoded.
 *
 * 201 accepted (also for a robot caught by the honeypot, which stores nothing), 400 field errors in the
 * person's language (`?lang=ca|es|en`, Catalan by default), 409 window closed (R2) or duplicate (R1),
 * 413 body over 32 KiB, 415 other content types. 429 comes from Express (src/host/server/app.ts).
 */

/** Longest body: the longest texts the form allows, percent-encoded, fit well under it. */
export const MAX_APPLICATION_BYTES = 32 * 1024

const noStore = { 'Cache-Control': 'no-store' }

export function outcomeBody(outcome: ApplyOutcome) {
  if (outcome.kind === 'refused') {
    return {
      message: outcome.message,
      errors: outcome.errors,
      ...(outcome.window ? { window: outcome.window } : {}),
    }
  }
  // Same body whether stored or caught by the honeypot.
  return { message: outcome.message, edition: outcome.edition, nextSteps: outcome.nextSteps }
}

export const applyEndpoint = (options: MentoriaOptions): Endpoint => ({
  path: '/apply',
  method: 'post',
  handler: async (req: PayloadRequest) => {
    const lang = pickLang(req.searchParams?.get('lang'))
    const body = await readApplicationBody(
      { headers: req.headers, body: (req as unknown as Request).body },
      MAX_APPLICATION_BYTES,
      lang,
    )
    if (!body.ok) {
      return Response.json(
        { message: body.message, errors: [{ message: body.message }] },
        { status: body.status, headers: noStore },
      )
    }
    const outcome = await submitApplication(req, options, body.input, { lang })
    return Response.json(outcomeBody(outcome), { status: outcome.status, headers: noStore })
  },
})

/** GET /api/candidates/apply/challenge: a fresh proof-of-work challenge, when APPLY_POW_BITS turns it on. */
export const applyChallengeEndpoint = (
  options: Pick<MentoriaOptions, 'proofOfWorkBits'>,
): Endpoint => ({
  path: '/apply/challenge',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    const bits = options.proofOfWorkBits
    if (!bits) return Response.json({ enabled: false }, { headers: noStore })
    return Response.json(
      { enabled: true, bits, challenge: issueChallenge(req.payload.secret, bits) },
      { headers: noStore },
    )
  },
})
