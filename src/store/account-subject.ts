import type { Kysely } from 'kysely';
import type { AccountSubject, ContactSubject, SubjectEvent } from '../core/segments/subjects.js';
import type { Database } from './database.js';
import type { StoreDialect } from './dialects/dialect.js';

/**
 * One account as the reference evaluator reads it — fields, traits, its events and its
 * contacts with theirs — to explain a decision about it. Reads that account's rows only.
 */
export async function loadAccountSubject(db: Kysely<Database>, dialect: StoreDialect, workspaceId: string, groupId: string): Promise<AccountSubject | undefined> {
  const account = await db.selectFrom('accounts').selectAll().where('workspace_id', '=', workspaceId).where('group_id', '=', groupId).executeTakeFirst();
  if (!account) return undefined;
  const members = db.selectFrom('memberships').select('contact_id').where('workspace_id', '=', workspaceId).where('group_id', '=', groupId);
  const contactRows = await db.selectFrom('contacts').select(['id', 'traits']).where('workspace_id', '=', workspaceId).where('id', 'in', members).execute();
  // Two indexed reads (by account, by its contacts) instead of one OR, which scans every event.
  const columns = ['id', 'type', 'name', 'timestamp', 'properties', 'revenue', 'channel', 'contact_id', 'group_id'] as const;
  const byAccount = await db.selectFrom('events').select(columns).where('workspace_id', '=', workspaceId).where('group_id', '=', groupId).execute();
  const byContacts = await db.selectFrom('events').select(columns).where('workspace_id', '=', workspaceId).where('contact_id', 'in', members).execute();
  const eventRows = [...new Map([...byAccount, ...byContacts].map((row) => [Number(row.id), row])).values()].sort((a, b) => Number(a.id) - Number(b.id));
  const toEvent = (row: (typeof eventRows)[number]): SubjectEvent => ({
    type: row.type, name: row.name, timestamp: Number(row.timestamp), properties: dialect.readJson(row.properties), revenue: row.revenue === null ? null : Number(row.revenue), channel: row.channel,
  });
  const contacts = contactRows.map((row): ContactSubject => ({
    kind: 'contact', id: row.id, traits: dialect.readJson(row.traits), events: eventRows.filter((e) => e.contact_id === row.id).map(toEvent),
  }));
  const n = (v: number | null) => (v === null ? null : Number(v));
  return {
    kind: 'account',
    id: groupId,
    fields: { plan: account.plan, mrr: n(account.mrr), contractValue: n(account.contract_value), industry: account.industry, employees: n(account.employees), complexity: account.complexity, renewalDate: n(account.renewal_date), ownerEmail: account.owner_email },
    traits: dialect.readJson(account.traits),
    events: eventRows.map(toEvent),
    contacts,
  };
}
