'use server'

import config from '@payload-config'
import { createLocalReq, getPayload } from 'payload'

import { mentoriaOptionsOf } from '../../../plugin'
import { submitOffer } from '../../../services/mentor-offer-form'
import { pickLang } from '../../../site/i18n'
import { fromFormEntries } from '../../../site/schema'

export type OfferFormState = {
  status: number | null
  message?: string
  text?: string
  errors: { field?: string; message: string }[]
  values: Record<string, unknown>
}

/**
 * The offer sent without JavaScript (a plain POST to /oferta-mentoria, which Express rate-limits and
 * caps like /sollicitud): the same checks and store as POST /api/mentor-offers/offer. Errors come back
 * with what the person typed; a success shows the confirmation.
 */
export async function offerAction(
  _previous: OfferFormState,
  formData: FormData,
): Promise<OfferFormState> {
  const lang = pickLang(formData.get('lang'))
  const input = fromFormEntries(formData.entries())
  const payload = await getPayload({ config })
  const req = await createLocalReq({}, payload)
  const outcome = await submitOffer(req, mentoriaOptionsOf(payload.config), input, { lang })
  if (outcome.kind !== 'refused')
    return { status: 201, message: outcome.message, text: outcome.text, errors: [], values: {} }
  const { consents: _consents, ...values } = input
  return { status: outcome.status, message: outcome.message, errors: outcome.errors, values }
}
