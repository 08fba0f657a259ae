import type { Endpoint } from 'payload'

import type { MentoriaOptions } from '../lib/options'
import { calendarUrl, personalCalendar, renewCalendarToken } from '../services/calendar-feed'

/** Express hands `/calendari/<token>.ics` to this endpoint (src/host/server/rewrites.ts). */
export const CALENDAR_FEED_PATH = '/mentoria/calendari/:file'
export const CALENDAR_RENEW_PATH = '/mentoria/calendari-nou'

const notFound = () =>
  new Response(
    "Aquest calendari no existeix o el seu enllaç s'ha renovat. Trobareu l'enllaç vigent a la vostra pàgina de la mentoria.\n",
    {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    },
  )

/** GET /calendari/<token>.ics — one person's private calendar (no sign-in: the token is the key). */
export const calendarFeedEndpoint = (options: MentoriaOptions): Endpoint => ({
  path: CALENDAR_FEED_PATH,
  method: 'get',
  handler: async (req) => {
    const file = String(req.routeParams?.file ?? '')
    if (!file.endsWith('.ics')) return notFound()
    const feed = await personalCalendar(req.payload, options, file.slice(0, -'.ics'.length))
    if (feed === null) return notFound()
    return new Response(feed, {
      headers: {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': 'inline; filename="mentoria-xmess.ics"',
        // Renewing the link must stop the old one at once: nothing kept on the way.
        'Cache-Control': 'no-store',
        'X-Robots-Tag': 'noindex',
      },
    })
  },
})

/** POST /api/mentoria/calendari-nou — the signed-in person's new calendar address (the old one stops). */
export const calendarRenewEndpoint: Endpoint = {
  path: CALENDAR_RENEW_PATH,
  method: 'post',
  handler: async (req) => {
    if (!req.user)
      return Response.json(
        {
          errors: [{ message: 'Cal iniciar la sessió per obtenir l’enllaç del vostre calendari.' }],
        },
        { status: 401 },
      )
    const token = await renewCalendarToken(req.payload, req.user.id)
    return Response.json({
      url: calendarUrl(req.payload.config.serverURL || '', token),
      message:
        "Aquest és l'enllaç nou del vostre calendari; l'anterior ja no funciona. Afegiu-lo al vostre calendari com a subscripció (per URL) i no el compartiu.",
    })
  },
}
