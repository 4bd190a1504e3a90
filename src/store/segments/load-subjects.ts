import type { Kysely } from 'kysely';
import type { AccountSubject, ContactSubject } from '../../core/segments/subjects.js';
import type { Database } from '../database.js';
import type { StoreDialect } from '../dialects/dialect.js';
import { accountFields, SUBJECT_EVENT_COLUMNS, subjectEvent } from './subject-rows.js';

/**
 * Every contact and account of a workspace as the reference evaluator reads them, with all
 * their events. For checking the SQL evaluator and for explaining one small workspace; it
 * reads the whole workspace into memory.
 */
export async function loadSubjects(db: Kysely<Database>, dialect: StoreDialect, workspaceId: string): Promise<{ contacts: ContactSubject[]; accounts: AccountSubject[] }> {
  const [contactRows, accountRows, membershipRows, eventRows] = await Promise.all([
    db.selectFrom('contacts').select(['id', 'traits']).where('workspace_id', '=', workspaceId).execute(),
    db.selectFrom('accounts').selectAll().where('workspace_id', '=', workspaceId).execute(),
    db.selectFrom('memberships').select(['group_id', 'contact_id']).where('workspace_id', '=', workspaceId).execute(),
    db.selectFrom('events').select(SUBJECT_EVENT_COLUMNS).where('workspace_id', '=', workspaceId).orderBy('id').execute(),
  ]);
  const events = eventRows.map((row) => ({
    contactId: row.contact_id,
    groupId: row.group_id,
    event: subjectEvent(row, dialect),
  }));
  const contacts = new Map(
    contactRows.map((row): [string, ContactSubject] => [
      row.id,
      { kind: 'contact', id: row.id, traits: dialect.readJson(row.traits), events: events.filter((e) => e.contactId === row.id).map((e) => e.event) },
    ]),
  );
  const accounts = accountRows.map((row): AccountSubject => {
    const members = new Set(membershipRows.filter((m) => m.group_id === row.group_id).map((m) => m.contact_id));
    return {
      kind: 'account',
      id: row.group_id,
      fields: accountFields(row),
      traits: dialect.readJson(row.traits),
      events: events.filter((e) => e.groupId === row.group_id || (e.contactId !== null && members.has(e.contactId))).map((e) => e.event),
      contacts: [...members].flatMap((id) => contacts.get(id) ?? []),
    };
  });
  return { contacts: [...contacts.values()], accounts };
}
