import type { CollectionBeforeDeleteHook } from 'payload'

import { refuseDeleteIfReferenced } from '../src/services/references'

/** A document others still point to is not deleted: a 409 naming them (src/services/references.ts). */
export const refuseDeleteWhileReferenced: CollectionBeforeDeleteHook = ({ collection, id, req }) =>
  refuseDeleteIfReferenced(req, collection, id)
