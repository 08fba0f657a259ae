import {
  commitTransaction,
  type Endpoint,
  initTransaction,
  killTransaction,
  type PayloadRequest,
} from 'payload'

import { RuleViolation } from '../lib/errors'
import { type ID, idOf } from '../lib/ids'
import { type AnswerResult, answerResultsIn } from '../notifications/answers'
import { type EmailLang, emailLang } from '../notifications/language'
import { verifyProposalLink } from '../notifications/links'
import { releaseOnce, takeOnce } from '../lib/unique-keys'
import { deliverQueuedEmails } from '../services/mail-queue'

async function readToken(req: PayloadRequest): Promise<unknown> {
  const type = req.headers.get('content-type') ?? ''
  try {
    if (type.includes('application/json'))
      return ((await req.json?.()) as { token?: unknown } | undefined)?.token
    if (type.includes('application/x-www-form-urlencoded'))
      return new URLSearchParams(await req.text?.()).get('token')
  } catch {
    return undefined
  }
  return undefined
}

/** The mentor's language (their record's), for what they read next; Catalan when the pairing is gone. */
async function mentorLang(req: PayloadRequest, pairingId: string | undefined): Promise<EmailLang> {
  if (!pairingId) return 'ca'
  const pairing = await req.payload
    .findByID({ collection: 'pairings', id: pairingId, depth: 0, overrideAccess: true, req })
    .catch(() => undefined)
  const mentorId = idOf(pairing?.mentor)
  if (mentorId === undefined) return 'ca'
  const mentor = await req.payload
    .findByID({ collection: 'mentors', id: mentorId, depth: 0, overrideAccess: true, req })
    .catch(() => undefined)
  return emailLang((mentor as { language?: unknown } | undefined)?.language)
}

function respond(
  req: PayloadRequest,
  result: AnswerResult,
  lang: EmailLang = 'ca',
  message: string = answerResultsIn(lang)[result],
): Response {
  const status =
    result === 'accepted' || result === 'declined'
      ? 200
      : result === 'refused' || result === 'used'
        ? 409
        : 400
  if ((req.headers.get('accept') ?? '').includes('application/json')) {
    return Response.json({ result, message }, { status })
  }
  // A plain form post from the confirmation page: back to a page that says what happened.
  const location = `${req.payload.config.serverURL}/proposta/resposta?resultat=${result}${lang === 'ca' ? '' : `&lang=${lang}`}`
  return new Response(null, { status: 303, headers: { Location: location } })
}

/**
 * POST /api/pairings/answer: a mentor's answer from the signed email link. The GET page only shows
 * the proposal; this is the one place that changes it, once.
 */
export const answerProposalEndpoint: Endpoint = {
  path: '/answer',
  method: 'post',
  handler: async (req) => {
    const token = await readToken(req)
    const check = verifyProposalLink(req.payload.secret, token)
    if (!check.ok) {
      // An expired link is still ours (its signature holds): its mentor reads the answer in their language.
      const signed =
        check.reason === 'expired' ? verifyProposalLink(req.payload.secret, token, 0) : undefined
      return respond(
        req,
        check.reason === 'expired' ? 'expired' : 'invalid',
        signed?.ok ? await mentorLang(req, signed.link.pairing) : 'ca',
      )
    }
    const { link } = check

    // Once, by the database: the first answer writes the link's key in a unique index; any other
    // answer at the same moment cannot (src/lib/unique-keys.ts). No transaction needed (a standalone
    // MongoDB has none). If the answer is then refused, the key is removed and the link works again.
    const once = `mentoria:answer:${link.pairing}:${link.nonce}`
    if (!(await takeOnce(req.payload, once, { pairing: link.pairing }))) {
      const exists = await req.payload
        .findByID({ collection: 'pairings', id: link.pairing, depth: 0, overrideAccess: true, req })
        .catch(() => undefined)
      return respond(
        req,
        exists ? 'used' : 'invalid',
        exists ? await mentorLang(req, link.pairing) : 'ca',
      )
    }

    const ownsTransaction = await initTransaction(req)
    let lang: EmailLang = 'ca'
    try {
      // The system reads the pairing: the link, not a session, is the mentor's authority.
      const pairing = await req.payload
        .findByID({
          collection: 'pairings',
          id: link.pairing,
          depth: 0,
          overrideAccess: true,
          showHiddenFields: true,
          req,
        })
        .catch(() => undefined)
      if (!pairing) {
        if (ownsTransaction) await killTransaction(req)
        await releaseOnce(req.payload, once)
        return respond(req, 'invalid')
      }
      const mentorId = idOf(pairing.mentor) as ID
      lang = await mentorLang(req, String(pairing.id))
      if (
        pairing.status !== 'proposed' ||
        !pairing.answerNonce ||
        pairing.answerNonce !== link.nonce
      ) {
        if (ownsTransaction) await killTransaction(req)
        return respond(req, 'used', lang)
      }
      const mentor = await req.payload.findByID({
        collection: 'mentors',
        id: mentorId,
        depth: 0,
        overrideAccess: true,
        req,
      })
      const mentorUserId = idOf(mentor.user)
      const user = mentorUserId
        ? await req.payload
            .findByID({
              collection: 'users',
              id: mentorUserId,
              depth: 0,
              overrideAccess: true,
              req,
            })
            .catch(() => undefined)
        : undefined
      const status = link.decision === 'accept' ? 'accepted' : 'declined'
      if (user) {
        req.user = { ...user, collection: 'users' }
        await req.payload.update({
          collection: 'pairings',
          id: pairing.id,
          data: { status },
          req,
          user: req.user,
          overrideAccess: false,
          depth: 0,
        })
      } else {
        // A mentor without an account answers as the programme, on the strength of the signed link.
        await req.payload.update({
          collection: 'pairings',
          id: pairing.id,
          data: { status },
          req,
          overrideAccess: true,
          depth: 0,
        })
      }
      if (ownsTransaction) await commitTransaction(req)
      deliverQueuedEmails(req)
      return respond(req, status, lang)
    } catch (error) {
      if (ownsTransaction) await killTransaction(req)
      // Not answered after all (a rule refused it, or the database failed): the link works again.
      await releaseOnce(req.payload, once).catch((failure: unknown) =>
        req.payload.logger.error({
          err: failure,
          msg: "No s'ha pogut tornar a activar l'enllaç de resposta d'una proposta.",
        }),
      )
      if (error instanceof RuleViolation) return respond(req, 'refused', lang, error.message)
      throw error
    }
  },
}

/** GET /api/pairings/answer: the answer is only ever posted (from the confirmation page). */
export const answerProposalGetEndpoint: Endpoint = {
  path: '/answer',
  method: 'get',
  handler: () =>
    Response.json(
      {
        errors: [
          {
            message:
              "Aquesta adreça només rep respostes enviades des de la pàgina de confirmació (POST); obriu l'enllaç del correu.",
          },
        ],
      },
      { status: 405, headers: { Allow: 'POST' } },
    ),
}
