import type { PayloadRequest } from 'payload'

import { myProfiles } from '../../../access/ownership'
import { type ID, idFromPath, idOf, sameId } from '../../lib/ids'
import type { MentoriaOptions } from '../../lib/options'
import { withVocabularies } from '../../services/vocabularies'
import {
  actionsFor,
  closingChecklist,
  daysLeft,
  type ChecklistItem,
  type ExtensionBlock,
} from '../../rules/accompaniment'
import {
  countHeldCountingMeetings,
  countingModalitiesLabel,
  countQualifyingMeetings,
} from '../../rules/meetings'
import type { PairingStatus } from '../../rules/pairings'
import { certificateUrlFor } from '../../services/certificates'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- documents as the Local API returns them, read field by field below
type Doc = Record<string, any> & { id: ID }

export type Person = {
  name: string
  council?: string
  position?: string
  email?: string
  phone?: string
  needs?: string
  topics?: string[]
  availability?: string
}
export type MeetingView = {
  id: ID
  date: string
  modality: string
  place?: string
  durationMinutes?: number
  summary?: string
  status: string
  mine: boolean
}
export type IncidentView = {
  id: ID
  type: string
  description: string
  status: string
  resolution?: string
  createdAt: string
}

export type PairingView = {
  id: ID
  side: 'mentor' | 'mentee'
  certificateUrl?: string
  status: PairingStatus
  other: Person
  /** Contact data is shown once the pairing is accepted (R12); until then, why not. */
  contactVisible: boolean
  startDate?: string
  endDate?: string
  daysLeft: number | null
  agreement: { objectives?: string; activities?: string; calendar?: string }
  meetings: MeetingView[]
  meetingsCounted: number
  /** Held meetings of a counting modality (R7), and the words that name those modalities («presencials»). */
  counting: number
  countingLabel: string
  incidents: IncidentView[]
  extension: ExtensionBlock & { waitingForMe: boolean; waitingForOther: boolean }
  extensionHistory: { previousEndDate?: string; endDate?: string; reason?: string }[]
  closing: {
    closingDate?: string
    menteeEvaluatedAt?: string
    mentorEvaluatedAt?: string
    myEvaluation?: { rating?: number; comments?: string }
  }
  cancellationReason?: string
  checklist: ChecklistItem[]
  actions: ReturnType<typeof actionsFor>
  fitxa: { id?: ID; state: 'none' | 'draft' | 'submitted' | 'returned' | 'published' }
  requiredMeetings: number
}

/** The options the plugin publishes on the config (src/plugin/index.ts), for this view. */
export const optionsOf = (config: { custom?: Record<string, unknown> }): MentoriaOptions =>
  (config.custom as { mentoria: MentoriaOptions }).mentoria

const byId = (docs: Doc[]) => new Map(docs.map((doc) => [String(doc.id), doc]))

/**
 * Everything «Les meves mentories» shows, read as the signed-in person (their access applies:
 * contact data, incidents and evaluations they may not see are simply not there). A fixed number of
 * queries whatever the number of pairings.
 */
export async function loadMyMentoring(
  req: PayloadRequest,
  onlyId?: string,
): Promise<PairingView[]> {
  const { payload } = req
  // An address that cannot name a pairing names none (and never reaches a query as it was written).
  const only = onlyId === undefined ? undefined : idFromPath(onlyId, payload.db.defaultIDType)
  if (onlyId !== undefined && only === undefined) return []
  // The àmbits' names as the secretariat keeps them now («Vocabularis»).
  const options = await withVocabularies(payload, optionsOf(payload.config))
  const asPerson = { req, overrideAccess: false, depth: 0, pagination: false } as const
  const { mentorIds } = await myProfiles(req)
  const pairings = (
    await payload.find({
      collection: 'pairings',
      ...asPerson,
      sort: '-createdAt',
      ...(only !== undefined ? { where: { id: { equals: only } } } : {}),
    })
  ).docs as unknown as Doc[]
  if (pairings.length === 0) return []
  const pairingIds = pairings.map((pairing) => pairing.id)
  const idsOf = (key: string) => [
    ...new Set(
      pairings.map((pairing) => idOf(pairing[key])).filter((id): id is ID => id !== undefined),
    ),
  ]

  const [mentors, candidates, meetings, incidents, fitxes] = await Promise.all([
    payload.find({ collection: 'mentors', ...asPerson, where: { id: { in: idsOf('mentor') } } }),
    payload.find({
      collection: 'candidates',
      ...asPerson,
      where: { id: { in: idsOf('candidate') } },
    }),
    payload.find({
      collection: 'meetings',
      ...asPerson,
      sort: 'date',
      where: { pairing: { in: pairingIds } },
    }),
    payload.find({
      collection: 'incidents',
      ...asPerson,
      sort: '-createdAt',
      where: { pairing: { in: pairingIds } },
    }),
    // The fitxa's link to its pairing is not queryable by the parties (it would tie published fitxes
    // to pairings); these ids come from the person's own pairings above, and only the state is read.
    payload.find({
      collection: 'fitxes',
      req,
      overrideAccess: true,
      depth: 0,
      pagination: false,
      draft: true,
      where: { pairing: { in: pairingIds } },
      select: { pairing: true, reviewStatus: true, _status: true },
    }),
  ])
  const people = [...mentors.docs, ...candidates.docs] as unknown as Doc[]
  const councils = byId(
    (
      await payload.find({
        collection: 'municipalities',
        ...asPerson,
        where: {
          id: {
            in: [
              ...new Set(
                people.map((person) => idOf(person.municipality)).filter((id) => id !== undefined),
              ),
            ],
          },
        },
      })
    ).docs as unknown as Doc[],
  )
  const mentorsById = byId(mentors.docs as unknown as Doc[])
  const candidatesById = byId(candidates.docs as unknown as Doc[])

  return pairings.map((pairing) => {
    const side = mentorIds.some((id) => sameId(id, pairing.mentor)) ? 'mentor' : 'mentee'
    const otherDoc =
      side === 'mentor'
        ? candidatesById.get(String(idOf(pairing.candidate)))
        : mentorsById.get(String(idOf(pairing.mentor)))
    const status = pairing.status as PairingStatus
    const mine = (meetings.docs as unknown as Doc[]).filter((meeting) =>
      sameId(meeting.pairing, pairing.id),
    )
    const meetingFacts = mine.map((meeting) => ({
      date: String(meeting.date),
      modality: String(meeting.modality),
      status: meeting.status as string | null | undefined,
    }))
    const fitxaDoc = (fitxes.docs as unknown as Doc[]).find((fitxa) =>
      sameId(fitxa.pairing, pairing.id),
    )
    const review = String(fitxaDoc?.reviewStatus ?? 'draft')
    const fitxaState: PairingView['fitxa']['state'] = !fitxaDoc
      ? 'none'
      : fitxaDoc._status === 'published' || pairing.fitxaPublished
        ? 'published'
        : review === 'submitted' || review === 'returned'
          ? review
          : 'draft'
    const closing = pairing.closing ?? {}
    const extension = (pairing.extension ?? {}) as ExtensionBlock
    const hasProposal = Boolean(extension.proposedEndDate)
    const other = side === 'mentor' ? 'mentee' : 'mentor'
    return {
      id: pairing.id,
      side,
      status,
      // The person's certificate of participation, once the pairing is completed (src/services/certificates.ts).
      certificateUrl:
        status === 'completed' ? certificateUrlFor(req.payload, pairing.id, side) : undefined,
      other: {
        name: otherDoc?.name ?? '—',
        council: councils.get(String(idOf(otherDoc?.municipality)))?.name,
        position: otherDoc?.position ?? undefined,
        email: otherDoc?.email ?? undefined,
        phone: otherDoc?.phone ?? undefined,
        // What the mentee asked for: the mentor reads it before answering the proposal.
        ...(side === 'mentor'
          ? {
              needs: otherDoc?.needs ?? undefined,
              availability: otherDoc?.availability ?? undefined,
              topics: ((otherDoc?.topics ?? []) as string[]).map(
                (value) => options.topics.find((topic) => topic.value === value)?.label ?? value,
              ),
            }
          : {}),
      },
      contactVisible: Boolean(otherDoc?.email),
      startDate: pairing.startDate ?? undefined,
      endDate: pairing.endDate ?? undefined,
      daysLeft: status === 'active' ? daysLeft(pairing.endDate) : null,
      agreement: pairing.agreement ?? {},
      meetings: mine.map((meeting) => ({
        id: meeting.id,
        date: String(meeting.date),
        modality: String(meeting.modality),
        place: meeting.place ?? undefined,
        durationMinutes: meeting.durationMinutes ?? undefined,
        summary: meeting.summary ?? undefined,
        status: (meeting.status as string | undefined) ?? 'held',
        mine: sameId(meeting.recordedBy, req.user?.id),
      })),
      meetingsCounted: pairing.startDate
        ? countQualifyingMeetings(
            meetingFacts,
            {
              startDate: pairing.startDate,
              closingDate: closing.closingDate ?? new Date().toISOString(),
            },
            options.countingModalities,
          )
        : 0,
      counting: countHeldCountingMeetings(meetingFacts, options.countingModalities),
      countingLabel: countingModalitiesLabel(options.countingModalities),
      incidents: (incidents.docs as unknown as Doc[])
        .filter((incident) => sameId(incident.pairing, pairing.id))
        .map((incident) => ({
          id: incident.id,
          type: String(incident.type),
          description: String(incident.description ?? ''),
          status: String(incident.status),
          resolution: incident.resolution ?? undefined,
          createdAt: String(incident.createdAt),
        })),
      extension: {
        ...extension,
        waitingForMe: hasProposal && !extension[side]?.agreed,
        waitingForOther: hasProposal && !extension[other]?.agreed,
      },
      extensionHistory: (pairing.extensionHistory ?? []) as PairingView['extensionHistory'],
      closing: {
        closingDate: closing.closingDate ?? undefined,
        menteeEvaluatedAt: closing.menteeEvaluatedAt ?? undefined,
        mentorEvaluatedAt: closing.mentorEvaluatedAt ?? undefined,
        myEvaluation:
          (side === 'mentor' ? closing.mentorEvaluation : closing.menteeEvaluation) ?? undefined,
      },
      cancellationReason: pairing.cancellationReason ?? undefined,
      checklist: closingChecklist({
        status,
        startDate: pairing.startDate,
        closingDate: closing.closingDate,
        menteeEvaluated: Boolean(closing.menteeEvaluatedAt),
        meetings: meetingFacts,
        fitxa: fitxaState,
        side,
        options,
      }),
      actions: actionsFor(side, {
        status,
        extension,
        mentorEvaluated: Boolean(closing.mentorEvaluatedAt),
        menteeEvaluated: Boolean(closing.menteeEvaluatedAt),
      }),
      fitxa: { id: fitxaDoc?.id, state: fitxaState },
      requiredMeetings: options.requiredMeetings,
    }
  })
}
