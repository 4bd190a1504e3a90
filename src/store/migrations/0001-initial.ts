import type { Kysely } from 'kysely';
import type { StoreDialect } from '../dialects/dialect.js';

/** Workspaces and their keys, team members, and the customer data: accounts, contacts, events. */
export async function up(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
  const json = dialect.capabilities.jsonColumnType;

  await db.schema
    .createTable('workspaces')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('write_keys')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('token', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('users_workspace_email', ['workspace_id', 'email'])
    .execute();
  await db.schema.createIndex('users_email').on('users').column('email').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('accounts')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('plan', 'text')
    .addColumn('mrr', 'double precision')
    .addColumn('contract_value', 'double precision')
    .addColumn('industry', 'text')
    .addColumn('employees', 'integer')
    .addColumn('complexity', 'text')
    .addColumn('renewal_date', 'bigint')
    .addColumn('owner_email', 'text')
    .addColumn('traits', json, (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('accounts_pk', ['workspace_id', 'group_id'])
    .execute();
  await db.schema.createIndex('accounts_name').on('accounts').columns(['workspace_id', 'name']).execute();

  await db.schema
    .createTable('contacts')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('name', 'text')
    .addColumn('locale', 'text')
    .addColumn('timezone', 'text')
    .addColumn('traits', json, (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('contacts_pk', ['workspace_id', 'id'])
    .execute();
  await db.schema.createIndex('contacts_email').on('contacts').columns(['workspace_id', 'email']).execute();

  await db.schema
    .createTable('contact_identities')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_identities_pk', ['workspace_id', 'kind', 'value'])
    .execute();
  await db.schema.createIndex('contact_identities_contact').on('contact_identities').columns(['workspace_id', 'contact_id']).execute();

  await db.schema
    .createTable('memberships')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('memberships_pk', ['workspace_id', 'group_id', 'contact_id'])
    .execute();
  await db.schema.createIndex('memberships_contact').on('memberships').columns(['workspace_id', 'contact_id']).execute();

  await dialect
    .addSerialId(db.schema.createTable('events'))
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('contact_id', 'text')
    .addColumn('user_id', 'text')
    .addColumn('anonymous_id', 'text')
    .addColumn('group_id', 'text')
    .addColumn('timestamp', 'bigint', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('channel', 'text')
    .addColumn('direction', 'text')
    .addColumn('category', 'text')
    .addColumn('rating', 'double precision')
    .addColumn('sentiment', 'double precision')
    .addColumn('revenue', 'double precision')
    .addColumn('properties', json, (c) => c.notNull())
    .addColumn('traits', json, (c) => c.notNull())
    .addColumn('context', json, (c) => c.notNull())
    .addUniqueConstraint('events_message_id', ['workspace_id', 'message_id'])
    .execute();
  await db.schema.createIndex('events_contact_time').on('events').columns(['workspace_id', 'contact_id', 'timestamp']).execute();
  await db.schema.createIndex('events_group_time').on('events').columns(['workspace_id', 'group_id', 'timestamp']).execute();
  await db.schema.createIndex('events_time').on('events').columns(['workspace_id', 'timestamp']).execute();
}
