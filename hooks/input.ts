import type { CollectionBeforeOperationHook, CollectionBeforeValidateHook } from 'payload'

import {
  guardDataShape,
  guardDates,
  guardFilters,
  guardIds,
  guardPages,
} from '../src/services/input-guards'

/**
 * Bad input stops at the door with a 400 that names the field, before any query or rule runs
 * (src/services/input-guards.ts, walking the fields with src/lib/input-checks.ts).
 */

/** An id that cannot exist (`abc` where ids are numbers, `1e999`, a malformed ObjectId) is a 400, not a query. */
export const validIdsOnly: CollectionBeforeOperationHook = (hook) => guardIds(hook)

/** A date that does not parse is refused by name, in Catalan, before the rules compare dates. */
export const datesThatParse: CollectionBeforeValidateHook = (hook) => guardDates(hook)

/** A group sent as `null` or a list sent as a string is refused first, naming the field. */
export const dataOfTheRightShape: CollectionBeforeOperationHook = (hook) => guardDataShape(hook)

/** `page` and `limit` from a request: whole numbers, a page from 1, a limit from 0. */
export const pagesThatExist: CollectionBeforeOperationHook = (hook) => guardPages(hook)

/** A `where` that compares an id, a number or a date with something that is none: a 400 naming the field. */
export const filtersThatParse: CollectionBeforeOperationHook = (hook) => guardFilters(hook)
