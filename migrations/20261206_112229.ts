import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`mentor_offers\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`title\` text,
  	\`mentor_id\` integer NOT NULL,
  	\`edition_id\` integer NOT NULL,
  	\`review\` text DEFAULT 'accepted' NOT NULL,
  	\`capacity\` numeric DEFAULT 1 NOT NULL,
  	\`available\` integer DEFAULT true,
  	\`availability\` text,
  	\`source\` text DEFAULT 'secretariat',
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`mentor_id\`) REFERENCES \`mentors\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`edition_id\`) REFERENCES \`editions\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`mentor_offers_key_idx\` ON \`mentor_offers\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`mentor_offers_mentor_idx\` ON \`mentor_offers\` (\`mentor_id\`);`)
  await db.run(sql`CREATE INDEX \`mentor_offers_edition_idx\` ON \`mentor_offers\` (\`edition_id\`);`)
  await db.run(sql`CREATE INDEX \`mentor_offers_review_idx\` ON \`mentor_offers\` (\`review\`);`)
  await db.run(sql`CREATE INDEX \`mentor_offers_updated_at_idx\` ON \`mentor_offers\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`mentor_offers_created_at_idx\` ON \`mentor_offers\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`mentor_offers_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`mentor_offers\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`mentor_offers_texts_order_parent\` ON \`mentor_offers_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`mentor_offers_id\` integer REFERENCES mentor_offers(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_mentor_offers_id_idx\` ON \`payload_locked_documents_rels\` (\`mentor_offers_id\`);`)
  // Written by hand: each mentor's current capacity and availability (and topics) become their offer for
  // the current edition (the one open now, else the latest to open), accepted, so that R4 and the
  // matching go on as before. The mentors' own fields stay (no longer read for R4 or the matching).
  await db.run(sql`INSERT INTO \`mentor_offers\` (\`key\`, \`title\`, \`mentor_id\`, \`edition_id\`, \`review\`, \`capacity\`, \`available\`, \`source\`, \`updated_at\`, \`created_at\`)
    SELECT m.\`id\` || ':' || e.\`id\`, coalesce(m.\`name\`, 'Persona mentora') || ' · ' || coalesce(e.\`name\`, e.\`year\`, 'convocatòria'), m.\`id\`, e.\`id\`, 'accepted',
      coalesce(m.\`capacity\`, 1), coalesce(m.\`available\`, 1), 'migration', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    FROM \`mentors\` m,
      (SELECT \`id\`, \`name\`, \`year\` FROM \`editions\`
        ORDER BY (\`applications_open_at\` <= strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AND \`applications_close_at\` >= strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) DESC, \`applications_open_at\` DESC, \`id\` DESC
        LIMIT 1) e
    WHERE NOT EXISTS (SELECT 1 FROM \`mentor_offers\` o WHERE o.\`key\` = m.\`id\` || ':' || e.\`id\`);`)
  await db.run(sql`INSERT INTO \`mentor_offers_texts\` (\`order\`, \`parent_id\`, \`path\`, \`text\`)
    SELECT t.\`order\`, o.\`id\`, 'topics', t.\`text\` FROM \`mentors_texts\` t JOIN \`mentor_offers\` o ON o.\`mentor_id\` = t.\`parent_id\` AND o.\`source\` = 'migration'
    WHERE t.\`path\` = 'topics' AND t.\`text\` IS NOT NULL ORDER BY o.\`id\`, t.\`order\`;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`mentor_offers\`;`)
  await db.run(sql`DROP TABLE \`mentor_offers_texts\`;`)
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
  	\`checkins_id\` integer,
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
  	FOREIGN KEY (\`read_log_id\`) REFERENCES \`read_log\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`checkins_id\`) REFERENCES \`checkins\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "users_id", "municipalities_id", "editions_id", "mentors_id", "candidates_id", "pairings_id", "meetings_id", "incidents_id", "fitxes_id", "fitxa_images_id", "sent_emails_id", "reminders_id", "read_log_id", "checkins_id") SELECT "id", "order", "parent_id", "path", "users_id", "municipalities_id", "editions_id", "mentors_id", "candidates_id", "pairings_id", "meetings_id", "incidents_id", "fitxes_id", "fitxa_images_id", "sent_emails_id", "reminders_id", "read_log_id", "checkins_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_checkins_id_idx\` ON \`payload_locked_documents_rels\` (\`checkins_id\`);`)
}
