import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { SubjectKind } from '../../core/segments/conditions.js';
import type { AccountField } from '../../core/segments/subjects.js';
import type { JsonSql } from '../dialects/dialect.js';
import type { ValueSql } from './operator-sql.js';

/** The row a condition is about: an alias of `contacts` or `accounts` in the query. */
export interface SubjectSql {
  kind: SubjectKind;
  alias: string;
}

/** The subject's id: a contact's id or an account's group id. */
export function subjectId(subject: SubjectSql): RawBuilder<string> {
  return sql.ref(`${subject.alias}.${subject.kind === 'contact' ? 'id' : 'group_id'}`);
}

/** The subject is one of `ids` (at least one), each a bind parameter. */
export function subjectIn(subject: SubjectSql, ids: readonly string[]): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${subjectId(subject)} in (${sql.join(ids)}))`;
}

/** Names in the statement: the FROM item's `alias`, the `events` alias conditions read, and fresh ones. */
export interface EventAliases {
  alias: string;
  events: string;
  newAlias: (prefix: string) => string;
}

/** One aggregate over a subject's events, and how the values of its parts add up. */
export interface EventAggregate {
  /** An aggregate of the events' alias, e.g. `count(*)`; over no events it must be 0 or NULL. */
  value: RawBuilder<unknown>;
  combine: 'sum' | 'min' | 'max';
}

/**
 * Aggregates over the events of a subject that pass `where`, as a FROM item of one row named
 * `alias` with a column per aggregate: a contact's own events, or an account's (tagged with its
 * group id, or of a contact who is a member), as `evaluateSegment` reads them. `events` is the
 * alias `value` and `where` read the events by.
 *
 * An account's events are read as three disjoint parts, each aggregated on its own indexes and
 * then combined: the events tagged with the account; its members' untagged events (a partial
 * index holds only those); and its members' events tagged with another account, which only
 * contacts in several accounts have (an event tagged with an account makes its contact a
 * member). Rather than one OR, which makes the databases scan every event of the workspace,
 * or reading every member's events again to find the few that are not tagged with the account.
 * Aggregating each part apart lets `max(timestamp)` and counts of one event name stop early on
 * an index.
 */
export function subjectEventAggregates(
  subject: SubjectSql,
  aliases: EventAliases,
  aggregates: Record<string, EventAggregate>,
  where: RawBuilder<SqlBool>,
): RawBuilder<unknown> {
  const columns = Object.entries(aggregates);
  const select = sql.join(columns.map(([name, a]) => sql`${a.value} as ${sql.id(name)}`));
  const parts = eventParts(subject, aliases.events, aliases.newAlias, where).map((part) => sql`select ${select} ${part}`);
  return combinedParts(parts, columns.map(([name, a]) => [name, a.combine]), aliases);
}

/**
 * How many of the subject's events pass `where`, counting no further than `limit`: a count
 * compared with a lower bound alone (at least 3 times, ever) stops reading at the bound.
 * A FROM item of one row named `alias`, its column `value`.
 */
export function subjectEventCountUpTo(subject: SubjectSql, aliases: EventAliases, where: RawBuilder<SqlBool>, limit: number): RawBuilder<unknown> {
  const parts = eventParts(subject, aliases.events, aliases.newAlias, where).map((part) => sql`select count(*) as value from (select 1 as one ${part} limit ${sql.lit(Math.max(0, Math.ceil(limit)))}) as ${sql.id(aliases.newAlias('l'))}`);
  return combinedParts(parts, [['value', 'sum']], aliases);
}

/** The parts of a subject's events (see `subjectEventAggregates`), each as `from ... where ...`. */
function eventParts(subject: SubjectSql, events: string, newAlias: (prefix: string) => string, where: RawBuilder<SqlBool>): RawBuilder<unknown>[] {
  const e = sql.id(events);
  const s = sql.id(subject.alias);
  if (subject.kind === 'contact') return [sql`from events as ${e} where ${e}.workspace_id = ${s}.workspace_id and ${e}.contact_id = ${s}.id and ${where}`];
  const m = sql.id(newAlias('m'));
  const o = sql.id(newAlias('o'));
  return [
    sql`from events as ${e} where ${e}.workspace_id = ${s}.workspace_id and ${e}.group_id = ${s}.group_id and ${where}`,
    // From the memberships to each member's untagged events: given `group_id is null` alone, the
    // databases would read every untagged event of the workspace for each account.
    sql`from memberships as ${m}
      join events as ${e} on ${e}.workspace_id = ${m}.workspace_id and ${e}.contact_id = ${m}.contact_id
      where ${m}.workspace_id = ${s}.workspace_id and ${m}.group_id = ${s}.group_id and ${e}.group_id is null and ${where}`,
    sql`from memberships as ${m}
      join memberships as ${o} on ${o}.workspace_id = ${m}.workspace_id and ${o}.contact_id = ${m}.contact_id and ${o}.group_id <> ${m}.group_id
      join events as ${e} on ${e}.workspace_id = ${o}.workspace_id and ${e}.contact_id = ${o}.contact_id and ${e}.group_id = ${o}.group_id
      where ${m}.workspace_id = ${s}.workspace_id and ${m}.group_id = ${s}.group_id and ${where}`,
  ];
}

/** One part's row as the FROM item, or the parts' rows combined column by column. */
function combinedParts(parts: RawBuilder<unknown>[], columns: [string, EventAggregate['combine']][], aliases: EventAliases): RawBuilder<unknown> {
  const alias = sql.id(aliases.alias);
  if (parts.length === 1) return sql`(${parts[0]}) as ${alias}`;
  const u = sql.id(aliases.newAlias('u'));
  const combined = sql.join(columns.map(([name, combine]) => sql`${sql.raw(combine)}(${u}.${sql.id(name)}) as ${sql.id(name)}`));
  return sql`(select ${combined} from (${sql.join(parts, sql` union all `)}) as ${u}) as ${alias}`;
}

/** Typed account columns a trait condition reads instead of traits, and their kind of value. */
const ACCOUNT_COLUMNS: Record<AccountField, { column: string; type: 'string' | 'number' }> = {
  plan: { column: 'plan', type: 'string' },
  mrr: { column: 'mrr', type: 'number' },
  contractValue: { column: 'contract_value', type: 'number' },
  industry: { column: 'industry', type: 'string' },
  employees: { column: 'employees', type: 'number' },
  complexity: { column: 'complexity', type: 'string' },
  renewalDate: { column: 'renewal_date', type: 'number' },
  ownerEmail: { column: 'owner_email', type: 'string' },
};

/** The value a trait condition reads: a typed account column, or a path into the traits. */
export function traitValueSql(json: JsonSql, subject: SubjectSql, name: string, newAlias: () => string): ValueSql {
  const field = subject.kind === 'account' && Object.hasOwn(ACCOUNT_COLUMNS, name) ? ACCOUNT_COLUMNS[name as AccountField] : undefined;
  if (field) {
    const column = sql.ref(`${subject.alias}.${field.column}`);
    return {
      type: sql<string | null>`(case when ${column} is null then null else ${sql.lit(field.type)} end)`,
      // The other kind reads as a typed NULL: PostgreSQL needs both arms of a CASE to agree.
      text: field.type === 'string' ? sql<string | null>`${column}` : sql<string | null>`cast(null as text)`,
      number: field.type === 'number' ? sql<number | null>`${column}` : sql<number | null>`cast(null as double precision)`,
    };
  }
  return documentValueSql(json, sql.ref(`${subject.alias}.traits`), name, newAlias);
}

/** The value at a dotted path of a JSON column, arrays included. */
export function documentValueSql(json: JsonSql, document: RawBuilder<unknown>, dotted: string, newAlias: () => string): ValueSql {
  const path = dotted.split('.');
  return { ...json.at(document, path), elements: () => json.elements(document, path, newAlias()) };
}
