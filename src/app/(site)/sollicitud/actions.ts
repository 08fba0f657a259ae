'use server'

import config from '@payload-config'
import { redirect } from 'next/navigation'
import { createLocalReq, getPayload } from 'payload'

import { mentoriaOptionsOf } from '../../../plugin'
import { submitApplication } from '../../../services/applications'
import type { FormState } from '../../../site/form-state'
import { pickLang } from '../../../site/i18n'
import { formValuesFrom, fromFormEntries } from '../../../site/schema'

/**
 * The form sent without JavaScript (a plain POST to /sollicitud, which Express rate-limits): the same
 * checks and the same store as POST /api/candidates/apply. Errors come back with what the person
 * typed; a success redirects (303) to the confirmation, so that reloading does not send it twice.
 */
export async function applyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const lang = pickLang(formData.get('lang'))
  const embed = formData.get('embed') === '1'
  const origin = formData.get('origin')
  const input = fromFormEntries(formData.entries())
  const payload = await getPayload({ config })
  const req = await createLocalReq({}, payload)
  const outcome = await submitApplication(req, mentoriaOptionsOf(payload.config), input, { lang })
  if (outcome.kind !== 'refused') {
    const query = new URLSearchParams({ lang })
    if (embed) query.set('embed', '1')
    if (embed && typeof origin === 'string' && origin) query.set('origin', origin)
    redirect(`/sollicitud/enviada?${query}`)
  }
  return {
    status: outcome.status,
    message: outcome.message,
    errors: outcome.errors,
    values: formValuesFrom(input),
  }
}
