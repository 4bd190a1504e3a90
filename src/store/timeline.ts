import type { Kysely } from 'kysely';
import { DAY_MS, NO_CHANNEL } from '../core/activity.js';
import type { Category, Channel, Direction } from '../core/interactions.js';
import type { Page, TimelineEntry } from '../core/records.js';
import { validationError } from '../core/errors.js';
import type { Database } from './database.js';
import type { StoreDialect } from './dialects/dialect.js';


export interface TimelineQuery {
  limit: number;
  cursor?: string;
  channel?: string;
}

/** The customer's history as one timeline of interactions, newest first, and activity totals. */
export function timelineQueries(db: Kysely<Database>, dialect: StoreDialect) {
  const interactions = (workspaceId: string, query: TimelineQuery) => {
    let q = db
      .selectFrom('events')
      .select(['id', 'message_id', 'type', 'name', 'contact_id', 'user_id', 'group_id', 'timestamp', 'channel', 'direction', 'category', 'rating', 'sentiment', 'revenue', 'properties'])
      .where('events.workspace_id', '=', workspaceId)
      .where('channel', 'is not', null);
    if (query.channel) q = q.where('channel', '=', query.channel);
    if (query.cursor) {
      const { timestamp, id } = decodeCursor(query.cursor);
      q = q.where((eb) => eb.or([eb('timestamp', '<', timestamp), eb.and([eb('timestamp', '=', timestamp), eb('id', '<', id)])]));
    }
    return q.orderBy('timestamp', 'desc').orderBy('id', 'desc').limit(query.limit + 1);
  };

  const toPage = (rows: Awaited<ReturnType<ReturnType<typeof interactions>['execute']>>, limit: number): Page<TimelineEntry> => {
    const items = rows.slice(0, limit).map(
      (r): TimelineEntry => ({
        id: Number(r.id),
        messageId: r.message_id,
        type: r.type,
        name: r.name,
        contactId: r.contact_id,
        userId: r.user_id,
        groupId: r.group_id,
        timestamp: r.timestamp,
        channel: r.channel as Channel,
        direction: r.direction as Direction,
        category: r.category as Category,
        rating: r.rating,
        sentiment: r.sentiment,
        revenue: r.revenue,
        properties: dialect.readJson(r.properties),
      }),
    );
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.timestamp, last.id) : null };
  };

  return {
    async ofContact(workspaceId: string, contactId: string, query: TimelineQuery): Promise<Page<TimelineEntry>> {
      return toPage(await interactions(workspaceId, query).where('contact_id', '=', contactId).execute(), query.limit);
    },

    /** The account's own events and those of its contacts, merged. */
    async ofAccount(workspaceId: string, groupId: string, query: TimelineQuery): Promise<Page<TimelineEntry>> {
      const rows = await interactions(workspaceId, query)
        .where((eb) =>
          eb.or([
            eb('group_id', '=', groupId),
            eb('contact_id', 'in', eb.selectFrom('memberships').select('contact_id').where('memberships.workspace_id', '=', workspaceId).where('memberships.group_id', '=', groupId)),
          ]),
        )
        .execute();
      return toPage(rows, query.limit);
    },

    /** Interactions per UTC day and channel in [from, to), from the daily rollup. */
    async dailyActivity(workspaceId: string, from: number, to: number): Promise<{ day: number; channel: string; count: number }[]> {
      const rows = await db
        .selectFrom('activity_daily')
        .select(['day', 'channel', 'events'])
        .where('workspace_id', '=', workspaceId)
        .where('channel', '<>', NO_CHANNEL)
        .where('day', '>=', from - (from % DAY_MS))
        .where('day', '<', to)
        .orderBy('day')
        .orderBy('channel')
        .execute();
      return rows.map((r) => ({ day: Number(r.day), channel: r.channel, count: Number(r.events) }));
    },

    /** Accounts, contacts, events (messages of every kind) and revenue of a workspace. */
    async totals(workspaceId: string): Promise<{ accounts: number; contacts: number; events: number; revenue: number }> {
      const count = async (table: 'accounts' | 'contacts') =>
        Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow()).n);
      const activity = await db
        .selectFrom('activity_daily')
        .select((eb) => [eb.fn.sum<number>('events').as('events'), eb.fn.sum<number>('revenue').as('revenue')])
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirstOrThrow();
      return { accounts: await count('accounts'), contacts: await count('contacts'), events: Number(activity.events ?? 0), revenue: Number(activity.revenue ?? 0) };
    },
  };
}

function encodeCursor(timestamp: number, id: number): string {
  return Buffer.from(`${timestamp}:${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { timestamp: number; id: number } {
  const [timestamp, id] = Buffer.from(cursor, 'base64url').toString().split(':').map(Number);
  if (!Number.isSafeInteger(timestamp) || !Number.isSafeInteger(id)) throw validationError('invalid cursor', [{ path: 'cursor', message: 'is not a cursor this API returned' }]);
  return { timestamp: timestamp!, id: id! };
}
