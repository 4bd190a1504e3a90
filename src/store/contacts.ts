import type { Kysely } from 'kysely';
import type { AccountContact, Contact } from '../core/records.js';
import { chunks } from './chunks.js';
import type { Database } from './database.js';
import type { StoreDialect } from './dialects/dialect.js';

/** Contacts: the people, known by userId and/or anonymousId. */
export function contactQueries(db: Kysely<Database>, dialect: StoreDialect) {
  type ContactRow = { id: string; email: string | null; name: string | null; locale: string | null; timezone: string | null; traits: unknown; created_at: number; updated_at: number };
  const toContact = (row: ContactRow, identities: readonly { kind: string; value: string }[], groupIds: readonly string[]): Contact => ({
    id: row.id,
    userIds: identities.filter((i) => i.kind === 'user').map((i) => i.value),
    anonymousIds: identities.filter((i) => i.kind === 'anonymous').map((i) => i.value),
    email: row.email,
    name: row.name,
    locale: row.locale,
    timezone: row.timezone,
    traits: dialect.readJson(row.traits as string),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    accounts: [...groupIds],
  });

  async function findById(workspaceId: string, contactId: string): Promise<Contact | undefined> {
    const row = await db.selectFrom('contacts').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', contactId).executeTakeFirst();
    if (!row) return undefined;
    const identities = await db.selectFrom('contact_identities').select(['kind', 'value']).where('workspace_id', '=', workspaceId).where('contact_id', '=', contactId).orderBy('value').execute();
    const groups = await db.selectFrom('memberships').select('group_id').where('workspace_id', '=', workspaceId).where('contact_id', '=', contactId).orderBy('created_at').orderBy('group_id').execute();
    return toContact(row, identities, groups.map((g) => g.group_id));
  }

  /** The contacts of these ids that exist, as `findById` reads each, in three statements per 500 ids. */
  async function findMany(workspaceId: string, contactIds: readonly string[]): Promise<Contact[]> {
    const found: Contact[] = [];
    for (const ids of chunks([...new Set(contactIds)], 500)) {
      const rows = await db.selectFrom('contacts').selectAll().where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
      if (rows.length === 0) continue;
      const identities = await db.selectFrom('contact_identities').select(['contact_id', 'kind', 'value']).where('workspace_id', '=', workspaceId).where('contact_id', 'in', ids).orderBy('value').execute();
      const groups = await db.selectFrom('memberships').select(['contact_id', 'group_id']).where('workspace_id', '=', workspaceId).where('contact_id', 'in', ids).orderBy('created_at').orderBy('group_id').execute();
      const identitiesOf = groupBy(identities, (i) => i.contact_id);
      const groupsOf = groupBy(groups, (g) => g.contact_id);
      for (const row of rows) found.push(toContact(row, identitiesOf.get(row.id) ?? [], (groupsOf.get(row.id) ?? []).map((g) => g.group_id)));
    }
    return found;
  }

  return {
    findById,
    findMany,

    /** The contact known by this userId, or else by this anonymousId. */
    async findByUserId(workspaceId: string, id: string): Promise<Contact | undefined> {
      const identity = await db
        .selectFrom('contact_identities')
        .select(['contact_id', 'kind'])
        .where('workspace_id', '=', workspaceId)
        .where('value', '=', id)
        .where('kind', 'in', ['user', 'anonymous'])
        .orderBy('kind', 'desc')
        .executeTakeFirst();
      return identity ? findById(workspaceId, identity.contact_id) : undefined;
    },

    /** Members of an account, most recently updated first. */
    async listOfAccount(workspaceId: string, groupId: string, limit: number): Promise<AccountContact[]> {
      const rows = await db
        .selectFrom('memberships')
        .innerJoin('contacts', (join) => join.onRef('contacts.workspace_id', '=', 'memberships.workspace_id').onRef('contacts.id', '=', 'memberships.contact_id'))
        .select(['contacts.id', 'contacts.email', 'contacts.name', 'contacts.traits', 'contacts.updated_at', 'memberships.created_at as joined_at'])
        .select((eb) =>
          eb.selectFrom('contact_identities as ci').select('ci.value').whereRef('ci.workspace_id', '=', 'contacts.workspace_id').whereRef('ci.contact_id', '=', 'contacts.id').where('ci.kind', '=', 'user').limit(1).as('user_id'),
        )
        .where('memberships.workspace_id', '=', workspaceId)
        .where('memberships.group_id', '=', groupId)
        .orderBy('contacts.updated_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        userId: r.user_id ?? null,
        email: r.email,
        name: r.name,
        title: (dialect.readJson(r.traits)['title'] as string | undefined) ?? null,
        joinedAt: r.joined_at,
        updatedAt: r.updated_at,
      }));
    },
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    let group = groups.get(k);
    if (!group) groups.set(k, (group = []));
    group.push(item);
  }
  return groups;
}
