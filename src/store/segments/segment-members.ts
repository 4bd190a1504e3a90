import type { Kysely } from 'kysely';
import type { SegmentDefinition } from '../../core/segments/segment-definition.js';
import type { Database } from '../database.js';
import type { StoreDialect } from '../dialects/dialect.js';
import { conditionSql } from './condition-sql.js';
import type { SubjectSql } from './subject-sql.js';

export interface SegmentMembersOptions {
  now: number;
  /** Members of other segments a definition refers to, as last computed; none when absent. */
  segmentMembers?: (segmentId: string) => readonly string[];
}

/**
 * The ids of the workspace's subjects in a segment (contact ids, or account group ids),
 * sorted; the same answer as `evaluateSegment` on every subject, in one query.
 */
export async function segmentMembers(db: Kysely<Database>, dialect: StoreDialect, workspaceId: string, definition: SegmentDefinition, options: SegmentMembersOptions): Promise<string[]> {
  let aliases = 0;
  const subject: SubjectSql = { kind: definition.subject, alias: 's' };
  const where = conditionSql(definition.condition, subject, {
    dialect,
    now: options.now,
    segmentMembers: options.segmentMembers ?? (() => []),
    newAlias: (prefix) => `${prefix}${++aliases}`,
  });
  const rows =
    subject.kind === 'contact'
      ? await db.selectFrom('contacts as s').select('s.id as id').where('s.workspace_id', '=', workspaceId).where(where).execute()
      : await db.selectFrom('accounts as s').select('s.group_id as id').where('s.workspace_id', '=', workspaceId).where(where).execute();
  // Sorted here, not in SQL: collations differ between databases, code units do not.
  return rows.map((row) => row.id).sort();
}
