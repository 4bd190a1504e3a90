import type { Kysely } from 'kysely';
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
        for (const part of chunks(entered, 500)) {
          await trx.insertInto('segment_members').values(part.map((subject_id) => ({ workspace_id: workspaceId, segment_id: segmentId, subject_id, since: at }))).execute();
        }
        for (const part of chunks(exited, 500)) {
          await trx.deleteFrom('segment_members').where('workspace_id', '=', workspaceId).where('segment_id', '=', segmentId).where('subject_id', 'in', part).execute();
        }
        const changes: SegmentChange[] = [
          ...entered.map((subjectId) => ({ segmentId, subjectId, change: 'entered' as const, at })),
          ...exited.map((subjectId) => ({ segmentId, subjectId, change: 'exited' as const, at })),
        ];
        for (const part of chunks(changes, 500)) {
          await trx.insertInto('segment_changes').values(part.map((c) => ({ workspace_id: workspaceId, segment_id: c.segmentId, subject_id: c.subjectId, change: c.change, at: c.at }))).execute();
        }
        return changes;
      });
    },

    /** Entries and exits of a segment, newest first. */
    async history(workspaceId: string, segmentId: string, limit: number): Promise<SegmentChange[]> {
      const rows = await db.selectFrom('segment_changes').selectAll().where('workspace_id', '=', workspaceId).where('segment_id', '=', segmentId).orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map((r) => ({ segmentId: r.segment_id, subjectId: r.subject_id, change: r.change, at: Number(r.at) }));
    },
  };
}
