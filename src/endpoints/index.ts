import type { Endpoint } from 'payload'

import type { MentoriaOptions } from '../lib/options'
import { answerProposalEndpoint, answerProposalGetEndpoint } from './answer'
import { applyChallengeEndpoint, applyEndpoint } from './apply'
import { calendarFeedEndpoint, calendarRenewEndpoint } from './calendar'
import { certificateEndpoint } from './certificate'
import { checkinAnswerEndpoint, checkinPageEndpoint } from './checkin'
import { exportEndpoint } from './exports'
import { importEndpoints } from './imports'
import { inviteEndpoint } from './invite'
import { confirmMatchEndpoint, matchEndpoint } from './matching'
import { mentorOfferEndpoint } from './mentor-offer'
import { erasePersonEndpoint, exportPersonEndpoint } from './people'
import { periodReportEndpoint } from './report'
import { openWorkEndpoint, summaryEndpoint } from './summary'

/** The plugin's endpoints by collection (the plugin entry adds them): /api/<slug><path>. */
export const mentoriaEndpoints = (
  options: MentoriaOptions,
): Record<'candidates' | 'editions' | 'pairings' | 'users' | 'mentorOffers', Endpoint[]> => ({
  candidates: [applyEndpoint(options), applyChallengeEndpoint(options)],
  editions: [
    matchEndpoint(options),
    confirmMatchEndpoint(options),
    openWorkEndpoint(options),
    summaryEndpoint(options),
  ],
  pairings: [answerProposalEndpoint, answerProposalGetEndpoint],
  users: [inviteEndpoint],
  mentorOffers: [mentorOfferEndpoint(options)],
})

/** The plugin's endpoints outside any collection: /api/mentoria/… (exports, imports, personal data). */
export const mentoriaRootEndpoints = (options: MentoriaOptions): Endpoint[] => [
  exportEndpoint(options),
  ...importEndpoints(options),
  exportPersonEndpoint,
  erasePersonEndpoint,
  calendarFeedEndpoint(options),
  calendarRenewEndpoint,
  certificateEndpoint,
  checkinPageEndpoint,
  checkinAnswerEndpoint,
  periodReportEndpoint(options),
]
