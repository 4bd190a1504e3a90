import type { Transaction } from 'kysely';
import type { Database } from './database.js';

/** Adds counts to the daily activity rollup (`activity_daily`) inside the caller's transaction. */
export async function addToActivityRollup(trx: Transaction<Database>, workspaceId: string, counts: readonly { day: number; channel: string; events: number; revenue: number }[]): Promise<void> {
  if (counts.length === 0) return;
  await trx
    .insertInto('activity_daily')
    .values(counts.map((c) => ({ workspace_id: workspaceId, ...c })))
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'day', 'channel']).doUpdateSet((eb) => ({
        events: eb('activity_daily.events', '+', eb.ref('excluded.events')),
        revenue: eb('activity_daily.revenue', '+', eb.ref('excluded.revenue')),
      })),
    )
    .execute();
}
