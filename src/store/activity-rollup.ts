import type { Transaction } from 'kysely';
import type { ActivityCount } from '../core/activity.js';
import { chunks } from './chunks.js';
import type { Database } from './database.js';

/**
 * Adds counts to the daily activity rollup (`activity_daily`) inside the caller's transaction.
 * Rows go in a fixed order (day, channel) so concurrent writers lock them in the same order.
 */
export async function addToActivityRollup(trx: Transaction<Database>, workspaceId: string, counts: readonly ActivityCount[]): Promise<void> {
  const sorted = [...counts].sort((a, b) => a.day - b.day || (a.channel < b.channel ? -1 : 1));
  for (const part of chunks(sorted, 1000)) {
    await trx
      .insertInto('activity_daily')
      .values(part.map((c) => ({ workspace_id: workspaceId, ...c })))
      .onConflict((oc) =>
        oc.columns(['workspace_id', 'day', 'channel']).doUpdateSet((eb) => ({
          events: eb('activity_daily.events', '+', eb.ref('excluded.events')),
          revenue: eb('activity_daily.revenue', '+', eb.ref('excluded.revenue')),
        })),
      )
      .execute();
  }
}
