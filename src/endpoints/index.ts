import type { Endpoint } from 'payload'

/** Endpoints the plugin adds to the `candidates` collection (e.g. POST /api/candidates/apply). */
export const candidateEndpoints: Endpoint[] = []
