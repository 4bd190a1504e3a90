import { sql, type Kysely } from 'kysely';
import type { Framework } from '../../core/frameworks/framework-definition.js';
import { sortCells, type MapCell } from '../../core/frameworks/journey-map.js';
import type { Database } from '../database.js';
import type { StoreDialect } from '../dialects/dialect.js';
import { stageTimesQuery, type StageRange } from './stage-times.js';

/**
 * A journey map's cells in SQL, as `mapCells` counts them: each interaction of a subject who
 * entered the framework in the range goes to the stage it was in then (the last stage reached
 * at or before it), counted by stage, channel and kind with its emotion (`emotionOf`).
 */
export async function mapCellsOf(db: Kysely<Database>, dialect: StoreDialect, workspaceId: string, framework: Framework, range: StageRange): Promise<MapCell[]> {
  const subject = framework.subject === 'contact' ? 'contact_id' : 'group_id';
  const stages = framework.stages.map((_, k) => k).reverse();
  const stageOf = sql`CASE ${sql.join(stages.map((k) => sql`WHEN e.timestamp >= ${sql.ref(`times.t${k}`)} THEN ${sql.lit(k)}`), sql` `)} ELSE -1 END`;
  const clamp = (value: ReturnType<typeof sql>) => sql`CASE WHEN ${value} < -1 THEN -1 WHEN ${value} > 1 THEN 1 ELSE ${value} END`;
  const emotion = sql`CASE WHEN e.sentiment IS NOT NULL THEN e.sentiment WHEN e.rating IS NULL THEN NULL WHEN e.name = 'NPS Submitted' OR e.rating > 5 THEN ${clamp(sql`(e.rating - 5) / 5.0`)} ELSE ${clamp(sql`(e.rating - 3) / 2.0`)} END`;
  const untyped = db as unknown as Kysely<any>;
  const attributed = untyped
    .selectFrom(stageTimesQuery(db, dialect, workspaceId, framework, range).as('times'))
    .innerJoin('events as e', (join) => join.on('e.workspace_id', '=', workspaceId).onRef(`e.${subject}`, '=', 'times.subject').onRef('e.timestamp', '>=', 'times.t0'))
    .select([stageOf.as('stage'), 'e.channel as channel', sql`COALESCE(e.category, 'usage')`.as('category'), `e.${subject} as subject`, emotion.as('emotion')])
    .where('e.channel', 'is not', null);
  const rows = await untyped
    .selectFrom(attributed.as('x'))
    .select(['x.stage', 'x.channel', 'x.category', (eb: any) => eb.fn.countAll().as('volume'), sql`COUNT(DISTINCT x.subject)`.as('subjects'), sql`SUM(x.emotion)`.as('emotion_sum'), sql`COUNT(x.emotion)`.as('rated')])
    .where('x.stage', '>=', 0)
    .groupBy(['x.stage', 'x.channel', 'x.category'])
    .execute();
  return sortCells(
    (rows as Record<string, unknown>[]).map((r) => ({
      stage: Number(r['stage']),
      channel: String(r['channel']),
      category: String(r['category']),
      volume: Number(r['volume']),
      subjects: Number(r['subjects']),
      emotionSum: r['emotion_sum'] === null ? 0 : Number(r['emotion_sum']),
      rated: Number(r['rated']),
    })),
  );
}
