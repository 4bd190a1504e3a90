import type { Kysely } from 'kysely';
import type { OwnerChange } from '../core/records.js';
import type { TeamMember, TeamMemberInput, TeamRole } from '../core/team/team-member.js';
import type { Database, TeamMemberTable } from './database.js';
import type { StoreDialect } from './dialects/dialect.js';

export interface AccountOwner {
  groupId: string;
  memberId: string;
  reason: string;
  since: number;
}

export type { OwnerChange };

/** The customer success team, and who owns which account with every reassignment. */
export function teamQueries(db: Kysely<Database>, dialect: StoreDialect) {
  const toMember = (row: TeamMemberTable): TeamMember => ({
    id: row.id, email: row.email, name: row.name, role: row.role as TeamRole, capacity: Number(row.capacity),
    territories: JSON.parse(String(row.territories)) as string[], segments: JSON.parse(String(row.segments)) as string[],
    active: Number(row.active) === 1, createdAt: Number(row.created_at),
  });
  const columns = (m: TeamMemberInput) => ({
    email: m.email, name: m.name, role: m.role, capacity: m.capacity,
    territories: JSON.stringify(m.territories), segments: JSON.stringify(m.segments), active: m.active ? 1 : 0,
  });
  return {
    async list(workspaceId: string): Promise<TeamMember[]> {
      const rows = await db.selectFrom('team_members').selectAll().where('workspace_id', '=', workspaceId).orderBy('name').orderBy('id').execute();
      return rows.map(toMember);
    },

    async find(workspaceId: string, id: string): Promise<TeamMember | undefined> {
      const row = await db.selectFrom('team_members').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
      return row ? toMember(row) : undefined;
    },

    async findByEmail(workspaceId: string, email: string): Promise<TeamMember | undefined> {
      const row = await db.selectFrom('team_members').selectAll().where('workspace_id', '=', workspaceId).where('email', '=', email.toLowerCase()).executeTakeFirst();
      return row ? toMember(row) : undefined;
    },

    /** Adds a member; false when the e-mail is already on the team. */
    async insert(workspaceId: string, id: string, member: TeamMemberInput, now: number): Promise<boolean> {
      const result = await db
        .insertInto('team_members')
        .values({ workspace_id: workspaceId, id, created_at: now, ...columns(member) })
        .onConflict((oc) => oc.columns(['workspace_id', 'email']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async update(workspaceId: string, id: string, member: TeamMemberInput): Promise<void> {
      await db.updateTable('team_members').set(columns(member)).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
    },

    /** Accounts each member owns now. */
    async loads(workspaceId: string): Promise<Map<string, number>> {
      const rows = await db
        .selectFrom('account_owners')
        .select(['member_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('workspace_id', '=', workspaceId)
        .groupBy('member_id')
        .execute();
      return new Map(rows.map((r) => [r.member_id, Number(r.n)]));
    },

    /** What owner choice reads of an account: its traits (for the territory), the owner its data names, and the segments it is in. */
    async coverageOf(workspaceId: string, groupId: string): Promise<{ traits: Record<string, unknown>; ownerEmail: string | null; segments: Set<string> } | undefined> {
      const account = await db.selectFrom('accounts').select(['traits', 'owner_email']).where('workspace_id', '=', workspaceId).where('group_id', '=', groupId).executeTakeFirst();
      if (!account) return undefined;
      const rows = await db.selectFrom('segment_members').select('segment_id').where('workspace_id', '=', workspaceId).where('subject_id', '=', groupId).execute();
      return { traits: dialect.readJson(account.traits), ownerEmail: account.owner_email, segments: new Set(rows.map((r) => r.segment_id)) };
    },

    async owner(workspaceId: string, groupId: string): Promise<AccountOwner | undefined> {
      const row = await db.selectFrom('account_owners').selectAll().where('workspace_id', '=', workspaceId).where('group_id', '=', groupId).executeTakeFirst();
      return row ? { groupId: row.group_id, memberId: row.member_id, reason: row.reason, since: Number(row.since) } : undefined;
    },

    async owners(workspaceId: string): Promise<Map<string, AccountOwner>> {
      const rows = await db.selectFrom('account_owners').selectAll().where('workspace_id', '=', workspaceId).execute();
      return new Map(rows.map((row) => [row.group_id, { groupId: row.group_id, memberId: row.member_id, reason: row.reason, since: Number(row.since) }]));
    },

    /**
     * Gives the account to `memberId`, or releases it (null), with one history row, in one
     * transaction. Setting the owner it already has changes nothing and returns false.
     */
    async setOwner(workspaceId: string, groupId: string, memberId: string | null, change: { reason: string; changedBy: string; at: number }): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const current = await trx.selectFrom('account_owners').select('member_id').where('workspace_id', '=', workspaceId).where('group_id', '=', groupId).executeTakeFirst();
        if ((current?.member_id ?? null) === memberId) return false;
        if (memberId === null) {
          await trx.deleteFrom('account_owners').where('workspace_id', '=', workspaceId).where('group_id', '=', groupId).execute();
        } else {
          const row = { member_id: memberId, reason: change.reason, since: change.at };
          await trx.insertInto('account_owners').values({ workspace_id: workspaceId, group_id: groupId, ...row }).onConflict((oc) => oc.columns(['workspace_id', 'group_id']).doUpdateSet(row)).execute();
        }
        await trx
          .insertInto('owner_changes')
          .values({ workspace_id: workspaceId, group_id: groupId, from_member: current?.member_id ?? null, to_member: memberId, reason: change.reason, changed_by: change.changedBy, changed_at: change.at })
          .execute();
        return true;
      });
    },

    async ownerHistory(workspaceId: string, groupId: string): Promise<OwnerChange[]> {
      const rows = await db.selectFrom('owner_changes').selectAll().where('workspace_id', '=', workspaceId).where('group_id', '=', groupId).orderBy('changed_at', 'desc').orderBy('id', 'desc').execute();
      return rows.map((r) => ({ fromMember: r.from_member, toMember: r.to_member, reason: r.reason, changedBy: r.changed_by, changedAt: Number(r.changed_at) }));
    },
  };
}
