import { sql, type Kysely } from 'kysely';
import { cohortRows, type CohortRow } from '../../core/metrics/retention.js';
import type { Database } from '../database.js';
import { firstEventPerContact, periodOf, type Audience } from './metric-sql.js';

export interface RetentionQuery {
  /** The event whose first occurrence places a contact in a cohort. */
  cohortEvent: string;
  /** The event that counts as active; any inbound interaction when absent. */
  activityEvent?: string;
  audience: Audience;
}

/** Cohort sizes and active contacts per cohort and period, in SQL, as `retentionTable` counts them. */
export async function retentionCounts(db: Kysely<Database>, workspaceId: string, boundaries: readonly number[], query: RetentionQuery): Promise<CohortRow[]> {
  const [from, to] = [boundaries[0]!, boundaries[boundaries.length - 1]!];
  const births = firstEventPerContact(db, workspaceId, query.cohortEvent, query.audience);
  const cohorts = db
    .with('births', () => births)
    .selectFrom('births')
    .select([periodOf(sql.ref('births.born'), boundaries).as('cohort'), (eb) => eb.fn.countAll<number>().as('size')])
    .where('births.born', '>=', from)
    .where('births.born', '<', to)
    .groupBy(periodOf(sql.ref('births.born'), boundaries));
  const active = db
    .with('births', () => births)
    .with('activity', (qb) =>
      qb
        .selectFrom('births')
        .innerJoin('events', (join) => join.on('events.workspace_id', '=', workspaceId).onRef('events.contact_id', '=', 'births.contact_id'))
        .select([periodOf(sql.ref('births.born'), boundaries).as('cohort'), periodOf(sql.ref('events.timestamp'), boundaries).as('period'), 'events.contact_id as contact_id'])
        .where('births.born', '>=', from)
        .where('births.born', '<', to)
        .where('events.timestamp', '>=', from)
        .where('events.timestamp', '<', to)
        .where((eb) => (query.activityEvent === undefined ? eb('events.direction', '=', 'inbound') : eb.and([eb('events.type', '=', 'track'), eb('events.name', '=', query.activityEvent)]))),
    )
    .selectFrom('activity')
    .select(['activity.cohort', 'activity.period', (eb) => eb.fn.count<number>('activity.contact_id').distinct().as('active')])
    .whereRef('activity.period', '>=', 'activity.cohort')
    .groupBy(['activity.cohort', 'activity.period']);

  const periods = boundaries.length - 1;
  const sizes = new Array<number>(periods).fill(0);
  for (const r of await cohorts.execute()) sizes[Number(r.cohort)] = Number(r.size);
  const counts = Array.from({ length: periods }, () => new Array<number>(periods).fill(0));
  for (const r of await active.execute()) counts[Number(r.cohort)]![Number(r.period) - Number(r.cohort)] = Number(r.active);
  return cohortRows(sizes, counts, boundaries);
}
