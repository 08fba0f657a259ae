import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`checkins\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`pairing_id\` integer NOT NULL,
  	\`kind\` text NOT NULL,
  	\`party\` text NOT NULL,
  	\`to\` text,
  	\`sent_at\` text,
  	\`answer\` text,
  	\`comment\` text,
  	\`answered_at\` text,
  	\`nonce\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`pairing_id\`) REFERENCES \`pairings\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`checkins_key_idx\` ON \`checkins\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`checkins_pairing_idx\` ON \`checkins\` (\`pairing_id\`);`)
  await db.run(sql`CREATE INDEX \`checkins_answer_idx\` ON \`checkins\` (\`answer\`);`)
  await db.run(sql`CREATE INDEX \`checkins_updated_at_idx\` ON \`checkins\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`checkins_created_at_idx\` ON \`checkins\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`calendar_token_hash\` text;`)
  await db.run(sql`CREATE INDEX \`users_calendar_token_hash_idx\` ON \`users\` (\`calendar_token_hash\`);`)
  await db.run(sql`ALTER TABLE \`meetings\` ADD \`status\` text DEFAULT 'held' NOT NULL;`)
  await db.run(sql`ALTER TABLE \`meetings\` ADD \`sequence\` numeric DEFAULT 0;`)
  await db.run(sql`CREATE INDEX \`meetings_status_idx\` ON \`meetings\` (\`status\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`checkins_id\` integer REFERENCES checkins(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_checkins_id_idx\` ON \`payload_locked_documents_rels\` (\`checkins_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`checkins\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	\`municipalities_id\` integer,
  	\`editions_id\` integer,
  	\`mentors_id\` integer,
  	\`candidates_id\` integer,
  	\`pairings_id\` integer,
  	\`meetings_id\` integer,
  	\`incidents_id\` integer,
  	\`fitxes_id\` integer,
  	\`fitxa_images_id\` integer,
  	\`sent_emails_id\` integer,
  	\`reminders_id\` integer,
  	\`read_log_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`municipalities_id\`) REFERENCES \`municipalities\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`editions_id\`) REFERENCES \`editions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`mentors_id\`) REFERENCES \`mentors\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`candidates_id\`) REFERENCES \`candidates\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pairings_id\`) REFERENCES \`pairings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`meetings_id\`) REFERENCES \`meetings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`incidents_id\`) REFERENCES \`incidents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`fitxes_id\`) REFERENCES \`fitxes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`fitxa_images_id\`) REFERENCES \`fitxa_images\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sent_emails_id\`) REFERENCES \`sent_emails\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`reminders_id\`) REFERENCES \`reminders\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`read_log_id\`) REFERENCES \`read_log\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "users_id", "municipalities_id", "editions_id", "mentors_id", "candidates_id", "pairings_id", "meetings_id", "incidents_id", "fitxes_id", "fitxa_images_id", "sent_emails_id", "reminders_id", "read_log_id") SELECT "id", "order", "parent_id", "path", "users_id", "municipalities_id", "editions_id", "mentors_id", "candidates_id", "pairings_id", "meetings_id", "incidents_id", "fitxes_id", "fitxa_images_id", "sent_emails_id", "reminders_id", "read_log_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_municipalities_id_idx\` ON \`payload_locked_documents_rels\` (\`municipalities_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_editions_id_idx\` ON \`payload_locked_documents_rels\` (\`editions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_mentors_id_idx\` ON \`payload_locked_documents_rels\` (\`mentors_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_candidates_id_idx\` ON \`payload_locked_documents_rels\` (\`candidates_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_pairings_id_idx\` ON \`payload_locked_documents_rels\` (\`pairings_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_meetings_id_idx\` ON \`payload_locked_documents_rels\` (\`meetings_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_incidents_id_idx\` ON \`payload_locked_documents_rels\` (\`incidents_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_fitxes_id_idx\` ON \`payload_locked_documents_rels\` (\`fitxes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_fitxa_images_id_idx\` ON \`payload_locked_documents_rels\` (\`fitxa_images_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sent_emails_id_idx\` ON \`payload_locked_documents_rels\` (\`sent_emails_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_reminders_id_idx\` ON \`payload_locked_documents_rels\` (\`reminders_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_read_log_id_idx\` ON \`payload_locked_documents_rels\` (\`read_log_id\`);`)
  await db.run(sql`DROP INDEX \`users_calendar_token_hash_idx\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`calendar_token_hash\`;`)
  await db.run(sql`DROP INDEX \`meetings_status_idx\`;`)
  await db.run(sql`ALTER TABLE \`meetings\` DROP COLUMN \`status\`;`)
  await db.run(sql`ALTER TABLE \`meetings\` DROP COLUMN \`sequence\`;`)
}
