import type { Definition } from '../../core/definitions/definition-documents.js';
import { reasonOf, type Assignment, type AssignmentRule, type AssignmentRules } from '../../core/models/assignment.js';
import type { EngagementModel } from '../../core/models/engagement-model.js';
import { explainSegment } from '../../core/segments/explain-segment.js';
import type { SegmentDefinition } from '../../core/segments/segment-definition.js';
import { segmentDependencies } from '../../core/segments/segment-dependencies.js';
import type { EngineContext } from '../context.js';
import { computeMembers } from '../segments/segment-membership.js';

/** What assignment reads: a rule set, the models it may name and the segments its conditions may refer to. */
export interface AssignmentInput {
  rules: AssignmentRules;
  models: ReadonlyMap<string, EngagementModel>;
  segments: readonly SegmentDefinition[];
}

/** The rule set, models and segments among definitions (those in force, or a draft in their place). */
export function assignmentInput(definitions: readonly Definition[]): AssignmentInput {
  const rules = definitions.find((d) => d.kind === 'AssignmentRules')?.spec as AssignmentRules;
  const models = new Map(definitions.flatMap((d) => (d.kind === 'EngagementModel' ? [[d.spec.id, d.spec] as const] : [])));
  const segments = definitions.flatMap((d) => (d.kind === 'Segment' ? [d.spec] : []));
  return { rules, models, segments };
}

export interface ComputedAssignments {
  /**
   * Each account's model and the rule that chose it (null: the default), in group-id order.
   * Accounts whose model is not in force are left out: rules are checked against the models
   * when applied, so only a model removed since can be missing.
   */
  decisions: Map<string, { modelId: string; ruleId: string | null }>;
  /** The decision with its reason, explained from that account's own data. */
  explain(groupId: string): Promise<Assignment>;
}

/**
 * Which model each account of the workspace would get under `input.rules`, without writing
 * anything: each rule's condition is evaluated in SQL over all accounts and the first rule an
 * account matches decides. Reasons are explained on request, one account at a time, because
 * that reads the account's events: a preview explains only the accounts it shows.
 */
export async function computeAssignments(context: EngineContext, workspaceId: string, input: AssignmentInput, now: number): Promise<ComputedAssignments> {
  const { rules, models, segments } = input;
  const asSegment = (rule: AssignmentRule): SegmentDefinition => ({ id: rule.id, name: rule.id, subject: 'account', condition: rule.when });
  const referenced = rules.rules.flatMap((rule) => segmentDependencies(asSegment(rule)));
  const members = await computeMembers(context, workspaceId, segments, referenced, now);
  const segmentContext = { now, memberships: (id: string, _kind: string, subjectId: string) => members.get(id)?.has(subjectId) ?? false };

  const ruleOf = new Map<string, AssignmentRule>();
  for (const rule of rules.rules) {
    const matched = await context.store.segmentMembers(workspaceId, asSegment(rule), { now, segmentMembers: (id) => [...(members.get(id) ?? [])] });
    for (const groupId of matched) if (!ruleOf.has(groupId)) ruleOf.set(groupId, rule);
  }

  const decisions = new Map<string, { modelId: string; ruleId: string | null }>();
  for (const groupId of await context.store.accounts.listIds(workspaceId, now)) {
    const rule = ruleOf.get(groupId);
    const modelId = rule?.model ?? rules.defaultModel;
    if (models.has(modelId)) decisions.set(groupId, { modelId, ruleId: rule?.id ?? null });
  }

  const explain = async (groupId: string): Promise<Assignment> => {
    const decision = decisions.get(groupId);
    if (!decision) throw new Error(`account ${groupId} has no assignment to explain`);
    const rule = decision.ruleId === null ? undefined : ruleOf.get(groupId);
    if (!rule) return { ...decision, reason: `${decision.modelId} by default: no rule matched` };
    const subject = await context.store.loadAccountSubject(workspaceId, groupId);
    const reason = subject ? `${rule.model} because ${reasonOf(explainSegment(asSegment(rule), subject, segmentContext))} (rule ${rule.id})` : `${rule.model} (rule ${rule.id})`;
    return { ...decision, reason };
  };
  return { decisions, explain };
}
