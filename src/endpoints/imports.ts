import {
  commitTransaction,
  type Endpoint,
  initTransaction,
  killTransaction,
  type PayloadRequest,
} from 'payload'

import { isSecretariatUser } from '../../access/roles'
import { RequestRefused } from '../lib/errors'
import type { MentoriaOptions } from '../lib/options'
import type { ImportKind } from '../rules/csv'
import { type ImportPlan, previewImport, runImport } from '../services/imports'
import { ONLY_SECRETARIAT } from './exports'

const KINDS: ImportKind[] = ['mentors', 'municipalities']

/** The file, sent as text/csv or as JSON `{ "csv": "…" }` (the admin's import page). */
async function csvOf(req: PayloadRequest): Promise<string> {
  const type = req.headers.get('content-type') ?? ''
  const body = (await req.text?.()) ?? ''
  if (type.includes('application/json')) {
    let parsed: unknown
    try {
      parsed = JSON.parse(body)
    } catch {
      throw new RequestRefused('El cos de la petició no és JSON vàlid.')
    }
    const csv = (parsed as { csv?: unknown })?.csv
    if (typeof csv !== 'string')
      throw new RequestRefused('Cal el contingut del fitxer CSV al camp «csv».')
    return csv
  }
  return body
}

function answer(plan: ImportPlan, done: boolean): Response {
  if (!plan.ok) {
    const count = plan.errors.length
    return Response.json(
      {
        message: `El fitxer té ${count} ${count === 1 ? 'error' : 'errors'}: no s'ha importat res. Corregiu-los i torneu-ho a provar.`,
        rowErrors: plan.errors,
        errors: plan.errors.map((error) => ({
          message: `Fila ${error.row}, columna «${error.field}»: ${error.message}`,
          data: error,
        })),
      },
      { status: 400 },
    )
  }
  const { create, update, unchanged } = plan.counts
  const message = done
    ? `S'han creat ${create}, s'han actualitzat ${update} i ${unchanged} s'han quedat igual.`
    : `Es crearan ${create}, s'actualitzaran ${update} i ${unchanged} es quedaran igual. Reviseu-ho i confirmeu la importació.`
  return Response.json({
    message,
    done,
    counts: plan.counts,
    rows: plan.rows,
  })
}

const importEndpoint = (options: MentoriaOptions, step: 'preview' | 'confirm'): Endpoint => ({
  path: `/mentoria/import/:kind/${step}`,
  method: 'post',
  handler: async (req) => {
    if (!isSecretariatUser(req.user)) throw new RequestRefused(ONLY_SECRETARIAT, 403)
    const kind = String(req.routeParams?.kind ?? '') as ImportKind
    if (!KINDS.includes(kind))
      throw new RequestRefused(
        `Només es poden importar persones mentores (mentors) i ens membres (municipalities).`,
        404,
      )
    const csv = await csvOf(req)
    if (step === 'preview') return answer(await previewImport(req, kind, csv, options), false)
    // All rows or none: one transaction, rolled back if any row is refused.
    const shouldCommit = await initTransaction(req)
    try {
      const plan = await runImport(req, kind, csv, options)
      if (!plan.ok) {
        await killTransaction(req)
        return answer(plan, false)
      }
      if (shouldCommit) await commitTransaction(req)
      return answer(plan, true)
    } catch (error) {
      await killTransaction(req)
      throw error
    }
  },
})

/** POST /api/mentoria/import/<mentors|municipalities>/preview (dry run) and …/confirm, secretariat only. */
export const importEndpoints = (options: MentoriaOptions): Endpoint[] => [
  importEndpoint(options, 'preview'),
  importEndpoint(options, 'confirm'),
]
