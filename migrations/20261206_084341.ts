import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
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
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`legal_settings\`;`)
}
