import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import { ensureFeedCursor } from './journey-feed.js';

export type JourneyStatus = 'active' | 'paused';

export interface JourneyStatusRecord {
  journeyId: string;
  status: JourneyStatus;
  changedBy: string;
  changedAt: number;
}

/** The statuses set in a workspace (`store.journeys.status`). */
export function journeyStatusQueries(db: Kysely<Database>) {
  return {
    async list(workspaceId: string): Promise<JourneyStatusRecord[]> {
      const rows = await db.selectFrom('journey_status').selectAll().where('workspace_id', '=', workspaceId).orderBy('journey_id').execute();
      return rows.map((r) => ({ journeyId: r.journey_id, status: r.status, changedBy: r.changed_by, changedAt: Number(r.changed_at) }));
    },

    /** Sets a journey's status; activating one gives the workspace its feed cursor if it has none (a shipped playbook is active without being stored). */
    async set(workspaceId: string, record: JourneyStatusRecord): Promise<void> {
      const row = { status: record.status, changed_by: record.changedBy, changed_at: record.changedAt };
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('journey_status')
          .values({ workspace_id: workspaceId, journey_id: record.journeyId, ...row })
          .onConflict((oc) => oc.columns(['workspace_id', 'journey_id']).doUpdateSet(row))
          .execute();
        if (record.status === 'active') await ensureFeedCursor(trx, workspaceId, record.changedAt);
      });
    },
  };
}
