import type { Kysely } from 'kysely';
import { activityOf } from '../core/activity.js';
import type { Interaction } from '../core/interactions.js';
import { addToActivityRollup } from './activity-rollup.js';
import { chunks } from './chunks.js';
import type { Database, EmailSuppressionTable, MessageTable, WorkspaceSecretTable } from './database.js';
import type { GroupCommit } from './group-commit.js';

export type SuppressionReason = EmailSuppressionTable['reason'];
export type MessageStatus = MessageTable['status'];
export type MessageChannelName = MessageTable['channel'];

export interface Suppression {
  address: string;
  reason: SuppressionReason;
  detail: string | null;
  createdBy: string;
  createdAt: number;
}

/** One message a journey sent or held back, as the message log keeps it. */
export interface MessageRecord {
  /** Unique in the workspace: the sending effect's key and the contact. */
  messageKey: string;
  contactId: string;
  channel: MessageChannelName;
  status: MessageStatus;
  journeyId: string | null;
  stepId: string | null;
  templateId: string | null;
  address: string | null;
  subject: string | null;
  /** Why it was held back, or the server's answer to a bounce. */
  detail: string | null;
  at: number;
}

/** The interaction a logged message puts on the contact's timeline. */
export interface TimelineEntry {
  name: string;
  interaction: Interaction;
  properties: Record<string, unknown>;
}

/**
 * Puts addresses on the suppression list, in `db` or a transaction the caller holds (ingestion
 * stores a consent event and its suppression together); an address already on it keeps its
 * first reason. Returns how many were new.
 */
export async function insertSuppressions(db: Kysely<Database>, workspaceId: string, entries: readonly { address: string; reason: SuppressionReason; detail?: string | null; at: number }[], by: string): Promise<number> {
  let added = 0;
  for (const part of chunks([...entries], 500)) {
    const result = await db
      .insertInto('email_suppressions')
      .values(part.map((e) => ({ workspace_id: workspaceId, address: e.address.trim().toLowerCase(), reason: e.reason, detail: e.detail ?? null, created_by: by, created_at: e.at })))
      .onConflict((oc) => oc.columns(['workspace_id', 'address']).doNothing())
      .executeTakeFirst();
    added += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  return added;
}

/**
 * Consent and the message log: who gets no e-mail, what was sent to whom. Addresses are kept
 * lower-cased, so `Ann@Example.com` and `ann@example.com` are one address.
 */
export function deliveryQueries(db: Kysely<Database>, groupCommit: GroupCommit) {
  return {
    /** Adds addresses to the suppression list; an address already on it keeps its first reason. Returns how many were new. */
    async suppress(workspaceId: string, entries: readonly { address: string; reason: SuppressionReason; detail?: string | null }[], by: string, at: number): Promise<number> {
      return insertSuppressions(db, workspaceId, entries.map((e) => ({ ...e, at })), by);
    },

    /** Takes an address off the list (a person asked to receive e-mail again); false when it was not on it. */
    async unsuppress(workspaceId: string, address: string): Promise<boolean> {
      const result = await db.deleteFrom('email_suppressions').where('workspace_id', '=', workspaceId).where('address', '=', address.trim().toLowerCase()).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async suppressions(workspaceId: string, options: { reason?: SuppressionReason; limit: number }): Promise<Suppression[]> {
      const rows = await db
        .selectFrom('email_suppressions')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .$if(options.reason !== undefined, (q) => q.where('reason', '=', options.reason!))
        .orderBy('created_at', 'desc')
        .orderBy('address')
        .limit(options.limit)
        .execute();
      return rows.map((r) => ({ address: r.address, reason: r.reason, detail: r.detail, createdBy: r.created_by, createdAt: Number(r.created_at) }));
    },

    /** The suppression of this address, if it has one. */
    async suppression(workspaceId: string, address: string): Promise<Suppression | undefined> {
      const r = await db.selectFrom('email_suppressions').selectAll().where('workspace_id', '=', workspaceId).where('address', '=', address.trim().toLowerCase()).executeTakeFirst();
      return r && { address: r.address, reason: r.reason, detail: r.detail, createdBy: r.created_by, createdAt: Number(r.created_at) };
    },

    /** The logged message under this key, if any: a send repeated after a crash finds it and skips the contact. */
    async message(workspaceId: string, messageKey: string): Promise<MessageRecord | undefined> {
      const row = await db.selectFrom('messages').selectAll().where('workspace_id', '=', workspaceId).where('message_key', '=', messageKey).executeTakeFirst();
      return row && toRecord(row);
    },

    /**
     * Logs a message and, in the same transaction, puts its interaction on the contact's
     * timeline (as an event keyed by the message, so it is written once). False when the key
     * was logged already, and nothing is written. Messages logged side by side share a commit
     * (`GroupCommit`).
     */
    async log(workspaceId: string, record: MessageRecord, timeline: TimelineEntry | null): Promise<boolean> {
      return groupCommit.run(async (trx) => {
        const inserted = await trx
          .insertInto('messages')
          .values({
            workspace_id: workspaceId, message_key: record.messageKey, contact_id: record.contactId, channel: record.channel, status: record.status, journey_id: record.journeyId,
            step_id: record.stepId, template_id: record.templateId, address: record.address, subject: record.subject, detail: record.detail, at: record.at,
          })
          .onConflict((oc) => oc.columns(['workspace_id', 'message_key']).doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return false;
        if (record.status === 'sent') {
          await trx
            .insertInto('message_counts')
            .values({ workspace_id: workspaceId, channel: record.channel, minute: minuteOf(record.at), sent: 1 })
            .onConflict((oc) => oc.columns(['workspace_id', 'channel', 'minute']).doUpdateSet((eb) => ({ sent: eb('message_counts.sent', '+', 1) })))
            .execute();
        }
        if (timeline) {
          const i = timeline.interaction;
          await trx
            .insertInto('events')
            .values({
              workspace_id: workspaceId, message_id: `message:${record.messageKey}`, type: 'track', name: timeline.name, contact_id: record.contactId, user_id: null, anonymous_id: null, group_id: null,
              timestamp: record.at, received_at: record.at, channel: i.channel, direction: i.direction, category: i.category, rating: i.rating, sentiment: i.sentiment, revenue: i.revenue,
              properties: JSON.stringify(timeline.properties), traits: '{}', context: '{}',
            })
            .onConflict((oc) => oc.columns(['workspace_id', 'message_id']).doNothing())
            .execute();
          await addToActivityRollup(trx, workspaceId, activityOf([{ timestamp: record.at, interaction: i }]));
        }
        return true;
      });
    },

    /** Messages sent on a channel in the workspace in the minute of `at` (from its first millisecond): what a rate limit counts. */
    async sentInMinute(workspaceId: string, channel: MessageChannelName, at: number): Promise<number> {
      const row = await db
        .selectFrom('message_counts')
        .select('sent')
        .where('workspace_id', '=', workspaceId)
        .where('channel', '=', channel)
        .where('minute', '=', minuteOf(at))
        .executeTakeFirst();
      return row ? Number(row.sent) : 0;
    },

    /** Messages sent on a channel since `since`, in the workspace or to one contact: what a frequency cap counts. */
    async sentCount(workspaceId: string, options: { channel: MessageChannelName; since: number; contactId?: string }): Promise<number> {
      const row = await db
        .selectFrom('messages')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('workspace_id', '=', workspaceId)
        .$if(options.contactId !== undefined, (q) => q.where('contact_id', '=', options.contactId!))
        .where('channel', '=', options.channel)
        .where('at', '>=', options.since)
        .where('status', '=', 'sent')
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** The message log, newest first; one contact's when `contactId` is given. */
    async messages(workspaceId: string, options: { contactId?: string; limit: number }): Promise<MessageRecord[]> {
      const rows = await db
        .selectFrom('messages')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .$if(options.contactId !== undefined, (q) => q.where('contact_id', '=', options.contactId!))
        .orderBy('at', 'desc')
        .orderBy('message_key')
        .limit(options.limit)
        .execute();
      return rows.map(toRecord);
    },

    /**
     * The workspace's key for `purpose` — signing unsubscribe links, signing webhook requests —
     * made from `newSecret` the first time it is asked for. Two processes asking at once both
     * get the one written first.
     */
    async secret(workspaceId: string, purpose: WorkspaceSecretTable['purpose'], newSecret: () => string, at: number): Promise<string> {
      const read = async () => (await db.selectFrom('workspace_secrets').select('secret').where('workspace_id', '=', workspaceId).where('purpose', '=', purpose).executeTakeFirst())?.secret;
      const existing = await read();
      if (existing) return existing;
      await db
        .insertInto('workspace_secrets')
        .values({ workspace_id: workspaceId, purpose, secret: newSecret(), created_at: at })
        .onConflict((oc) => oc.columns(['workspace_id', 'purpose']).doNothing())
        .execute();
      return (await read())!;
    },
  };
}

function toRecord(row: MessageTable): MessageRecord {
  return {
    messageKey: row.message_key, contactId: row.contact_id, channel: row.channel, status: row.status, journeyId: row.journey_id, stepId: row.step_id, templateId: row.template_id,
    address: row.address, subject: row.subject, detail: row.detail, at: Number(row.at),
  };
}

/** The first millisecond of the minute `at` falls in: rate limits count whole minutes. */
export function minuteOf(at: number): number {
  return Math.floor(at / 60_000) * 60_000;
}
