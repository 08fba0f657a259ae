import type { PayloadRequest, TaskConfig } from 'payload'

import { idOf } from '../lib/ids'
import type { MentoriaOptions } from '../lib/options'
import { fitxaReminderEmail } from '../notifications/fitxes'
import { isOverdue, isReminderDue } from '../rules/reminders'
import { queueEmail } from '../services/mail-queue'
import { notifySecretariat } from '../services/notify'
import { sendEmailTask } from './mail'
import { retentionTask } from './retention'

export const MENTORIA_QUEUE = 'mentoria'
const REMINDER_INTERVAL_DAYS = 7

/** R8: tells the secretariat once about each active pairing past its agreed end date. */
export async function notifyOverduePairings(req: PayloadRequest, options: Pick<MentoriaOptions, 'secretariatEmail'>, now = new Date()): Promise<number> {
  const { docs } = await req.payload.find({
    collection: 'pairings',
    where: { and: [{ status: { equals: 'active' } }, { endDate: { less_than: now.toISOString() } }, { overdueNotifiedAt: { exists: false } }] },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const overdue = docs.filter((pairing) => isOverdue(pairing, now))
  if (overdue.length === 0) return 0
  await notifySecretariat(req, options, {
    subject: `${overdue.length} ${overdue.length === 1 ? 'acompanyament ha passat' : 'acompanyaments han passat'} la data de finalització`,
    text: [
      'Aquests acompanyaments en curs han passat la data de finalització pactada. Cal tancar-los o acordar una ampliació:',
      '',
      ...overdue.map((pairing) => `- ${pairing.title ?? pairing.id}: data de finalització ${String(pairing.endDate).slice(0, 10)}`),
    ].join('\n'),
  })
  for (const pairing of overdue) {
    await req.payload.db.updateOne({ collection: 'pairings', id: pairing.id, data: { overdueNotifiedAt: now.toISOString() }, req })
  }
  return overdue.length
}

/** R10: reminds each mentee of a completed pairing whose fitxa is not published yet, once a week. */
export async function remindPendingFitxes(req: PayloadRequest, now = new Date()): Promise<number> {
  const { docs } = await req.payload.find({
    collection: 'pairings',
    where: { and: [{ status: { equals: 'completed' } }, { fitxaPublished: { not_equals: true } }] },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  let sent = 0
  for (const pairing of docs) {
    if (!isReminderDue(pairing.fitxaReminderSentAt as string | null | undefined, now, REMINDER_INTERVAL_DAYS)) continue
    const candidateId = idOf(pairing.candidate)
    if (candidateId === undefined) continue
    const candidate = await req.payload.findByID({ collection: 'candidates', id: candidateId, depth: 0, overrideAccess: true, req })
    if (!candidate.email) continue
    await queueEmail(req, {
      to: candidate.email,
      ...fitxaReminderEmail({ name: candidate.name, url: `${req.payload.config.serverURL}/admin/collections/fitxes` }),
    })
    await req.payload.db.updateOne({ collection: 'pairings', id: pairing.id, data: { fitxaReminderSentAt: now.toISOString() }, req })
    sent++
  }
  return sent
}

export const mentoriaTasks = (options: MentoriaOptions): TaskConfig[] => [
  sendEmailTask,
  retentionTask(options),
  {
    slug: 'notifyOverduePairings',
    label: 'Avisar dels acompanyaments que han passat la data de finalització',
    schedule: [{ cron: '0 7 * * *', queue: MENTORIA_QUEUE }],
    outputSchema: [{ name: 'notified', type: 'number' }],
    handler: async ({ req }) => ({ output: { notified: await notifyOverduePairings(req, options) } }),
  },
  {
    slug: 'remindPendingFitxes',
    label: 'Recordar les fitxes pendents',
    schedule: [{ cron: '0 8 * * 1', queue: MENTORIA_QUEUE }],
    outputSchema: [{ name: 'sent', type: 'number' }],
    handler: async ({ req }) => ({ output: { sent: await remindPendingFitxes(req) } }),
  },
] as TaskConfig[]
