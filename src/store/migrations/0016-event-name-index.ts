import type { Kysely } from 'kysely';

/**
 * Events by name and time: metrics read one or a few events over a range (survey responses,
 * reviews, sign-ups, purchases, referrals, a framework's first stage), which without it means
 * every event of the workspace in the range.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('events_name_time').on('events').columns(['workspace_id', 'name', 'timestamp']).execute();
}
