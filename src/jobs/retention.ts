import type { PayloadRequest, TaskConfig } from 'payload'

import type { MentoriaOptions } from '../lib/options'
import {
  ERASED_EMAIL_DOMAIN,
  isErasedEmail,
  retentionExpired,
  wasEverPaired,
} from '../rules/personal-data'
import { erasePerson } from '../services/personal-data'
import { forgetOldMailClaims } from './mail'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- documents of several collections, as the Local API returns them, read field by field
type Doc = Record<string, any> & { id: number | string }

/**
 * Applications never paired are anonymised once `retentionMonths` (default 24) have passed since
 * their edition's applications closed: what the application form promises (src/site/i18n.ts).
 * Each application in its own transaction-free pass, so one failure does not stop the others.
 */
export async function anonymiseExpiredApplications(
  req: PayloadRequest,
  options: Pick<MentoriaOptions, 'retentionMonths'>,
  now = new Date(),
): Promise<number> {
  const find = async (collection: string, where: object) =>
    (
      await req.payload.find({
        collection: collection as never,
        where: where as never,
        depth: 0,
        pagination: false,
        overrideAccess: true,
        req,
      })
    ).docs as unknown as Doc[]
  const editions = (await find('editions', {})).filter(
    (edition) =>
      edition.applicationsCloseAt &&
      retentionExpired(edition.applicationsCloseAt, options.retentionMonths, now),
  )
  if (editions.length === 0) return 0
  const candidates = await find('candidates', {
    and: [
      { edition: { in: editions.map((e) => e.id) } },
      { email: { not_like: `@${ERASED_EMAIL_DOMAIN}` } },
    ],
  })
  const waiting = candidates.filter((candidate) => !isErasedEmail(candidate.email))
  if (waiting.length === 0) return 0
  const pairings = await find('pairings', { candidate: { in: waiting.map((c) => c.id) } })
  let anonymised = 0
  for (const candidate of waiting) {
    if (
      pairings.some(
        (pairing) =>
          String(pairing.candidate) === String(candidate.id) &&
          wasEverPaired(pairing as { status?: string }),
      )
    )
      continue
    const email = String(candidate.email).toLowerCase()
    // The same person may have applied again, or mentor: then only this application goes.
    const others = [
      ...(
        await find('candidates', {
          and: [{ email: { equals: email } }, { id: { not_equals: candidate.id } }],
        })
      ).filter((other) => !waiting.some((expired) => String(expired.id) === String(other.id))),
      ...(await find('mentors', { email: { like: email } })),
    ]
    await erasePerson(req, email, { candidates: [candidate], shared: others.length > 0 })
    anonymised++
  }
  return anonymised
}

export const retentionTask = (options: MentoriaOptions): TaskConfig =>
  ({
    slug: 'anonymiseExpiredApplications',
    label: 'Anonimitzar les sol·licituds no aparellades passat el termini de conservació',
    schedule: [{ cron: '30 3 * * *', queue: 'mentoria' }],
    outputSchema: [{ name: 'anonymised', type: 'number' }],
    handler: async ({ req }: { req: PayloadRequest }) => {
      await forgetOldMailClaims(req.payload)
      return { output: { anonymised: await anonymiseExpiredApplications(req, options) } }
    },
  }) as unknown as TaskConfig
