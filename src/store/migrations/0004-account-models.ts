import type { Kysely } from 'kysely';
import type { StoreDialect } from '../dialects/dialect.js';

/**
 * Each account's engagement model, phase and the reason it has them; and every change, with
 * who or what made it and why, so an account's history can be shown.
 */
export async function up(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
  await db.schema
    .createTable('account_models')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('model_id', 'text', (c) => c.notNull())
    .addColumn('phase_id', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('since', 'bigint', (c) => c.notNull())
    .addColumn('phase_since', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('account_models_pk', ['workspace_id', 'group_id'])
    .execute();
  await db.schema.createIndex('account_models_model').on('account_models').columns(['workspace_id', 'model_id']).execute();

  await dialect
    .addSerialId(db.schema.createTable('model_changes'))
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('from_model', 'text')
    .addColumn('from_phase', 'text')
    .addColumn('to_model', 'text', (c) => c.notNull())
    .addColumn('to_phase', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('model_changes_account').on('model_changes').columns(['workspace_id', 'group_id', 'changed_at']).execute();
}
