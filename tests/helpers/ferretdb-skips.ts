/**
 * The integration tests that cannot run over FerretDB 1.x (CI's MongoDB wire protocol, scripts/ferretdb.sh),
 * each by file and full name with the FerretDB limitation that stops it. Only these are skipped, only
 * on the int-mongodb project with MONGODB_COMPATIBILITY=ferretdb (tests/helpers/ferretdb-setup.ts), and
 * each skip is printed in the run. A test that fails because of our code is fixed, never listed here.
 */
export type FerretdbSkip = { file: string; test: string; reason: string }

export const FERRETDB_SKIPS: FerretdbSkip[] = []

/** The full name vitest prints: describe blocks and the test, joined by " > ". */
export const ferretdbSkipFor = (file: string, fullName: string): FerretdbSkip | undefined =>
  FERRETDB_SKIPS.find((skip) => file.endsWith(skip.file) && (fullName === skip.test || fullName.endsWith(` > ${skip.test}`)))
