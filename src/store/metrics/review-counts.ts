import { sql, type Kysely } from 'kysely';
import { POSITIVE_REVIEW, REVIEW_EVENTS, REVIEW_SCALE, sortReviewCounts, UNKNOWN_SOURCE, type ReviewCount } from '../../core/metrics/reviews.js';
import type { Database } from '../database.js';
import type { StoreDialect } from '../dialects/dialect.js';
import { inAudience, periodOf, type Audience } from './metric-sql.js';

/** Reviews per period and source, in SQL, as `countReviews` counts them. */
export async function reviewCounts(db: Kysely<Database>, dialect: StoreDialect, workspaceId: string, boundaries: readonly number[], audience: Audience): Promise<ReviewCount[]> {
  const named = (key: string) => {
    const value = dialect.json.at(sql.ref('events.properties'), [key]);
    return { present: sql`(${value.type} = 'string' AND TRIM(${value.text}) <> '')`, text: sql<string>`TRIM(${value.text})` };
  };
  const [site, source] = [named('site'), named('source')];
  const sourceOf = sql<string>`CASE WHEN ${site.present} THEN ${site.text} WHEN ${source.present} THEN ${source.text} ELSE ${sql.lit(UNKNOWN_SOURCE)} END`;
  const period = periodOf(sql.ref('events.timestamp'), boundaries);
  // The source is named in a subquery and grouped on outside it: PostgreSQL does not take a
  // GROUP BY expression with bound parameters (the JSON path) as the selected one.
  const reviews = db
    .selectFrom('events')
    .select([period.as('period'), sourceOf.as('source'), 'events.rating as rating'])
    .where('events.workspace_id', '=', workspaceId)
    .where('events.type', '=', 'track')
    .where('events.name', 'in', [...REVIEW_EVENTS])
    .where('events.rating', '>=', REVIEW_SCALE.min)
    .where('events.rating', '<=', REVIEW_SCALE.max)
    .where('events.timestamp', '>=', boundaries[0]!)
    .where('events.timestamp', '<', boundaries[boundaries.length - 1]!)
    .where((eb) => inAudience(eb, workspaceId, audience));
  const rows = await db
    .selectFrom(reviews.as('r'))
    .select([
      'r.period',
      'r.source',
      (eb) => eb.fn.countAll<number>().as('reviews'),
      sql<number>`SUM(CASE WHEN r.rating >= ${sql.lit(POSITIVE_REVIEW)} THEN 1 ELSE 0 END)`.as('positive'),
      sql<number>`SUM(r.rating)`.as('rating_sum'),
    ])
    .groupBy(['r.period', 'r.source'])
    .execute();
  return sortReviewCounts(rows.map((r) => ({ period: Number(r.period), source: r.source, reviews: Number(r.reviews), positive: Number(r.positive), ratingSum: Number(r.rating_sum) })));
}
