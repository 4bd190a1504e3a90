import type { Definition } from '../../core/definitions/definition-documents.js';
import type { JourneyDefinition } from '../../core/journeys/journey-definition.js';
import type { EngineContext } from '../context.js';
import { definitionsOf, effectiveDefinitions } from '../definitions/effective-definitions.js';
import type { JourneyLookup } from './advance-run.js';

/** The journeys among definitions, in their order. */
export function journeysOf(definitions: readonly Definition[]): JourneyDefinition[] {
  return definitionsOf(definitions, 'Journey');
}

/** The journeys in force in a workspace. */
export async function journeysInForce(context: EngineContext, workspaceId: string): Promise<JourneyDefinition[]> {
  return journeysOf(await effectiveDefinitions(context, workspaceId));
}

/** Finds journeys among those in force (for `advanceRun` and the worker); a deleted one is undefined. */
export function journeyLookup(context: EngineContext): JourneyLookup {
  return async (workspaceId, journeyId) => (await journeysInForce(context, workspaceId)).find((j) => j.id === journeyId);
}

/** A lookup over journeys already read. */
export function lookupAmong(journeys: readonly JourneyDefinition[]): JourneyLookup {
  return async (_workspaceId, journeyId) => journeys.find((j) => j.id === journeyId);
}
