import { describeMoves } from '../../core/models/assignment-diff.js';
import type { RulesApplied } from '../../core/records.js';
import type { EngineContext } from '../context.js';
import { planRuleChange, whatIfOf } from './rules-what-if.js';
import { writeAssignments } from './write-assignments.js';

/** Why accounts moved, as their history says it. */
export const RULES_CHANGED = 'assignment rules changed';

/**
 * Stores a new rule set and re-assigns every account under it. The same computation as the
 * what-if decides the moves, so what was previewed is what happens (unless the data changed
 * in between). The rules and their audit row are stored in one transaction first; each moved
 * account then gets a history row naming `changedBy` and saying the rules changed. Should the
 * moves stop half-way, the rules are in force and the next assignment finishes them.
 */
export async function applyRules(context: EngineContext, workspaceId: string, draft: unknown, changedBy: string): Promise<RulesApplied> {
  const now = context.clock.now();
  const plan = await planRuleChange(context, workspaceId, draft, now);
  const change = await context.store.definitionChanges.save(
    workspaceId,
    { kind: 'AssignmentRules', spec: plan.rules },
    // The shipped rules are kept too: they may differ in another version of Touchpoint.
    { previousSpec: plan.previous.rules, changedBy, changedAt: now, summary: describeMoves(plan.diff) },
  );
  await writeAssignments(context, workspaceId, plan.computed, { models: plan.input.models, changedBy, now, why: RULES_CHANGED });
  return { ...(await whatIfOf(plan)), change };
}
