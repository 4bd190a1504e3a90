import { sql, type Kysely } from 'kysely';
import type { ConversionCount, ConversionDefinition } from '../../core/metrics/conversion.js';
import type { Database } from '../database.js';
import { inAudience, periodOf, type Audience } from './metric-sql.js';

/** Visitors and those of them who converted, per period, in SQL, as `countConversions` counts them. */
export async function conversionCounts(db: Kysely<Database>, workspaceId: string, definition: ConversionDefinition, boundaries: readonly number[], audience: Audience): Promise<ConversionCount[]> {
  const isVisit = definition.visitEvent === undefined ? sql`events.type = 'page'` : sql`(events.type = 'track' AND events.name = ${definition.visitEvent})`;
  const isConversion = sql`(events.type = 'track' AND events.name = ${definition.conversionEvent})`;
  const period = periodOf(sql.ref('events.timestamp'), boundaries);
  const perContact = db
    .selectFrom('events')
    .select([period.as('period'), sql<number>`MAX(CASE WHEN ${isVisit} THEN 1 ELSE 0 END)`.as('visited'), sql<number>`MAX(CASE WHEN ${isConversion} THEN 1 ELSE 0 END)`.as('converted')])
    .where('events.workspace_id', '=', workspaceId)
    .where('events.contact_id', 'is not', null)
    .where('events.timestamp', '>=', boundaries[0]!)
    .where('events.timestamp', '<', boundaries[boundaries.length - 1]!)
    .where(sql<boolean>`(${isVisit} OR ${isConversion})`)
    .where((eb) => inAudience(eb, workspaceId, audience))
    .groupBy([period, 'events.contact_id']);
  const rows = await db
    .selectFrom(perContact.as('c'))
    .select(['c.period', sql<number>`SUM(c.visited)`.as('visitors'), sql<number>`SUM(c.visited * c.converted)`.as('conversions')])
    .groupBy('c.period')
    .execute();
  const counts: ConversionCount[] = Array.from({ length: boundaries.length - 1 }, () => ({ visitors: 0, conversions: 0 }));
  for (const r of rows) counts[Number(r.period)] = { visitors: Number(r.visitors), conversions: Number(r.conversions) };
  return counts;
}
