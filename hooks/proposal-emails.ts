import type { PayloadRequest } from 'payload'

import { queueEmail } from '../src/jobs/mail'
import { onDateCa } from '../src/rules/dates'
import { acceptedEmail, proposalEmail } from '../src/notifications/emails'
import type { Account } from '../src/notifications/accompaniment'
import { PROPOSAL_LINK_DAYS, signProposalLink } from '../src/notifications/links'
import { pairingPageUrl } from '../src/notifications/pages'
import { mentoriaOptionsOf } from '../src/plugin/options-of'
import type { CandidateDoc, MentorDoc, PairingDoc } from './pairings'
import { idOf, loadDoc } from './shared'

type Council = { name?: string }

async function people(req: PayloadRequest, pairing: PairingDoc) {
  const [mentor, candidate] = await Promise.all([
    loadDoc<MentorDoc & { position?: string; phone?: string }>(req, 'mentors', idOf(pairing.mentor)),
    loadDoc<CandidateDoc & { topics?: string[]; needs?: string }>(req, 'candidates', idOf(pairing.candidate)),
  ])
  const [mentorCouncil, candidateCouncil] = await Promise.all([
    loadDoc<Council>(req, 'municipalities', idOf(mentor?.municipality)),
    loadDoc<Council>(req, 'municipalities', idOf(candidate?.municipality)),
  ])
  return { mentor, candidate, mentorCouncil, candidateCouncil }
}

/** The mentor hears of a proposal with the candidate's needs, never their contact (R12). */
export async function queueProposalEmail(
  req: PayloadRequest,
  pairing: PairingDoc & { matching?: { explanation?: string | null } | null },
  nonce: string | undefined,
  account?: Account,
) {
  const { mentor, candidate, candidateCouncil } = await people(req, pairing)
  if (!mentor?.email || !candidate || !nonce) return
  const topics = mentoriaOptionsOf(req.payload.config).topics
  const label = (value: string) => topics.find((topic) => topic.value === value)?.label ?? value
  const expiresAt = Date.now() + PROPOSAL_LINK_DAYS * 86_400_000
  const url = (decision: 'accept' | 'decline') =>
    `${req.payload.config.serverURL}/proposta?token=${signProposalLink(req.payload.secret, { pairing: String(pairing.id), decision, expiresAt, nonce })}`
  await queueEmail(
    req,
    proposalEmail({
      to: mentor.email,
      mentorName: mentor.name ?? '',
      candidateName: candidate.name ?? '',
      candidateCouncil: candidateCouncil?.name ?? '',
      needs: (candidate.topics ?? []).map(label),
      needsText: candidate.needs,
      explanation: pairing.matching?.explanation,
      acceptUrl: url('accept'),
      declineUrl: url('decline'),
      expiresOn: onDateCa(new Date(expiresAt)),
      account,
      pageUrl: pairingPageUrl(req.payload.config.serverURL, pairing.id),
    }),
  )
}

/** Once the mentor accepts, the mentee gets the mentor's contact and is told to get in touch (seed §4). */
export async function queueAcceptedEmail(req: PayloadRequest, pairing: PairingDoc, account?: Account) {
  const { mentor, candidate, mentorCouncil } = await people(req, pairing)
  if (!mentor || !candidate?.email) return
  await queueEmail(
    req,
    acceptedEmail({
      to: candidate.email,
      candidateName: candidate.name ?? '',
      mentorName: mentor.name ?? '',
      mentorCouncil: mentorCouncil?.name ?? '',
      mentorPosition: mentor.position,
      mentorEmail: mentor.email,
      mentorPhone: mentor.phone,
      account,
      pageUrl: pairingPageUrl(req.payload.config.serverURL, pairing.id),
    }),
  )
}
