import type { AssignmentRules } from '../../core/models/assignment.js';
import { reasonOf } from '../../core/models/assignment.js';
import type { EngagementModel } from '../../core/models/engagement-model.js';
import type { Condition } from '../../core/segments/conditions.js';
import { explainSegment } from '../../core/segments/explain-segment.js';
import type { SegmentDefinition } from '../../core/segments/segment-definition.js';
import { segmentDependencies } from '../../core/segments/segment-dependencies.js';
import type { EngineContext } from '../context.js';
import { effectiveDefinitions } from '../definitions/effective-definitions.js';
import { computeMembers } from '../segments/segment-membership.js';

export interface AssignSummary {
  accounts: number;
  changed: number;
  /** Accounts per model id after assignment. */
  perModel: Record<string, number>;
}

/**
 * Applies the assignment rules in force to every account of the workspace: each rule's
 * condition is evaluated in SQL over all accounts, the first rule an account matches decides,
 * and the reason is explained from that account's own data. Accounts whose model changes get
 * the model's first phase and a history row; the others keep their phase.
 */
export async function assignModels(context: EngineContext, workspaceId: string, changedBy: string): Promise<AssignSummary> {
  const now = context.clock.now();
  const definitions = await effectiveDefinitions(context, workspaceId);
  const rules = definitions.find((d) => d.kind === 'AssignmentRules')?.spec as AssignmentRules;
  const models = new Map(definitions.flatMap((d) => (d.kind === 'EngagementModel' ? [[d.spec.id, d.spec] as const] : [])));
  const segments = definitions.flatMap((d) => (d.kind === 'Segment' ? [d.spec] : []));
  const asSegment = (id: string, condition: Condition): SegmentDefinition => ({ id, name: id, subject: 'account', condition });
  const referenced = rules.rules.flatMap((rule) => segmentDependencies(asSegment(rule.id, rule.when)));
  const members = await computeMembers(context, workspaceId, segments, referenced, now);
  const segmentContext = { now, memberships: (id: string, _kind: string, subjectId: string) => members.get(id)?.has(subjectId) ?? false };

  const ruleOf = new Map<string, AssignmentRules['rules'][number]>();
  for (const rule of rules.rules) {
    const matched = await context.store.segmentMembers(workspaceId, asSegment(rule.id, rule.when), { now, segmentMembers: (id) => [...(members.get(id) ?? [])] });
    for (const groupId of matched) if (!ruleOf.has(groupId)) ruleOf.set(groupId, rule);
  }

  const summary: AssignSummary = { accounts: 0, changed: 0, perModel: {} };
  const current = new Map((await context.store.accountModels.list(workspaceId)).map((m) => [m.groupId, m]));
  for (const groupId of await context.store.accounts.listIds(workspaceId)) {
    const rule = ruleOf.get(groupId);
    const modelId = rule?.model ?? rules.defaultModel;
    const model = models.get(modelId);
    if (!model) continue; // rules are checked against models when applied; a model removed since is skipped
    let reason = `${modelId} by default: no rule matched`;
    if (rule) {
      const subject = await context.store.loadAccountSubject(workspaceId, groupId);
      reason = subject ? `${modelId} because ${reasonOf(explainSegment(asSegment(rule.id, rule.when), subject, segmentContext))} (rule ${rule.id})` : `${modelId} (rule ${rule.id})`;
    }
    const before = current.get(groupId);
    const sameModel = before?.modelId === modelId;
    const changed = await context.store.accountModels.change(
      workspaceId,
      {
        groupId, modelId, ruleId: rule?.id ?? null, reason,
        phaseId: sameModel ? before.phaseId : firstPhase(model),
        since: sameModel ? before.since : now,
        phaseSince: sameModel ? before.phaseSince : now,
      },
      changedBy,
    );
    summary.accounts++;
    if (changed) summary.changed++;
    summary.perModel[modelId] = (summary.perModel[modelId] ?? 0) + 1;
  }
  return summary;
}

function firstPhase(model: EngagementModel): string {
  return model.phases[0]!.id;
}
