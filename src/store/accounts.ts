import { sql, type Kysely } from 'kysely';
import type { Account } from '../core/records.js';
import { chunks } from './chunks.js';
import type { Database } from './database.js';
import type { StoreDialect } from './dialects/dialect.js';

export const ACCOUNT_SORTS = ['name', 'mrr', 'renewalDate', 'updatedAt', 'lastSeenAt'] as const;
export type AccountSort = (typeof ACCOUNT_SORTS)[number];

export interface AccountFilter {
  /** Matches name or group id, case-insensitively. */
  q?: string;
  plan?: string;
  industry?: string;
  complexity?: string;
  ownerEmail?: string;
  minMrr?: number;
  maxMrr?: number;
  sort?: AccountSort;
  order?: 'asc' | 'desc';
  limit: number;
  offset: number;
}

const SORT_COLUMNS = { name: 'accounts.name', mrr: 'accounts.mrr', renewalDate: 'accounts.renewal_date', updatedAt: 'accounts.updated_at', lastSeenAt: 'last_seen_at' } as const;

/** An account's own fields, without what is counted from its members and events. */
export type AccountRecord = Omit<Account, 'contactCount' | 'lastSeenAt'>;

/** Accounts (Segment groups): the customer companies. */
export function accountQueries(db: Kysely<Database>, dialect: StoreDialect) {
  const withCounts = (workspaceId: string) =>
    db
      .selectFrom('accounts')
      .selectAll('accounts')
      .select((eb) => [
        eb.selectFrom('memberships').select((sub) => sub.fn.countAll<number>().as('n')).whereRef('memberships.workspace_id', '=', 'accounts.workspace_id').whereRef('memberships.group_id', '=', 'accounts.group_id').as('contact_count'),
        eb.selectFrom('events').select((sub) => sub.fn.max('events.timestamp').as('t')).whereRef('events.workspace_id', '=', 'accounts.workspace_id').whereRef('events.group_id', '=', 'accounts.group_id').as('last_seen_at'),
      ])
      .where('accounts.workspace_id', '=', workspaceId);

  type Row = Awaited<ReturnType<ReturnType<typeof withCounts>['executeTakeFirstOrThrow']>>;
  const toAccount = (row: Row): Account => ({
    groupId: row.group_id,
    name: row.name,
    plan: row.plan,
    mrr: row.mrr,
    contractValue: row.contract_value,
    industry: row.industry,
    employees: row.employees,
    complexity: row.complexity,
    renewalDate: row.renewal_date,
    ownerEmail: row.owner_email,
    traits: dialect.readJson(row.traits),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    contactCount: Number(row.contact_count ?? 0),
    lastSeenAt: row.last_seen_at === null || row.last_seen_at === undefined ? null : Number(row.last_seen_at),
  });

  return {
    /** The accounts of these group ids that exist, their own fields only: one statement per 500 ids, nothing counted. */
    async records(workspaceId: string, groupIds: readonly string[]): Promise<AccountRecord[]> {
      const found: AccountRecord[] = [];
      for (const ids of chunks([...new Set(groupIds)], 500)) {
        for (const row of await db.selectFrom('accounts').selectAll().where('workspace_id', '=', workspaceId).where('group_id', 'in', ids).execute()) {
          const { contactCount: _count, lastSeenAt: _seen, ...record } = toAccount({ ...row, contact_count: 0, last_seen_at: null });
          found.push(record);
        }
      }
      return found;
    },

    async list(workspaceId: string, filter: AccountFilter): Promise<{ items: Account[]; total: number }> {
      let query = withCounts(workspaceId);
      if (filter.q) {
        const pattern = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        query = query.where((eb) => eb.or([eb(eb.fn('lower', ['accounts.name']), 'like', sql<string>`${pattern} escape '\\'`), eb(eb.fn('lower', ['accounts.group_id']), 'like', sql<string>`${pattern} escape '\\'`)]));
      }
      if (filter.plan) query = query.where('accounts.plan', '=', filter.plan);
      if (filter.industry) query = query.where('accounts.industry', '=', filter.industry);
      if (filter.complexity) query = query.where('accounts.complexity', '=', filter.complexity);
      if (filter.ownerEmail) query = query.where('accounts.owner_email', '=', filter.ownerEmail.toLowerCase());
      if (filter.minMrr !== undefined) query = query.where('accounts.mrr', '>=', filter.minMrr);
      if (filter.maxMrr !== undefined) query = query.where('accounts.mrr', '<=', filter.maxMrr);
      const total = await query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const order = filter.order ?? (filter.sort && filter.sort !== 'name' ? 'desc' : 'asc');
      const column = SORT_COLUMNS[filter.sort ?? 'name'];
      const rows = await query
        .orderBy(sql.ref(column), (ob) => (order === 'asc' ? ob.asc() : ob.desc()).nullsLast())
        .orderBy('accounts.group_id')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute();
      return { items: rows.map(toAccount), total: Number(total.n) };
    },

    async find(workspaceId: string, groupId: string): Promise<Account | undefined> {
      const row = await withCounts(workspaceId).where('accounts.group_id', '=', groupId).executeTakeFirst();
      return row ? toAccount(row) : undefined;
    },

    /** Every account's group id, in order. */
    /** Group ids of the accounts, or of those that existed at `existingAt` (first seen then or before). */
    async listIds(workspaceId: string, existingAt?: number): Promise<string[]> {
      const rows = await db
        .selectFrom('accounts')
        .select('group_id')
        .where('workspace_id', '=', workspaceId)
        .$if(existingAt !== undefined, (q) => q.where('created_at', '<=', existingAt!))
        .orderBy('group_id')
        .execute();
      return rows.map((r) => r.group_id);
    },

    /** Distinct values of the filterable columns, for the dashboard's filter menus. */
    async facets(workspaceId: string): Promise<{ plans: string[]; industries: string[]; complexities: string[]; owners: string[] }> {
      const distinct = async (column: 'plan' | 'industry' | 'complexity' | 'owner_email') => {
        const rows = await db.selectFrom('accounts').select(column).distinct().where('workspace_id', '=', workspaceId).where(column, 'is not', null).orderBy(column).limit(200).execute();
        return rows.map((r) => String(r[column]));
      };
      return { plans: await distinct('plan'), industries: await distinct('industry'), complexities: await distinct('complexity'), owners: await distinct('owner_email') };
    },
  };
}
