import type { CollectionBeforeChangeHook, CollectionBeforeValidateHook } from 'payload'

import { normaliseEmail } from '../src/rules/applications'
import { applyApplicationRules } from '../src/services/application-rules'

export const normaliseCandidateEmail: CollectionBeforeValidateHook = ({ data }) => {
  if (data && typeof data.email === 'string') data.email = normaliseEmail(data.email)
  return data
}

/** R1, R2, R3 on every write to an application (src/services/application-rules.ts). */
export const enforceCandidateRules: CollectionBeforeChangeHook = ({
  data,
  originalDoc,
  operation,
  req,
}) => applyApplicationRules(req, data, originalDoc, operation)
