import { nextPhase } from '../../core/models/phases.js';
import type { EngineContext } from '../context.js';
import { effectiveDefinitions } from '../definitions/effective-definitions.js';
import type { AccountScope } from './after-segment-refresh.js';
import { placementOf, reactToMove } from './model-moves.js';

/**
 * Moves accounts whose phase is over to their model's next phase (onboarding → after
 * onboarding), reading activation from stored segment memberships, so run it after a refresh.
 * Each move is recorded with its reason and brings its human work (onboarding check-ins stop,
 * the next phase's tasks start). Returns the number of accounts moved.
 */
export async function advancePhases(context: EngineContext, workspaceId: string, changedBy: string, scope: AccountScope = { all: true }): Promise<number> {
  const now = context.clock.now();
  const definitions = await effectiveDefinitions(context, workspaceId);
  const models = new Map(definitions.flatMap((d) => (d.kind === 'EngagementModel' ? [[d.spec.id, d.spec] as const] : [])));
  const activated = new Map<string, Set<string>>();
  const membersOf = async (segmentId: string) => {
    if (!activated.has(segmentId)) activated.set(segmentId, new Set(await context.store.segmentMemberships.members(workspaceId, segmentId)));
    return activated.get(segmentId)!;
  };
  const escalations = await context.store.escalations.list(workspaceId);
  let moved = 0;
  for (const current of await context.store.accountModels.list(workspaceId, scope.all ? undefined : scope.groupIds)) {
    const model = models.get(current.modelId);
    const phase = model?.phases.find((p) => p.id === current.phaseId);
    if (!model || !phase?.until) continue;
    const segment = phase.until.activatedSegment;
    const isActivated = segment ? (await membersOf(segment)).has(current.groupId) : false;
    const next = nextPhase(model, current, { activated: isActivated, now });
    if (!next) continue;
    const after = { ...current, phaseId: next.phaseId, phaseSince: now, reason: `${current.reason}; ${next.reason}` };
    if (!(await context.store.accountModels.change(workspaceId, after, changedBy, after.reason, { expected: current }))) continue;
    const escalationRule = escalations.get(current.groupId)?.ruleId ?? null;
    await reactToMove(context, workspaceId, { groupId: current.groupId, at: now, changedBy, before: placementOf(model, current, escalationRule), after: placementOf(model, after, escalationRule) }, definitions);
    moved++;
  }
  return moved;
}
