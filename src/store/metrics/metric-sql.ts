import { sql, type Expression, type ExpressionBuilder, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../database.js';

/**
 * The period (0 .. n-1) of `boundaries` a time column falls in, as one CASE; callers keep
 * rows to [boundaries[0], boundaries[n]) themselves. Calendar months differ in length, so the
 * boundaries come from the core (`periodBoundaries`) rather than from date arithmetic in SQL,
 * which differs between SQLite and PostgreSQL.
 */
export function periodOf(time: Expression<number>, boundaries: readonly number[]): RawBuilder<number> {
  const last = boundaries.length - 2;
  // One period: still an expression of the row, since GROUP BY 0 would name a column position.
  if (last <= 0) return sql<number>`CASE WHEN ${time} IS NULL THEN NULL ELSE 0 END`;
  const whens = boundaries.slice(1, -1).map((end, i) => sql`WHEN ${time} < ${sql.lit(end)} THEN ${sql.lit(i)}`);
  return sql<number>`CASE ${sql.join(whens, sql` `)} ELSE ${sql.lit(last)} END`;
}

/** Whom a metric counts: contacts in a segment (of contacts, or of accounts they belong to), or whose account has an engagement model. */
export interface Audience {
  segment?: string;
  model?: string;
}

/** A predicate keeping the events of the audience's contacts; true for everyone. */
export function inAudience(eb: ExpressionBuilder<Database, 'events'>, workspaceId: string, audience: Audience): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (audience.segment !== undefined) {
    const members = eb.selectFrom('segment_members').select('subject_id').where('segment_members.workspace_id', '=', workspaceId).where('segment_members.segment_id', '=', audience.segment);
    const inMemberAccounts = eb
      .selectFrom('memberships')
      .select('memberships.contact_id')
      .where('memberships.workspace_id', '=', workspaceId)
      .where('memberships.group_id', 'in', members);
    conditions.push(eb.or([eb('events.contact_id', 'in', members), eb('events.contact_id', 'in', inMemberAccounts)]));
  }
  if (audience.model !== undefined) {
    const inModel = eb
      .selectFrom('memberships')
      .innerJoin('account_models', (join) => join.onRef('account_models.workspace_id', '=', 'memberships.workspace_id').onRef('account_models.group_id', '=', 'memberships.group_id'))
      .select('memberships.contact_id')
      .where('memberships.workspace_id', '=', workspaceId)
      .where('account_models.model_id', '=', audience.model);
    conditions.push(eb('events.contact_id', 'in', inModel));
  }
  return eb.and(conditions);
}

/** A predicate keeping the events of the audience's accounts (a segment of accounts, an engagement model); true for all. */
export function accountInAudience(eb: ExpressionBuilder<Database, 'events'>, workspaceId: string, audience: Audience): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (audience.segment !== undefined) {
    conditions.push(eb('events.group_id', 'in', eb.selectFrom('segment_members').select('subject_id').where('segment_members.workspace_id', '=', workspaceId).where('segment_members.segment_id', '=', audience.segment)));
  }
  if (audience.model !== undefined) {
    conditions.push(eb('events.group_id', 'in', eb.selectFrom('account_models').select('account_models.group_id').where('account_models.workspace_id', '=', workspaceId).where('account_models.model_id', '=', audience.model)));
  }
  return eb.and(conditions);
}

/**
 * Each contact of the audience with the time of its first `event` (a track), as `contact_id`
 * and `born`: the cohort, sign-up or new-customer time retention, time to value and referrals
 * start from. Callers keep `born` to their range.
 */
export function firstEventPerContact(db: Kysely<Database>, workspaceId: string, event: string, audience: Audience) {
  return db
    .selectFrom('events')
    .select(['events.contact_id as contact_id', (eb) => eb.fn.min<number>('events.timestamp').as('born')])
    .where('events.workspace_id', '=', workspaceId)
    .where('events.type', '=', 'track')
    .where('events.name', '=', event)
    .where('events.contact_id', 'is not', null)
    .where((eb) => inAudience(eb, workspaceId, audience))
    .groupBy('events.contact_id');
}
