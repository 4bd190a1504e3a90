import { sql, type Kysely } from 'kysely';

/**
 * Indexes for evaluating segments over few subjects, as a refresh after ingestion does: the
 * events of one name of a contact or account in a window (read one range, not every event of
 * the subject), and a contact's events tagged with no account (the part of an account's events
 * that is not tagged with it: a fraction of all events, so the index is small).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('events_contact_name_time').on('events').columns(['workspace_id', 'contact_id', 'name', 'timestamp']).execute();
  await db.schema.createIndex('events_group_name_time').on('events').columns(['workspace_id', 'group_id', 'name', 'timestamp']).execute();
  await db.schema.createIndex('events_untagged_contact_time').on('events').columns(['workspace_id', 'contact_id', 'timestamp']).where(sql.ref('group_id'), 'is', null).execute();
}
