import { performance } from 'node:perf_hooks';
import { sql, type CompiledQuery, type SqlBool } from 'kysely';
import { dependencyOrder } from '../../src/core/segments/membership-propagation.js';
import type { SegmentDefinition } from '../../src/core/segments/segment-definition.js';
import { conditionSql } from '../../src/store/segments/condition-sql.js';
import type { Store } from '../../src/store/store.js';
import type { BenchDatabase } from './bench-databases.js';

export interface BaselineRun {
  seconds: number;
  /** Each segment's members, to check that Touchpoint stored the same. */
  members: Map<string, string[]>;
  /** Each segment's query time, seconds. */
  perSegment: Map<string, number>;
}

/**
 * The baseline: one SELECT per segment, run with the driver directly, in dependency order.
 * Each is the statement Touchpoint's store compiles for the segment over every subject
 * (`segmentMembers`: the condition tree as one WHERE), so both sides do the same evaluation;
 * what the baseline leaves out is everything around it: Kysely, reading the stored members
 * of referenced segments, comparing with the stored members, and writing members and their
 * entries and exits. A reference reads the stored members in SQL, as Touchpoint's full refresh
 * does (a list of more than ~32k members cannot be bound as parameters); Touchpoint's own
 * refresh, run just before, stored them, and the run fails unless both find the same members.
 */
export async function runBaseline(database: BenchDatabase, workspaceId: string, segments: readonly SegmentDefinition[], now: number): Promise<BaselineRun> {
  const members = new Map<string, string[]>();
  const perSegment = new Map<string, number>();
  const started = performance.now();
  for (const segment of dependencyOrder(segments)) {
    const segmentStarted = performance.now();
    const query = compileMembersQuery(database.store, workspaceId, segment, now, (id) => (segments.some((s) => s.id === id) ? 'stored' : []));
    const rows = await database.query(query.sql, query.parameters);
    members.set(segment.id, rows.map((row) => row['id'] as string));
    perSegment.set(segment.id, (performance.now() - segmentStarted) / 1000);
  }
  return { seconds: (performance.now() - started) / 1000, members, perSegment };
}

/** The statement `segmentMembers` (src/store/segments/segment-members.ts) runs over every subject. */
function compileMembersQuery(store: Store, workspaceId: string, definition: SegmentDefinition, now: number, segmentMembers: (id: string) => readonly string[] | 'stored'): CompiledQuery {
  let aliases = 0;
  const where = conditionSql(definition.condition, { kind: definition.subject, alias: 's' }, {
    dialect: store.dialect,
    now,
    segmentMembers,
    newAlias: (prefix) => `${prefix}${++aliases}`,
  });
  const query =
    definition.subject === 'contact'
      ? store.db.selectFrom('contacts as s').select('s.id as id').where('s.workspace_id', '=', workspaceId).where(where).where(sql<SqlBool>`true`)
      : store.db.selectFrom('accounts as s').select('s.group_id as id').where('s.workspace_id', '=', workspaceId).where(where).where(sql<SqlBool>`true`);
  return query.compile();
}
