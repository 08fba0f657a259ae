import type { PayloadRequest } from 'payload'

import { type ID, idOf } from '../lib/ids'
import type { MentoriaOptions } from '../lib/options'
import { type CheckinFact, type Risk, risksOf } from '../rules/at-risk'
import { CHECKINS_SLUG } from '../rules/checkins'

export type AtRiskPairing = {
  id: ID
  title: string
  status: string
  edition?: ID
  href: string
  risks: Risk[]
}

/**
 * The console's «Parelles en risc» (and GET /api/editions/open-work's `atRisk`): accepted or active
 * pairings whose check-ins say something is wrong. Read as the signed-in user with the access rules on:
 * only the secretariat reads check-ins (R13), and each read of an answer goes to the read log.
 */
export async function pairingsAtRisk(
  req: PayloadRequest,
  options: Pick<MentoriaOptions, 'checkins'>,
  now = new Date(),
): Promise<AtRiskPairing[]> {
  const as = {
    req,
    user: req.user,
    overrideAccess: false as const,
    depth: 0,
    pagination: false as const,
    limit: 0,
  }
  const { docs: pairings } = await req.payload.find({
    collection: 'pairings',
    where: { status: { in: ['accepted', 'active'] } },
    select: { title: true, status: true, edition: true },
    ...as,
  })
  if (pairings.length === 0) return []
  const { docs: checkins } = await req.payload.find({
    collection: CHECKINS_SLUG as never,
    where: { pairing: { in: pairings.map((pairing) => pairing.id) } },
    select: {
      pairing: true,
      kind: true,
      party: true,
      answer: true,
      sentAt: true,
      answeredAt: true,
    } as never,
    ...as,
  })
  const byPairing = new Map<string, CheckinFact[]>()
  for (const checkin of checkins as unknown as CheckinFact[]) {
    const key = String(idOf(checkin.pairing as never))
    byPairing.set(key, [...(byPairing.get(key) ?? []), checkin])
  }
  const serverURL = req.payload.config.serverURL || ''
  return pairings
    .map((pairing) => ({
      id: pairing.id as ID,
      title: String(pairing.title ?? pairing.id),
      status: String(pairing.status),
      edition: idOf(pairing.edition),
      href: `${serverURL}/admin/collections/pairings/${pairing.id}`,
      risks: risksOf(byPairing.get(String(pairing.id)) ?? [], now, options.checkins),
    }))
    .filter((pairing) => pairing.risks.length > 0)
}
