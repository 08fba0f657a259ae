import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`candidates\` ADD \`open_key\` text;`)
  await db.run(sql`CREATE UNIQUE INDEX \`candidates_open_key_idx\` ON \`candidates\` (\`open_key\`);`)
  await db.run(sql`ALTER TABLE \`pairings\` ADD \`capacity_seat\` text;`)
  await db.run(sql`ALTER TABLE \`pairings\` ADD \`underway_seat\` text;`)
  await db.run(sql`CREATE UNIQUE INDEX \`pairings_capacity_seat_idx\` ON \`pairings\` (\`capacity_seat\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`pairings_underway_seat_idx\` ON \`pairings\` (\`underway_seat\`);`)
  await db.run(sql`ALTER TABLE \`_pairings_v\` ADD \`version_capacity_seat\` text;`)
  await db.run(sql`ALTER TABLE \`_pairings_v\` ADD \`version_underway_seat\` text;`)
  await db.run(sql`CREATE INDEX \`_pairings_v_version_version_capacity_seat_idx\` ON \`_pairings_v\` (\`version_capacity_seat\`);`)
  await db.run(sql`CREATE INDEX \`_pairings_v_version_version_underway_seat_idx\` ON \`_pairings_v\` (\`version_underway_seat\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`candidates_open_key_idx\`;`)
  await db.run(sql`ALTER TABLE \`candidates\` DROP COLUMN \`open_key\`;`)
  await db.run(sql`DROP INDEX \`pairings_capacity_seat_idx\`;`)
  await db.run(sql`DROP INDEX \`pairings_underway_seat_idx\`;`)
  await db.run(sql`ALTER TABLE \`pairings\` DROP COLUMN \`capacity_seat\`;`)
  await db.run(sql`ALTER TABLE \`pairings\` DROP COLUMN \`underway_seat\`;`)
  await db.run(sql`DROP INDEX \`_pairings_v_version_version_capacity_seat_idx\`;`)
  await db.run(sql`DROP INDEX \`_pairings_v_version_version_underway_seat_idx\`;`)
  await db.run(sql`ALTER TABLE \`_pairings_v\` DROP COLUMN \`version_capacity_seat\`;`)
  await db.run(sql`ALTER TABLE \`_pairings_v\` DROP COLUMN \`version_underway_seat\`;`)
}
