import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`users_roles\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_roles_order_idx\` ON \`users_roles\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_roles_parent_idx\` ON \`users_roles\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_sessions_order_idx\` ON \`users_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_sessions_parent_id_idx\` ON \`users_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`municipalities\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`comarca\` text,
  	\`province\` text,
  	\`latitude\` numeric,
  	\`longitude\` numeric,
  	\`member\` integer DEFAULT true,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`municipalities_name_idx\` ON \`municipalities\` (\`name\`);`)
  await db.run(sql`CREATE INDEX \`municipalities_member_idx\` ON \`municipalities\` (\`member\`);`)
  await db.run(sql`CREATE INDEX \`municipalities_updated_at_idx\` ON \`municipalities\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`municipalities_created_at_idx\` ON \`municipalities\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`editions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`year\` numeric NOT NULL,
  	\`name\` text NOT NULL,
  	\`applications_open_at\` text NOT NULL,
  	\`applications_close_at\` text NOT NULL,
  	\`matching_by\` text,
  	\`start_by\` text,
  	\`status\` text DEFAULT 'planned' NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`editions_year_idx\` ON \`editions\` (\`year\`);`)
  await db.run(sql`CREATE INDEX \`editions_status_idx\` ON \`editions\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`editions_updated_at_idx\` ON \`editions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`editions_created_at_idx\` ON \`editions\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`mentors_topics\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`mentors\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`mentors_topics_order_idx\` ON \`mentors_topics\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`mentors_topics_parent_idx\` ON \`mentors_topics\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`mentors_languages\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`mentors\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`mentors_languages_order_idx\` ON \`mentors_languages\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`mentors_languages_parent_idx\` ON \`mentors_languages\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`mentors\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`position\` text,
  	\`email\` text NOT NULL,
  	\`phone\` text,
  	\`municipality_id\` integer NOT NULL,
  	\`capacity\` numeric DEFAULT 1 NOT NULL,
  	\`available\` integer DEFAULT true,
  	\`bio\` text,
  	\`user_id\` integer,
  	\`capacity_checked_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`municipality_id\`) REFERENCES \`municipalities\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`mentors_email_idx\` ON \`mentors\` (\`email\`);`)
  await db.run(sql`CREATE INDEX \`mentors_municipality_idx\` ON \`mentors\` (\`municipality_id\`);`)
  await db.run(sql`CREATE INDEX \`mentors_available_idx\` ON \`mentors\` (\`available\`);`)
  await db.run(sql`CREATE INDEX \`mentors_user_idx\` ON \`mentors\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`mentors_updated_at_idx\` ON \`mentors\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`mentors_created_at_idx\` ON \`mentors\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`candidates_topics\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`candidates\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`candidates_topics_order_idx\` ON \`candidates_topics\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`candidates_topics_parent_idx\` ON \`candidates_topics\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`candidates_languages\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`candidates\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`candidates_languages_order_idx\` ON \`candidates_languages\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`candidates_languages_parent_idx\` ON \`candidates_languages\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`candidates\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`position\` text,
  	\`email\` text NOT NULL,
  	\`phone\` text,
  	\`municipality_id\` integer NOT NULL,
  	\`edition_id\` integer NOT NULL,
  	\`needs\` text,
  	\`availability\` text,
  	\`consents_data_processing\` integer DEFAULT false,
  	\`consents_commitment\` integer DEFAULT false,
  	\`status\` text DEFAULT 'submitted' NOT NULL,
  	\`user_id\` integer,
  	\`late_registration\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`municipality_id\`) REFERENCES \`municipalities\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`edition_id\`) REFERENCES \`editions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`candidates_email_idx\` ON \`candidates\` (\`email\`);`)
  await db.run(sql`CREATE INDEX \`candidates_municipality_idx\` ON \`candidates\` (\`municipality_id\`);`)
  await db.run(sql`CREATE INDEX \`candidates_edition_idx\` ON \`candidates\` (\`edition_id\`);`)
  await db.run(sql`CREATE INDEX \`candidates_status_idx\` ON \`candidates\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`candidates_user_idx\` ON \`candidates\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`candidates_updated_at_idx\` ON \`candidates\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`candidates_created_at_idx\` ON \`candidates\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`pairings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`edition_id\` integer,
  	\`mentor_id\` integer NOT NULL,
  	\`candidate_id\` integer NOT NULL,
  	\`status\` text DEFAULT 'proposed' NOT NULL,
  	\`status_changed_at\` text,
  	\`answered_at\` text,
  	\`fitxa_published\` integer DEFAULT false,
  	\`start_date\` text,
  	\`end_date\` text,
  	\`agreement_objectives\` text,
  	\`agreement_activities\` text,
  	\`agreement_calendar\` text,
  	\`extension_mentor_agreed\` integer DEFAULT false,
  	\`extension_mentor_note\` text,
  	\`extension_mentor_by_id\` integer,
  	\`extension_mentor_at\` text,
  	\`extension_mentee_agreed\` integer DEFAULT false,
  	\`extension_mentee_note\` text,
  	\`extension_mentee_by_id\` integer,
  	\`extension_mentee_at\` text,
  	\`extension_reason\` text,
  	\`closing_closing_date\` text,
  	\`closing_mentee_evaluation_rating\` numeric,
  	\`closing_mentee_evaluation_comments\` text,
  	\`closing_mentor_evaluation_rating\` numeric,
  	\`closing_mentor_evaluation_comments\` text,
  	\`cancellation_reason\` text,
  	\`matching_score\` numeric,
  	\`matching_explanation\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`edition_id\`) REFERENCES \`editions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`mentor_id\`) REFERENCES \`mentors\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`candidate_id\`) REFERENCES \`candidates\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`extension_mentor_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`extension_mentee_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`pairings_edition_idx\` ON \`pairings\` (\`edition_id\`);`)
  await db.run(sql`CREATE INDEX \`pairings_mentor_idx\` ON \`pairings\` (\`mentor_id\`);`)
  await db.run(sql`CREATE INDEX \`pairings_candidate_idx\` ON \`pairings\` (\`candidate_id\`);`)
  await db.run(sql`CREATE INDEX \`pairings_status_idx\` ON \`pairings\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`pairings_extension_mentor_extension_mentor_by_idx\` ON \`pairings\` (\`extension_mentor_by_id\`);`)
  await db.run(sql`CREATE INDEX \`pairings_extension_mentee_extension_mentee_by_idx\` ON \`pairings\` (\`extension_mentee_by_id\`);`)
  await db.run(sql`CREATE INDEX \`pairings_updated_at_idx\` ON \`pairings\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`pairings_created_at_idx\` ON \`pairings\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`_pairings_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_edition_id\` integer,
  	\`version_mentor_id\` integer NOT NULL,
  	\`version_candidate_id\` integer NOT NULL,
  	\`version_status\` text DEFAULT 'proposed' NOT NULL,
  	\`version_status_changed_at\` text,
  	\`version_answered_at\` text,
  	\`version_fitxa_published\` integer DEFAULT false,
  	\`version_start_date\` text,
  	\`version_end_date\` text,
  	\`version_agreement_objectives\` text,
  	\`version_agreement_activities\` text,
  	\`version_agreement_calendar\` text,
  	\`version_extension_mentor_agreed\` integer DEFAULT false,
  	\`version_extension_mentor_note\` text,
  	\`version_extension_mentor_by_id\` integer,
  	\`version_extension_mentor_at\` text,
  	\`version_extension_mentee_agreed\` integer DEFAULT false,
  	\`version_extension_mentee_note\` text,
  	\`version_extension_mentee_by_id\` integer,
  	\`version_extension_mentee_at\` text,
  	\`version_extension_reason\` text,
  	\`version_closing_closing_date\` text,
  	\`version_closing_mentee_evaluation_rating\` numeric,
  	\`version_closing_mentee_evaluation_comments\` text,
  	\`version_closing_mentor_evaluation_rating\` numeric,
  	\`version_closing_mentor_evaluation_comments\` text,
  	\`version_cancellation_reason\` text,
  	\`version_matching_score\` numeric,
  	\`version_matching_explanation\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`pairings\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_edition_id\`) REFERENCES \`editions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_mentor_id\`) REFERENCES \`mentors\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_candidate_id\`) REFERENCES \`candidates\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_extension_mentor_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_extension_mentee_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_pairings_v_parent_idx\` ON \`_pairings_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_pairings_v_version_version_edition_idx\` ON \`_pairings_v\` (\`version_edition_id\`);`)
  await db.run(sql`CREATE INDEX \`_pairings_v_version_version_mentor_idx\` ON \`_pairings_v\` (\`version_mentor_id\`);`)
  await db.run(sql`CREATE INDEX \`_pairings_v_version_version_candidate_idx\` ON \`_pairings_v\` (\`version_candidate_id\`);`)
  await db.run(sql`CREATE INDEX \`_pairings_v_version_version_status_idx\` ON \`_pairings_v\` (\`version_status\`);`)
  await db.run(sql`CREATE INDEX \`_pairings_v_version_extension_mentor_version_extension_m_idx\` ON \`_pairings_v\` (\`version_extension_mentor_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_pairings_v_version_extension_mentee_version_extension_m_idx\` ON \`_pairings_v\` (\`version_extension_mentee_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_pairings_v_version_version_updated_at_idx\` ON \`_pairings_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_pairings_v_version_version_created_at_idx\` ON \`_pairings_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_pairings_v_created_at_idx\` ON \`_pairings_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_pairings_v_updated_at_idx\` ON \`_pairings_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE TABLE \`meetings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`pairing_id\` integer NOT NULL,
  	\`date\` text NOT NULL,
  	\`modality\` text DEFAULT 'in_person' NOT NULL,
  	\`duration_minutes\` numeric,
  	\`place\` text,
  	\`summary\` text,
  	\`recorded_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`pairing_id\`) REFERENCES \`pairings\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`recorded_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`meetings_pairing_idx\` ON \`meetings\` (\`pairing_id\`);`)
  await db.run(sql`CREATE INDEX \`meetings_recorded_by_idx\` ON \`meetings\` (\`recorded_by_id\`);`)
  await db.run(sql`CREATE INDEX \`meetings_updated_at_idx\` ON \`meetings\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`meetings_created_at_idx\` ON \`meetings\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`incidents\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`pairing_id\` integer NOT NULL,
  	\`type\` text DEFAULT 'other' NOT NULL,
  	\`description\` text NOT NULL,
  	\`reported_by_id\` integer,
  	\`status\` text DEFAULT 'open' NOT NULL,
  	\`resolution\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`pairing_id\`) REFERENCES \`pairings\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`reported_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`incidents_pairing_idx\` ON \`incidents\` (\`pairing_id\`);`)
  await db.run(sql`CREATE INDEX \`incidents_reported_by_idx\` ON \`incidents\` (\`reported_by_id\`);`)
  await db.run(sql`CREATE INDEX \`incidents_status_idx\` ON \`incidents\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`incidents_updated_at_idx\` ON \`incidents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`incidents_created_at_idx\` ON \`incidents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`fitxes_topics\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`fitxes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`fitxes_topics_order_idx\` ON \`fitxes_topics\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`fitxes_topics_parent_idx\` ON \`fitxes_topics\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`fitxes\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`pairing_id\` integer,
  	\`title\` text,
  	\`slug\` text,
  	\`summary\` text,
  	\`body\` text,
  	\`year\` numeric,
  	\`municipality_id\` integer,
  	\`mentor_municipality_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`pairing_id\`) REFERENCES \`pairings\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`municipality_id\`) REFERENCES \`municipalities\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`mentor_municipality_id\`) REFERENCES \`municipalities\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`fitxes_pairing_idx\` ON \`fitxes\` (\`pairing_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`fitxes_slug_idx\` ON \`fitxes\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`fitxes_municipality_idx\` ON \`fitxes\` (\`municipality_id\`);`)
  await db.run(sql`CREATE INDEX \`fitxes_mentor_municipality_idx\` ON \`fitxes\` (\`mentor_municipality_id\`);`)
  await db.run(sql`CREATE INDEX \`fitxes_updated_at_idx\` ON \`fitxes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`fitxes_created_at_idx\` ON \`fitxes\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`fitxes__status_idx\` ON \`fitxes\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_fitxes_v_version_topics\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_fitxes_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_fitxes_v_version_topics_order_idx\` ON \`_fitxes_v_version_topics\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_fitxes_v_version_topics_parent_idx\` ON \`_fitxes_v_version_topics\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_fitxes_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_pairing_id\` integer,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_summary\` text,
  	\`version_body\` text,
  	\`version_year\` numeric,
  	\`version_municipality_id\` integer,
  	\`version_mentor_municipality_id\` integer,
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
  await db.run(sql`CREATE INDEX \`_fitxes_v_parent_idx\` ON \`_fitxes_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_fitxes_v_version_version_pairing_idx\` ON \`_fitxes_v\` (\`version_pairing_id\`);`)
  await db.run(sql`CREATE INDEX \`_fitxes_v_version_version_slug_idx\` ON \`_fitxes_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_fitxes_v_version_version_municipality_idx\` ON \`_fitxes_v\` (\`version_municipality_id\`);`)
  await db.run(sql`CREATE INDEX \`_fitxes_v_version_version_mentor_municipality_idx\` ON \`_fitxes_v\` (\`version_mentor_municipality_id\`);`)
  await db.run(sql`CREATE INDEX \`_fitxes_v_version_version_updated_at_idx\` ON \`_fitxes_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_fitxes_v_version_version_created_at_idx\` ON \`_fitxes_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_fitxes_v_version_version__status_idx\` ON \`_fitxes_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_fitxes_v_created_at_idx\` ON \`_fitxes_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_fitxes_v_updated_at_idx\` ON \`_fitxes_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_fitxes_v_latest_idx\` ON \`_fitxes_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`payload_kv\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`global_slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents_rels\` (
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
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`municipalities_id\`) REFERENCES \`municipalities\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`editions_id\`) REFERENCES \`editions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`mentors_id\`) REFERENCES \`mentors\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`candidates_id\`) REFERENCES \`candidates\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pairings_id\`) REFERENCES \`pairings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`meetings_id\`) REFERENCES \`meetings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`incidents_id\`) REFERENCES \`incidents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`fitxes_id\`) REFERENCES \`fitxes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
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
  await db.run(sql`CREATE TABLE \`payload_preferences\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`value\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_migrations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`batch\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`users_roles\`;`)
  await db.run(sql`DROP TABLE \`users_sessions\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`DROP TABLE \`municipalities\`;`)
  await db.run(sql`DROP TABLE \`editions\`;`)
  await db.run(sql`DROP TABLE \`mentors_topics\`;`)
  await db.run(sql`DROP TABLE \`mentors_languages\`;`)
  await db.run(sql`DROP TABLE \`mentors\`;`)
  await db.run(sql`DROP TABLE \`candidates_topics\`;`)
  await db.run(sql`DROP TABLE \`candidates_languages\`;`)
  await db.run(sql`DROP TABLE \`candidates\`;`)
  await db.run(sql`DROP TABLE \`pairings\`;`)
  await db.run(sql`DROP TABLE \`_pairings_v\`;`)
  await db.run(sql`DROP TABLE \`meetings\`;`)
  await db.run(sql`DROP TABLE \`incidents\`;`)
  await db.run(sql`DROP TABLE \`fitxes_topics\`;`)
  await db.run(sql`DROP TABLE \`fitxes\`;`)
  await db.run(sql`DROP TABLE \`_fitxes_v_version_topics\`;`)
  await db.run(sql`DROP TABLE \`_fitxes_v\`;`)
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
}
