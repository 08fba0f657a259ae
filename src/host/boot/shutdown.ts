import type { Payload } from 'payload'

import { deliveriesSettled } from '../../services/mail-queue'

type Cron = { stop: () => void; isBusy?: () => boolean }

/**
 * Stops the job schedulers first, waits (bounded) for a run in progress, then closes the database:
 * a cron firing after the database closed would fail, and a run cut short would leave a job locked.
 */
export async function stopPayload(payload: Payload, waitMs = 10_000): Promise<void> {
  const crons = (payload as unknown as { crons: Cron[] }).crons.splice(0)
  for (const cron of crons) cron.stop()
  const deadline = Date.now() + waitMs
  while (crons.some((cron) => cron.isBusy?.()) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  await Promise.race([
    deliveriesSettled(payload),
    new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now()))),
  ])
  await payload.db.destroy?.()
}
