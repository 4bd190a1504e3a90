import type { Kysely } from 'kysely';
import type { Database } from '../database.js';

/** Rated or sentiment-bearing feedback in [from, to) of each account (the events tagged with it). */
export async function accountFeedback(db: Kysely<Database>, workspaceId: string, from: number, to: number, groupIds?: readonly string[]) {
  const rows = await db
    .selectFrom('events')
    .select(['events.group_id', 'events.name', 'events.sentiment', 'events.rating'])
    .where('events.workspace_id', '=', workspaceId)
    .where('events.category', '=', 'feedback')
    .where('events.group_id', 'is not', null)
    .$if(groupIds !== undefined, (q) => q.where('events.group_id', 'in', groupIds!.length ? groupIds! : ['']))
    .where((eb) => eb.or([eb('events.rating', 'is not', null), eb('events.sentiment', 'is not', null)]))
    .where('events.timestamp', '>=', from)
    .where('events.timestamp', '<', to)
    .orderBy('events.id')
    .execute();
  return rows.map((r) => ({ groupId: r.group_id!, name: r.name, sentiment: r.sentiment, rating: r.rating }));
}

/** Every account's renewal date (ms), null where it has none. */
export async function renewalDates(db: Kysely<Database>, workspaceId: string, groupIds?: readonly string[]): Promise<Map<string, number | null>> {
  const rows = await db
    .selectFrom('accounts')
    .select(['group_id', 'renewal_date'])
    .where('workspace_id', '=', workspaceId)
    .$if(groupIds !== undefined, (q) => q.where('group_id', 'in', groupIds!.length ? groupIds! : ['']))
    .execute();
  return new Map(rows.map((r) => [r.group_id, r.renewal_date === null ? null : Number(r.renewal_date)]));
}

/** The accounts of an audience: in a segment (of accounts), with an engagement model, or both; undefined for all. */
export async function audienceAccounts(db: Kysely<Database>, workspaceId: string, audience: { segment?: string; model?: string }): Promise<string[] | undefined> {
  if (audience.segment === undefined && audience.model === undefined) return undefined;
  let query = db.selectFrom('accounts').select('accounts.group_id').where('accounts.workspace_id', '=', workspaceId);
  if (audience.segment !== undefined) {
    query = query.where('accounts.group_id', 'in', db.selectFrom('segment_members').select('subject_id').where('workspace_id', '=', workspaceId).where('segment_id', '=', audience.segment));
  }
  if (audience.model !== undefined) {
    query = query.where('accounts.group_id', 'in', db.selectFrom('account_models').select('group_id').where('workspace_id', '=', workspaceId).where('model_id', '=', audience.model));
  }
  return (await query.orderBy('accounts.group_id').execute()).map((r) => r.group_id);
}
