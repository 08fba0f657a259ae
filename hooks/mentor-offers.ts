import type { CollectionBeforeChangeHook } from 'payload'

import { offerKeyAndTitle } from '../src/services/mentor-offers'

/** One offer per mentor and edition, held by its unique key; and its title (src/services/mentor-offers.ts). */
export const offerUniqueKey: CollectionBeforeChangeHook = ({ data, originalDoc, req }) =>
  offerKeyAndTitle(req, data, originalDoc)
