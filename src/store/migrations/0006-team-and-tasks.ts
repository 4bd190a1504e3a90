import type { Kysely } from 'kysely';
import type { StoreDialect } from '../dialects/dialect.js';

/**
 * The human side of engagement models: team members, who owns which account (with every
 * reassignment), the tasks models and escalations create, and each account's escalation state.
 */
export async function up(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
  await db.schema
    .createTable('team_members')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('territories', 'text', (c) => c.notNull())
    .addColumn('segments', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('team_members_pk', ['workspace_id', 'id'])
    .addUniqueConstraint('team_members_email', ['workspace_id', 'email'])
    .execute();

  await db.schema
    .createTable('account_owners')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('since', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('account_owners_pk', ['workspace_id', 'group_id'])
    .execute();
  await db.schema.createIndex('account_owners_member').on('account_owners').columns(['workspace_id', 'member_id']).execute();

  await dialect
    .addSerialId(db.schema.createTable('owner_changes'))
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('from_member', 'text')
    .addColumn('to_member', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('owner_changes_account').on('owner_changes').columns(['workspace_id', 'group_id', 'changed_at']).execute();

  await db.schema
    .createTable('tasks')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    /** Makes creation idempotent: the same move or recurrence never creates a task twice. */
    .addColumn('task_key', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('template_id', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('owner_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('closed_at', 'bigint')
    .addPrimaryKeyConstraint('tasks_pk', ['workspace_id', 'id'])
    .addUniqueConstraint('tasks_key', ['workspace_id', 'task_key'])
    .execute();
  await db.schema.createIndex('tasks_open_due').on('tasks').columns(['workspace_id', 'status', 'due_at']).execute();
  await db.schema.createIndex('tasks_account').on('tasks').columns(['workspace_id', 'group_id', 'due_at']).execute();
  await db.schema.createIndex('tasks_owner').on('tasks').columns(['workspace_id', 'owner_id', 'status', 'due_at']).execute();

  await db.schema.alterTable('account_models').addColumn('escalation_rule', 'text').execute();
  await db.schema.alterTable('account_models').addColumn('escalated_from_model', 'text').execute();
  await db.schema.alterTable('account_models').addColumn('escalated_from_phase', 'text').execute();
  await db.schema.alterTable('account_models').addColumn('escalated_at', 'bigint').execute();
  await db.schema.alterTable('account_models').addColumn('healthy_since', 'bigint').execute();
}
