import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`read_log\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`read_at\` text NOT NULL,
  	\`user_id\` integer,
  	\`kind\` text NOT NULL,
  	\`document_collection\` text NOT NULL,
  	\`document_id\` text NOT NULL,
  	\`channel\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`read_log_read_at_idx\` ON \`read_log\` (\`read_at\`);`)
  await db.run(sql`CREATE INDEX \`read_log_user_idx\` ON \`read_log\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`read_log_document_id_idx\` ON \`read_log\` (\`document_id\`);`)
  await db.run(sql`CREATE INDEX \`read_log_updated_at_idx\` ON \`read_log\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`read_log_created_at_idx\` ON \`read_log\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`legal_settings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`controller_name\` text,
  	\`controller_address\` text,
  	\`controller_email\` text,
  	\`controller_phone\` text,
  	\`controller_website\` text,
  	\`dpo_name\` text,
  	\`dpo_email\` text,
  	\`dpo_address\` text,
  	\`purposes_ca\` text,
  	\`purposes_es\` text,
  	\`purposes_en\` text,
  	\`legal_basis_ca\` text,
  	\`legal_basis_es\` text,
  	\`legal_basis_en\` text,
  	\`recipients_ca\` text,
  	\`recipients_es\` text,
  	\`recipients_en\` text,
  	\`apdcat_website\` text,
  	\`apdcat_address\` text,
  	\`accessibility_status\` text DEFAULT 'partial',
  	\`accessibility_method\` text DEFAULT 'self',
  	\`accessibility_assessed_at\` text,
  	\`accessibility_prepared_at\` text,
  	\`accessibility_reviewed_at\` text,
  	\`accessibility_contact_email\` text,
  	\`accessibility_contact_phone\` text,
  	\`accessibility_known_issues_ca\` text,
  	\`accessibility_known_issues_es\` text,
  	\`accessibility_known_issues_en\` text,
  	\`accessibility_out_of_scope_ca\` text,
  	\`accessibility_out_of_scope_es\` text,
  	\`accessibility_out_of_scope_en\` text,
  	\`accessibility_complaints_ca\` text,
  	\`accessibility_complaints_es\` text,
  	\`accessibility_complaints_en\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`mentors\` ADD \`language\` text DEFAULT 'ca';`)
  await db.run(sql`ALTER TABLE \`candidates\` ADD \`language\` text DEFAULT 'ca';`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`read_log_id\` integer REFERENCES read_log(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_read_log_id_idx\` ON \`payload_locked_documents_rels\` (\`read_log_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`read_log\`;`)
  await db.run(sql`DROP TABLE \`legal_settings\`;`)
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
  	FOREIGN KEY (\`reminders_id\`) REFERENCES \`reminders\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "users_id", "municipalities_id", "editions_id", "mentors_id", "candidates_id", "pairings_id", "meetings_id", "incidents_id", "fitxes_id", "fitxa_images_id", "sent_emails_id", "reminders_id") SELECT "id", "order", "parent_id", "path", "users_id", "municipalities_id", "editions_id", "mentors_id", "candidates_id", "pairings_id", "meetings_id", "incidents_id", "fitxes_id", "fitxa_images_id", "sent_emails_id", "reminders_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`ALTER TABLE \`mentors\` DROP COLUMN \`language\`;`)
  await db.run(sql`ALTER TABLE \`candidates\` DROP COLUMN \`language\`;`)
}
