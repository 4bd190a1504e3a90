import { placeAccount, startingPhase } from '../../core/models/account-placement.js';
import type { EngagementModel } from '../../core/models/engagement-model.js';
import type { EngineContext } from '../context.js';
import { effectiveDefinitions } from '../definitions/effective-definitions.js';
import type { ComputedAssignments } from './compute-assignments.js';
import { milestonesReached } from './milestones.js';
import { placementOf, reactToMove } from './model-moves.js';

export interface AssignSummary {
  accounts: number;
  changed: number;
  /** Accounts per model id after assignment. */
  perModel: Record<string, number>;
}

export interface WriteOptions {
  models: ReadonlyMap<string, EngagementModel>;
  /** Who or what assigns: a user's e-mail, `api`, `touchpoint apply`, ... */
  changedBy: string;
  now: number;
  /** Why accounts move now, put before each moved account's reason in its history. */
  why?: string;
}

/**
 * The one place that writes computed assignments to accounts: an account whose model changes
 * starts at the model's first phase it has not already completed (see `placeAccount`), gets a history row and the human work of its new
 * placement (owner, tasks); the others keep their phase and only have their reason refreshed.
 * Every path that re-assigns accounts (the demo, `touchpoint models assign`, `touchpoint
 * apply`, applying rules through the API) writes through here. An escalated account stays
 * where the escalation put it: the assignment changes the model it will step back to.
 */
export async function writeAssignments(context: EngineContext, workspaceId: string, computed: ComputedAssignments, options: WriteOptions): Promise<AssignSummary> {
  const summary: AssignSummary = { accounts: 0, changed: 0, perModel: {} };
  const definitions = await effectiveDefinitions(context, workspaceId);
  const current = new Map((await context.store.accountModels.list(workspaceId)).map((m) => [m.groupId, m]));
  const escalations = await context.store.escalations.list(workspaceId);
  const reached = await milestonesReached(context, workspaceId, options.models.values());
  for (const groupId of computed.decisions.keys()) {
    const assignment = await computed.explain(groupId);
    const before = current.get(groupId);
    const model = options.models.get(assignment.modelId)!;
    const escalation = escalations.get(groupId);
    summary.accounts++;
    if (before && escalation) {
      if (escalation.fromModel !== assignment.modelId) {
        const fromPhase = startingPhase(model, reached(groupId));
        await context.store.escalations.set(workspaceId, groupId, { ...escalation, fromModel: assignment.modelId, fromPhase });
        summary.changed++;
      }
      summary.perModel[before.modelId] = (summary.perModel[before.modelId] ?? 0) + 1;
      continue;
    }
    const next = placeAccount(groupId, before, assignment, model, options.now, reached(groupId));
    const historyReason = options.why ? `${options.why}: ${next.reason}` : next.reason;
    if (await context.store.accountModels.change(workspaceId, next, options.changedBy, historyReason, before ? { expected: before } : {})) {
      summary.changed++;
      await reactToMove(context, workspaceId, {
        groupId, at: options.now, changedBy: options.changedBy,
        before: before ? placementOf(options.models.get(before.modelId), before, null) : null, after: placementOf(model, next, null),
      }, definitions);
    }
    summary.perModel[next.modelId] = (summary.perModel[next.modelId] ?? 0) + 1;
  }
  return summary;
}
