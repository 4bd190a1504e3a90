import type { AccountSubject, SubjectEvent } from '../../core/segments/subjects.js';
import type { AccountTable, EventTable } from '../database.js';
import type { StoreDialect } from '../dialects/dialect.js';

/** The event columns a subject reads. */
export const SUBJECT_EVENT_COLUMNS = ['id', 'type', 'name', 'timestamp', 'properties', 'revenue', 'channel', 'direction', 'contact_id', 'group_id'] as const;

type EventRow = Pick<EventTable, 'type' | 'name' | 'timestamp' | 'properties' | 'revenue' | 'channel' | 'direction'>;

/** An events row as the reference evaluator reads it. */
export function subjectEvent(row: EventRow, dialect: StoreDialect): SubjectEvent {
  return {
    type: row.type,
    name: row.name,
    timestamp: Number(row.timestamp),
    properties: dialect.readJson(row.properties),
    revenue: numberOrNull(row.revenue),
    channel: row.channel,
    direction: row.direction,
  };
}

/** An accounts row's typed fields as the reference evaluator reads them. */
export function accountFields(row: AccountTable): AccountSubject['fields'] {
  return {
    plan: row.plan,
    mrr: numberOrNull(row.mrr),
    contractValue: numberOrNull(row.contract_value),
    industry: row.industry,
    employees: numberOrNull(row.employees),
    complexity: row.complexity,
    renewalDate: numberOrNull(row.renewal_date),
    ownerEmail: row.owner_email,
  };
}

function numberOrNull(value: number | null): number | null {
  return value === null ? null : Number(value);
}
