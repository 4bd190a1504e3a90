import type { Kysely } from 'kysely';

/**
 * Consent and the message log. `email_suppressions`: addresses that get no more e-mail
 * (unsubscribed, hard-bounced, complained, or added by hand), one row per workspace and
 * lower-cased address. `messages`: every message a journey sent or held back, under the key
 * of the send (effect key and contact), which is what makes a retried send skip the contacts
 * already served; counted for frequency caps (per contact) and rate limits (per channel).
 * `workspaces.link_secret` signs the links in e-mail that act without a login.
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

  await db.schema.alterTable('workspaces').addColumn('link_secret', 'text').execute();
}
