import { advanceJourney, initialRunState } from '../../core/journeys/advance-journey.js';
import type { JourneyDefinition } from '../../core/journeys/journey-definition.js';
import { validationError } from '../../core/errors.js';
import type { JourneyRun, JourneySubjectRef, StartResult } from '../../store/journeys/journey-runs.js';
import type { EngineContext } from '../context.js';
import { runEnvironment } from './run-environment.js';

export type { StartResult, JourneyRun };

/**
 * Starts a run of `journey` for a subject: performs the steps up to the first wait (their
 * effects go to the ledger, for the worker to perform) and stores the run, all in one
 * transaction — or refuses it by the journey's entry rule, or because the subject is in the
 * journey already. `trigger` is what started it (an event's properties, say), kept with the
 * run for the performers.
 */
export async function startJourneyRun(context: EngineContext, workspaceId: string, journey: JourneyDefinition, subject: JourneySubjectRef, trigger: Record<string, unknown> = {}): Promise<StartResult> {
  return (await startJourneyRuns(context, workspaceId, [{ journey, subject, trigger }]))[0]!;
}

/** A run to start: of which journey, for whom, started by what. */
export interface RunStart {
  journey: JourneyDefinition;
  subject: JourneySubjectRef;
  trigger: Record<string, unknown>;
}

/**
 * `startJourneyRun` for many runs of the workspace, stored in one transaction and decided in
 * order (a second start for the same subject and journey is refused as active). The results
 * are in the order given.
 */
export async function startJourneyRuns(context: EngineContext, workspaceId: string, starts: readonly RunStart[]): Promise<StartResult[]> {
  const now = context.clock.now();
  const runs = [];
  for (const { journey, subject, trigger } of starts) {
    if (subject.kind !== journey.subject) throw validationError(`journey ${journey.id} is for ${journey.subject}s, not ${subject.kind}s`);
    const id = context.ids.id();
    const env = await runEnvironment(context, workspaceId, journey, { id, subject }, now);
    const advance = advanceJourney(journey, initialRunState(), { kind: 'start' }, env);
    runs.push({ run: { id, journeyId: journey.id, subject, trigger, advance }, entry: journey.entry });
  }
  return context.store.journeys.runs.startMany(workspaceId, runs, now);
}
