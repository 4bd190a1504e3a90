import type { EngineContext } from '../context.js';
import { effectiveDefinitions } from '../definitions/effective-definitions.js';
import { assignmentInput, computeAssignments } from './compute-assignments.js';
import { writeAssignments, type AssignSummary } from './write-assignments.js';

export type { AssignSummary };

/**
 * Applies the assignment rules in force to every account of the workspace: computes each
 * account's model (`computeAssignments`, shared with the what-if preview) and writes the
 * result (`writeAssignments`). Accounts whose model changes get the model's first phase and a
 * history row; the others keep their phase.
 */
export async function assignModels(context: EngineContext, workspaceId: string, changedBy: string): Promise<AssignSummary> {
  const now = context.clock.now();
  const input = assignmentInput(await effectiveDefinitions(context, workspaceId));
  const computed = await computeAssignments(context, workspaceId, input, now);
  return writeAssignments(context, workspaceId, computed, { models: input.models, changedBy, now });
}
