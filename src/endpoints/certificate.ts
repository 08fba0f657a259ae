import type { Endpoint } from 'payload'

import { certificateHtml, certificateNotFoundHtml } from '../notifications/certificates'
import { certificateByCode } from '../services/certificates'

/** Express hands `/certificat/<code>` to this endpoint (src/host/server/rewrites.ts). */
export const CERTIFICATE_ENDPOINT_PATH = '/mentoria/certificat/:code'

const headers = {
  'Content-Type': 'text/html; charset=utf-8',
  // Erasing the person voids the certificate at once: nothing kept on the way.
  'Cache-Control': 'no-store',
  'X-Robots-Tag': 'noindex',
}

/** GET /certificat/<code>[?lang=ca|es|en] — a certificate of participation, and its public check. */
export const certificateEndpoint: Endpoint = {
  path: CERTIFICATE_ENDPOINT_PATH,
  method: 'get',
  handler: async (req) => {
    const code = String(req.routeParams?.code ?? '')
    const lang = req.searchParams?.get('lang') ?? undefined
    const facts = await certificateByCode(req.payload, code, lang)
    if (!facts) return new Response(certificateNotFoundHtml(), { status: 404, headers })
    return new Response(certificateHtml(facts), { status: 200, headers })
  },
}
