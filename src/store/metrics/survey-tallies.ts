import { sql, type Kysely } from 'kysely';
import { CSAT_SATISFIED, NPS_DETRACTOR, NPS_PROMOTER, SURVEY_EVENTS, SURVEY_SCALES, type SurveyKind, type SurveyTally } from '../../core/metrics/survey-scores.js';
import type { Database } from '../database.js';
import type { StoreDialect } from '../dialects/dialect.js';
import { inAudience, periodOf, type Audience } from './metric-sql.js';

/**
 * Survey responses of one kind counted per period, in SQL, as `tallyResponse` counts them:
 * one tally per period of the boundaries, empty periods included.
 */
export async function surveyTallies(db: Kysely<Database>, dialect: StoreDialect, workspaceId: string, kind: SurveyKind, boundaries: readonly number[], audience: Audience): Promise<SurveyTally[]> {
  const survey = dialect.json.at(sql.ref('events.properties'), ['survey']);
  const { min, max } = SURVEY_SCALES[kind];
  const period = periodOf(sql.ref('events.timestamp'), boundaries);
  const rating = sql.ref('events.rating');
  const positive = kind === 'nps' ? sql`${rating} >= ${sql.lit(NPS_PROMOTER)}` : kind === 'csat' ? sql`${rating} >= ${sql.lit(CSAT_SATISFIED)}` : sql`1 = 0`;
  const negative = kind === 'nps' ? sql`${rating} <= ${sql.lit(NPS_DETRACTOR)}` : sql`1 = 0`;
  const rows = await db
    .selectFrom('events')
    .select([
      period.as('period'),
      (eb) => eb.fn.countAll<number>().as('responses'),
      sql<number>`SUM(CASE WHEN ${positive} THEN 1 ELSE 0 END)`.as('positive'),
      sql<number>`SUM(CASE WHEN ${negative} THEN 1 ELSE 0 END)`.as('negative'),
      sql<number>`SUM(${rating})`.as('sum'),
    ])
    .where('events.workspace_id', '=', workspaceId)
    .where('events.type', '=', 'track')
    // The names as a list first, so the index of events by name and time serves the range.
    .where('events.name', 'in', kind === 'nps' ? [SURVEY_EVENTS.nps, SURVEY_EVENTS.any] : [SURVEY_EVENTS.any])
    .where((eb) =>
      kind === 'nps'
        ? eb.or([eb('events.name', '=', SURVEY_EVENTS.nps), eb.and([eb('events.name', '=', SURVEY_EVENTS.any), eb(survey.type, '=', 'string'), eb(sql`LOWER(TRIM(${survey.text}))`, '=', kind)])])
        : eb.and([eb('events.name', '=', SURVEY_EVENTS.any), eb(survey.type, '=', 'string'), eb(sql`LOWER(TRIM(${survey.text}))`, '=', kind)]),
    )
    .where('events.rating', '>=', min)
    .where('events.rating', '<=', max)
    .where('events.timestamp', '>=', boundaries[0]!)
    .where('events.timestamp', '<', boundaries[boundaries.length - 1]!)
    .where((eb) => inAudience(eb, workspaceId, audience))
    .groupBy(period)
    .execute();
  const tallies: SurveyTally[] = Array.from({ length: boundaries.length - 1 }, () => ({ responses: 0, positive: 0, negative: 0, sum: 0 }));
  for (const r of rows) tallies[Number(r.period)] = { responses: Number(r.responses), positive: Number(r.positive), negative: Number(r.negative), sum: Number(r.sum) };
  return tallies;
}
