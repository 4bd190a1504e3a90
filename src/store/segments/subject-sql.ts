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

/**
 * The events of a subject as a FROM item named `events`: a contact's own, or an account's
 * (its group id, or a contact who is a member), as `evaluateSegment` reads them. An account's
 * are two disjoint indexed reads joined by UNION ALL — by account, then by member contact for
 * events not already tagged with the account — rather than one OR, which makes the databases
 * scan every event of the workspace for every account.
 */
export function subjectEventsFrom(subject: SubjectSql, events: string, memberships: string): RawBuilder<unknown> {
  const e = sql.id(events);
  const s = sql.id(subject.alias);
  if (subject.kind === 'contact') return sql`(select * from events where events.workspace_id = ${s}.workspace_id and events.contact_id = ${s}.id) as ${e}`;
  const m = sql.id(memberships);
  return sql`(select * from events where events.workspace_id = ${s}.workspace_id and events.group_id = ${s}.group_id
    union all
    select * from events where events.workspace_id = ${s}.workspace_id
      and events.contact_id in (select ${m}.contact_id from memberships as ${m} where ${m}.workspace_id = ${s}.workspace_id and ${m}.group_id = ${s}.group_id)
      and (events.group_id is null or events.group_id <> ${s}.group_id)) as ${e}`;
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
