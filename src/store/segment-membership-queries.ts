import type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
import type { Database } from './database.js';
import { chunks } from './chunks.js';

export interface SegmentChange {
  segmentId: string;
  subjectId: string;
  change: 'entered' | 'exited';
  at: number;
}

/** Stored segment memberships and their entries and exits. */
export function segmentMembershipQueries(db: Kysely<Database>) {
  return {
    ...membershipUpkeepQueries(db),
    async members(workspaceId: string, segmentId: string): Promise<string[]> {
      const rows = await db.selectFrom('segment_members').select('subject_id').where('workspace_id', '=', workspaceId).where('segment_id', '=', segmentId).execute();
      return rows.map((r) => r.subject_id).sort();
    },

    /**
     * Makes the stored members of a segment equal `members`, recording who entered and who
     * left at `at`, in one transaction. Returns the changes.
     */
    async replace(workspaceId: string, segmentId: string, members: readonly string[], at: number): Promise<SegmentChange[]> {
      return db.transaction().execute(async (trx) => {
        const stored = new Set((await trx.selectFrom('segment_members').select('subject_id').where('workspace_id', '=', workspaceId).where('segment_id', '=', segmentId).execute()).map((r) => r.subject_id));
        const wanted = new Set(members);
        const entered = [...wanted].filter((id) => !stored.has(id));
        const exited = [...stored].filter((id) => !wanted.has(id));
        return recordMoves(trx, workspaceId, segmentId, { entered, exited }, at);
      });
    },

    /** Entries and exits of a segment, newest first. */
    async history(workspaceId: string, segmentId: string, limit: number): Promise<SegmentChange[]> {
      const rows = await db.selectFrom('segment_changes').selectAll().where('workspace_id', '=', workspaceId).where('segment_id', '=', segmentId).orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map((r) => ({ segmentId: r.segment_id, subjectId: r.subject_id, change: r.change, at: Number(r.at) }));
    },

    /** How many members each segment of the workspace has stored; a segment with none is absent. */
    async counts(workspaceId: string): Promise<Record<string, number>> {
      const rows = await db.selectFrom('segment_members').select(['segment_id', (eb) => eb.fn.countAll<number>().as('n')]).where('workspace_id', '=', workspaceId).groupBy('segment_id').execute();
      return Object.fromEntries(rows.map((r) => [r.segment_id, Number(r.n)]));
    },

    async count(workspaceId: string, segmentId: string): Promise<number> {
      const row = await db.selectFrom('segment_members').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).where('segment_id', '=', segmentId).executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    /** Whether any entry or exit of the segment is recorded (a deleted segment keeps its history). */
    async hasHistory(workspaceId: string, segmentId: string): Promise<boolean> {
      const row = await db.selectFrom('segment_changes').select('id').where('workspace_id', '=', workspaceId).where('segment_id', '=', segmentId).limit(1).executeTakeFirst();
      return row !== undefined;
    },

    /**
     * Names for subject ids, so a list of members can show and link them: an account by its
     * group id, a contact by the userId (or else anonymousId) its page is found by. Ids of
     * subjects no longer stored are left out.
     */
    async subjects(workspaceId: string, subject: 'contact' | 'account', ids: readonly string[]): Promise<SegmentSubject[]> {
      const found: SegmentSubject[] = [];
      for (const part of chunks([...new Set(ids)], 500)) {
        if (subject === 'account') {
          const rows = await db.selectFrom('accounts').select(['group_id', 'name', 'plan']).where('workspace_id', '=', workspaceId).where('group_id', 'in', part).execute();
          found.push(...rows.map((r) => ({ id: r.group_id, name: r.name, detail: r.plan, key: r.group_id })));
        } else {
          const identity = (kind: 'user' | 'anonymous') => (eb: ExpressionBuilder<Database, 'contacts'>) =>
            eb.selectFrom('contact_identities as ci').select('ci.value').whereRef('ci.workspace_id', '=', 'contacts.workspace_id').whereRef('ci.contact_id', '=', 'contacts.id').where('ci.kind', '=', kind).orderBy('ci.value').limit(1);
          const rows = await db
            .selectFrom('contacts')
            .select((eb) => ['contacts.id', 'contacts.name', 'contacts.email', identity('user')(eb).as('user_id'), identity('anonymous')(eb).as('anonymous_id')])
            .where('contacts.workspace_id', '=', workspaceId)
            .where('contacts.id', 'in', part)
            .execute();
          found.push(...rows.map((r) => ({ id: r.id, name: r.name, detail: r.email, key: r.user_id ?? r.anonymous_id ?? null })));
        }
      }
      const order = new Map(ids.map((id, i) => [id, i]));
      return found.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    },
  };
}

/** A member as a list shows it. */
export interface SegmentSubject {
  /** The subject id stored in memberships: a contact id or an account group id. */
  id: string;
  name: string | null;
  /** An account's plan, a contact's e-mail. */
  detail: string | null;
  /** What the subject's page is found by: a group id, a userId or anonymousId; null for a contact without identities. */
  key: string | null;
}

/**
 * Removes every stored member of a segment, recording each as an exit at `at`. Runs on the
 * executor it is given, so the deletion of a segment's definition can include it in its
 * own transaction.
 */
export async function dropSegmentMembers(db: Kysely<Database>, workspaceId: string, segmentId: string, at: number): Promise<SegmentChange[]> {
  const members = (await db.selectFrom('segment_members').select('subject_id').where('workspace_id', '=', workspaceId).where('segment_id', '=', segmentId).execute()).map((r) => r.subject_id);
  await db.deleteFrom('segment_members').where('workspace_id', '=', workspaceId).where('segment_id', '=', segmentId).execute();
  const changes = members.map((subjectId) => ({ segmentId, subjectId, change: 'exited' as const, at }));
  for (const part of chunks(changes, 500)) {
    await db.insertInto('segment_changes').values(part.map((c) => ({ workspace_id: workspaceId, segment_id: c.segmentId, subject_id: c.subjectId, change: c.change, at: c.at }))).execute();
  }
  return changes;
}

/**
 * What keeping memberships current for a few subjects at a time reads and writes: the
 * stored members among some ids, replacing membership for just those ids, who belongs to
 * which account, and whose events crossed a point in time.
 */
function membershipUpkeepQueries(db: Kysely<Database>) {
  return {
    /** Which of `ids` are stored members of the segment, sorted. */
    async membersAmong(workspaceId: string, segmentId: string, ids: readonly string[]): Promise<string[]> {
      const found: string[] = [];
      for (const part of chunks([...new Set(ids)], 500)) {
        const rows = await db.selectFrom('segment_members').select('subject_id').where('workspace_id', '=', workspaceId).where('segment_id', '=', segmentId).where('subject_id', 'in', part).execute();
        found.push(...rows.map((r) => r.subject_id));
      }
      return found.sort();
    },

    /**
     * `replace` for some subjects only: of `subjects`, exactly those in `members` are stored
     * as members afterwards, each entry and exit recorded at `at`; every other subject's
     * membership is left as it is. Returns the changes.
     */
    async replaceAmong(workspaceId: string, segmentId: string, subjects: readonly string[], members: readonly string[], at: number): Promise<SegmentChange[]> {
      const among = [...new Set(subjects)].sort();
      const wanted = new Set(members);
      if (among.length === 0) return [];
      return db.transaction().execute(async (trx) => {
        const stored = new Set<string>();
        for (const part of chunks(among, 500)) {
          const rows = await trx.selectFrom('segment_members').select('subject_id').where('workspace_id', '=', workspaceId).where('segment_id', '=', segmentId).where('subject_id', 'in', part).execute();
          for (const row of rows) stored.add(row.subject_id);
        }
        const entered = among.filter((id) => wanted.has(id) && !stored.has(id));
        const exited = among.filter((id) => !wanted.has(id) && stored.has(id));
        return recordMoves(trx, workspaceId, segmentId, { entered, exited }, at);
      });
    },

    /** The group ids of the accounts the contacts belong to, sorted. */
    async accountsOfContacts(workspaceId: string, contactIds: readonly string[]): Promise<string[]> {
      const found = new Set<string>();
      for (const part of chunks([...new Set(contactIds)], 500)) {
        const rows = await db.selectFrom('memberships').select('group_id').where('workspace_id', '=', workspaceId).where('contact_id', 'in', part).execute();
        for (const row of rows) found.add(row.group_id);
      }
      return [...found].sort();
    },

    /** The ids of the contacts that belong to the accounts, sorted. */
    async contactsOfAccounts(workspaceId: string, groupIds: readonly string[]): Promise<string[]> {
      const found = new Set<string>();
      for (const part of chunks([...new Set(groupIds)], 500)) {
        const rows = await db.selectFrom('memberships').select('contact_id').where('workspace_id', '=', workspaceId).where('group_id', 'in', part).execute();
        for (const row of rows) found.add(row.contact_id);
      }
      return [...found].sort();
    },

    /**
     * The contacts and accounts of the events timestamped from `from` to `to` (inclusive);
     * with `late`, only of events stored before their time came (sent with a future
     * timestamp). Reads the events' time index, so a short span is cheap at any size.
     */
    async eventSubjects(workspaceId: string, from: number, to: number, options: { late?: boolean } = {}): Promise<{ contacts: string[]; accounts: string[] }> {
      let query = db.selectFrom('events').select(['contact_id', 'group_id']).distinct().where('workspace_id', '=', workspaceId).where('timestamp', '>=', from).where('timestamp', '<=', to);
      if (options.late) query = query.whereRef('timestamp', '>', 'received_at');
      const contacts = new Set<string>();
      const accounts = new Set<string>();
      for (const row of await query.execute()) {
        if (row.contact_id !== null) contacts.add(row.contact_id);
        if (row.group_id !== null) accounts.add(row.group_id);
      }
      return { contacts: [...contacts].sort(), accounts: [...accounts].sort() };
    },
  };
}

/** Adds the entered, removes the exited, and records each as a change at `at`, in the caller's transaction. */
async function recordMoves(trx: Transaction<Database>, workspaceId: string, segmentId: string, moves: { entered: readonly string[]; exited: readonly string[] }, at: number): Promise<SegmentChange[]> {
  for (const part of chunks(moves.entered, 500)) {
    await trx.insertInto('segment_members').values(part.map((subject_id) => ({ workspace_id: workspaceId, segment_id: segmentId, subject_id, since: at }))).execute();
  }
  for (const part of chunks(moves.exited, 500)) {
    await trx.deleteFrom('segment_members').where('workspace_id', '=', workspaceId).where('segment_id', '=', segmentId).where('subject_id', 'in', part).execute();
  }
  const changes: SegmentChange[] = [
    ...moves.entered.map((subjectId) => ({ segmentId, subjectId, change: 'entered' as const, at })),
    ...moves.exited.map((subjectId) => ({ segmentId, subjectId, change: 'exited' as const, at })),
  ];
  for (const part of chunks(changes, 500)) {
    await trx.insertInto('segment_changes').values(part.map((c) => ({ workspace_id: workspaceId, segment_id: c.segmentId, subject_id: c.subjectId, change: c.change, at: c.at }))).execute();
  }
  return changes;
}
