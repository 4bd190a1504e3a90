import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { DAY_MS } from '../../core/activity.js';
import { assertNever } from '../../core/errors.js';
import {
  countBounds, tagCondition,
  type ComputedCondition, type Condition, type ContactsCondition, type EventCondition, type SeenCondition, type TrendCondition,
} from '../../core/segments/conditions.js';
import type { StoreDialect } from '../dialects/dialect.js';
import { numberComparisonSql, numberParam, operatorSql } from './operator-sql.js';
import { documentValueSql, subjectEventAggregates, subjectEventCountUpTo, subjectId, traitValueSql, type EventAggregate, type SubjectSql } from './subject-sql.js';

/** What compiling a condition needs besides the condition; see `segmentMembers`. */
export interface ConditionContext {
  dialect: StoreDialect;
  now: number;
  /**
   * Members of a referenced segment: a list (bound as parameters), or `stored` to read the
   * stored memberships in SQL — for a full refresh, where the referenced segment was just
   * refreshed and may have more members than a statement can bind (~32k on SQLite).
   */
  segmentMembers: (segmentId: string) => readonly string[] | 'stored';
  /** A fresh table alias for a subquery, unique in the statement. */
  newAlias: (prefix: string) => string;
}

/**
 * `evaluateCondition` (core/segments/evaluate-segment.ts) as one SQL predicate over the
 * subject's row, with correlated subqueries for events and contacts. Every leaf is
 * two-valued, so `not` flips it exactly as the reference does.
 */
export function conditionSql(condition: Condition, subject: SubjectSql, context: ConditionContext): RawBuilder<SqlBool> {
  const tagged = tagCondition(condition);
  switch (tagged.kind) {
    case 'all':
      return tagged.body.length === 0 ? sql<SqlBool>`true` : sql<SqlBool>`(${sql.join(tagged.body.map((c) => conditionSql(c, subject, context)), sql` and `)})`;
    case 'any':
      return tagged.body.length === 0 ? sql<SqlBool>`false` : sql<SqlBool>`(${sql.join(tagged.body.map((c) => conditionSql(c, subject, context)), sql` or `)})`;
    case 'not':
      return sql<SqlBool>`(not ${conditionSql(tagged.body, subject, context)})`;
    case 'trait': {
      const value = traitValueSql(context.dialect.json, subject, tagged.body.name, () => context.newAlias('j'));
      return operatorSql(context.dialect.json, value, tagged.body.op, tagged.body.value);
    }
    case 'event':
      return eventSql(tagged.body, subject, context);
    case 'firstSeen':
    case 'lastSeen':
      return seenSql(tagged.kind === 'firstSeen' ? 'min' : 'max', tagged.body, subject, context);
    case 'computed':
      return computedSql(tagged.body, subject, context);
    case 'trend':
      return trendSql(tagged.body, subject, context);
    case 'segment': {
      const members = context.segmentMembers(tagged.body.id);
      const sm = sql.id(context.newAlias('sm'));
      const isIn =
        members === 'stored'
          ? sql<SqlBool>`exists (select 1 from segment_members as ${sm} where ${sm}.workspace_id = ${sql.ref(`${subject.alias}.workspace_id`)} and ${sm}.segment_id = ${tagged.body.id} and ${sm}.subject_id = ${subjectId(subject)})`
          : members.length === 0
            ? sql<SqlBool>`false`
            : sql<SqlBool>`(${subjectId(subject)} in (${sql.join([...members])}))`;
      return (tagged.body.in ?? true) ? isIn : sql<SqlBool>`(not ${isIn})`;
    }
    case 'contacts':
      // Validation keeps `contacts` out of contact segments; a contact has no contacts.
      return subject.kind === 'account' ? contactsSql(tagged.body, subject, context) : sql<SqlBool>`false`;
    default:
      return assertNever(tagged);
  }
}

/** `count BETWEEN atLeast AND atMost`, or `>= atLeast` without an upper bound. */
function boundsSql(count: RawBuilder<number>, body: { atLeast?: number; atMost?: number }): RawBuilder<SqlBool> {
  const { atLeast, atMost } = countBounds(body);
  return atMost === null ? sql<SqlBool>`(${count} >= ${numberParam(atLeast)})` : sql<SqlBool>`(${count} between ${numberParam(atLeast)} and ${numberParam(atMost)})`;
}

/** Events at or before now, and inside the window when one is given (the FROM item picks the subject's). */
function eventsInWindow(events: string, context: ConditionContext, withinDays: number | undefined): RawBuilder<SqlBool> {
  const e = sql.id(events);
  const since = withinDays === undefined ? sql`` : sql` and ${e}.timestamp >= ${context.now - withinDays * DAY_MS}`;
  return sql<SqlBool>`(${e}.timestamp <= ${context.now}${since})`;
}

function eventSql(body: EventCondition, subject: SubjectSql, context: ConditionContext): RawBuilder<SqlBool> {
  const events = context.newAlias('e');
  const e = sql.id(events);
  const filters = (body.where ?? []).map(
    (filter) => sql` and ${operatorSql(context.dialect.json, documentValueSql(context.dialect.json, sql.ref(`${events}.properties`), filter.property, () => context.newAlias('j')), filter.op, filter.value)}`,
  );
  const where = sql<SqlBool>`${eventsInWindow(events, context, body.withinDays)} and ${e}.type = 'track' and ${e}.name = ${body.name}${sql.join(filters, sql``)}`;
  const { atLeast, atMost } = countBounds(body);
  // Without an upper bound, counting stops at the lower one.
  const count =
    atMost === null
      ? valueOf(context, (alias) => subjectEventCountUpTo(subject, { alias, events, newAlias: context.newAlias }, where, atLeast))
      : aggregateOf(subject, events, context, { value: sql`count(*)`, combine: 'sum' }, where);
  return boundsSql(count, body);
}

/** Interactions are the events with a channel: track, page and screen, not profile calls. */
const interaction = (e: RawBuilder<unknown>) => sql<SqlBool>`${e}.channel is not null`;
/** The customer's own activity: interactions but the outbound ones (`isCustomerActivity`). */
const customerActivity = (e: RawBuilder<unknown>) => sql<SqlBool>`${e}.channel is not null and (${e}.direction is null or ${e}.direction <> 'outbound')`;

function seenSql(aggregate: 'min' | 'max', body: SeenCondition, subject: SubjectSql, context: ConditionContext): RawBuilder<SqlBool> {
  const events = context.newAlias('e');
  const e = sql.id(events);
  const where = sql<SqlBool>`${eventsInWindow(events, context, undefined)} and ${customerActivity(e)}`;
  const time = aggregateOf(subject, events, context, { value: sql`${sql.raw(aggregate)}(${e}.timestamp)`, combine: aggregate }, where);
  // Timestamps are whole milliseconds: "older than" (time < t) is time <= t - 1.
  const from = body.withinDays === undefined ? null : context.now - body.withinDays * DAY_MS;
  const to = body.olderThanDays === undefined ? null : context.now - body.olderThanDays * DAY_MS - 1;
  const test =
    from !== null && to !== null ? sql`${time} between ${from} and ${to}`
    : from !== null ? sql`${time} >= ${from}`
    : to !== null ? sql`${time} <= ${to}`
    : sql`${time} is not null`;
  return sql<SqlBool>`coalesce(${test}, false)`;
}

function computedSql(body: ComputedCondition, subject: SubjectSql, context: ConditionContext): RawBuilder<SqlBool> {
  const events = context.newAlias('e');
  const e = sql.id(events);
  const measure = body.name === 'revenue' ? sql`coalesce(sum(${e}.revenue), 0)` : sql`count(*)`;
  const counted = body.name === 'revenue' ? interaction(e) : customerActivity(e);
  const value = aggregateOf(subject, events, context, { value: measure, combine: 'sum' }, sql<SqlBool>`${eventsInWindow(events, context, body.withinDays)} and ${counted}`);
  // A computed value is a number, never missing: the operator reads it as a number column.
  return operatorSql(context.dialect.json, { type: sql`'number'`, text: sql`cast(null as text)`, number: value }, body.op, body.value);
}

/**
 * `trendHolds(trendValues(...))` (core/segments/measures.ts) in one pass over the subject's
 * events of the last 2P days: both periods' values side by side, then the same test without
 * division. Everything is cast to double precision so each database computes the two
 * products with the same rounding as JavaScript; EXISTS over the one row is never NULL.
 */
function trendSql(body: TrendCondition, subject: SubjectSql, context: ConditionContext): RawBuilder<SqlBool> {
  const events = context.newAlias('e');
  const e = sql.id(events);
  const tAlias = context.newAlias('t');
  const t = sql.id(tAlias);
  // An event exactly P days old is in the current period: the previous one ends before it.
  const split = context.now - body.periodDays * DAY_MS;
  const amount = body.name === 'revenue' ? sql`${e}.revenue` : sql`1`;
  const counted = body.event !== undefined ? sql`${e}.type = 'track' and ${e}.name = ${body.event}` : body.name === 'revenue' ? interaction(e) : customerActivity(e);
  const total = (period: RawBuilder<unknown>): EventAggregate => ({ value: sql`cast(coalesce(sum(case when ${period} then ${amount} end), 0) as double precision)`, combine: 'sum' });
  const periods = subjectEventAggregates(
    subject,
    { alias: tAlias, events, newAlias: context.newAlias },
    { current_value: total(sql`${e}.timestamp >= ${split}`), previous_value: total(sql`${e}.timestamp < ${split}`) },
    sql<SqlBool>`${eventsInWindow(events, context, 2 * body.periodDays)} and ${counted}`,
  );
  const change = sql<number>`((${t}.current_value - ${t}.previous_value) * ${numberParam(100)})`;
  const threshold = sql<number>`(${numberParam(body.percent)} * ${t}.previous_value)`;
  return sql<SqlBool>`exists (select 1 from ${periods} where ${t}.previous_value > 0 and ${numberComparisonSql(change, body.op, threshold)})`;
}

/** One aggregate of the subject's events that pass `where`, as a scalar subquery. */
function aggregateOf(subject: SubjectSql, events: string, context: ConditionContext, aggregate: EventAggregate, where: RawBuilder<SqlBool>): RawBuilder<number> {
  return valueOf(context, (alias) => subjectEventAggregates(subject, { alias, events, newAlias: context.newAlias }, { value: aggregate }, where));
}

/** The column `value` of a one-row FROM item named by a fresh alias, as a scalar subquery. */
function valueOf(context: ConditionContext, from: (alias: string) => RawBuilder<unknown>): RawBuilder<number> {
  const alias = context.newAlias('a');
  return sql<number>`(select ${sql.ref(`${alias}.value`)} from ${from(alias)})`;
}

/** How many of the account's member contacts satisfy the inner condition, within bounds. */
function contactsSql(body: ContactsCondition, subject: SubjectSql, context: ConditionContext): RawBuilder<SqlBool> {
  const m = context.newAlias('m');
  const contact: SubjectSql = { kind: 'contact', alias: context.newAlias('c') };
  const s = sql.id(subject.alias);
  const c = sql.id(contact.alias);
  // Contacts `in (the account's members)`, not a join of memberships and contacts: with a join,
  // SQLite may put contacts outside and scan every contact of the workspace for every account
  // (14 s instead of 55 ms for 1,000 accounts); the IN list keeps it to the account's members.
  const members = sql`(select ${sql.id(m)}.contact_id from memberships as ${sql.id(m)} where ${sql.id(m)}.workspace_id = ${s}.workspace_id and ${sql.id(m)}.group_id = ${s}.group_id)`;
  const count = sql<number>`(select count(*) from contacts as ${c} where ${c}.workspace_id = ${s}.workspace_id and ${c}.id in ${members} and ${conditionSql(body.condition, contact, context)})`;
  return boundsSql(count, body);
}
