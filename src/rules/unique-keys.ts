/**
 * Rules the database holds by itself, without transactions (a standalone MongoDB, FerretDB, SQLite
 * with or without them): each is a field with a unique index whose value says "this place is taken".
 * Two requests that read the same free place both try to write the same key, and the database lets
 * exactly one of them in; the other is refused with the rule's own message (hooks/unique-keys).
 *
 * - R1 `candidates.openKey`: `<edition>:<email>` while the application is open.
 * - R4 `pairings.capacitySeat`: `capacity:<mentor>:<edition>:<n>`, n < capacity, while proposed,
 *   accepted or active; `pairings.underwaySeat`: `underway:<mentor>:<edition>:<n>` while accepted or active.
 *
 * A document that holds no place gets a key of its own (`free:<random>`), never an empty one: MongoDB's
 * unique index (sparse, as Payload makes it) counts two nulls as a duplicate.
 * Pure: no Payload here.
 */

export const FREE_KEY_PREFIX = 'free:'

export const isFreeKey = (key: unknown): boolean =>
  typeof key === 'string' && key.startsWith(FREE_KEY_PREFIX)

/** A key that holds nothing; `random` is any unique text (a fresh nonce). */
export const freeKey = (random: string): string => `${FREE_KEY_PREFIX}${random}`

/** R1: the one open application of an email in an edition (the email already normalised). */
export const openApplicationKey = (edition: string | number, email: string): string =>
  `${edition}:${email}`

export type SeatKind = 'capacity' | 'underway'

export const seatPrefix = (
  kind: SeatKind,
  mentor: string | number,
  edition: string | number,
): string => `${kind}:${mentor}:${edition}:`

/** Every seat of a mentor in an edition, 0 … capacity-1. */
export const seatKeys = (
  kind: SeatKind,
  mentor: string | number,
  edition: string | number,
  capacity: number,
): string[] =>
  Array.from(
    { length: Math.max(0, capacity) },
    (_, n) => `${seatPrefix(kind, mentor, edition)}${n}`,
  )

/** The seats not taken; a caller picks one at random so that concurrent requests seldom pick the same. */
export const freeSeats = (all: readonly string[], taken: Iterable<unknown>): string[] => {
  const held = new Set([...taken].map(String))
  return all.filter((key) => !held.has(key))
}

/** Does this stored key hold a seat of this mentor in this edition (of any number)? */
export const holdsSeatOf = (
  key: unknown,
  kind: SeatKind,
  mentor: string | number,
  edition: string | number,
): boolean => typeof key === 'string' && key.startsWith(seatPrefix(kind, mentor, edition))
