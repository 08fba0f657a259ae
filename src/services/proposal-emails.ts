import type { PayloadRequest } from 'payload'

import type { MentoriaOptions } from '../lib/options'
import { withVocabularies } from './vocabularies'
import type { Account } from '../notifications/accompaniment'
import { acceptedEmail, proposalEmail } from '../notifications/emails'
import { emailLang, onDate } from '../notifications/language'
import { PROPOSAL_LINK_DAYS, signProposalLink } from '../notifications/links'
import { pairingPageUrl } from '../notifications/pages'
import type { Pairing } from '../payload-types'
import { queueEmail } from './mail-queue'
import { councilOf, partiesOf } from './pairing-facts'

type PairingPeople = Pick<Pairing, 'mentor' | 'candidate'>

async function people(req: PayloadRequest, pairing: PairingPeople) {
  const { mentor, candidate } = await partiesOf(req, pairing)
  const [mentorCouncil, candidateCouncil] = await Promise.all([
    councilOf(req, mentor?.municipality),
    councilOf(req, candidate?.municipality),
  ])
  return { mentor, candidate, mentorCouncil, candidateCouncil }
}

/** The mentor hears of a proposal with the candidate's needs, never their contact (R12). */
export async function queueProposalEmail(
  req: PayloadRequest,
  options: Pick<MentoriaOptions, 'topics'>,
  pairing: PairingPeople & Pick<Pairing, 'id' | 'matching'>,
  nonce: string | undefined,
  account?: Account,
) {
  const { mentor, candidate, candidateCouncil } = await people(req, pairing)
  if (!mentor?.email || !candidate || !nonce) return
  const { topics } = await withVocabularies(req.payload, options)
  const label = (value: string) => topics.find((topic) => topic.value === value)?.label ?? value
  const expiresAt = Date.now() + PROPOSAL_LINK_DAYS * 86_400_000
  const lang = emailLang((mentor as { language?: unknown }).language)
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
      expiresOn: onDate(new Date(expiresAt), lang),
      account,
      pageUrl: pairingPageUrl(req.payload.config.serverURL, pairing.id),
      lang,
    }),
  )
}

/** Once the mentor accepts, the mentee gets the mentor's contact and is told to get in touch (programa §4, docs/domain.md). */
export async function queueAcceptedEmail(
  req: PayloadRequest,
  pairing: PairingPeople & Pick<Pairing, 'id'>,
  account?: Account,
) {
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
      lang: emailLang((candidate as { language?: unknown }).language),
    }),
  )
}
