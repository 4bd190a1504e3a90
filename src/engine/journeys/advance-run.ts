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
    const unchanged = { changed: false, run, advance: { state: run.state, effects: [], entered: [] } };
    if (run.endedAt !== null) return unchanged;
    const journey = await journeys(workspaceId, run.journeyId);
    const advance = journey
      ? advanceJourney(journey, run.state, input, await runEnvironment(context, workspaceId, journey, run, now))
      : { state: { ...run.state, status: 'exited' as const, wakeAt: null, awaiting: null, endReason: `journey ${run.journeyId} no longer exists` }, effects: [], entered: [] };
    // `advanceJourney` hands back the very state it was given when the input does not apply.
    if (advance.state === run.state) return unchanged;
    if (await context.store.journeys.runs.commit(workspaceId, run, advance, now)) {
      return { changed: true, run: { ...run, state: advance.state, version: run.version + 1, updatedAt: now, endedAt: advance.state.status === 'waiting' || advance.state.status === 'active' ? null : now }, advance };
    }
  }
  throw conflict(`journey run ${runId} is being advanced by others; try again`);
}
