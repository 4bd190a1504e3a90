import type { Kysely } from 'kysely';
import type { AccountSubject, ContactSubject } from '../core/segments/subjects.js';
import type { Database } from './database.js';
import type { StoreDialect } from './dialects/dialect.js';
import { accountFields, SUBJECT_EVENT_COLUMNS, subjectEvent } from './segments/subject-rows.js';

/**
 * One account as the reference evaluator reads it — fields, traits, its events and its
 * contacts with theirs — to explain a decision about it. Reads that account's rows only.
 */
export async function loadAccountSubject(db: Kysely<Database>, dialect: StoreDialect, workspaceId: string, groupId: string, reads: { events: boolean } = { events: true }): Promise<AccountSubject | undefined> {
  const account = await db.selectFrom('accounts').selectAll().where('workspace_id', '=', workspaceId).where('group_id', '=', groupId).executeTakeFirst();
  if (!account) return undefined;
  const members = db.selectFrom('memberships').select('contact_id').where('workspace_id', '=', workspaceId).where('group_id', '=', groupId);
  const contactRows = await db.selectFrom('contacts').select(['id', 'traits']).where('workspace_id', '=', workspaceId).where('id', 'in', members).execute();
  // Two indexed reads (by account, by its contacts) instead of one OR, which scans every event.
  const columns = SUBJECT_EVENT_COLUMNS;
  const byAccount = reads.events ? await db.selectFrom('events').select(columns).where('workspace_id', '=', workspaceId).where('group_id', '=', groupId).execute() : [];
  const byContacts = reads.events ? await db.selectFrom('events').select(columns).where('workspace_id', '=', workspaceId).where('contact_id', 'in', members).execute() : [];
  const eventRows = [...new Map([...byAccount, ...byContacts].map((row) => [Number(row.id), row])).values()].sort((a, b) => Number(a.id) - Number(b.id));
  const toEvent = (row: (typeof eventRows)[number]) => subjectEvent(row, dialect);
  const contacts = contactRows.map((row): ContactSubject => ({
    kind: 'contact', id: row.id, traits: dialect.readJson(row.traits), events: eventRows.filter((e) => e.contact_id === row.id).map(toEvent),
  }));
  return {
    kind: 'account',
    id: groupId,
    fields: accountFields(account),
    traits: dialect.readJson(account.traits),
    events: eventRows.map(toEvent),
    contacts,
  };
}
