import type { Kysely } from 'kysely';
import type { Database, InAppMessageTable } from './database.js';

export interface InAppMessage {
  id: string;
  contactId: string;
  journeyId: string | null;
  templateId: string;
  locale: string;
  title: string;
  /** HTML, rendered from the template with every variable escaped. */
  body: string;
  status: InAppMessageTable['status'];
  createdAt: number;
  seenAt: number | null;
  dismissedAt: number | null;
}

/**
 * In-app messages journeys left for the product to show: a contact's pending ones are fetched
 * by the product (with the write key), then marked seen and dismissed.
 */
export function inAppMessageQueries(db: Kysely<Database>) {
  return {
    /** Keeps a message for its contact; the same id again changes nothing. True when it is new. */
    async put(workspaceId: string, message: Omit<InAppMessage, 'status' | 'seenAt' | 'dismissedAt'>): Promise<boolean> {
      const result = await db
        .insertInto('in_app_messages')
        .values({
          workspace_id: workspaceId, id: message.id, contact_id: message.contactId, journey_id: message.journeyId, template_id: message.templateId, locale: message.locale,
          title: message.title, body: message.body, status: 'pending', created_at: message.createdAt, seen_at: null, dismissed_at: null,
        })
        .onConflict((oc) => oc.columns(['workspace_id', 'id']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
    },

    /** A contact's messages not dismissed yet (pending and seen), oldest first. */
    async open(workspaceId: string, contactId: string, limit: number): Promise<InAppMessage[]> {
      const rows = await db
        .selectFrom('in_app_messages')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('contact_id', '=', contactId)
        .where('status', 'in', ['pending', 'seen'])
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toMessage);
    },

    /**
     * Marks a contact's message seen or dismissed (dismissing implies seen). Returns the message
     * as it was before, or undefined when the contact has no such message; a repeat changes nothing.
     */
    async mark(workspaceId: string, contactId: string, id: string, as: 'seen' | 'dismissed', at: number): Promise<InAppMessage | undefined> {
      return db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('in_app_messages').selectAll().where('workspace_id', '=', workspaceId).where('contact_id', '=', contactId).where('id', '=', id).executeTakeFirst();
        if (!row) return undefined;
        const update = as === 'seen' ? { status: row.status === 'pending' ? ('seen' as const) : row.status, seen_at: row.seen_at ?? at } : { status: 'dismissed' as const, seen_at: row.seen_at ?? at, dismissed_at: row.dismissed_at ?? at };
        await trx.updateTable('in_app_messages').set(update).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
        return toMessage(row);
      });
    },
  };
}

function toMessage(row: InAppMessageTable): InAppMessage {
  return {
    id: row.id, contactId: row.contact_id, journeyId: row.journey_id, templateId: row.template_id, locale: row.locale, title: row.title, body: row.body, status: row.status,
    createdAt: Number(row.created_at), seenAt: row.seen_at === null ? null : Number(row.seen_at), dismissedAt: row.dismissed_at === null ? null : Number(row.dismissed_at),
  };
}
