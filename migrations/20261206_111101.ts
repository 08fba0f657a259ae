import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`mentors_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`mentors\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`mentors_texts_order_parent\` ON \`mentors_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`candidates_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`candidates\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`candidates_texts_order_parent\` ON \`candidates_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`fitxes_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`fitxes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`fitxes_texts_order_parent\` ON \`fitxes_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`fitxes_texts_text_idx\` ON \`fitxes_texts\` (\`text\`);`)
  await db.run(sql`CREATE TABLE \`_fitxes_v_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_fitxes_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_fitxes_v_texts_order_parent\` ON \`_fitxes_v_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`vocabularies_topics\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`value\` text NOT NULL,
  	\`label\` text NOT NULL,
  	\`es\` text,
  	\`en\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`vocabularies\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`vocabularies_topics_order_idx\` ON \`vocabularies_topics\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`vocabularies_topics_parent_id_idx\` ON \`vocabularies_topics\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`vocabularies_fitxa_classifications\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`value\` text NOT NULL,
  	\`label\` text NOT NULL,
  	\`es\` text,
  	\`en\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`vocabularies\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`vocabularies_fitxa_classifications_order_idx\` ON \`vocabularies_fitxa_classifications\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`vocabularies_fitxa_classifications_parent_id_idx\` ON \`vocabularies_fitxa_classifications\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`vocabularies\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  // The values the select fields stored move, unchanged and in order, to the text lists (Vocabularis).
  const moves: [string, string, string][] = [
    ['mentors_topics', 'mentors_texts', 'topics'],
    ['candidates_topics', 'candidates_texts', 'topics'],
    ['fitxes_classification', 'fitxes_texts', 'classification'],
    ['fitxes_topics', 'fitxes_texts', 'topics'],
    ['_fitxes_v_version_classification', '_fitxes_v_texts', 'version.classification'],
    ['_fitxes_v_version_topics', '_fitxes_v_texts', 'version.topics'],
  ]
  for (const [from, to, path] of moves) {
    await db.run(sql.raw(`INSERT INTO \`${to}\` (\`order\`, \`parent_id\`, \`path\`, \`text\`) SELECT \`order\`, \`parent_id\`, '${path}', \`value\` FROM \`${from}\` WHERE \`value\` IS NOT NULL ORDER BY \`parent_id\`, \`order\`;`))
  }
  await db.run(sql`DROP TABLE \`mentors_topics\`;`)
  await db.run(sql`DROP TABLE \`candidates_topics\`;`)
  await db.run(sql`DROP TABLE \`fitxes_classification\`;`)
  await db.run(sql`DROP TABLE \`fitxes_topics\`;`)
  await db.run(sql`DROP TABLE \`_fitxes_v_version_classification\`;`)
  await db.run(sql`DROP TABLE \`_fitxes_v_version_topics\`;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
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
  await db.run(sql`CREATE INDEX \`fitxes_topics_value_idx\` ON \`fitxes_topics\` (\`value\`);`)
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
  await db.run(sql`CREATE INDEX \`_fitxes_v_version_topics_value_idx\` ON \`_fitxes_v_version_topics\` (\`value\`);`)
  // Back to the select tables, the same values in the same order.
  const moves: [string, string, string][] = [
    ['mentors_texts', 'mentors_topics', 'topics'],
    ['candidates_texts', 'candidates_topics', 'topics'],
    ['fitxes_texts', 'fitxes_classification', 'classification'],
    ['fitxes_texts', 'fitxes_topics', 'topics'],
    ['_fitxes_v_texts', '_fitxes_v_version_classification', 'version.classification'],
    ['_fitxes_v_texts', '_fitxes_v_version_topics', 'version.topics'],
  ]
  for (const [from, to, path] of moves) {
    await db.run(sql.raw(`INSERT INTO \`${to}\` (\`order\`, \`parent_id\`, \`value\`) SELECT \`order\`, \`parent_id\`, \`text\` FROM \`${from}\` WHERE \`path\` = '${path}' ORDER BY \`parent_id\`, \`order\`;`))
  }
  await db.run(sql`DROP TABLE \`mentors_texts\`;`)
  await db.run(sql`DROP TABLE \`candidates_texts\`;`)
  await db.run(sql`DROP TABLE \`fitxes_texts\`;`)
  await db.run(sql`DROP TABLE \`_fitxes_v_texts\`;`)
  await db.run(sql`DROP TABLE \`vocabularies_topics\`;`)
  await db.run(sql`DROP TABLE \`vocabularies_fitxa_classifications\`;`)
  await db.run(sql`DROP TABLE \`vocabularies\`;`)
}
