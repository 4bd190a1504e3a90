import type { Kysely } from 'kysely';

/**
 * `journey_status`: whether a journey runs (`active`) or is held (`paused`), per workspace and
 * journey id, with who set it and when. A journey without a row has its default: shipped
 * playbooks start paused, a workspace's own journeys active (engine/journeys/journey-status.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('journey_status')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('journey_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('journey_status_pk', ['workspace_id', 'journey_id'])
    .execute();
}
