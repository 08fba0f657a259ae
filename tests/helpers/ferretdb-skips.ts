/**
 * The integration tests that cannot run over FerretDB 1.x (CI's MongoDB wire protocol, scripts/ferretdb.sh),
 * each by file and full name with the FerretDB limitation that stops it. Only these are skipped, only
 * on the int-mongodb project with MONGODB_COMPATIBILITY=ferretdb (tests/helpers/ferretdb-setup.ts), and
 * each skip is printed in the run. A test that fails because of our code is fixed, never listed here.
 */
export type FerretdbSkip = { file: string; test: string; reason: string }

/**
 * Empty today: what FerretDB lacks was met in our code or the adapter's options instead (README
 * «Producció amb MongoDB»): no transactions (the rules hold by unique keys), no `$lookup`
 * (MONGODB_COMPATIBILITY=ferretdb), no `fields` in findAndModify (updates return the whole document
 * there), findAndModify's filter and update in two steps (answer links, check-in answers and queued
 * emails use a unique key, `takeOnce`, not a conditional update), a duplicate on update reported as an internal error and no
 * index name in duplicate-key errors (src/lib/unique-keys.ts reads both).
 * The tests that never run on MongoDB (SQLite's own writer, the production server) are not listed here:
 * they say so themselves with runIf.
 */
export const FERRETDB_SKIPS: FerretdbSkip[] = []

/** The full name vitest prints: describe blocks and the test, joined by " > ". */
export const ferretdbSkipFor = (file: string, fullName: string): FerretdbSkip | undefined =>
  FERRETDB_SKIPS.find(
    (skip) =>
      file.endsWith(skip.file) && (fullName === skip.test || fullName.endsWith(` > ${skip.test}`)),
  )
