import {
  APIError,
  commitTransaction,
  type Endpoint,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
} from 'payload'
import { z } from 'zod'

import { isSecretariatUser } from '../../access/roles'
import { RequestRefused, RuleViolation } from '../lib/errors'
import { type ID, idOf } from '../lib/ids'
import type { MentoriaOptions } from '../lib/options'
import { editionTermsOf } from '../services/mentor-offers'
import { withVocabularies } from '../services/vocabularies'
import {
  matchEdition,
  type MatchingCandidate,
  type MatchingMentor,
  type MatchingOptions,
  type PairRef,
  scorePair,
} from '../matching'
import { CAPACITY_STATUSES } from '../rules/pairings'
import {
  deliverQueuedEmails,
  dropHeldEmails,
  holdEmails,
  sendHeldEmails,
} from '../services/mail-queue'

const idSchema = z.union([z.string().min(1).max(64), z.number().int().nonnegative()])
const pairSchema = z.object({ candidateId: idSchema, mentorId: idSchema }).strict()
const runSchema = z
  .object({
    locked: z.array(pairSchema).max(5000).default([]),
    excluded: z.array(pairSchema).max(50_000).default([]),
  })
  .strict()
const confirmSchema = z
  .object({ proposals: z.array(pairSchema).min(1, 'cal triar com a mínim una proposta').max(5000) })
  .strict()

const key = (id: unknown) => String(id)

function requireSecretariat(req: PayloadRequest) {
  if (!isSecretariatUser(req.user))
    throw new RequestRefused("Només la secretaria tècnica pot fer l'aparellament.", 403)
}

async function readBody<T>(req: PayloadRequest, schema: z.ZodType<T>): Promise<T> {
  let raw: unknown = {}
  try {
    raw = (await req.json?.()) ?? {}
  } catch {
    throw new RequestRefused('El cos de la petició ha de ser JSON.', 400)
  }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new RequestRefused(
      `Dades no vàlides a «${issue.path.join('.') || 'cos'}»: ${issue.message}`,
      400,
    )
  }
  return parsed.data
}

/** Everything the engine needs about one edition, read as the system inside the request. */
async function loadEdition(req: PayloadRequest, editionId: ID) {
  const system = { depth: 0, pagination: false as const, overrideAccess: true, req }
  const edition = await req.payload
    .findByID({ collection: 'editions', id: editionId, depth: 0, overrideAccess: true, req })
    .catch(() => undefined)
  if (!edition) throw new RequestRefused('Aquesta convocatòria no existeix.', 404)
  const [councils, mentors, candidates, pairings] = await Promise.all([
    req.payload.find({ collection: 'municipalities', ...system }),
    req.payload.find({ collection: 'mentors', ...system }),
    req.payload.find({
      collection: 'candidates',
      where: { and: [{ edition: { equals: edition.id } }, { status: { equals: 'eligible' } }] },
      ...system,
    }),
    req.payload.find({
      collection: 'pairings',
      where: { edition: { equals: edition.id } },
      ...system,
    }),
  ])
  const councilById = new Map(councils.docs.map((council) => [key(council.id), council]))
  const coordinates = (id: unknown) => {
    const council = councilById.get(key(idOf(id)))
    return council && typeof council.latitude === 'number' && typeof council.longitude === 'number'
      ? { lat: council.latitude, lon: council.longitude }
      : null
  }
  const open = pairings.docs.filter((pairing) =>
    (CAPACITY_STATUSES as readonly string[]).includes(pairing.status),
  )
  const paired = new Set(open.map((pairing) => key(idOf(pairing.candidate))))
  const load = new Map<string, number>()
  for (const pairing of open)
    load.set(key(idOf(pairing.mentor)), (load.get(key(idOf(pairing.mentor))) ?? 0) + 1)

  const engineCandidates: MatchingCandidate[] = candidates.docs
    .filter((candidate) => !paired.has(key(candidate.id)))
    .map((candidate) => ({
      id: candidate.id,
      municipalityId: idOf(candidate.municipality) as ID,
      coordinates: coordinates(candidate.municipality),
      topics: candidate.topics ?? [],
      languages: candidate.languages ?? [],
    }))
  // R4: each mentor's capacity, availability and topics in this edition (their offer for it).
  const terms = await editionTermsOf(req.payload, edition.id, mentors.docs, req)
  const engineMentors: MatchingMentor[] = mentors.docs.map((mentor) => {
    const inEdition = terms.get(key(mentor.id))
    return {
      id: mentor.id,
      municipalityId: idOf(mentor.municipality) as ID,
      coordinates: coordinates(mentor.municipality),
      topics: inEdition?.topics ?? [],
      capacity: inEdition?.capacity ?? 0,
      available: Boolean(inEdition?.available),
      languages: mentor.languages ?? [],
    }
  })
  const declined: PairRef[] = pairings.docs
    .filter((pairing) => pairing.status === 'declined')
    .map((pairing) => ({
      candidateId: idOf(pairing.candidate) as ID,
      mentorId: idOf(pairing.mentor) as ID,
    }))
  return {
    edition,
    councilById,
    candidatesById: new Map(candidates.docs.map((candidate) => [key(candidate.id), candidate])),
    mentorsById: new Map(mentors.docs.map((mentor) => [key(mentor.id), mentor])),
    engineCandidates,
    engineMentors,
    declined,
    existingLoad: [...load].map(([mentorId, count]) => ({
      mentorId: engineMentors.find((m) => key(m.id) === mentorId)?.id ?? mentorId,
      count,
    })),
  }
}

/** The engine's options; the àmbits' names as the secretariat keeps them now («Vocabularis»). */
async function engineOptions(
  payload: Payload,
  pluginOptions: Pick<MentoriaOptions, 'matching' | 'topics'>,
): Promise<MatchingOptions> {
  const options = await withVocabularies(payload, pluginOptions)
  return {
    ...options.matching,
    topicLabel: (value) => options.topics.find((topic) => topic.value === value)?.label ?? value,
  }
}

/** POST /api/editions/:id/match — dry run: the proposal, explained; writes nothing. */
export const matchEndpoint = (options: MentoriaOptions): Endpoint => ({
  path: '/:id/match',
  method: 'post',
  handler: async (req) => {
    requireSecretariat(req)
    const body = await readBody(req, runSchema)
    const data = await loadEdition(req, req.routeParams?.id as ID)
    const result = matchEdition(
      {
        candidates: data.engineCandidates,
        mentors: data.engineMentors,
        declined: data.declined,
        existingLoad: data.existingLoad,
        locked: body.locked,
        excluded: body.excluded,
      },
      await engineOptions(req.payload, options),
    )
    const name = (map: Map<string, { name?: string | null }>, id: ID) =>
      map.get(key(id))?.name ?? ''
    const councilOf = (doc: { municipality?: unknown } | undefined) =>
      doc ? (data.councilById.get(key(idOf(doc.municipality)))?.name ?? '') : ''
    return Response.json({
      edition: { id: data.edition.id, name: data.edition.name },
      proposals: result.proposals.map((proposal) => ({
        ...proposal,
        candidateName: name(data.candidatesById, proposal.candidateId),
        candidateCouncil: councilOf(data.candidatesById.get(key(proposal.candidateId))),
        mentorName: name(data.mentorsById, proposal.mentorId),
        mentorCouncil: councilOf(data.mentorsById.get(key(proposal.mentorId))),
      })),
      unmatched: result.unmatched.map((unmatched) => ({
        ...unmatched,
        candidateName: name(data.candidatesById, unmatched.candidateId),
      })),
      rejectedLocks: result.rejectedLocks,
      mentors: result.mentors.map((mentor) => ({
        ...mentor,
        mentorName: name(data.mentorsById, mentor.mentorId),
      })),
      totalScore: result.totalScore,
      stats: result.stats,
    })
  },
})

/**
 * POST /api/editions/:id/match/confirm — creates `proposed` pairings for the chosen proposals, all or
 * none. Every pairing goes through the same hooks as a proposal made by hand (R3, R4, R5 rechecked
 * now, whatever changed since the dry run).
 */
export const confirmMatchEndpoint = (options: MentoriaOptions): Endpoint => ({
  path: '/:id/match/confirm',
  method: 'post',
  handler: async (req) => {
    requireSecretariat(req)
    const body = await readBody(req, confirmSchema)
    const data = await loadEdition(req, req.routeParams?.id as ID)
    const engine = await engineOptions(req.payload, options)
    const ownsTransaction = await initTransaction(req)
    // No transaction (a standalone MongoDB): all or none by undoing what was written, emails held till then.
    const undo = !(await req.transactionID)
    if (undo) holdEmails(req)
    const created: ID[] = []
    try {
      for (const choice of body.proposals) {
        const candidate = data.engineCandidates.find((c) => key(c.id) === key(choice.candidateId))
        const mentor = data.engineMentors.find((m) => key(m.id) === key(choice.mentorId))
        const evaluation = candidate && mentor ? scorePair(candidate, mentor, engine) : undefined
        const pairing = await req.payload.create({
          collection: 'pairings',
          // Ids are numbers on SQLite and strings on MongoDB: passed through as they came.
          data: {
            edition: data.edition.id,
            candidate: choice.candidateId,
            mentor: choice.mentorId,
            matching: evaluation
              ? { score: evaluation.score.total, explanation: evaluation.explanation }
              : undefined,
          } as never,
          req,
          overrideAccess: false,
          depth: 0,
        })
        created.push(pairing.id)
      }
      if (ownsTransaction) await commitTransaction(req)
      if (undo) sendHeldEmails(req)
      else deliverQueuedEmails(req)
    } catch (error) {
      if (ownsTransaction) await killTransaction(req)
      if (undo) {
        await dropHeldEmails(req)
        // Taken back one by one; each frees its seat (R4). A failure here is logged with what is left.
        for (const id of created) {
          await req.payload
            .delete({ collection: 'pairings', id, overrideAccess: true, req })
            .catch((failure: unknown) =>
              req.payload.logger.error({
                err: failure,
                msg: `No s'ha pogut desfer la proposta ${String(id)} d'una confirmació que no s'ha completat.`,
              }),
            )
        }
      }
      if (error instanceof RuleViolation || error instanceof APIError) {
        const failed = body.proposals[created.length]
        const who = `${data.candidatesById.get(key(failed.candidateId))?.name ?? failed.candidateId} amb ${data.mentorsById.get(key(failed.mentorId))?.name ?? failed.mentorId}`
        return Response.json(
          {
            errors: [
              { message: `No s'ha creat cap parella. ${who}: ${error.message}`, data: { failed } },
            ],
          },
          { status: error.status === 403 ? 403 : 409 },
        )
      }
      throw error
    }
    const message =
      created.length === 1
        ? "S'ha proposat 1 parella."
        : `S'han proposat ${created.length} parelles.`
    return Response.json({ message, created }, { status: 201 })
  },
})
