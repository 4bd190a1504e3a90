import type { Kysely } from 'kysely';
import type { StoreDialect } from '../dialects/dialect.js';

/**
 * An audit trail of definitions changed through the API: the spec before and after, who
 * changed it, when, and what the change did ("12 accounts moved"). Specs are text, as in
 * `definitions`, so a change reads back exactly as it was written.
 */
export async function up(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
  await dialect
    .addSerialId(db.schema.createTable('definition_changes'))
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('definition_id', 'text', (c) => c.notNull())
    // Null when no definition of the id was in force before.
    .addColumn('previous_spec', 'text')
    .addColumn('spec', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'bigint', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('definition_changes_kind').on('definition_changes').columns(['workspace_id', 'kind', 'changed_at']).execute();
}
