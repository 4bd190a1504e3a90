import type { Kysely } from 'kysely';
import type { StoreDialect } from '../dialects/dialect.js';

/**
 * Where the journey event feed stands in each workspace: the last event id it delivered, a
 * feeder's lease on the row, and the horizon it may read up to once the event writes that were
 * under way when the horizon was taken have finished (`FeedHorizon` in `store/journeys/journey-feed.ts`).
 */
export async function up(db: Kysely<any>, _dialect: StoreDialect): Promise<void> {
  await db.schema
    .createTable('journey_feed_cursors')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey())
    // Events with an id up to here have been delivered to journeys.
    .addColumn('position', 'bigint', (c) => c.notNull())
    // The highest event id seen when the horizon was taken; null when none is pending.
    .addColumn('horizon', 'bigint')
    // JSON list of the event writes under way then: the horizon is readable once none is left.
    .addColumn('horizon_writers', 'text')
    // Counts claims; a feeder moves the cursor only if no later claim took the row over.
    .addColumn('claims', 'integer', (c) => c.notNull())
    .addColumn('leased_until', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // The feed reads a workspace's events after its cursor, in id order.
  await db.schema.createIndex('events_feed').on('events').columns(['workspace_id', 'id']).execute();
}
