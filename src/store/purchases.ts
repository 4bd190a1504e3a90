import type { Kysely } from 'kysely';
import type { Purchase } from '../core/clv/purchase-summary.js';
import type { Database } from './database.js';
import { chunks } from './chunks.js';

/** Contacts whose user ids one statement reads. */
const CONTACTS_PER_READ = 500;

/** Purchases, as the lifetime-value models read them: the contact, when, and the revenue. */
export function purchaseQueries(db: Kysely<Database>) {
  const purchaseEvents = (workspaceId: string, event: string, before: number) =>
    db
      .selectFrom('events')
      .select(['contact_id', 'timestamp', 'revenue'])
      .where('workspace_id', '=', workspaceId)
      .where('type', '=', 'track')
      .where('name', '=', event)
      .where('timestamp', '<', before)
      .where('contact_id', 'is not', null);
  const toPurchase = (r: { contact_id: string | null; timestamp: number; revenue: number | null }): Purchase => ({ customerId: r.contact_id!, at: Number(r.timestamp), value: r.revenue ?? 0 });

  return {
    /** Every contact's `event` tracks before `before` (ms), oldest first; revenue 0 where none was given. */
    async all(workspaceId: string, event: string, before: number): Promise<Purchase[]> {
      return (await purchaseEvents(workspaceId, event, before).orderBy('timestamp').orderBy('id').execute()).map(toPurchase);
    },

    /** One contact's `event` tracks before `before`, oldest first. */
    async ofContact(workspaceId: string, contactId: string, event: string, before: number): Promise<Purchase[]> {
      return (await purchaseEvents(workspaceId, event, before).where('contact_id', '=', contactId).orderBy('timestamp').orderBy('id').execute()).map(toPurchase);
    },

    /** The (first) userId of each of these contacts that has one. */
    async userIds(workspaceId: string, contactIds: readonly string[]): Promise<Map<string, string>> {
      const userIds = new Map<string, string>();
      for (const part of chunks(contactIds, CONTACTS_PER_READ)) {
        const rows = await db
          .selectFrom('contact_identities')
          .select(['contact_id', 'value'])
          .where('workspace_id', '=', workspaceId)
          .where('kind', '=', 'user')
          .where('contact_id', 'in', part)
          .orderBy('value')
          .execute();
        for (const r of rows) if (!userIds.has(r.contact_id)) userIds.set(r.contact_id, r.value);
      }
      return userIds;
    },
  };
}
