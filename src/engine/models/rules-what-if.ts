import { validationError, type FieldIssue } from '../../core/errors.js';
import { placeAccount } from '../../core/models/account-placement.js';
import { milestonesReached } from './milestones.js';
import { parseAssignmentRules, type AssignmentRules } from '../../core/models/assignment.js';
import { diffAssignments, type AccountBeforeAfter, type AssignmentDiff } from '../../core/models/assignment-diff.js';
import { segmentDependencies } from '../../core/segments/segment-dependencies.js';
import type { RulesInForce, RulesWhatIf } from '../../core/records.js';
import type { EngineContext } from '../context.js';
import { effectiveDefinitions } from '../definitions/effective-definitions.js';
import { assignmentInput, computeAssignments, type AssignmentInput, type ComputedAssignments } from './compute-assignments.js';
import { rulesInForce } from './rules-in-force.js';

const SAMPLE_SIZE = 20;

/** A draft rule set checked and computed against the workspace now: what applying it would do. */
export interface RuleChangePlan {
  rules: AssignmentRules;
  /** The rule set in force now, and whether it is the shipped one. */
  previous: RulesInForce;
  input: AssignmentInput;
  computed: ComputedAssignments;
  diff: AssignmentDiff;
}

/**
 * Checks a draft rule set against the models and segments in force — an invalid draft is a
 * 400 whose issues name the path (`rules.0.when.trait.op`) — then computes every account's
 * model under it, with no writes, and compares with the models accounts have now.
 */
export async function planRuleChange(context: EngineContext, workspaceId: string, draft: unknown, now: number): Promise<RuleChangePlan> {
  const definitions = await effectiveDefinitions(context, workspaceId);
  const inForce = assignmentInput(definitions);
  const parsed = parseAssignmentRules(draft, [...inForce.models.keys()]);
  if (!parsed.ok) throw validationError('invalid assignment rules', parsed.issues);
  const rules = parsed.rules;
  const unknownSegments = segmentIssues(rules, inForce.segments.map((s) => s.id));
  if (unknownSegments.length > 0) throw validationError('the assignment rules refer to segments that do not exist', unknownSegments);

  const input: AssignmentInput = { ...inForce, rules };
  const computed = await computeAssignments(context, workspaceId, input, now);
  const reached = await milestonesReached(context, workspaceId, input.models.values());
  const escalations = await context.store.escalations.list(workspaceId);
  const accounts: AccountBeforeAfter[] = [];
  for (const row of await context.store.accountModels.placementInputs(workspaceId)) {
    const decision = computed.decisions.get(row.groupId);
    if (!decision) continue;
    // The reason does not change where an account goes, so the preview places it without one.
    // An escalated account stays where the escalation holds it, whatever the rules say.
    const held = row.current && escalations.has(row.groupId);
    const after = held ? row.current! : placeAccount(row.groupId, row.current, { ...decision, reason: '' }, input.models.get(decision.modelId)!, now, reached(row.groupId));
    accounts.push({
      groupId: row.groupId, name: row.name, mrr: row.mrr, contacts: row.contacts,
      before: row.current ? { modelId: row.current.modelId, phaseId: row.current.phaseId } : null,
      after: { modelId: after.modelId, phaseId: after.phaseId, ruleId: after.ruleId },
    });
  }
  const diff = diffAssignments(accounts, [...input.models.values()], { sampleSize: SAMPLE_SIZE });
  return { rules, previous: await rulesInForce(context, workspaceId), input, computed, diff };
}

/** `POST /api/models/what-if`: what a draft rule set would do to the accounts now; nothing is stored. */
export async function rulesWhatIf(context: EngineContext, workspaceId: string, draft: unknown): Promise<RulesWhatIf> {
  return whatIfOf(await planRuleChange(context, workspaceId, draft, context.clock.now()));
}

/** The plan as the API shows it: the moving accounts of the sample with their reasons. */
export async function whatIfOf(plan: RuleChangePlan): Promise<RulesWhatIf> {
  const sample = [];
  for (const account of plan.diff.sample) sample.push({ ...account, reason: (await plan.computed.explain(account.groupId)).reason });
  return { rules: plan.rules, ...plan.diff, sample };
}

/** A rule may refer only to segments in force; otherwise its condition could never be computed. */
function segmentIssues(rules: AssignmentRules, segmentIds: readonly string[]): FieldIssue[] {
  const known = new Set(segmentIds);
  return rules.rules.flatMap((rule, index) =>
    segmentDependencies({ id: rule.id, name: rule.id, subject: 'account', condition: rule.when })
      .filter((id) => !known.has(id))
      .map((id) => ({ path: `rules.${index}.when`, message: `refers to segment ${id}, which does not exist` })),
  );
}
