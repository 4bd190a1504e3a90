import type { Kysely } from 'kysely';

/**
 * Consent and the message log. `email_suppressions`: addresses that get no more e-mail
 * (unsubscribed, hard-bounced, complained, or added by hand), one row per workspace and
 * lower-cased address. `messages`: every message a journey sent or held back, under the key
 * of the send (effect key and contact), which is what makes a retried send skip the contacts
 * already served; counted for frequency caps (per contact) and rate limits (per channel).
 * `in_app_messages`: rendered in-app messages waiting for the product to show them, and
 * whether the contact has seen or dismissed each.
 * `workspace_secrets`: per workspace and purpose, the key that signs unsubscribe links and
 * webhook requests, made on first use.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('email_suppressions')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('email_suppressions_pk', ['workspace_id', 'address'])
    .execute();

  await db.schema
    .createTable('messages')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('message_key', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('journey_id', 'text')
    .addColumn('step_id', 'text')
    .addColumn('template_id', 'text')
    .addColumn('address', 'text')
    .addColumn('subject', 'text')
    .addColumn('detail', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('messages_pk', ['workspace_id', 'message_key'])
    .execute();
  await db.schema.createIndex('messages_contact_time').on('messages').columns(['workspace_id', 'contact_id', 'at']).execute();
  await db.schema.createIndex('messages_channel_time').on('messages').columns(['workspace_id', 'channel', 'at']).execute();

  await db.schema
    .createTable('in_app_messages')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('journey_id', 'text')
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('seen_at', 'bigint')
    .addColumn('dismissed_at', 'bigint')
    .addPrimaryKeyConstraint('in_app_messages_pk', ['workspace_id', 'id'])
    .execute();
  await db.schema.createIndex('in_app_messages_contact').on('in_app_messages').columns(['workspace_id', 'contact_id', 'status', 'created_at']).execute();

  await db.schema
    .createTable('workspace_secrets')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('workspace_secrets_pk', ['workspace_id', 'purpose'])
    .execute();
}
