import type { Kysely } from 'kysely';
import type { Database } from '../database.js';

export interface JourneyStats {
  /** Runs started. */
  entered: number;
  /** Runs not yet ended. */
  waiting: number;
  completed: number;
  exited: number;
  converted: number;
  /** Per step: times entered, how many runs that entered it converted, and how many runs are at it now (waiting there, or just past it). */
  steps: { stepId: string; entered: number; converted: number; now: number }[];
  /** Per split arm, the same. */
  arms: { stepId: string; armId: string; entered: number; converted: number }[];
}

/** How a journey is doing: its runs by status, entries and conversions per step and split arm, and where open runs are. */
export async function journeyStats(db: Kysely<Database>, workspaceId: string, journeyId: string): Promise<JourneyStats> {
  const byStatus = await db
    .selectFrom('journey_runs')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('workspace_id', '=', workspaceId)
    .where('journey_id', '=', journeyId)
    .groupBy('status')
    .execute();
  const count = (...statuses: string[]) => byStatus.filter((r) => statuses.includes(r.status)).reduce((n, r) => n + Number(r.n), 0);

  const visits = db
    .selectFrom('journey_visits as v')
    .innerJoin('journey_runs as r', (join) => join.onRef('r.workspace_id', '=', 'v.workspace_id').onRef('r.id', '=', 'v.run_id'))
    .where('v.workspace_id', '=', workspaceId)
    .where('v.journey_id', '=', journeyId);
  const counts = visits.select((eb) => [
    eb.fn.countAll<number>().as('entered'),
    eb.fn.count<number>(eb.case().when('r.status', '=', 'converted').then(eb.ref('r.id')).end()).distinct().as('converted'),
  ]);
  const steps = await counts.select('v.step_id').groupBy('v.step_id').orderBy('v.step_id').execute();
  const arms = await counts.select(['v.step_id', 'v.arm']).where('v.arm', 'is not', null).groupBy(['v.step_id', 'v.arm']).orderBy('v.step_id').orderBy('v.arm').execute();

  // Where the runs not yet ended are: one state read per such run.
  const atStep = new Map<string, number>();
  const open = await db.selectFrom('journey_runs').select('state').where('workspace_id', '=', workspaceId).where('journey_id', '=', journeyId).where('status', 'in', ['active', 'waiting']).execute();
  for (const { state } of open) {
    const stepId = (JSON.parse(state) as { stepId: string | null }).stepId;
    if (stepId !== null) atStep.set(stepId, (atStep.get(stepId) ?? 0) + 1);
  }

  return {
    entered: count('active', 'waiting', 'completed', 'exited', 'converted'),
    waiting: count('active', 'waiting'),
    completed: count('completed'),
    exited: count('exited'),
    converted: count('converted'),
    steps: steps.map((r) => ({ stepId: r.step_id, entered: Number(r.entered), converted: Number(r.converted), now: atStep.get(r.step_id) ?? 0 })),
    arms: arms.map((r) => ({ stepId: r.step_id, armId: r.arm!, entered: Number(r.entered), converted: Number(r.converted) })),
  };
}
