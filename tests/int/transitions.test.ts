import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  PAIRING_STATUSES,
  PAIRING_TRANSITIONS,
  type PairingStatus,
  type Party,
} from '../../src/rules/pairings'
import {
  closingData,
  isoDaysFromNow,
  type Programme,
  setupProgramme,
  startData,
} from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

/**
 * R6, generated from the state table in src/rules/pairings.ts (docs/domain.md «Estats»): every
 * (from, to, who) is tried through REST on a pairing that meets every other condition, so that only
 * the transition itself decides. Allowed exactly when the table lists it.
 */
let app: TestApp
let p: Programme

beforeAll(async () => {
  app = await startTestApp()
  p = await setupProgramme(app, { mentorCapacity: 10 })
})

afterAll(async () => {
  await app?.close()
})

const PARTIES: Party[] = ['secretariat', 'mentor', 'mentee']
const tokenOf = (party: Party) => p.tokens[party]

/** A pairing already in `status`, with everything the next step could need, written directly. */
async function pairingIn(status: PairingStatus) {
  const pairing = await app.payload.db.create({
    collection: 'pairings',
    data: {
      edition: p.edition.id,
      mentor: p.mentor.id,
      candidate: p.candidate.id,
      status,
      title: `prova ${status}`,
      ...startData(),
      ...closingData(),
      cancellationReason: status === 'cancelled' ? 'ja cancel·lada' : null,
    },
  })
  for (const days of [-40, -30]) {
    await app.payload.db.create({
      collection: 'meetings',
      data: { pairing: pairing.id, date: isoDaysFromNow(days), modality: 'in_person', title: 't' },
    })
  }
  return pairing
}

const cases = PAIRING_STATUSES.flatMap((from) =>
  PAIRING_STATUSES.filter((to) => to !== from).flatMap((to) =>
    PARTIES.map((party) => ({
      from,
      to,
      party,
      allowed: PAIRING_TRANSITIONS.some(
        (transition) =>
          transition.from === from && transition.to === to && transition.by.includes(party),
      ),
    })),
  ),
)

describe('every pairing transition, by every party', () => {
  it('covers the whole table', () => {
    expect(cases).toHaveLength(6 * 5 * 3)
    expect(cases.filter((c) => c.allowed)).toHaveLength(
      PAIRING_TRANSITIONS.reduce((sum, t) => sum + t.by.length, 0),
    )
  })

  it.each(cases)(
    '$from → $to by $party: allowed=$allowed',
    async ({ from, to, party, allowed }) => {
      const pairing = await pairingIn(from)
      const body: Record<string, unknown> = { status: to }
      if (to === 'cancelled') body.cancellationReason = 'Motiu de prova'
      const response = await app.rest.patch(`/api/pairings/${pairing.id}`, body, {
        token: tokenOf(party),
      })
      const after = await app.payload.findByID({ collection: 'pairings', id: pairing.id, depth: 0 })
      if (allowed) {
        expect(response.status, JSON.stringify(response.body)).toBe(200)
        expect(after.status).toBe(to)
      } else if (party === 'mentee' && ['proposed', 'declined', 'cancelled'].includes(from)) {
        // R13: a mentee never sees an unanswered or declined proposal (nor one cancelled before an answer).
        expect([403, 404]).toContain(response.status)
        expect(after.status).toBe(from)
      } else {
        expect([400, 403, 409]).toContain(response.status)
        expect(response.body.errors[0].message).toMatch(
          /^(Una parella|Només|Aquest acompanyament està)/,
        )
        expect(after.status).toBe(from)
      }
      // Keep the mentor's capacity free for the next case.
      await app.payload.db.updateOne({
        collection: 'pairings',
        id: pairing.id,
        data: { status: 'completed' },
      })
    },
  )
})
