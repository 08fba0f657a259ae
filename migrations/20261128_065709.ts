import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`pairings\` ADD \`answer_nonce\` text;`)
  await db.run(sql`ALTER TABLE \`_pairings_v\` ADD \`version_answer_nonce\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`pairings\` DROP COLUMN \`answer_nonce\`;`)
  await db.run(sql`ALTER TABLE \`_pairings_v\` DROP COLUMN \`version_answer_nonce\`;`)
}
