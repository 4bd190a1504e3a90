import { z } from 'zod';
import type { FieldIssue } from '../errors.js';

/**
 * Escalation rules move an account to a more hands-on model when a signal says it struggles,
 * and back once it has been healthy for a while. A signal is a segment of accounts (usage
 * collapsed, tickets spiking, detractors, health below a threshold: anything the segment
 * language says), or "not activated N days after entering the model". Rules are definitions.
 */
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be lowercase letters, digits and hyphens' });
const days = z.number({ error: 'must be a number' }).int({ error: 'must be a whole number of days' }).min(1, { error: 'must be at least 1 day' });

const signalSchema = z.union(
  [z.strictObject({ segment: slug }), z.strictObject({ notActivated: z.strictObject({ segment: slug, days }) })],
  { error: 'must be { segment: ID } or { notActivated: { segment: ID, days: N } }' },
);

export const escalationRuleSchema = z.strictObject({
  id: slug,
  name: z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' }),
  description: z.string().optional(),
  signal: signalSchema,
  /** Models whose accounts the rule watches. */
  from: z.array(slug, { error: 'must be a list of model ids' }).min(1, { error: 'needs at least one model' }),
  /** The model (and phase; its first by default) an escalated account moves to. */
  to: slug,
  phase: slug.optional(),
  /** Back to the model it came from after the signal has been off this many days; absent: a person decides. */
  stepBack: z.strictObject({ healthyDays: days }).optional(),
});

export type EscalationRule = z.infer<typeof escalationRuleSchema>;
export type EscalationSignal = EscalationRule['signal'];

/** Checks a rule against the known models; issues name the path and the reason. Never throws. */
export function parseEscalationRule(input: unknown, modelIds: readonly string[]): { ok: true; rule: EscalationRule } | { ok: false; issues: FieldIssue[] } {
  const parsed = escalationRuleSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(rule)', message: i.message })) };
  const rule = parsed.data;
  const known = new Set(modelIds);
  const issues: FieldIssue[] = [];
  rule.from.forEach((id, index) => {
    if (!known.has(id)) issues.push({ path: `from.${index}`, message: `is not a model (known: ${modelIds.join(', ')})` });
    if (id === rule.to) issues.push({ path: `from.${index}`, message: 'is the model the rule escalates to' });
  });
  if (!known.has(rule.to)) issues.push({ path: 'to', message: `is not a model (known: ${modelIds.join(', ')})` });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, rule };
}

/** The segment a signal reads. */
export function signalSegment(signal: EscalationSignal): string {
  return 'segment' in signal ? signal.segment : signal.notActivated.segment;
}

/** An escalated account's record: which rule, where it came from, and since when it has been healthy. */
export interface EscalationState {
  ruleId: string;
  fromModel: string;
  fromPhase: string;
  escalatedAt: number;
  /** Start of the current stretch without the signal; null while the signal holds. */
  healthySince: number | null;
}

export interface EscalationInput {
  modelId: string;
  /** When the account entered its current model. */
  since: number;
  escalation: EscalationState | null;
  inSegment: (segmentId: string) => boolean;
  now: number;
}

export type EscalationStep =
  | { kind: 'escalate'; rule: EscalationRule; reason: string }
  | { kind: 'healthy'; since: number }
  | { kind: 'struggling' }
  | { kind: 'step-back'; rule: EscalationRule; reason: string };

const DAY_MS = 86_400_000;

/**
 * What escalation does to one account now, or null for nothing. An account that is not
 * escalated is escalated by the first rule (in order) that watches its model and whose signal
 * holds. An escalated account starts a healthy stretch when its rule's signal stops, loses it
 * when the signal returns, and steps back to the model it came from once the stretch lasts
 * `stepBack.healthyDays`. "Not activated" is healthy once the account is in the segment: the
 * day count only decides when to escalate. A rule removed since the escalation leaves the
 * account where it is, for a person to decide.
 */
export function escalationStep(rules: readonly EscalationRule[], input: EscalationInput): EscalationStep | null {
  const { escalation, now } = input;
  if (!escalation) {
    for (const rule of rules) {
      if (!rule.from.includes(input.modelId)) continue;
      const signal = rule.signal;
      if ('segment' in signal && input.inSegment(signal.segment)) {
        return { kind: 'escalate', rule, reason: `escalated by ${rule.name}: the account entered segment ${signal.segment}` };
      }
      if ('notActivated' in signal && !input.inSegment(signal.notActivated.segment) && now - input.since >= signal.notActivated.days * DAY_MS) {
        return { kind: 'escalate', rule, reason: `escalated by ${rule.name}: not in segment ${signal.notActivated.segment} ${signal.notActivated.days} days after entering ${input.modelId}` };
      }
    }
    return null;
  }
  const rule = rules.find((r) => r.id === escalation.ruleId);
  if (!rule) return null;
  const struggling = 'segment' in rule.signal ? input.inSegment(rule.signal.segment) : !input.inSegment(rule.signal.notActivated.segment);
  if (struggling) return escalation.healthySince === null ? null : { kind: 'struggling' };
  if (escalation.healthySince === null) return { kind: 'healthy', since: now };
  if (rule.stepBack && now - escalation.healthySince >= rule.stepBack.healthyDays * DAY_MS) {
    const days = Math.floor((now - escalation.healthySince) / DAY_MS);
    return { kind: 'step-back', rule, reason: `back to ${escalation.fromModel}: healthy for ${days} days (${rule.name} asks for ${rule.stepBack.healthyDays})` };
  }
  return null;
}
