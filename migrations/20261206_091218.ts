import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`users\` ADD \`calendar_token_hash\` text;`)
  await db.run(sql`CREATE INDEX \`users_calendar_token_hash_idx\` ON \`users\` (\`calendar_token_hash\`);`)
  await db.run(sql`ALTER TABLE \`meetings\` ADD \`status\` text DEFAULT 'held' NOT NULL;`)
  await db.run(sql`ALTER TABLE \`meetings\` ADD \`sequence\` numeric DEFAULT 0;`)
  await db.run(sql`CREATE INDEX \`meetings_status_idx\` ON \`meetings\` (\`status\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`users_calendar_token_hash_idx\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`calendar_token_hash\`;`)
  await db.run(sql`DROP INDEX \`meetings_status_idx\`;`)
  await db.run(sql`ALTER TABLE \`meetings\` DROP COLUMN \`status\`;`)
  await db.run(sql`ALTER TABLE \`meetings\` DROP COLUMN \`sequence\`;`)
}
