import type { Endpoint } from 'payload'

import type { MentoriaOptions } from '../lib/options'
import { answerProposalEndpoint, answerProposalGetEndpoint } from './answer'
import { applyChallengeEndpoint, applyEndpoint } from './apply'
import { confirmMatchEndpoint, matchEndpoint } from './matching'
import { summaryEndpoint } from './summary'

/** The plugin's endpoints by collection (the plugin entry adds them): /api/<slug><path>. */
export const mentoriaEndpoints = (options: MentoriaOptions): Record<'candidates' | 'editions' | 'pairings', Endpoint[]> => ({
  candidates: [applyEndpoint(options), applyChallengeEndpoint(options)],
  editions: [matchEndpoint(options), confirmMatchEndpoint(options), summaryEndpoint(options)],
  pairings: [answerProposalEndpoint, answerProposalGetEndpoint],
})
