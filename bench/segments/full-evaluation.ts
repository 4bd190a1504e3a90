import { performance } from 'node:perf_hooks';
import type { EngineContext } from '../../src/engine/context.js';
import { effectiveDefinitions } from '../../src/engine/definitions/effective-definitions.js';
import { refreshSegments } from '../../src/engine/segments/refresh-segments.js';
import { segmentsOf } from '../../src/engine/segments/segments-in-force.js';
import { runBaseline } from './baseline-queries.js';
import type { BenchDatabase } from './bench-databases.js';
import { WORKSPACE_ID, type BenchClock } from './bench-data.js';

export interface FullEvaluation {
  segments: number;
  /** Touchpoint's first `refreshSegments` after the load: every membership is new and written. */
  first: number;
  /** Later `refreshSegments`, memberships already stored (nothing changes: the clock is frozen). */
  touchpoint: number[];
  baseline: number[];
  memberships: number;
  /** The baseline's slowest segments in its last round, seconds. */
  slowest: [string, number][];
}

/**
 * Times a full evaluation of every segment in force: Touchpoint's `refreshSegments` (dependency
 * order, memberships stored with their entries and exits) against the baseline's one SELECT per
 * segment, alternating, `rounds` times each after Touchpoint's first refresh. The clock stands
 * still meanwhile, so every run evaluates the same moment and both must find the same members:
 * after each round the stored memberships are compared with the baseline's answer.
 */
export async function measureFullEvaluation(database: BenchDatabase, context: EngineContext, clock: BenchClock, rounds: number, log: (line: string) => void): Promise<FullEvaluation> {
  const segments = segmentsOf(await effectiveDefinitions(context, WORKSPACE_ID));
  const now = Date.now();
  clock.freeze(now);
  try {
    const first = await timed(() => refreshSegments(context, WORKSPACE_ID));
    const memberships = Object.values(await context.store.segmentMemberships.counts(WORKSPACE_ID)).reduce((a, b) => a + b, 0);
    log(`  first refresh of ${segments.length} segments (${memberships.toLocaleString('en-US')} memberships written): ${first.toFixed(1)} s`);
    const result: FullEvaluation = { segments: segments.length, first, touchpoint: [], baseline: [], memberships, slowest: [] };
    for (let round = 1; round <= rounds; round++) {
      const baseline = await runBaseline(database, WORKSPACE_ID, segments, now);
      result.baseline.push(baseline.seconds);
      result.touchpoint.push(await timed(() => refreshSegments(context, WORKSPACE_ID)));
      await verifyStored(context, baseline.members);
      result.slowest = [...baseline.perSegment].sort((a, b) => b[1] - a[1]).slice(0, 5);
      log(`  full evaluation, round ${round}: baseline ${baseline.seconds.toFixed(1)} s, touchpoint ${result.touchpoint.at(-1)!.toFixed(1)} s`);
    }
    return result;
  } finally {
    clock.run();
  }
}

async function verifyStored(context: EngineContext, expected: Map<string, string[]>): Promise<void> {
  for (const [segmentId, members] of expected) {
    const stored = await context.store.segmentMemberships.members(WORKSPACE_ID, segmentId);
    const wanted = [...members].sort();
    if (stored.length !== wanted.length || stored.some((id, i) => id !== wanted[i])) {
      throw new Error(`segment ${segmentId}: Touchpoint stored ${stored.length} members, the baseline found ${wanted.length}`);
    }
  }
}

async function timed(action: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await action();
  return (performance.now() - started) / 1000;
}
