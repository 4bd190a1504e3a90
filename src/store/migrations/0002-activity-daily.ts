import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../dialects/dialect.js';

/**
 * Events and revenue per workspace, UTC day and channel, kept current by ingestion, so the
 * dashboard's overview reads a few hundred rows instead of scanning millions of events.
 * Existing events are counted in once here.
 */
export async function up(db: Kysely<any>, _dialect: StoreDialect): Promise<void> {
  await db.schema
    .createTable('activity_daily')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('day', 'bigint', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('events', 'bigint', (c) => c.notNull())
    .addColumn('revenue', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_daily_pk', ['workspace_id', 'day', 'channel'])
    .execute();
  // The modulo of a positive integer reads the same on SQLite and PostgreSQL; integer division may not.
  await sql`
    insert into activity_daily (workspace_id, day, channel, events, revenue)
    select workspace_id, timestamp - (timestamp % 86400000), coalesce(channel, ''), count(*), coalesce(sum(revenue), 0)
    from events
    group by workspace_id, timestamp - (timestamp % 86400000), coalesce(channel, '')
  `.execute(db);
}
