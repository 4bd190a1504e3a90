import type { Kysely } from 'kysely';
import type { StoreDialect } from '../dialects/dialect.js';

/**
 * Who is in each segment now, and every entry and exit with its time, so that journeys can
 * trigger on them and a subject's history can be shown.
 */
export async function up(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
  await db.schema
    .createTable('segment_members')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('segment_id', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('since', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('segment_members_pk', ['workspace_id', 'segment_id', 'subject_id'])
    .execute();
  await db.schema.createIndex('segment_members_subject').on('segment_members').columns(['workspace_id', 'subject_id']).execute();

  await dialect
    .addSerialId(db.schema.createTable('segment_changes'))
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('segment_id', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('segment_changes_segment').on('segment_changes').columns(['workspace_id', 'segment_id', 'at']).execute();
  await db.schema.createIndex('segment_changes_subject').on('segment_changes').columns(['workspace_id', 'subject_id', 'at']).execute();
}
