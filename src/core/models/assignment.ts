import { z } from 'zod';
import type { FieldIssue } from '../errors.js';
import type { Condition } from '../segments/conditions.js';
import { explainSegment, type Explanation } from '../segments/explain-segment.js';
import { parseSegmentDefinition } from '../segments/segment-definition.js';
import type { AccountSubject, SegmentContext } from '../segments/subjects.js';

/**
 * Which engagement model serves an account: ordered rules over the account (its fields,
 * traits, events, contacts and segments — the segment condition language), first match
 * wins, else the default. Every decision carries a reason a person can read.
 */
export interface AssignmentRule {
  id: string;
  model: string;
  when: Condition;
}

export interface AssignmentRules {
  rules: AssignmentRule[];
  defaultModel: string;
}

export interface Assignment {
  modelId: string;
  /** The rule that matched; null when the default applied. */
  ruleId: string | null;
  reason: string;
}

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be lowercase letters, digits and hyphens' });
const rulesShape = z.strictObject({
  rules: z.array(z.strictObject({ id: slug, model: slug, when: z.unknown() })),
  defaultModel: slug,
});

/**
 * Checks a rule set against the known model ids; each rule's `when` is checked as an account
 * segment condition. Issues name the path (`rules.2.when.all.0.trait.op`) and the reason.
 */
export function parseAssignmentRules(input: unknown, modelIds: readonly string[]): { ok: true; rules: AssignmentRules } | { ok: false; issues: FieldIssue[] } {
  const shape = rulesShape.safeParse(input);
  if (!shape.success) return { ok: false, issues: shape.error.issues.map((i) => ({ path: i.path.join('.') || '(rules)', message: i.message })) };
  const issues: FieldIssue[] = [];
  const known = new Set(modelIds);
  if (!known.has(shape.data.defaultModel)) issues.push({ path: 'defaultModel', message: `is not a model (known: ${modelIds.join(', ')})` });
  const rules: AssignmentRule[] = [];
  const seen = new Set<string>();
  shape.data.rules.forEach((rule, index) => {
    if (seen.has(rule.id)) issues.push({ path: `rules.${index}.id`, message: `repeats rule ${rule.id}` });
    seen.add(rule.id);
    if (!known.has(rule.model)) issues.push({ path: `rules.${index}.model`, message: `is not a model (known: ${modelIds.join(', ')})` });
    const condition = parseSegmentDefinition({ id: rule.id, name: rule.id, subject: 'account', condition: rule.when });
    if (condition.ok) rules.push({ id: rule.id, model: rule.model, when: condition.definition.condition });
    else for (const issue of condition.issues) issues.push({ path: issue.path.replace(/^condition/, `rules.${index}.when`), message: issue.message });
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, rules: { rules, defaultModel: shape.data.defaultModel } };
}

/** The first rule that holds for the account decides; the reason says which facts made it hold. */
export function assignModel(rules: AssignmentRules, account: AccountSubject, context: SegmentContext): Assignment {
  for (const rule of rules.rules) {
    const explanation = explainSegment({ id: rule.id, name: rule.id, subject: 'account', condition: rule.when }, account, context);
    if (explanation.holds) return { modelId: rule.model, ruleId: rule.id, reason: `${rule.model} because ${reasonOf(explanation)} (rule ${rule.id})` };
  }
  const tried = rules.rules.length === 0 ? 'there are no rules' : `no rule matched (${rules.rules.map((r) => r.id).join(', ')})`;
  return { modelId: rules.defaultModel, ruleId: null, reason: `${rules.defaultModel} by default: ${tried}` };
}

/** The facts behind a condition that holds: every part of an `all`, the holding parts of an `any`. */
export function reasonOf(explanation: Explanation): string {
  if (explanation.kind === 'all' || explanation.kind === 'any') {
    const parts = explanation.children.filter((child) => child.holds);
    if (parts.length > 0) return parts.map(reasonOf).join(explanation.kind === 'all' ? ' and ' : ' or ');
  }
  return explanation.sentence;
}
