import { sql, type Kysely, type SqlBool } from 'kysely';
import type { SegmentDefinition } from '../../core/segments/segment-definition.js';
import { chunks } from '../chunks.js';
import type { Database } from '../database.js';
import type { StoreDialect } from '../dialects/dialect.js';
import { conditionSql } from './condition-sql.js';
import { subjectIn, type SubjectSql } from './subject-sql.js';

export interface SegmentMembersOptions {
  now: number;
  /** Members of other segments a definition refers to, as last computed; none when absent. */
  segmentMembers?: (segmentId: string) => readonly string[] | 'stored';
  /**
   * Evaluate only these subjects (ids of the segment's kind); ids that are no subject are
   * left out of the answer. Absent: every subject of the workspace.
   */
  subjects?: readonly string[];
}

/**
 * The ids of the workspace's subjects in a segment (contact ids, or account group ids),
 * sorted; the same answer as `evaluateSegment` on every subject (or on `subjects`), in one
 * query, or one per chunk of `subjects` that fits the database's bind-parameter limit.
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
  const query = (among: ReturnType<typeof subjectIn>) =>
    subject.kind === 'contact'
      ? db.selectFrom('contacts as s').select('s.id as id').where('s.workspace_id', '=', workspaceId).where(where).where(among)
      : db.selectFrom('accounts as s').select('s.group_id as id').where('s.workspace_id', '=', workspaceId).where(where).where(among);
  // Off the store's connection where the dialect has readers: a segment over every contact is
  // the longest read Touchpoint makes. Inside a transaction the query must see its writes.
  const rows = (compiled: ReturnType<typeof query>) => (dialect.readers && !db.isTransaction ? dialect.readers.read<{ id: string }>(compiled.compile()) : compiled.execute());
  const ids: string[] = [];
  if (options.subjects === undefined) {
    for (const row of await rows(query(sql<SqlBool>`true`))) ids.push(row.id);
  } else {
    // The condition's own parameters (operands, referenced members) leave the rest for ids.
    const room = dialect.capabilities.maxParameters - query(sql<SqlBool>`true`).compile().parameters.length;
    if (room < 1) throw new Error(`segment ${definition.id}: its condition alone needs more bind parameters than the database allows`);
    for (const part of chunks([...new Set(options.subjects)], room)) {
      for (const row of await rows(query(subjectIn(subject, part)))) ids.push(row.id);
    }
  }
  // Sorted here, not in SQL: collations differ between databases, code units do not.
  return ids.sort();
}
