import type { Kysely } from 'kysely';
import type { StoreDialect } from '../dialects/dialect.js';

/**
 * Definitions a team edits — segments, engagement models, assignment rules — as documents,
 * checked by their schema before they are stored. `id` is the definition's own id (`default`
 * for the one rule set of a workspace).
 */
export async function up(db: Kysely<any>, _dialect: StoreDialect): Promise<void> {
  await db.schema
    .createTable('definitions')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    // Text, not jsonb: a definition reads back exactly as written, keys in the author's order.
    .addColumn('spec', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('definitions_pk', ['workspace_id', 'kind', 'id'])
    .execute();
}
