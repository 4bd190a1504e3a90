import { sql, type Kysely } from 'kysely';

/**
 * What a busy journey worker reads on every event and every send, made cheap:
 * - `journey_runs_active_subject`: a subject's runs not yet ended, which the event feed looks up
 *   for every event (the index by journey cannot serve a lookup across journeys);
 * - `message_counts`: messages sent per workspace, channel and minute, kept with the message
 *   log, so that a rate limit reads one row instead of counting the minute's messages. It
 *   starts empty: messages logged before it count from the next minute on.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('journey_runs_active_subject')
    .on('journey_runs')
    .columns(['workspace_id', 'subject_kind', 'subject_id'])
    .where(sql.ref('ended_at'), 'is', null)
    .execute();
  await db.schema
    .createTable('message_counts')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('minute', 'bigint', (c) => c.notNull())
    .addColumn('sent', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('message_counts_pk', ['workspace_id', 'channel', 'minute'])
    .execute();
}
