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
  dead: number;
  /** The earliest timer of a waiting run, on the journey's clock. */
  nextWake: number | null;
}

export async function journeyProgress(store: Store): Promise<JourneyProgress> {
  const [runs, effects] = await Promise.all([
    sql<{ waiting: number | null; ended: number | null; next_wake: number | null }>`
      SELECT sum(CASE WHEN status = 'waiting' THEN 1 ELSE 0 END) AS waiting,
             sum(CASE WHEN status IN ('completed', 'exited', 'converted') THEN 1 ELSE 0 END) AS ended,
             min(wake_at) AS next_wake
      FROM journey_runs WHERE workspace_id = ${WORKSPACE_ID} AND journey_id = ${JOURNEY_ID}`.execute(store.db),
    sql<{ pending: number | null; dead: number | null }>`
      SELECT sum(CASE WHEN status IN ('pending', 'failed') THEN 1 ELSE 0 END) AS pending, sum(CASE WHEN status = 'dead' THEN 1 ELSE 0 END) AS dead
      FROM journey_effects WHERE workspace_id = ${WORKSPACE_ID} AND journey_id = ${JOURNEY_ID}`.execute(store.db),
  ]);
  const r = runs.rows[0]!;
  const e = effects.rows[0]!;
  const wake = r.next_wake === null ? null : Number(r.next_wake);
  return { waiting: Number(r.waiting ?? 0), ended: Number(r.ended ?? 0), pendingEffects: Number(e.pending ?? 0), dead: Number(e.dead ?? 0), nextWake: wake };
}

/** Steps visited by every run so far; read once at the end, not in the polls that decide when a phase ended. */
export async function countVisits(store: Store): Promise<number> {
  const { rows } = await sql<{ visits: number }>`SELECT count(*) AS visits FROM journey_visits WHERE workspace_id = ${WORKSPACE_ID} AND journey_id = ${JOURNEY_ID}`.execute(store.db);
  return Number(rows[0]!.visits);
}

/** Polls until `done` holds; every 100 ms, so the figures it ends are that precise. */
export async function waitFor(read: () => Promise<JourneyProgress>, done: (p: JourneyProgress) => boolean, timeoutMs = 30 * 60_000): Promise<JourneyProgress> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const progress = await read();
    if (done(progress)) return progress;
    if (Date.now() > until) throw new Error(`journey work did not finish in time: ${JSON.stringify(progress)}`);
    await sleep(100);
  }
}

/**
 * How late each run took the step after its wait, in order of entry: the time of that step
 * less the wait's due time (the time it began waiting plus the wait), on the journey's clock.
 */
export async function runLateness(store: Store, waitMs: number): Promise<number[]> {
  const { rows } = await sql<{ waited: number; checked: number }>`
    SELECT w.at AS waited, c.at AS checked
    FROM journey_runs r
    JOIN journey_visits w ON w.workspace_id = r.workspace_id AND w.run_id = r.id AND w.step_id = 'wait'
    JOIN journey_visits c ON c.workspace_id = r.workspace_id AND c.run_id = r.id AND c.step_id = 'check'
    WHERE r.workspace_id = ${WORKSPACE_ID} AND r.journey_id = ${JOURNEY_ID}
    ORDER BY r.entered_at, r.id`.execute(store.db);
  return rows.map((row) => Number(row.checked) - (Number(row.waited) + waitMs));
}
