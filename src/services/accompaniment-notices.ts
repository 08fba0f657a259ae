import type { PayloadRequest } from 'payload'

import type { MentoriaOptions } from '../lib/options'
import {
  completedMenteeEmail,
  evaluationRequestEmail,
  extensionAgreedEmail,
  extensionProposedEmail,
  extensionSecretariatEmail,
  meetingEmail,
  readyToCloseEmail,
  startedEmail,
  startedSecretariatEmail,
  withdrawalEmail,
  withdrawalSecretariatEmail,
} from '../notifications/accompaniment'
import { type EmailLang, emailLang, onDate } from '../notifications/language'
import { adminDocUrl, pairingPageUrl } from '../notifications/pages'
import type { Candidate, Mentor, Pairing } from '../payload-types'
import { formatDateCa } from '../rules/dates'
import { MODALITY_LABELS } from '../rules/modalities'
import { countQualifyingMeetings } from '../rules/meetings'
import type { Party } from '../rules/pairings'
import { queueEmail } from './mail-queue'
import { notifySecretariat } from './notify'
import { partiesOf } from './pairing-facts'

type PairingDoc = Pairing
type Notify = Pick<MentoriaOptions, 'secretariatEmail'>

type Side = Exclude<Party, 'secretariat'>
export type Parties = { mentor?: Mentor; candidate?: Candidate }

const personOf = (parties: Parties, side: Side) =>
  side === 'mentor' ? parties.mentor : parties.candidate
const nameOf = (parties: Parties, side: Side) =>
  personOf(parties, side)?.name ??
  (side === 'mentor' ? 'La persona mentora' : 'La persona mentorada')
const other = (side: Side): Side => (side === 'mentor' ? 'mentee' : 'mentor')

/** The people to tell of something `actor` did: the other party, or both if the secretariat did it. */
function audience(actor: Party): Side[] {
  return actor === 'secretariat' ? ['mentor', 'mentee'] : [other(actor)]
}

const byName = (parties: Parties, actor: Party) =>
  actor === 'secretariat' ? 'La secretaria tècnica' : nameOf(parties, actor)

const page = (req: PayloadRequest, pairing: PairingDoc) =>
  pairingPageUrl(req.payload.config.serverURL, pairing.id)
const adminPage = (req: PayloadRequest, pairing: PairingDoc) =>
  adminDocUrl(req.payload.config.serverURL, 'pairings', pairing.id)
const title = (parties: Parties) =>
  `${parties.mentor?.name ?? 'Persona mentora'} → ${parties.candidate?.name ?? 'Persona mentorada'}`
const day = (value: string | null | undefined) => (value ? formatDateCa(value) : '—')
/** A date in the person's language, without the article (Catalan as it always was). */
const dayIn = (value: string | null | undefined, lang: EmailLang) =>
  !value ? '—' : lang === 'ca' ? formatDateCa(value) : onDate(value, lang).replace(/^(el|on) /, '')

/** Each party in their own language (`language`, Catalan by default). */
async function tell(
  req: PayloadRequest,
  parties: Parties,
  sides: Side[],
  build: (to: string, name: string, lang: EmailLang) => Parameters<typeof queueEmail>[1],
) {
  for (const side of sides) {
    const person = personOf(parties, side)
    if (person?.email)
      await queueEmail(
        req,
        build(
          person.email,
          person.name ?? '',
          emailLang((person as { language?: unknown }).language),
        ),
      )
  }
}

/** accepted → active: the other party hears what was agreed; the secretariat the agreed end date (R11). */
export async function noticeStarted(
  req: PayloadRequest,
  options: Notify,
  pairing: PairingDoc,
  actor: Party,
) {
  const parties = await partiesOf(req, pairing)
  await tell(req, parties, audience(actor), (to, name, lang) =>
    startedEmail({
      to,
      name,
      lang,
      byName: byName(parties, actor),
      startDate: dayIn(pairing.startDate, lang),
      endDate: dayIn(pairing.endDate, lang),
      objectives: pairing.agreement?.objectives ?? '',
      activities: pairing.agreement?.activities ?? '',
      calendar: pairing.agreement?.calendar ?? '',
      pageUrl: page(req, pairing),
    }),
  )
  const notice = startedSecretariatEmail({
    pairingTitle: title(parties),
    startDate: day(pairing.startDate),
    endDate: day(pairing.endDate),
    adminUrl: adminPage(req, pairing),
  })
  await notifySecretariat(req, options, notice)
}

export async function noticeMeeting(
  req: PayloadRequest,
  options: MentoriaOptions,
  pairing: PairingDoc,
  actor: Party,
  meeting: { date?: string | null; modality?: string | null; place?: string | null },
) {
  const parties = await partiesOf(req, pairing)
  const modality =
    MODALITY_LABELS[String(meeting.modality)]?.replace(/s$/, '') ?? String(meeting.modality)
  await tell(req, parties, audience(actor), (to, name, lang) =>
    meetingEmail({
      to,
      name,
      lang,
      byName: byName(parties, actor),
      date: dayIn(meeting.date, lang),
      modality,
      modalityValue: String(meeting.modality),
      place: meeting.place,
      pageUrl: page(req, pairing),
    }),
  )
  // R9: the meeting that completes R7 is the moment to ask the mentee for the evaluation closing needs.
  if (
    !options.countingModalities.includes(meeting.modality as never) ||
    pairing.closing?.menteeEvaluatedAt ||
    !pairing.startDate
  )
    return
  const { docs } = await req.payload.find({
    collection: 'meetings',
    where: { pairing: { equals: pairing.id } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const facts = docs.map((doc) => ({
    date: String(doc.date),
    modality: String(doc.modality),
    status: doc.status,
  }))
  const counted = countQualifyingMeetings(
    facts,
    { startDate: pairing.startDate, closingDate: new Date().toISOString() },
    options.countingModalities,
  )
  if (counted === options.requiredMeetings) {
    await tell(req, parties, ['mentee'], (to, name, lang) =>
      readyToCloseEmail({
        to,
        name,
        lang,
        required: options.requiredMeetings,
        pageUrl: page(req, pairing),
      }),
    )
  }
}

/** R8 and R11: a proposal goes to the other party (to agree) and the secretariat; an agreed one to everyone. */
export async function noticeExtension(
  req: PayloadRequest,
  options: Notify,
  pairing: PairingDoc,
  previous: PairingDoc,
  actor: Party,
) {
  const parties = await partiesOf(req, pairing)
  const history = pairing.extensionHistory ?? []
  const applied = history.length > (previous.extensionHistory ?? []).length
  if (applied) {
    const record = history[history.length - 1]
    await tell(req, parties, ['mentor', 'mentee'], (to, name, lang) =>
      extensionAgreedEmail({
        to,
        name,
        lang,
        endDate: onDate(String(record.endDate), lang),
        pageUrl: page(req, pairing),
      }),
    )
    await notifySecretariat(
      req,
      options,
      extensionSecretariatEmail({
        pairingTitle: title(parties),
        state: 'agreed',
        proposedEndDate: day(record.endDate),
        previousEndDate: day(record.previousEndDate),
        reason: record.reason ?? '',
        adminUrl: adminPage(req, pairing),
      }),
    )
    return
  }
  const extension = pairing.extension
  const before = previous.extension
  const newProposal =
    extension?.proposedEndDate &&
    (String(extension.proposedEndDate).slice(0, 10) !==
      String(before?.proposedEndDate ?? '').slice(0, 10) ||
      (extension.reason ?? '') !== (before?.reason ?? ''))
  if (!newProposal || !extension?.proposedEndDate) return
  const waitingFor = (['mentor', 'mentee'] as const).filter((side) => !extension[side]?.agreed)
  await tell(req, parties, waitingFor, (to, name, lang) =>
    extensionProposedEmail({
      to,
      name,
      lang,
      byName: byName(parties, actor),
      proposedEndDate: onDate(String(extension.proposedEndDate), lang),
      reason: extension.reason ?? '',
      pageUrl: page(req, pairing),
    }),
  )
  await notifySecretariat(
    req,
    options,
    extensionSecretariatEmail({
      pairingTitle: title(parties),
      state: 'proposed',
      proposedEndDate: day(extension.proposedEndDate),
      previousEndDate: day(pairing.endDate),
      reason: extension.reason ?? '',
      adminUrl: adminPage(req, pairing),
    }),
  )
}

/** R6 withdrawal: the secretariat is told, and the other party. */
export async function noticeWithdrawal(
  req: PayloadRequest,
  options: Notify,
  pairing: PairingDoc,
  actor: Side,
) {
  const parties = await partiesOf(req, pairing)
  const reason = pairing.cancellationReason ?? ''
  await tell(req, parties, [other(actor)], (to, name, lang) =>
    withdrawalEmail({
      to,
      name,
      lang,
      byName: nameOf(parties, actor),
      reason,
      pageUrl: page(req, pairing),
    }),
  )
  await notifySecretariat(
    req,
    options,
    withdrawalSecretariatEmail({
      pairingTitle: title(parties),
      byName: nameOf(parties, actor),
      role: actor === 'mentor' ? 'persona mentora' : 'persona mentorada',
      reason,
      adminUrl: adminPage(req, pairing),
    }),
  )
}

/** R9 and R10: the mentor is asked for the evaluation (if not given), the mentee for the fitxa. */
export async function noticeCompleted(req: PayloadRequest, pairing: PairingDoc) {
  const parties = await partiesOf(req, pairing)
  if (!pairing.closing?.mentorEvaluatedAt) {
    await tell(req, parties, ['mentor'], (to, name, lang) =>
      evaluationRequestEmail({ to, name, lang, pageUrl: page(req, pairing) }),
    )
  }
  await tell(req, parties, ['mentee'], (to, name, lang) =>
    completedMenteeEmail({ to, name, lang, pageUrl: page(req, pairing) }),
  )
}
