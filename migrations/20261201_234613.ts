import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

import { backfillCountedMeetings } from '../src/config/backfill-counted-meetings'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`pairings\` ADD \`counted_meetings\` numeric DEFAULT 0;`)
  await db.run(sql`CREATE INDEX \`edition_status_1_idx\` ON \`pairings\` (\`edition_id\`,\`status\`);`)
  await db.run(sql`ALTER TABLE \`_pairings_v\` ADD \`version_counted_meetings\` numeric DEFAULT 0;`)
  await db.run(sql`CREATE INDEX \`version_edition_version_status_idx\` ON \`_pairings_v\` (\`version_edition_id\`,\`version_status\`);`)
  await db.run(sql`CREATE INDEX \`edition_status_idx\` ON \`candidates\` (\`edition_id\`,\`status\`);`)
  await backfillCountedMeetings({ db, payload })
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`edition_status_idx\`;`)
  await db.run(sql`DROP INDEX \`edition_status_1_idx\`;`)
  await db.run(sql`ALTER TABLE \`pairings\` DROP COLUMN \`counted_meetings\`;`)
  await db.run(sql`DROP INDEX \`version_edition_version_status_idx\`;`)
  await db.run(sql`ALTER TABLE \`_pairings_v\` DROP COLUMN \`version_counted_meetings\`;`)
}
