import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`fitxes_classification\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`fitxes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`fitxes_classification_order_idx\` ON \`fitxes_classification\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`fitxes_classification_parent_idx\` ON \`fitxes_classification\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_fitxes_v_version_classification\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_fitxes_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_fitxes_v_version_classification_order_idx\` ON \`_fitxes_v_version_classification\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_fitxes_v_version_classification_parent_idx\` ON \`_fitxes_v_version_classification\` (\`parent_id\`);`)
  await db.run(sql`ALTER TABLE \`fitxes\` ADD \`area\` text;`)
  await db.run(sql`ALTER TABLE \`fitxes\` ADD \`objectives\` text;`)
  await db.run(sql`ALTER TABLE \`fitxes\` ADD \`audience\` text;`)
  await db.run(sql`ALTER TABLE \`fitxes\` ADD \`activities\` text;`)
  await db.run(sql`ALTER TABLE \`fitxes\` ADD \`results\` text;`)
  await db.run(sql`ALTER TABLE \`fitxes\` ADD \`recommendations\` text;`)
  await db.run(sql`ALTER TABLE \`fitxes\` ADD \`resources\` text;`)
  await db.run(sql`ALTER TABLE \`fitxes\` ADD \`review_status\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`fitxes\` ADD \`review_comment\` text;`)
  await db.run(sql`ALTER TABLE \`fitxes\` ADD \`submitted_at\` text;`)
  await db.run(sql`ALTER TABLE \`fitxes\` ADD \`published_at\` text;`)
  await db.run(sql`ALTER TABLE \`fitxes\` ADD \`start_date\` text;`)
  await db.run(sql`ALTER TABLE \`fitxes\` ADD \`closing_date\` text;`)
  await db.run(sql`CREATE INDEX \`fitxes_review_status_idx\` ON \`fitxes\` (\`review_status\`);`)
  await db.run(sql`CREATE INDEX \`fitxes_published_at_idx\` ON \`fitxes\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`fitxes_year_idx\` ON \`fitxes\` (\`year\`);`)
  await db.run(sql`ALTER TABLE \`_fitxes_v\` ADD \`version_area\` text;`)
  await db.run(sql`ALTER TABLE \`_fitxes_v\` ADD \`version_objectives\` text;`)
  await db.run(sql`ALTER TABLE \`_fitxes_v\` ADD \`version_audience\` text;`)
  await db.run(sql`ALTER TABLE \`_fitxes_v\` ADD \`version_activities\` text;`)
  await db.run(sql`ALTER TABLE \`_fitxes_v\` ADD \`version_results\` text;`)
  await db.run(sql`ALTER TABLE \`_fitxes_v\` ADD \`version_recommendations\` text;`)
  await db.run(sql`ALTER TABLE \`_fitxes_v\` ADD \`version_resources\` text;`)
  await db.run(sql`ALTER TABLE \`_fitxes_v\` ADD \`version_review_status\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`_fitxes_v\` ADD \`version_review_comment\` text;`)
  await db.run(sql`ALTER TABLE \`_fitxes_v\` ADD \`version_submitted_at\` text;`)
  await db.run(sql`ALTER TABLE \`_fitxes_v\` ADD \`version_published_at\` text;`)
  await db.run(sql`ALTER TABLE \`_fitxes_v\` ADD \`version_start_date\` text;`)
  await db.run(sql`ALTER TABLE \`_fitxes_v\` ADD \`version_closing_date\` text;`)
  await db.run(sql`CREATE INDEX \`_fitxes_v_version_version_review_status_idx\` ON \`_fitxes_v\` (\`version_review_status\`);`)
  await db.run(sql`CREATE INDEX \`_fitxes_v_version_version_published_at_idx\` ON \`_fitxes_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_fitxes_v_version_version_year_idx\` ON \`_fitxes_v\` (\`version_year\`);`)
  await db.run(sql`CREATE INDEX \`fitxes_topics_value_idx\` ON \`fitxes_topics\` (\`value\`);`)
  await db.run(sql`CREATE INDEX \`_fitxes_v_version_topics_value_idx\` ON \`_fitxes_v_version_topics\` (\`value\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`fitxes_classification\`;`)
  await db.run(sql`DROP TABLE \`_fitxes_v_version_classification\`;`)
  await db.run(sql`DROP INDEX \`fitxes_topics_value_idx\`;`)
  await db.run(sql`DROP INDEX \`fitxes_review_status_idx\`;`)
  await db.run(sql`DROP INDEX \`fitxes_published_at_idx\`;`)
  await db.run(sql`DROP INDEX \`fitxes_year_idx\`;`)
  await db.run(sql`ALTER TABLE \`fitxes\` DROP COLUMN \`area\`;`)
  await db.run(sql`ALTER TABLE \`fitxes\` DROP COLUMN \`objectives\`;`)
  await db.run(sql`ALTER TABLE \`fitxes\` DROP COLUMN \`audience\`;`)
  await db.run(sql`ALTER TABLE \`fitxes\` DROP COLUMN \`activities\`;`)
  await db.run(sql`ALTER TABLE \`fitxes\` DROP COLUMN \`results\`;`)
  await db.run(sql`ALTER TABLE \`fitxes\` DROP COLUMN \`recommendations\`;`)
  await db.run(sql`ALTER TABLE \`fitxes\` DROP COLUMN \`resources\`;`)
  await db.run(sql`ALTER TABLE \`fitxes\` DROP COLUMN \`review_status\`;`)
  await db.run(sql`ALTER TABLE \`fitxes\` DROP COLUMN \`review_comment\`;`)
  await db.run(sql`ALTER TABLE \`fitxes\` DROP COLUMN \`submitted_at\`;`)
  await db.run(sql`ALTER TABLE \`fitxes\` DROP COLUMN \`published_at\`;`)
  await db.run(sql`ALTER TABLE \`fitxes\` DROP COLUMN \`start_date\`;`)
  await db.run(sql`ALTER TABLE \`fitxes\` DROP COLUMN \`closing_date\`;`)
  await db.run(sql`DROP INDEX \`_fitxes_v_version_topics_value_idx\`;`)
  await db.run(sql`DROP INDEX \`_fitxes_v_version_version_review_status_idx\`;`)
  await db.run(sql`DROP INDEX \`_fitxes_v_version_version_published_at_idx\`;`)
  await db.run(sql`DROP INDEX \`_fitxes_v_version_version_year_idx\`;`)
  await db.run(sql`ALTER TABLE \`_fitxes_v\` DROP COLUMN \`version_area\`;`)
  await db.run(sql`ALTER TABLE \`_fitxes_v\` DROP COLUMN \`version_objectives\`;`)
  await db.run(sql`ALTER TABLE \`_fitxes_v\` DROP COLUMN \`version_audience\`;`)
  await db.run(sql`ALTER TABLE \`_fitxes_v\` DROP COLUMN \`version_activities\`;`)
  await db.run(sql`ALTER TABLE \`_fitxes_v\` DROP COLUMN \`version_results\`;`)
  await db.run(sql`ALTER TABLE \`_fitxes_v\` DROP COLUMN \`version_recommendations\`;`)
  await db.run(sql`ALTER TABLE \`_fitxes_v\` DROP COLUMN \`version_resources\`;`)
  await db.run(sql`ALTER TABLE \`_fitxes_v\` DROP COLUMN \`version_review_status\`;`)
  await db.run(sql`ALTER TABLE \`_fitxes_v\` DROP COLUMN \`version_review_comment\`;`)
  await db.run(sql`ALTER TABLE \`_fitxes_v\` DROP COLUMN \`version_submitted_at\`;`)
  await db.run(sql`ALTER TABLE \`_fitxes_v\` DROP COLUMN \`version_published_at\`;`)
  await db.run(sql`ALTER TABLE \`_fitxes_v\` DROP COLUMN \`version_start_date\`;`)
  await db.run(sql`ALTER TABLE \`_fitxes_v\` DROP COLUMN \`version_closing_date\`;`)
}
