import { advanceJourney, type Advance, type RunInput } from '../../core/journeys/advance-journey.js';
import type { JourneyDefinition } from '../../core/journeys/journey-definition.js';
import { conflict, notFound } from '../../core/errors.js';
import type { JourneyRun } from '../../store/journeys/journey-runs.js';
import type { EngineContext } from '../context.js';
import { runEnvironment } from './run-environment.js';

/** Finds the journey a run belongs to, as in force now; undefined when it no longer exists. */
export type JourneyLookup = (workspaceId: string, journeyId: string) => Promise<JourneyDefinition | undefined>;

/** Another process advancing the same run wins at most this many times in a row. */
const MAX_ADVANCE_ATTEMPTS = 5;

export interface RunAdvanced {
  /** False when the input did not apply (a timer not yet due, an event nobody waits for, an ended run). */
  changed: boolean;
  run: JourneyRun;
  advance: Advance;
}

/**
 * Advances a stored run with `input`: load, `advanceJourney`, commit the new state with its
 * effects and visits in one transaction. The commit is a compare-and-set on the run's version;
 * when another process advanced the run in between, this one reloads and advances again from
 * what that one stored, so an input is applied to the latest state exactly once (an input that
 * no longer applies then changes nothing). A run whose journey was deleted exits.
 */
export async function advanceRun(context: EngineContext, workspaceId: string, runId: string, input: RunInput, journeys: JourneyLookup): Promise<RunAdvanced> {
  for (let attempt = 1; attempt <= MAX_ADVANCE_ATTEMPTS; attempt++) {
    const run = await context.store.journeys.runs.find(workspaceId, runId);
    if (!run) throw notFound(`journey run ${runId}`);
    const now = context.clock.now();
    const advance = await planAdvance(context, run, input, journeys, now);
    if (!advance) return unchanged(run);
    if (await context.store.journeys.runs.commit(workspaceId, run, advance, now)) return advanced(run, advance, now);
  }
  throw conflict(`journey run ${runId} is being advanced by others; try again`);
}

/** What became of one run of a batch: advanced or not, or the error that kept it from being advanced. */
export type BatchAdvance = { runId: string; result: RunAdvanced } | { runId: string; error: unknown };

/**
 * `advanceRun` for many runs of the workspace with the same input (their timers came): read
 * together, advanced, and committed in one transaction, each run still its own compare-and-set.
 * A run another process advanced in between is advanced again on its own, from what that one
 * stored. One run's failure is reported at its place and does not hold back the others.
 */
export async function advanceRuns(context: EngineContext, workspaceId: string, runIds: readonly string[], input: RunInput, journeys: JourneyLookup): Promise<BatchAdvance[]> {
  const found = new Map((await context.store.journeys.runs.findMany(workspaceId, runIds)).map((run) => [run.id, run]));
  const now = context.clock.now();
  const outcomes = new Map<string, BatchAdvance>();
  const planned: { run: JourneyRun; advance: Advance }[] = [];
  for (const runId of runIds) {
    const run = found.get(runId);
    if (!run) {
      outcomes.set(runId, { runId, error: notFound(`journey run ${runId}`) });
      continue;
    }
    try {
      const advance = await planAdvance(context, run, input, journeys, now);
      if (advance) planned.push({ run, advance });
      else outcomes.set(runId, { runId, result: unchanged(run) });
    } catch (error) {
      outcomes.set(runId, { runId, error });
    }
  }
  const stored = await context.store.journeys.runs.commitMany(workspaceId, planned, now);
  for (const [i, { run, advance }] of planned.entries()) {
    if (stored[i]) {
      outcomes.set(run.id, { runId: run.id, result: advanced(run, advance, now) });
      continue;
    }
    try {
      outcomes.set(run.id, { runId: run.id, result: await advanceRun(context, workspaceId, run.id, input, journeys) });
    } catch (error) {
      outcomes.set(run.id, { runId: run.id, error });
    }
  }
  return runIds.map((runId) => outcomes.get(runId)!);
}

/**
 * The advance `input` makes of the run as stored, or null when it changes nothing (an ended
 * run; a timer not yet due, an event nobody waits for). A run whose journey was deleted exits.
 */
async function planAdvance(context: EngineContext, run: JourneyRun, input: RunInput, journeys: JourneyLookup, now: number): Promise<Advance | null> {
  if (run.endedAt !== null) return null;
  const journey = await journeys(run.workspaceId, run.journeyId);
  const advance = journey
    ? advanceJourney(journey, run.state, input, await runEnvironment(context, run.workspaceId, journey, run, now))
    : { state: { ...run.state, status: 'exited' as const, wakeAt: null, awaiting: null, endReason: `journey ${run.journeyId} no longer exists` }, effects: [], entered: [] };
  // `advanceJourney` hands back the very state it was given when the input does not apply.
  return advance.state === run.state ? null : advance;
}

function unchanged(run: JourneyRun): RunAdvanced {
  return { changed: false, run, advance: { state: run.state, effects: [], entered: [] } };
}

function advanced(run: JourneyRun, advance: Advance, now: number): RunAdvanced {
  const ended = advance.state.status !== 'waiting' && advance.state.status !== 'active';
  return { changed: true, run: { ...run, state: advance.state, version: run.version + 1, updatedAt: now, endedAt: ended ? now : null }, advance };
}
