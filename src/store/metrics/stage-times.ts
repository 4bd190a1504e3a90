import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Framework, Stage } from '../../core/frameworks/framework-definition.js';
import { PAGE_VIEWED, type SubjectStages } from '../../core/frameworks/funnel.js';
import type { Database } from '../database.js';
import type { StoreDialect } from '../dialects/dialect.js';
import { accountInAudience, inAudience, type Audience } from './metric-sql.js';

/**
 * Each subject's stage times, in SQL, as `stageTimes` and `loopTime` compute them, for the
 * subjects whose first stage was first reached in [from, to): one CTE per stage, each the
 * first matching event at or after the previous stage (by the events' subject, name and time
 * index), and one for the loop.
 */
export async function stageTimesOf(db: Kysely<Database>, dialect: StoreDialect, workspaceId: string, framework: Framework, range: StageRange): Promise<SubjectStages[]> {
  const rows = (await stageTimesQuery(db, dialect, workspaceId, framework, range).execute()) as Record<string, unknown>[];
  const time = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  const looping = framework.stages.some((s) => s.id === framework.loopTo);
  return rows
    .map((r) => ({ subjectId: String(r['subject']), times: framework.stages.map((_, k) => time(r[`t${k}`])), loopedAt: looping ? time(r['looped']) : null }))
    .sort((a, b) => (a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : 0));
}

export interface StageRange {
  from: number;
  to: number;
  audience: Audience;
  subjectIds?: readonly string[];
}

/** The stage-times query: a row per subject, `subject`, `t0` .. `t(n-1)` and, with a loop, `looped`. */
export function stageTimesQuery(db: Kysely<Database>, dialect: StoreDialect, workspaceId: string, framework: Framework, range: StageRange) {
  const subject = framework.subject === 'contact' ? 'contact_id' : 'group_id';
  const matches = (stage: Stage, alias: string): RawBuilder<SqlBool> => {
    const names = stage.events.filter((e) => e !== PAGE_VIEWED);
    const track = names.length ? sql`(${sql.ref(`${alias}.type`)} = 'track' AND ${sql.ref(`${alias}.name`)} IN (${sql.join(names)}))` : sql`1 = 0`;
    return stage.events.includes(PAGE_VIEWED) ? sql<SqlBool>`(${track} OR ${sql.ref(`${alias}.type`)} = 'page')` : sql<SqlBool>`${track}`;
  };
  const traitsHold = (stage: Stage, subjectRef: Expression<unknown>): RawBuilder<SqlBool> => {
    if (!stage.traits?.length) return sql<SqlBool>`1 = 1`;
    const table = framework.subject === 'contact' ? sql`contacts t WHERE t.workspace_id = ${workspaceId} AND t.id = ${subjectRef}` : sql`accounts t WHERE t.workspace_id = ${workspaceId} AND t.group_id = ${subjectRef}`;
    const conditions = stage.traits.map(({ trait, equals }) => {
      const value = dialect.json.at(sql.ref('t.traits'), [trait]);
      if (typeof equals === 'boolean') return sql`${value.type} = ${equals ? 'true' : 'false'}`;
      if (typeof equals === 'number') return sql`(${value.type} = 'number' AND ${value.number} = ${equals})`;
      return sql`(${value.type} = 'string' AND ${value.text} = ${equals})`;
    });
    return sql<SqlBool>`EXISTS (SELECT 1 FROM ${table} AND ${sql.join(conditions, sql` AND `)})`;
  };

  const [first, ...rest] = framework.stages;
  const audience = framework.subject === 'contact' ? inAudience : accountInAudience;
  // Stage CTEs are named by position; Kysely cannot type a chain built in a loop, so it is untyped here.
  let query = (db as unknown as Kysely<any>).with('s0', (qb) =>
    qb
      .selectFrom('events')
      .select([sql.ref(`events.${subject}`).as('subject'), (eb) => eb.fn.min('events.timestamp').as('at')])
      .where('events.workspace_id', '=', workspaceId)
      .where(sql.ref(`events.${subject}`), 'is not', null)
      .$if(range.subjectIds !== undefined, (q) => q.where(sql.ref(`events.${subject}`), 'in', range.subjectIds!.length ? range.subjectIds! : ['']))
      .where(matches(first!, 'events'))
      .where(traitsHold(first!, sql.ref(`events.${subject}`)))
      .where((eb) => audience(eb as never, workspaceId, range.audience))
      .groupBy(sql.ref(`events.${subject}`))
      .having((eb) => eb.and([eb(eb.fn.min('events.timestamp'), '>=', range.from), eb(eb.fn.min('events.timestamp'), '<', range.to)])),
  );
  const later = (previous: string, stage: Stage, after: '>=' | '>') =>
    (qb: any) =>
      qb
        .selectFrom(`${previous} as p`)
        .innerJoin('events as e', (join: any) => join.on('e.workspace_id', '=', workspaceId).onRef(`e.${subject}`, '=', 'p.subject').onRef('e.timestamp', after, 'p.at'))
        .select(['p.subject as subject', (eb: any) => eb.fn.min('e.timestamp').as('at')])
        .where(matches(stage, 'e'))
        .where(traitsHold(stage, sql.ref('p.subject')))
        .groupBy('p.subject');
  rest.forEach((stage, i) => (query = query.with(`s${i + 1}`, later(`s${i}`, stage, '>='))));
  const last = `s${framework.stages.length - 1}`;
  const loopStage = framework.stages.find((s) => s.id === framework.loopTo);
  if (loopStage) query = query.with('loop', later(last, loopStage, '>'));

  let select = query.selectFrom('s0').select(['s0.subject as subject', 's0.at as t0']);
  rest.forEach((_, i) => {
    const name = `s${i + 1}`;
    select = select.leftJoin(name, `${name}.subject`, 's0.subject').select(`${name}.at as t${i + 1}`);
  });
  if (loopStage) select = select.leftJoin('loop', 'loop.subject', 's0.subject').select('loop.at as looped');
  return select;
}
