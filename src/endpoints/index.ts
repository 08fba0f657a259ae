import type { Endpoint } from 'payload'

import { applyChallengeEndpoint, applyEndpoint } from './apply'

/** Endpoints the plugin adds to the `candidates` collection (e.g. POST /api/candidates/apply). */
export const candidateEndpoints: Endpoint[] = [applyEndpoint, applyChallengeEndpoint]
