import type { Endpoint } from 'payload'

import { isSecretariatUser } from '../../access/roles'
import { runCheckinsRound } from '../jobs/checkins'
import { runRemindersRound } from '../jobs/reminders'
import { runMentorCallRound } from '../services/mentor-offer-form'
import { RequestRefused } from '../lib/errors'
import type { MentoriaOptions } from '../lib/options'

export const REMINDERS_RUN_PATH = '/mentoria/reminders/run'

/**
 * POST /api/mentoria/reminders/run — the secretariat runs today's round at once (the admin's button).
 * What was sent already is not sent again, so pressing it twice is harmless. Answers the emails that
 * went out by kind, and the pairings reminded.
 */
export const runRemindersEndpoint = (options: MentoriaOptions): Endpoint => ({
  path: REMINDERS_RUN_PATH,
  method: 'post',
  handler: async (req) => {
    if (!req.user) {
      return Response.json(
        {
          errors: [
            {
              message:
                'Cal iniciar la sessió com a secretaria tècnica per enviar els recordatoris.',
            },
          ],
        },
        { status: 401 },
      )
    }
    if (!isSecretariatUser(req.user))
      throw new RequestRefused('Només la secretaria tècnica pot enviar els recordatoris.', 403)
    const round = await runRemindersRound(req.payload, options)
    const checkins = await runCheckinsRound(req.payload, { days: options.checkins })
    const call = await runMentorCallRound(req.payload)
    return Response.json({
      ...round,
      checkins: checkins.sent,
      mentorCall: call.sent,
      message:
        round.emails === 0
          ? "Avui no hi havia cap recordatori pendent d'enviar."
          : `S'han enviat ${round.emails} ${round.emails === 1 ? 'correu' : 'correus'} de recordatori.`,
    })
  },
})
