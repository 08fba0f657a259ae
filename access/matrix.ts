/**
 * Who may do what, for every operation Payload exposes on every collection and global, Payload's own
 * included. One row per collection: a new collection (or a new Payload version adding one) fails
 * tests/int/access-matrix.test.ts until someone decides its row here. The access functions live with
 * each collection; this table is the decision they are checked against, over REST and GraphQL.
 *
 * - `all`: every document (for create, unlock and admin: the operation itself);
 * - `own`: only documents tied to the person: their user, profile, pairing and what hangs from it, their
 *   lock or preference (for create: only on their own pairing);
 * - `public`: what is published (fitxes), and nothing else;
 * - `none`: refused.
 */
export const MATRIX_ROLES = ['anonymous', 'unrelated', 'mentor', 'mentee', 'secretariat'] as const
export type MatrixRole = (typeof MATRIX_ROLES)[number]
export type Decision = 'all' | 'own' | 'public' | 'none'
export type Row = Record<MatrixRole, Decision>

const row = (
  anonymous: Decision,
  unrelated: Decision,
  mentor: Decision,
  mentee: Decision,
  secretariat: Decision,
): Row => ({
  anonymous,
  unrelated,
  mentor,
  mentee,
  secretariat,
})

const nobody = row('none', 'none', 'none', 'none', 'none')
const secretariat = row('none', 'none', 'none', 'none', 'all')
const everyone = row('all', 'all', 'all', 'all', 'all')
/** The person's own records (their user, profile, lock, preference); the secretariat all. */
const theirOwn = row('none', 'own', 'own', 'own', 'all')
/** The person's own records and nobody else's, whoever they are. */
const onlyTheirOwn = row('none', 'own', 'own', 'own', 'own')
/** The two people of a pairing (and what hangs from it); the secretariat all. */
const parties = row('none', 'none', 'own', 'own', 'all')

export const ACCESS_MATRIX: Record<string, Record<string, Row>> = {
  users: {
    create: secretariat,
    read: theirOwn,
    update: theirOwn,
    delete: secretariat,
    unlock: secretariat,
    admin: row('none', 'all', 'all', 'all', 'all'),
  },
  municipalities: { create: secretariat, read: everyone, update: secretariat, delete: secretariat },
  editions: { create: secretariat, read: everyone, update: secretariat, delete: secretariat },
  // A profile is read by its person and by the other side of their pairings.
  mentors: { create: secretariat, read: theirOwn, update: theirOwn, delete: secretariat },
  // A mentor's offer for one edition (R4): the secretariat reviews, edits and records them; a mentor reads their own;
  // the public offers through POST /api/mentor-offers/offer only.
  'mentor-offers': {
    create: secretariat,
    read: row('none', 'none', 'own', 'none', 'all'),
    update: secretariat,
    delete: secretariat,
  },
  candidates: { create: secretariat, read: theirOwn, update: theirOwn, delete: secretariat },
  pairings: {
    create: secretariat,
    read: parties,
    update: parties,
    delete: secretariat,
    readVersions: secretariat,
  },
  // Both parties see their pairing's meetings; each changes or deletes only those they recorded (R7).
  meetings: { create: parties, read: parties, update: parties, delete: parties },
  // An incident is seen by whoever reported it and the secretariat, never by the other party (R13: `mayReadConfidential`,
  // src/rules/confidentiality.ts; «parties» here, narrowed to the reporter by collections/Incidents.ts).
  incidents: { create: parties, read: parties, update: secretariat, delete: secretariat },
  // The mentee writes the fitxa (R10); the mentor reads it.
  fitxes: {
    create: row('none', 'none', 'none', 'own', 'all'),
    read: row('public', 'public', 'own', 'own', 'all'),
    update: row('none', 'none', 'none', 'own', 'all'),
    delete: secretariat,
    readVersions: secretariat,
  },
  // A fitxa's featured image: uploaded by a mentee with a pairing (it belongs to no pairing until a fitxa
  // uses it) or the secretariat; public once its fitxa is published, seen by the pairing's people
  // before; changed or removed by whoever uploaded it.
  'fitxa-images': {
    create: row('none', 'none', 'none', 'all', 'all'),
    read: row('public', 'public', 'own', 'own', 'all'),
    update: row('none', 'none', 'none', 'own', 'all'),
    delete: row('none', 'none', 'none', 'own', 'all'),
  },
  // The record of every email sent (and the outbox without SMTP): written by the mailer only.
  'sent-emails': { create: nobody, read: secretariat, update: nobody, delete: secretariat },
  // One record per reminder email (what the secretariat reads as «enviat el…»): written by the daily round only,
  // and never deleted (that would send it again).
  reminders: { create: nobody, read: secretariat, update: nobody, delete: nobody },
  // Who of the secretariat read which incident or evaluation (ENS): written by the application only, never changed.
  'read-log': { create: nobody, read: secretariat, update: nobody, delete: nobody },
  // «Avís legal i accessibilitat»: every fact in it is published on /privacitat and /accessibilitat.
  'global:legal-settings': { read: everyone, update: secretariat },
  // Check-ins: asked by the daily round, answered through a signed link; the answers are the secretariat's alone
  // (R13: `CONFIDENTIAL_READERS.checkinAnswer`, src/rules/confidentiality.ts).
  checkins: { create: nobody, read: secretariat, update: nobody, delete: nobody },
  // «Vocabularis» (àmbits, classifications): the secretariat keeps them; the pages read them as the application.
  'global:vocabularies': { read: secretariat, update: secretariat },
  // Payload's own collections.
  // A lock only on what one may edit, seen by those who see the document (access/locks.ts).
  'payload-locked-documents': {
    create: theirOwn,
    read: theirOwn,
    update: theirOwn,
    delete: theirOwn,
  },
  // Admin preferences (columns, open groups) are each person's alone, the secretariat's too.
  'payload-preferences': {
    create: row('none', 'all', 'all', 'all', 'all'),
    read: onlyTheirOwn,
    update: onlyTheirOwn,
    delete: onlyTheirOwn,
  },
  'payload-jobs': { create: nobody, read: nobody, update: nobody, delete: nobody },
  'payload-migrations': { create: nobody, read: nobody, update: nobody, delete: nobody },
  'payload-kv': { create: nobody, read: nobody, update: nobody, delete: nobody },
  'global:payload-jobs-stats': { read: nobody, update: nobody },
}
