import { type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

/** `pairings.countedMeetings` for the pairings that existed before it (hooks/meeting-count.ts keeps it afterwards). */
export async function backfillCountedMeetings({ db, payload }: Pick<MigrateUpArgs, 'db' | 'payload'>): Promise<void> {
  const modalities: string[] = (payload.config.custom as { mentoria?: { countingModalities?: string[] } }).mentoria?.countingModalities ?? ['in_person']
  await db.run(sql`UPDATE \`pairings\` SET \`counted_meetings\` = (
    SELECT count(*) FROM \`meetings\` WHERE \`meetings\`.\`pairing_id\` = \`pairings\`.\`id\`
      AND \`meetings\`.\`modality\` IN (${sql.join(modalities.map((modality) => sql`${modality}`), sql`, `)})
      AND (\`pairings\`.\`start_date\` IS NULL OR substr(\`meetings\`.\`date\`, 1, 10) >= substr(\`pairings\`.\`start_date\`, 1, 10))
  );`)
}
