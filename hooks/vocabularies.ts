import type { GlobalAfterChangeHook, GlobalBeforeChangeHook } from 'payload'

import { RequestRefused } from '../src/lib/errors'
import {
  removedValues,
  VOCABULARY_KINDS,
  vocabularyProblem,
  valueInUseMessage,
  type VocabularyItem,
} from '../src/rules/vocabularies'
import { readVocabularies, vocabulariesChanged, vocabularyUses } from '../src/services/vocabularies'
import { siteCacheChanged } from '../src/services/site-cache'

/**
 * «Vocabularis» before it is stored: each list well formed, and no value removed (or renamed) while a
 * candidate, mentor or fitxa still stores it — refused with the value and how many records use it.
 */
export const refuseRemovingUsedValues: GlobalBeforeChangeHook = async ({ data, req }) => {
  const before = await readVocabularies(req.payload, req)
  for (const kind of VOCABULARY_KINDS) {
    if (!(kind in data)) continue
    const after = (Array.isArray(data[kind]) ? data[kind] : []) as VocabularyItem[]
    const problem = vocabularyProblem(kind, after)
    if (problem) throw new RequestRefused(problem)
    for (const value of removedValues(before[kind], after)) {
      const uses = await vocabularyUses(req, kind, value)
      if (uses.candidates + uses.mentors + uses.fitxes > 0) {
        const item = before[kind].find((entry) => entry.value === value) ?? { value, label: value }
        throw new RequestRefused(valueInUseMessage(kind, item, uses), 409)
      }
    }
  }
  return data
}

/** The lists changed: every reader (forms, pages, validation) takes the new ones at its next read. */
export const vocabulariesSaved: GlobalAfterChangeHook = ({ req, doc }) => {
  vocabulariesChanged(req.payload)
  siteCacheChanged(req)
  return doc
}
