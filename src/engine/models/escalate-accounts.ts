import { escalationStep, signalSegment } from '../../core/models/escalation.js';
import type { EngagementModel } from '../../core/models/engagement-model.js';
import type { EngineContext } from '../context.js';
import { effectiveDefinitions } from '../definitions/effective-definitions.js';
import type { AccountScope } from './after-segment-refresh.js';
import { placementOf, reactToMove } from './model-moves.js';

export interface EscalationSummary {
  escalated: number;
  steppedBack: number;
}

/**
 * Applies the escalation rules to every account with a model, reading signals from stored
 * segment memberships (so run it after a refresh): escalates accounts whose signal holds,
 * tracks the healthy stretch of escalated ones, and steps them back when it is long enough.
 * Each move is recorded with its reason and creates its human work.
 */
export async function escalateAccounts(context: EngineContext, workspaceId: string, scope: AccountScope = { all: true }): Promise<EscalationSummary> {
  const now = context.clock.now();
  const definitions = await effectiveDefinitions(context, workspaceId);
  const rules = definitions.flatMap((d) => (d.kind === 'EscalationRule' ? [d.spec] : []));
  const summary: EscalationSummary = { escalated: 0, steppedBack: 0 };
  if (rules.length === 0) return summary;
  const models = new Map<string, EngagementModel>(definitions.flatMap((d) => (d.kind === 'EngagementModel' ? [[d.spec.id, d.spec] as const] : [])));
  const members = new Map<string, Set<string>>();
  for (const segment of new Set(rules.map((r) => signalSegment(r.signal)))) members.set(segment, new Set(await context.store.segmentMemberships.members(workspaceId, segment)));
  const escalations = await context.store.escalations.list(workspaceId);

  for (const current of await context.store.accountModels.list(workspaceId, scope.all ? undefined : scope.groupIds)) {
    const escalation = escalations.get(current.groupId) ?? null;
    const step = escalationStep(rules, { modelId: current.modelId, since: current.since, escalation, inSegment: (id) => members.get(id)?.has(current.groupId) ?? false, now });
    if (!step) continue;
    switch (step.kind) {
      case 'healthy':
      case 'struggling':
        await context.store.escalations.set(workspaceId, current.groupId, { ...escalation!, healthySince: step.kind === 'healthy' ? step.since : null });
        break;
      case 'escalate': {
        const to = models.get(step.rule.to);
        if (!to) break; // rules are checked against models when applied; a model removed since escalates nowhere
        const phaseId = step.rule.phase && to.phases.some((p) => p.id === step.rule.phase) ? step.rule.phase : to.phases[0]!.id;
        const next = { ...current, modelId: to.id, phaseId, ruleId: null, reason: step.reason, since: now, phaseSince: now };
        const escalation = { ruleId: step.rule.id, fromModel: current.modelId, fromPhase: current.phaseId, escalatedAt: now, healthySince: null };
        // Compare-and-set: another process reacting to the same signal may have moved it first.
        if (!(await context.store.accountModels.change(workspaceId, next, `escalation ${step.rule.id}`, step.reason, { expected: current, escalation }))) break;
        await reactToMove(context, workspaceId, {
          groupId: current.groupId, at: now, changedBy: `escalation ${step.rule.id}`,
          before: placementOf(models.get(current.modelId), current, null), after: placementOf(to, next, step.rule.id),
        }, definitions);
        summary.escalated++;
        break;
      }
      case 'step-back': {
        const back = models.get(escalation!.fromModel);
        const phaseId = back?.phases.some((p) => p.id === escalation!.fromPhase) ? escalation!.fromPhase : (back?.phases[0]?.id ?? escalation!.fromPhase);
        const next = { ...current, modelId: escalation!.fromModel, phaseId, ruleId: null, reason: step.reason, since: now, phaseSince: now };
        if (!(await context.store.accountModels.change(workspaceId, next, `escalation ${step.rule.id}`, step.reason, { expected: current, escalation: null }))) {
          // Already where it would step back to (the rules changed meanwhile): only the escalation ends.
          if (next.modelId === current.modelId && next.phaseId === current.phaseId) await context.store.escalations.set(workspaceId, current.groupId, null);
          break;
        }
        await reactToMove(context, workspaceId, {
          groupId: current.groupId, at: now, changedBy: `escalation ${step.rule.id}`,
          before: placementOf(models.get(current.modelId), current, step.rule.id), after: placementOf(back, next, null),
        }, definitions);
        summary.steppedBack++;
        break;
      }
    }
  }
  return summary;
}
