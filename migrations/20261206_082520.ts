import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`fitxa_images\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`alt\` text NOT NULL,
  	\`uploaded_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	\`sizes_card_url\` text,
  	\`sizes_card_width\` numeric,
  	\`sizes_card_height\` numeric,
  	\`sizes_card_mime_type\` text,
  	\`sizes_card_filesize\` numeric,
  	\`sizes_card_filename\` text,
  	\`sizes_page_url\` text,
  	\`sizes_page_width\` numeric,
  	\`sizes_page_height\` numeric,
  	\`sizes_page_mime_type\` text,
  	\`sizes_page_filesize\` numeric,
  	\`sizes_page_filename\` text,
  	FOREIGN KEY (\`uploaded_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`fitxa_images_uploaded_by_idx\` ON \`fitxa_images\` (\`uploaded_by_id\`);`)
  await db.run(sql`CREATE INDEX \`fitxa_images_updated_at_idx\` ON \`fitxa_images\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`fitxa_images_created_at_idx\` ON \`fitxa_images\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`fitxa_images_filename_idx\` ON \`fitxa_images\` (\`filename\`);`)
  await db.run(sql`CREATE INDEX \`fitxa_images_sizes_card_sizes_card_filename_idx\` ON \`fitxa_images\` (\`sizes_card_filename\`);`)
  await db.run(sql`CREATE INDEX \`fitxa_images_sizes_page_sizes_page_filename_idx\` ON \`fitxa_images\` (\`sizes_page_filename\`);`)
  await db.run(sql`ALTER TABLE \`fitxes\` ADD \`reference_person_name\` text;`)
  await db.run(sql`ALTER TABLE \`fitxes\` ADD \`reference_person_email\` text;`)
  await db.run(sql`ALTER TABLE \`fitxes\` ADD \`reference_person_consent\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`fitxes\` ADD \`reference_person_consent_recorded_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`fitxes\` ADD \`reference_person_consent_recorded_at\` text;`)
  await db.run(sql`ALTER TABLE \`fitxes\` ADD \`image_id\` integer REFERENCES fitxa_images(id);`)
  await db.run(sql`ALTER TABLE \`fitxes\` ADD \`key_elements\` text;`)
  await db.run(sql`ALTER TABLE \`fitxes\` ADD \`limitations\` text;`)
  await db.run(sql`ALTER TABLE \`fitxes\` ADD \`indicators\` text;`)
  await db.run(sql`ALTER TABLE \`fitxes\` ADD \`considerations\` text;`)
  await db.run(sql`CREATE INDEX \`fitxes_reference_person_reference_person_consent_recorde_idx\` ON \`fitxes\` (\`reference_person_consent_recorded_by_id\`);`)
  await db.run(sql`CREATE INDEX \`fitxes_image_idx\` ON \`fitxes\` (\`image_id\`);`)
  await db.run(sql`ALTER TABLE \`_fitxes_v\` ADD \`version_reference_person_name\` text;`)
  await db.run(sql`ALTER TABLE \`_fitxes_v\` ADD \`version_reference_person_email\` text;`)
  await db.run(sql`ALTER TABLE \`_fitxes_v\` ADD \`version_reference_person_consent\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_fitxes_v\` ADD \`version_reference_person_consent_recorded_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_fitxes_v\` ADD \`version_reference_person_consent_recorded_at\` text;`)
  await db.run(sql`ALTER TABLE \`_fitxes_v\` ADD \`version_image_id\` integer REFERENCES fitxa_images(id);`)
  await db.run(sql`ALTER TABLE \`_fitxes_v\` ADD \`version_key_elements\` text;`)
  await db.run(sql`ALTER TABLE \`_fitxes_v\` ADD \`version_limitations\` text;`)
  await db.run(sql`ALTER TABLE \`_fitxes_v\` ADD \`version_indicators\` text;`)
  await db.run(sql`ALTER TABLE \`_fitxes_v\` ADD \`version_considerations\` text;`)
  await db.run(sql`CREATE INDEX \`_fitxes_v_version_reference_person_version_reference_per_idx\` ON \`_fitxes_v\` (\`version_reference_person_consent_recorded_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_fitxes_v_version_version_image_idx\` ON \`_fitxes_v\` (\`version_image_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`fitxa_images_id\` integer REFERENCES fitxa_images(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_fitxa_images_id_idx\` ON \`payload_locked_documents_rels\` (\`fitxa_images_id\`);`)
  // The classification list is now the website's (DEFAULT_FITXA_CLASSIFICATIONS): an old default value
  // that the configured list no longer has is moved to its nearest new one, or dropped («Regulació» has
  // none: the secretariat reclassifies those fitxes), so that every fitxa still saves. Keep these lines
  // if this migration is regenerated.
  const configured: string[] = ((payload.config.custom as { mentoria?: { fitxaClassifications?: { value: string }[] } }).mentoria?.fitxaClassifications ?? []).map((item) => item.value)
  const moves: [string, string | null][] = [
    ['coneixement-planificacio', 'deteccio-coneixement-ess'],
    ['fertilitzacio', 'suport-sensibilitzacio'],
    ['suport-directe', 'suport-sensibilitzacio'],
    ['regulacio', null],
  ]
  for (const table of ['fitxes_classification', '_fitxes_v_version_classification']) {
    for (const [from, to] of moves) {
      if (configured.includes(from)) continue
      if (to && configured.includes(to)) await db.run(sql`UPDATE ${sql.identifier(table)} SET \`value\` = ${to} WHERE \`value\` = ${from};`)
      else await db.run(sql`DELETE FROM ${sql.identifier(table)} WHERE \`value\` = ${from};`)
    }
    // Two old values moved to the same new one: keep it once per fitxa.
    await db.run(sql`DELETE FROM ${sql.identifier(table)} WHERE \`id\` NOT IN (SELECT min(\`id\`) FROM ${sql.identifier(table)} GROUP BY \`parent_id\`, \`value\`);`)
  }
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`fitxa_images\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_fitxes\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`pairing_id\` integer,
  	\`title\` text,
  	\`slug\` text,
  	\`summary\` text,
  	\`area\` text,
  	\`objectives\` text,
  	\`audience\` text,
  	\`activities\` text,
  	\`results\` text,
  	\`recommendations\` text,
  	\`resources\` text,
  	\`body\` text,
  	\`review_status\` text DEFAULT 'draft',
  	\`review_comment\` text,
  	\`submitted_at\` text,
  	\`published_at\` text,
  	\`year\` numeric,
  	\`municipality_id\` integer,
  	\`mentor_municipality_id\` integer,
  	\`start_date\` text,
  	\`closing_date\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`pairing_id\`) REFERENCES \`pairings\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`municipality_id\`) REFERENCES \`municipalities\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`mentor_municipality_id\`) REFERENCES \`municipalities\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_fitxes\`("id", "pairing_id", "title", "slug", "summary", "area", "objectives", "audience", "activities", "results", "recommendations", "resources", "body", "review_status", "review_comment", "submitted_at", "published_at", "year", "municipality_id", "mentor_municipality_id", "start_date", "closing_date", "updated_at", "created_at", "_status") SELECT "id", "pairing_id", "title", "slug", "summary", "area", "objectives", "audience", "activities", "results", "recommendations", "resources", "body", "review_status", "review_comment", "submitted_at", "published_at", "year", "municipality_id", "mentor_municipality_id", "start_date", "closing_date", "updated_at", "created_at", "_status" FROM \`fitxes\`;`)
  await db.run(sql`DROP TABLE \`fitxes\`;`)
  await db.run(sql`ALTER TABLE \`__new_fitxes\` RENAME TO \`fitxes\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`fitxes_pairing_idx\` ON \`fitxes\` (\`pairing_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`fitxes_slug_idx\` ON \`fitxes\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`fitxes_review_status_idx\` ON \`fitxes\` (\`review_status\`);`)
  await db.run(sql`CREATE INDEX \`fitxes_published_at_idx\` ON \`fitxes\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`fitxes_year_idx\` ON \`fitxes\` (\`year\`);`)
  await db.run(sql`CREATE INDEX \`fitxes_municipality_idx\` ON \`fitxes\` (\`municipality_id\`);`)
  await db.run(sql`CREATE INDEX \`fitxes_mentor_municipality_idx\` ON \`fitxes\` (\`mentor_municipality_id\`);`)
  await db.run(sql`CREATE INDEX \`fitxes_updated_at_idx\` ON \`fitxes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`fitxes_created_at_idx\` ON \`fitxes\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`fitxes__status_idx\` ON \`fitxes\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__fitxes_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_pairing_id\` integer,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_summary\` text,
  	\`version_area\` text,
  	\`version_objectives\` text,
  	\`version_audience\` text,
  	\`version_activities\` text,
  	\`version_results\` text,
  	\`version_recommendations\` text,
  	\`version_resources\` text,
  	\`version_body\` text,
  	\`version_review_status\` text DEFAULT 'draft',
  	\`version_review_comment\` text,
  	\`version_submitted_at\` text,
  	\`version_published_at\` text,
  	\`version_year\` numeric,
  	\`version_municipality_id\` integer,
  	\`version_mentor_municipality_id\` integer,
  	\`version_start_date\` text,
  	\`version_closing_date\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`fitxes\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_pairing_id\`) REFERENCES \`pairings\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_municipality_id\`) REFERENCES \`municipalities\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_mentor_municipality_id\`) REFERENCES \`municipalities\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__fitxes_v\`("id", "parent_id", "version_pairing_id", "version_title", "version_slug", "version_summary", "version_area", "version_objectives", "version_audience", "version_activities", "version_results", "version_recommendations", "version_resources", "version_body", "version_review_status", "version_review_comment", "version_submitted_at", "version_published_at", "version_year", "version_municipality_id", "version_mentor_municipality_id", "version_start_date", "version_closing_date", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_pairing_id", "version_title", "version_slug", "version_summary", "version_area", "version_objectives", "version_audience", "version_activities", "version_results", "version_recommendations", "version_resources", "version_body", "version_review_status", "version_review_comment", "version_submitted_at", "version_published_at", "version_year", "version_municipality_id", "version_mentor_municipality_id", "version_start_date", "version_closing_date", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_fitxes_v\`;`)
  await db.run(sql`DROP TABLE \`_fitxes_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__fitxes_v\` RENAME TO \`_fitxes_v\`;`)
  await db.run(sql`CREATE INDEX \`_fitxes_v_parent_idx\` ON \`_fitxes_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_fitxes_v_version_version_pairing_idx\` ON \`_fitxes_v\` (\`version_pairing_id\`);`)
  await db.run(sql`CREATE INDEX \`_fitxes_v_version_version_slug_idx\` ON \`_fitxes_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_fitxes_v_version_version_review_status_idx\` ON \`_fitxes_v\` (\`version_review_status\`);`)
  await db.run(sql`CREATE INDEX \`_fitxes_v_version_version_published_at_idx\` ON \`_fitxes_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_fitxes_v_version_version_year_idx\` ON \`_fitxes_v\` (\`version_year\`);`)
  await db.run(sql`CREATE INDEX \`_fitxes_v_version_version_municipality_idx\` ON \`_fitxes_v\` (\`version_municipality_id\`);`)
  await db.run(sql`CREATE INDEX \`_fitxes_v_version_version_mentor_municipality_idx\` ON \`_fitxes_v\` (\`version_mentor_municipality_id\`);`)
  await db.run(sql`CREATE INDEX \`_fitxes_v_version_version_updated_at_idx\` ON \`_fitxes_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_fitxes_v_version_version_created_at_idx\` ON \`_fitxes_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_fitxes_v_version_version__status_idx\` ON \`_fitxes_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_fitxes_v_created_at_idx\` ON \`_fitxes_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_fitxes_v_updated_at_idx\` ON \`_fitxes_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_fitxes_v_latest_idx\` ON \`_fitxes_v\` (\`latest\`);`)
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
  	FOREIGN KEY (\`sent_emails_id\`) REFERENCES \`sent_emails\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`reminders_id\`) REFERENCES \`reminders\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "users_id", "municipalities_id", "editions_id", "mentors_id", "candidates_id", "pairings_id", "meetings_id", "incidents_id", "fitxes_id", "sent_emails_id", "reminders_id") SELECT "id", "order", "parent_id", "path", "users_id", "municipalities_id", "editions_id", "mentors_id", "candidates_id", "pairings_id", "meetings_id", "incidents_id", "fitxes_id", "sent_emails_id", "reminders_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sent_emails_id_idx\` ON \`payload_locked_documents_rels\` (\`sent_emails_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_reminders_id_idx\` ON \`payload_locked_documents_rels\` (\`reminders_id\`);`)
}
