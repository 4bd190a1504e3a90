import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import type { Store } from '../../src/store/store.js';
import { JOURNEY_ID, WORKSPACE_ID } from './bench-journey.js';

/** Where the bench journey's runs and effects stand, read from the store. */
export interface JourneyProgress {
  waiting: number;
  ended: number;
  /** Effects not yet done: pending, or failed and to be retried. */
  pendingEffects: number;
  /** The earliest timer of a waiting run, on the journey's clock. */
  nextWake: number | null;
}

/**
 * Polled every 250 ms while the workers run, beside them on the same cores: every read goes
 * through an index (runs by journey and status, effects due, timers due), so a poll costs
 * milliseconds however many runs there are, and the polls do not slow what they measure.
 */
export async function journeyProgress(store: Store): Promise<JourneyProgress> {
  const [runs, effects, wake] = await Promise.all([
    sql<{ status: string; n: number }>`
      SELECT status, count(*) AS n FROM journey_runs WHERE workspace_id = ${WORKSPACE_ID} AND journey_id = ${JOURNEY_ID} GROUP BY status`.execute(store.db),
    sql<{ status: string; n: number }>`
      SELECT status, count(*) AS n FROM journey_effects WHERE next_attempt_at IS NOT NULL AND workspace_id = ${WORKSPACE_ID} AND journey_id = ${JOURNEY_ID} GROUP BY status`.execute(store.db),
    sql<{ at: number }>`SELECT wake_at AS at FROM journey_runs WHERE wake_at IS NOT NULL ORDER BY wake_at LIMIT 1`.execute(store.db),
  ]);
  const byStatus = new Map(runs.rows.map((r) => [r.status, Number(r.n)]));
  const effectsBy = new Map(effects.rows.map((r) => [r.status, Number(r.n)]));
  const next = wake.rows[0];
  return {
    waiting: byStatus.get('waiting') ?? 0,
    ended: (byStatus.get('completed') ?? 0) + (byStatus.get('exited') ?? 0) + (byStatus.get('converted') ?? 0),
    // Pending and failed effects have a next attempt; done and dead ones have none.
    pendingEffects: (effectsBy.get('pending') ?? 0) + (effectsBy.get('failed') ?? 0),
    nextWake: next ? Number(next.at) : null,
  };
}

/** Effects given up; read once at the end (no index serves it). */
export async function deadEffects(store: Store): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM journey_effects WHERE workspace_id = ${WORKSPACE_ID} AND journey_id = ${JOURNEY_ID} AND status = 'dead'`.execute(store.db);
  return Number(rows[0]!.n);
}

/** Steps visited by every run so far; read once at the end, not in the polls that decide when a phase ended. */
export async function countVisits(store: Store): Promise<number> {
  const { rows } = await sql<{ visits: number }>`SELECT count(*) AS visits FROM journey_visits WHERE workspace_id = ${WORKSPACE_ID} AND journey_id = ${JOURNEY_ID}`.execute(store.db);
  return Number(rows[0]!.visits);
}

/** Polls until `done` holds; every 250 ms, so the figures it ends are that precise. */
export async function waitFor(read: () => Promise<JourneyProgress>, done: (p: JourneyProgress) => boolean, timeoutMs = 30 * 60_000): Promise<JourneyProgress> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const progress = await read();
    if (done(progress)) return progress;
    if (Date.now() > until) throw new Error(`journey work did not finish in time: ${JSON.stringify(progress)}`);
    await sleep(250);
  }
}

/**
 * How late each run took the step after its wait, in order of entry: the time of that step
 * less the wait's due time (the time it began waiting plus the wait), on the journey's clock.
 * The visits of the two steps are read through their index and paired here: a join on the
 * run would need an index by run that the product does not have.
 */
export async function runLateness(store: Store, waitMs: number): Promise<number[]> {
  const { rows: visits } = await sql<{ run_id: string; step_id: string; at: number }>`
    SELECT run_id, step_id, at FROM journey_visits
    WHERE workspace_id = ${WORKSPACE_ID} AND journey_id = ${JOURNEY_ID} AND step_id IN ('wait', 'check')`.execute(store.db);
  const { rows: runs } = await sql<{ id: string; entered_at: number }>`
    SELECT id, entered_at FROM journey_runs WHERE workspace_id = ${WORKSPACE_ID} AND journey_id = ${JOURNEY_ID}`.execute(store.db);
  const waited = new Map<string, number>();
  const checked = new Map<string, number>();
  for (const v of visits) (v.step_id === 'wait' ? waited : checked).set(v.run_id, Number(v.at));
  return runs
    .map((r) => ({ id: r.id, enteredAt: Number(r.entered_at) }))
    .sort((a, b) => a.enteredAt - b.enteredAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .flatMap((r) => (waited.has(r.id) && checked.has(r.id) ? [checked.get(r.id)! - (waited.get(r.id)! + waitMs)] : []));
}
