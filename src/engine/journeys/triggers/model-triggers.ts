import type { Definition } from '../../../core/definitions/definition-documents.js';
import type { JourneyDefinition } from '../../../core/journeys/journey-definition.js';
import type { JourneySubjectRef } from '../../../store/journeys/journey-runs.js';
import type { EngineContext } from '../../context.js';
import { activeAmong } from '../journey-status.js';
import { journeysOf } from '../journeys-in-force.js';
import { startJourneyRun } from '../start-journey-run.js';

/** An account's change of engagement model or phase. */
export interface ModelMove {
  groupId: string;
  fromModel: string | null;
  fromPhase: string | null;
  toModel: string;
  toPhase: string;
  at: number;
}

type ModelFilter = Extract<JourneyDefinition['trigger'], { model: unknown }>['model'];

/**
 * Whether a move starts a journey with `trigger: { model: filter }`: the account arrives where
 * the filter points — it matches after the move and did not before (a move between two phases
 * of the filter's model starts nothing unless the filter names the phase). An empty filter
 * matches every move.
 */
export function moveTriggers(filter: ModelFilter, move: ModelMove): boolean {
  const matches = (model: string | null, phase: string | null) => model !== null && (filter.to === undefined || filter.to === model) && (filter.phase === undefined || filter.phase === phase);
  if (filter.to === undefined && filter.phase === undefined) return true;
  return matches(move.toModel, move.toPhase) && !matches(move.fromModel, move.fromPhase);
}

/**
 * Starts the journeys a model move triggers: an account journey for the account; a contact
 * journey for each contact of the account (the people of an account that, say, moved into
 * onboarding each get the onboarding e-mails). Returns the runs started.
 */
export async function deliverModelMove(context: EngineContext, workspaceId: string, definitions: readonly Definition[], move: ModelMove): Promise<number> {
  let started = 0;
  for (const journey of await activeAmong(context, workspaceId, journeysOf(definitions))) {
    if (!('model' in journey.trigger) || !moveTriggers(journey.trigger.model, move)) continue;
    const subjects: JourneySubjectRef[] =
      journey.subject === 'account'
        ? [{ kind: 'account', id: move.groupId }]
        : (await context.store.journeys.triggers.subjects.contactsOf(workspaceId, move.groupId)).map((id) => ({ kind: 'contact', id }));
    const trigger = { model: { groupId: move.groupId, fromModel: move.fromModel, fromPhase: move.fromPhase, toModel: move.toModel, toPhase: move.toPhase, at: move.at } };
    for (const subject of subjects) if ((await startJourneyRun(context, workspaceId, journey, subject, trigger)).started) started++;
  }
  return started;
}
