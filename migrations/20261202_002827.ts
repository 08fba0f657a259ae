import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`editions_status_idx\`;`)
  await db.run(sql`ALTER TABLE \`editions\` DROP COLUMN \`status\`;`)
  await db.run(sql`ALTER TABLE \`pairings\` ADD \`counted_meetings\` numeric DEFAULT 0;`)
  await db.run(sql`CREATE INDEX \`edition_status_1_idx\` ON \`pairings\` (\`edition_id\`,\`status\`);`)
  await db.run(sql`ALTER TABLE \`_pairings_v\` ADD \`version_counted_meetings\` numeric DEFAULT 0;`)
  await db.run(sql`CREATE INDEX \`version_edition_version_status_idx\` ON \`_pairings_v\` (\`version_edition_id\`,\`version_status\`);`)
  await db.run(sql`CREATE INDEX \`edition_status_idx\` ON \`candidates\` (\`edition_id\`,\`status\`);`)
  // Backfill of `pairings.countedMeetings` (src/services/meeting-count.ts keeps it from now on): meetings of a
  // counting modality (plugin option, R7) since the start. Keep these lines if this migration is regenerated.
  // History: R7 itself (what counts: held meetings too) is `countMeetingsSoFar` in src/rules/meetings.ts, the
  // one place that states it; this SQL is what the rule was on the day of this migration.
  const modalities: string[] = (payload.config.custom as { mentoria?: { countingModalities?: string[] } }).mentoria?.countingModalities ?? ['in_person']
  await db.run(sql`UPDATE \`pairings\` SET \`counted_meetings\` = (
    SELECT count(*) FROM \`meetings\` WHERE \`meetings\`.\`pairing_id\` = \`pairings\`.\`id\`
      AND \`meetings\`.\`modality\` IN (${sql.join(modalities.map((modality) => sql`${modality}`), sql`, `)})
      AND (\`pairings\`.\`start_date\` IS NULL OR substr(\`meetings\`.\`date\`, 1, 10) >= substr(\`pairings\`.\`start_date\`, 1, 10))
  );`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`edition_status_idx\`;`)
  await db.run(sql`DROP INDEX \`edition_status_1_idx\`;`)
  await db.run(sql`ALTER TABLE \`pairings\` DROP COLUMN \`counted_meetings\`;`)
  await db.run(sql`DROP INDEX \`version_edition_version_status_idx\`;`)
  await db.run(sql`ALTER TABLE \`_pairings_v\` DROP COLUMN \`version_counted_meetings\`;`)
  await db.run(sql`ALTER TABLE \`editions\` ADD \`status\` text DEFAULT 'planned' NOT NULL;`)
  await db.run(sql`CREATE INDEX \`editions_status_idx\` ON \`editions\` (\`status\`);`)
}
