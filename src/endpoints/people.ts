import {
  commitTransaction,
  type Endpoint,
  initTransaction,
  killTransaction,
  type PayloadRequest,
} from 'payload'
import { z } from 'zod'

import { isSecretariatUser } from '../../access/roles'
import { RequestRefused } from '../lib/errors'
import { summaryAsText } from '../rules/personal-data-summary'
import { erasePerson, exportPersonWithSummary, personHasRecords } from '../services/personal-data'

const ONLY_SECRETARIAT =
  'Només la secretaria tècnica pot consultar o esborrar les dades d’una persona.'

const emailSchema = z.email()

function emailOf(value: unknown): string {
  const parsed = emailSchema.safeParse(typeof value === 'string' ? value.trim() : value)
  if (!parsed.success)
    throw new RequestRefused(
      'Cal l’adreça de correu de la persona (camp «email»), i ha de ser una adreça vàlida.',
    )
  return parsed.data.toLowerCase()
}

async function jsonBody(req: PayloadRequest): Promise<Record<string, unknown>> {
  try {
    const body = await req.json?.()
    return body && typeof body === 'object' && !Array.isArray(body) ? body : {}
  } catch {
    throw new RequestRefused('El cos de la petició ha de ser JSON: { "email": "…" }.')
  }
}

/** What the secretariat reads when an address has nothing: plain, and what to check. */
export const nothingHeldAbout = (email: string) =>
  `No hi ha cap dada de ${email}: cap compte, cap sol·licitud, cap perfil de persona mentora ni cap correu enviat a aquesta adreça. Comproveu que estigui ben escrita; si la persona va fer servir una altra adreça, cerqueu-la amb aquella.`

/**
 * GET /api/mentoria/people/export?email=… — everything held about one person (secretariat only): JSON
 * with a `summary` in plain Catalan, or with `format=text` that summary as a text file to hand over.
 */
export const exportPersonEndpoint: Endpoint = {
  path: '/mentoria/people/export',
  method: 'get',
  handler: async (req) => {
    if (!isSecretariatUser(req.user)) throw new RequestRefused(ONLY_SECRETARIAT, 403)
    const email = emailOf(req.query?.email)
    const data = await exportPersonWithSummary(req, email)
    const found =
      data.users.length + data.mentors.length + data.candidates.length + data.sentEmails.length
    if (found === 0) throw new RequestRefused(nothingHeldAbout(email), 404)
    const file = `dades-${email.replace(/[^a-z0-9@._-]/g, '_')}`
    if (req.query?.format === 'text') {
      return new Response(summaryAsText(data.summary), {
        headers: {
          'Content-Type': 'text/plain; charset=utf-8',
          'Content-Disposition': `attachment; filename="${file}.txt"`,
          'Cache-Control': 'no-store',
        },
      })
    }
    return Response.json(data, {
      headers: {
        'Content-Disposition': `attachment; filename="${file}.json"`,
        'Cache-Control': 'no-store',
      },
    })
  },
}

/** POST /api/mentoria/people/erase { "email": … } — anonymises the person everywhere, in one transaction. */
export const erasePersonEndpoint: Endpoint = {
  path: '/mentoria/people/erase',
  method: 'post',
  handler: async (req) => {
    if (!isSecretariatUser(req.user)) throw new RequestRefused(ONLY_SECRETARIAT, 403)
    const email = emailOf((await jsonBody(req)).email)
    if (email === String(req.user?.email ?? '').toLowerCase())
      throw new RequestRefused(
        'No podeu esborrar les vostres pròpies dades mentre feu servir el compte.',
        409,
      )
    const shouldCommit = await initTransaction(req)
    try {
      const report = await erasePerson(req, email)
      if (!personHasRecords(report)) {
        await killTransaction(req)
        throw new RequestRefused(nothingHeldAbout(email), 404)
      }
      if (shouldCommit) await commitTransaction(req)
      return Response.json({
        message: `S'han anonimitzat les dades de ${email}: ${report.mentors + report.candidates} fitxes de persona, ${report.pairings} parelles, ${report.meetings} trobades, ${report.incidents} incidències, ${report.sentEmails} correus i ${report.versions} versions de l'historial; ${report.accountsRemoved ? "s'ha eliminat el compte" : 'no tenia compte'}. Els recomptes i les estadístiques no canvien.`,
        report,
      })
    } catch (error) {
      await killTransaction(req)
      throw error
    }
  },
}
