import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`pairings_extension_history\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`previous_end_date\` text,
  	\`end_date\` text,
  	\`agreed_at\` text,
  	\`reason\` text,
  	\`mentor_by_id\` integer,
  	\`mentor_note\` text,
  	\`mentee_by_id\` integer,
  	\`mentee_note\` text,
  	FOREIGN KEY (\`mentor_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`mentee_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`pairings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`pairings_extension_history_order_idx\` ON \`pairings_extension_history\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`pairings_extension_history_parent_id_idx\` ON \`pairings_extension_history\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`pairings_extension_history_mentor_by_idx\` ON \`pairings_extension_history\` (\`mentor_by_id\`);`)
  await db.run(sql`CREATE INDEX \`pairings_extension_history_mentee_by_idx\` ON \`pairings_extension_history\` (\`mentee_by_id\`);`)
  await db.run(sql`CREATE TABLE \`_pairings_v_version_extension_history\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`previous_end_date\` text,
  	\`end_date\` text,
  	\`agreed_at\` text,
  	\`reason\` text,
  	\`mentor_by_id\` integer,
  	\`mentor_note\` text,
  	\`mentee_by_id\` integer,
  	\`mentee_note\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`mentor_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`mentee_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_pairings_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_pairings_v_version_extension_history_order_idx\` ON \`_pairings_v_version_extension_history\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_pairings_v_version_extension_history_parent_id_idx\` ON \`_pairings_v_version_extension_history\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_pairings_v_version_extension_history_mentor_by_idx\` ON \`_pairings_v_version_extension_history\` (\`mentor_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_pairings_v_version_extension_history_mentee_by_idx\` ON \`_pairings_v_version_extension_history\` (\`mentee_by_id\`);`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`invited_at\` text;`)
  await db.run(sql`ALTER TABLE \`pairings\` ADD \`extension_proposed_end_date\` text;`)
  await db.run(sql`ALTER TABLE \`pairings\` ADD \`closing_mentee_evaluated_at\` text;`)
  await db.run(sql`ALTER TABLE \`pairings\` ADD \`closing_mentor_evaluated_at\` text;`)
  await db.run(sql`ALTER TABLE \`pairings\` ADD \`cancelled_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`pairings_cancelled_by_idx\` ON \`pairings\` (\`cancelled_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_pairings_v\` ADD \`version_extension_proposed_end_date\` text;`)
  await db.run(sql`ALTER TABLE \`_pairings_v\` ADD \`version_closing_mentee_evaluated_at\` text;`)
  await db.run(sql`ALTER TABLE \`_pairings_v\` ADD \`version_closing_mentor_evaluated_at\` text;`)
  await db.run(sql`ALTER TABLE \`_pairings_v\` ADD \`version_cancelled_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`_pairings_v_version_version_cancelled_by_idx\` ON \`_pairings_v\` (\`version_cancelled_by_id\`);`)
  await db.run(sql`ALTER TABLE \`incidents\` ADD \`resolved_at\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`pairings_extension_history\`;`)
  await db.run(sql`DROP TABLE \`_pairings_v_version_extension_history\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_pairings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`edition_id\` integer,
  	\`mentor_id\` integer NOT NULL,
  	\`candidate_id\` integer NOT NULL,
  	\`status\` text DEFAULT 'proposed' NOT NULL,
  	\`status_changed_at\` text,
  	\`answered_at\` text,
  	\`fitxa_published\` integer DEFAULT false,
  	\`answer_nonce\` text,
  	\`overdue_notified_at\` text,
  	\`fitxa_reminder_sent_at\` text,
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
  await db.run(sql`INSERT INTO \`__new_pairings\`("id", "title", "edition_id", "mentor_id", "candidate_id", "status", "status_changed_at", "answered_at", "fitxa_published", "answer_nonce", "overdue_notified_at", "fitxa_reminder_sent_at", "start_date", "end_date", "agreement_objectives", "agreement_activities", "agreement_calendar", "extension_mentor_agreed", "extension_mentor_note", "extension_mentor_by_id", "extension_mentor_at", "extension_mentee_agreed", "extension_mentee_note", "extension_mentee_by_id", "extension_mentee_at", "extension_reason", "closing_closing_date", "closing_mentee_evaluation_rating", "closing_mentee_evaluation_comments", "closing_mentor_evaluation_rating", "closing_mentor_evaluation_comments", "cancellation_reason", "matching_score", "matching_explanation", "updated_at", "created_at") SELECT "id", "title", "edition_id", "mentor_id", "candidate_id", "status", "status_changed_at", "answered_at", "fitxa_published", "answer_nonce", "overdue_notified_at", "fitxa_reminder_sent_at", "start_date", "end_date", "agreement_objectives", "agreement_activities", "agreement_calendar", "extension_mentor_agreed", "extension_mentor_note", "extension_mentor_by_id", "extension_mentor_at", "extension_mentee_agreed", "extension_mentee_note", "extension_mentee_by_id", "extension_mentee_at", "extension_reason", "closing_closing_date", "closing_mentee_evaluation_rating", "closing_mentee_evaluation_comments", "closing_mentor_evaluation_rating", "closing_mentor_evaluation_comments", "cancellation_reason", "matching_score", "matching_explanation", "updated_at", "created_at" FROM \`pairings\`;`)
  await db.run(sql`DROP TABLE \`pairings\`;`)
  await db.run(sql`ALTER TABLE \`__new_pairings\` RENAME TO \`pairings\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`pairings_edition_idx\` ON \`pairings\` (\`edition_id\`);`)
  await db.run(sql`CREATE INDEX \`pairings_mentor_idx\` ON \`pairings\` (\`mentor_id\`);`)
  await db.run(sql`CREATE INDEX \`pairings_candidate_idx\` ON \`pairings\` (\`candidate_id\`);`)
  await db.run(sql`CREATE INDEX \`pairings_status_idx\` ON \`pairings\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`pairings_extension_mentor_extension_mentor_by_idx\` ON \`pairings\` (\`extension_mentor_by_id\`);`)
  await db.run(sql`CREATE INDEX \`pairings_extension_mentee_extension_mentee_by_idx\` ON \`pairings\` (\`extension_mentee_by_id\`);`)
  await db.run(sql`CREATE INDEX \`pairings_updated_at_idx\` ON \`pairings\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`pairings_created_at_idx\` ON \`pairings\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new__pairings_v\` (
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
  	\`version_answer_nonce\` text,
  	\`version_overdue_notified_at\` text,
  	\`version_fitxa_reminder_sent_at\` text,
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
  await db.run(sql`INSERT INTO \`__new__pairings_v\`("id", "parent_id", "version_title", "version_edition_id", "version_mentor_id", "version_candidate_id", "version_status", "version_status_changed_at", "version_answered_at", "version_fitxa_published", "version_answer_nonce", "version_overdue_notified_at", "version_fitxa_reminder_sent_at", "version_start_date", "version_end_date", "version_agreement_objectives", "version_agreement_activities", "version_agreement_calendar", "version_extension_mentor_agreed", "version_extension_mentor_note", "version_extension_mentor_by_id", "version_extension_mentor_at", "version_extension_mentee_agreed", "version_extension_mentee_note", "version_extension_mentee_by_id", "version_extension_mentee_at", "version_extension_reason", "version_closing_closing_date", "version_closing_mentee_evaluation_rating", "version_closing_mentee_evaluation_comments", "version_closing_mentor_evaluation_rating", "version_closing_mentor_evaluation_comments", "version_cancellation_reason", "version_matching_score", "version_matching_explanation", "version_updated_at", "version_created_at", "created_at", "updated_at") SELECT "id", "parent_id", "version_title", "version_edition_id", "version_mentor_id", "version_candidate_id", "version_status", "version_status_changed_at", "version_answered_at", "version_fitxa_published", "version_answer_nonce", "version_overdue_notified_at", "version_fitxa_reminder_sent_at", "version_start_date", "version_end_date", "version_agreement_objectives", "version_agreement_activities", "version_agreement_calendar", "version_extension_mentor_agreed", "version_extension_mentor_note", "version_extension_mentor_by_id", "version_extension_mentor_at", "version_extension_mentee_agreed", "version_extension_mentee_note", "version_extension_mentee_by_id", "version_extension_mentee_at", "version_extension_reason", "version_closing_closing_date", "version_closing_mentee_evaluation_rating", "version_closing_mentee_evaluation_comments", "version_closing_mentor_evaluation_rating", "version_closing_mentor_evaluation_comments", "version_cancellation_reason", "version_matching_score", "version_matching_explanation", "version_updated_at", "version_created_at", "created_at", "updated_at" FROM \`_pairings_v\`;`)
  await db.run(sql`DROP TABLE \`_pairings_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__pairings_v\` RENAME TO \`_pairings_v\`;`)
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
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`invited_at\`;`)
  await db.run(sql`ALTER TABLE \`incidents\` DROP COLUMN \`resolved_at\`;`)
}
