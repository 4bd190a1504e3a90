import type { Transaction } from 'kysely';
import { accountFieldsFromTraits, contactFieldsFromTraits } from '../../core/profiles.js';
import { mergeTraits } from '../../core/traits.js';
import type { Database } from '../database.js';
import type { StoreDialect } from '../dialects/dialect.js';
import { chunks } from '../chunks.js';

interface TraitUpdate {
  traits: Record<string, unknown>;
  /** When the update was received; becomes `updated_at`. */
  at: number;
}

/** Moves everything of contact `from` to `into` and deletes `from`; `into`'s traits win. */
export async function mergeContacts(trx: Transaction<Database>, dialect: StoreDialect, workspaceId: string, from: string, into: string): Promise<void> {
  if (from === into) return;
  const both = await lockContacts(trx, dialect, workspaceId, [from, into]);
  const source = both.find((c) => c.id === from);
  const target = both.find((c) => c.id === into);
  if (!source || !target) return;
  await trx.updateTable('contact_identities').set({ contact_id: into }).where('workspace_id', '=', workspaceId).where('contact_id', '=', from).execute();
  await trx.updateTable('events').set({ contact_id: into }).where('workspace_id', '=', workspaceId).where('contact_id', '=', from).execute();
  const groups = await trx.selectFrom('memberships').select(['group_id', 'created_at']).where('workspace_id', '=', workspaceId).where('contact_id', '=', from).execute();
  await addMemberships(trx, workspaceId, groups.map((g) => ({ groupId: g.group_id, contactId: into, at: g.created_at })));
  await trx.deleteFrom('memberships').where('workspace_id', '=', workspaceId).where('contact_id', '=', from).execute();
  const traits = mergeTraits(dialect.readJson(source.traits), dialect.readJson(target.traits));
  await trx
    .updateTable('contacts')
    .set({ ...contactColumns(traits), traits: JSON.stringify(traits), created_at: Math.min(source.created_at, target.created_at) })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', into)
    .execute();
  await trx.deleteFrom('contacts').where('workspace_id', '=', workspaceId).where('id', '=', from).execute();
}

/** Applies identify traits to contacts, in the order received. */
export async function applyContactTraits(trx: Transaction<Database>, dialect: StoreDialect, workspaceId: string, updates: (TraitUpdate & { contactId: string })[]): Promise<void> {
  if (updates.length === 0) return;
  const current = new Map<string, { traits: Record<string, unknown>; at: number }>();
  for (const row of await lockContacts(trx, dialect, workspaceId, [...new Set(updates.map((u) => u.contactId))])) {
    current.set(row.id, { traits: dialect.readJson(row.traits), at: row.updated_at });
  }
  for (const update of updates) {
    const contact = current.get(update.contactId);
    if (contact) current.set(update.contactId, { traits: mergeTraits(contact.traits, update.traits), at: Math.max(contact.at, update.at) });
  }
  for (const [id, contact] of [...current].sort(([a], [b]) => (a < b ? -1 : 1))) {
    await trx
      .updateTable('contacts')
      .set({ ...contactColumns(contact.traits), traits: JSON.stringify(contact.traits), updated_at: contact.at })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  }
}

/** Creates the accounts a batch mentions and applies group traits, in the order received. */
export async function applyAccountTraits(trx: Transaction<Database>, dialect: StoreDialect, workspaceId: string, updates: (TraitUpdate & { groupId: string })[]): Promise<{ created: number }> {
  if (updates.length === 0) return { created: 0 };
  const groupIds = [...new Set(updates.map((u) => u.groupId))].sort();
  const current = new Map<string, { traits: Record<string, unknown>; createdAt: number; at: number; changed: boolean }>();
  for (const part of chunks(groupIds, 1000)) {
    let query = trx.selectFrom('accounts').select(['group_id', 'traits', 'created_at', 'updated_at']).where('workspace_id', '=', workspaceId).where('group_id', 'in', part);
    if (dialect.capabilities.rowLocks) query = query.forUpdate();
    for (const row of await query.execute()) current.set(row.group_id, { traits: dialect.readJson(row.traits), createdAt: row.created_at, at: row.updated_at, changed: false });
  }
  let created = 0;
  for (const update of updates) {
    const account = current.get(update.groupId);
    const hasTraits = Object.keys(update.traits).length > 0;
    if (!account) {
      current.set(update.groupId, { traits: mergeTraits({}, update.traits), createdAt: update.at, at: update.at, changed: true });
      created++;
    }
    else if (hasTraits) current.set(update.groupId, { ...account, traits: mergeTraits(account.traits, update.traits), at: Math.max(account.at, update.at), changed: true });
  }
  for (const [groupId, account] of [...current].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!account.changed) continue;
    const row = { ...accountColumns(account.traits), traits: JSON.stringify(account.traits), updated_at: account.at };
    await trx
      .insertInto('accounts')
      .values({ workspace_id: workspaceId, group_id: groupId, created_at: account.createdAt, ...row })
      .onConflict((oc) => oc.columns(['workspace_id', 'group_id']).doUpdateSet(row))
      .execute();
  }
  return { created };
}

/** Records that contacts belong to accounts; existing memberships keep their first date. */
export async function addMemberships(trx: Transaction<Database>, workspaceId: string, memberships: { groupId: string; contactId: string; at: number }[]): Promise<{ created: number }> {
  const unique = new Map<string, { groupId: string; contactId: string; at: number }>();
  for (const m of memberships) {
    const key = `${m.groupId}\u0000${m.contactId}`;
    const seen = unique.get(key);
    if (!seen || m.at < seen.at) unique.set(key, m);
  }
  let created = 0;
  for (const part of chunks([...unique.values()], 1000)) {
    const result = await trx
      .insertInto('memberships')
      .values(part.map((m) => ({ workspace_id: workspaceId, group_id: m.groupId, contact_id: m.contactId, created_at: m.at })))
      .onConflict((oc) => oc.columns(['workspace_id', 'group_id', 'contact_id']).doNothing())
      .executeTakeFirst();
    created += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return { created };
}

async function lockContacts(trx: Transaction<Database>, dialect: StoreDialect, workspaceId: string, ids: string[]) {
  const rows = [];
  // Locks are taken in id order, so two writers never wait on each other in a circle.
  for (const part of chunks([...ids].sort(), 1000)) {
    let query = trx.selectFrom('contacts').select(['id', 'traits', 'created_at', 'updated_at']).where('workspace_id', '=', workspaceId).where('id', 'in', part);
    // Several server processes may write one contact at once on PostgreSQL; the read-merge-write must not interleave.
    if (dialect.capabilities.rowLocks) query = query.forUpdate();
    rows.push(...(await query.execute()));
  }
  return rows;
}

function contactColumns(traits: Record<string, unknown>) {
  const f = contactFieldsFromTraits(traits);
  return { email: f.email ?? null, name: f.name ?? null, locale: f.locale ?? null, timezone: f.timezone ?? null };
}

function accountColumns(traits: Record<string, unknown>) {
  const f = accountFieldsFromTraits(traits);
  return {
    name: f.name ?? null,
    plan: f.plan ?? null,
    mrr: f.mrr ?? null,
    contract_value: f.contractValue ?? null,
    industry: f.industry ?? null,
    employees: f.employees ?? null,
    complexity: f.complexity ?? null,
    renewal_date: f.renewalDate ?? null,
    owner_email: f.ownerEmail ?? null,
  };
}
