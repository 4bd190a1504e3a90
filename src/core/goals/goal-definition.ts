import { z } from 'zod';
import type { FieldIssue } from '../errors.js';

/**
 * A goal: a KPI with a target (and optionally a benchmark) per period, e.g. "trial-to-paid
 * conversion 18% this quarter, benchmark 15%" (see docs/metrics.md). Rates are compared as
 * they stand; counts are compared with the share of the target due by now.
 */
export const GOAL_METRICS = {
  nps: { unit: 'score', better: 'higher', kind: 'rate' },
  csat: { unit: '%', better: 'higher', kind: 'rate' },
  ces: { unit: 'score', better: 'higher', kind: 'rate' },
  'conversion-rate': { unit: '%', better: 'higher', kind: 'rate' },
  'net-revenue-retention': { unit: '%', better: 'higher', kind: 'rate' },
  'gross-revenue-retention': { unit: '%', better: 'higher', kind: 'rate' },
  'logo-churn': { unit: '%', better: 'lower', kind: 'rate' },
  'time-to-value-days': { unit: 'days', better: 'lower', kind: 'rate' },
  'activation-rate': { unit: '%', better: 'higher', kind: 'rate' },
  'new-customers': { unit: 'count', better: 'higher', kind: 'count' },
  'referrals-sent': { unit: 'count', better: 'higher', kind: 'count' },
  'average-rating': { unit: 'stars', better: 'higher', kind: 'rate' },
} as const;
export type GoalMetric = keyof typeof GOAL_METRICS;

const id = z.string({ error: 'must be an id' }).regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'must be lower-case letters, digits and dashes' });

export const goalSchema = z.strictObject({
  id,
  name: z.string({ error: 'must be a name' }).min(1, { error: 'must not be empty' }),
  metric: z.enum(Object.keys(GOAL_METRICS) as [GoalMetric, ...GoalMetric[]], { error: `must be one of ${Object.keys(GOAL_METRICS).join(', ')}` }),
  period: z.enum(['month', 'quarter'], { error: 'must be month or quarter' }),
  /** In the metric's unit: a percentage as 18 for 18%. */
  target: z.number({ error: 'must be a number' }),
  benchmark: z.number({ error: 'must be a number' }).optional(),
  /** For conversion-rate: the conversion event (Signed Up unless named). */
  conversionEvent: z.string({ error: 'must be an event name' }).min(1).optional(),
  /** Only an audience: contacts in a segment, or of accounts with a model. */
  segment: z.string({ error: 'must be a segment id' }).min(1).optional(),
  model: z.string({ error: 'must be a model id' }).min(1).optional(),
});

export type Goal = z.infer<typeof goalSchema>;

export function parseGoal(input: unknown): { ok: true; goal: Goal } | { ok: false; issues: FieldIssue[] } {
  const parsed = goalSchema.safeParse(input);
  if (parsed.success) return { ok: true, goal: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(goal)', message: i.message })) };
}

export type GoalStatus = 'met' | 'on-track' | 'off-track' | 'no-data';

/**
 * Where a goal stands in its period: a rate against the target as it stands; a count against
 * the share of the target due by now (`elapsed`, 0..1 of the period), and met once it reaches
 * the whole target. A rate that meets its target is on track until the period ends, then met.
 */
export function goalStatus(goal: Goal, value: number | null, elapsed: number): { status: GoalStatus; expected: number; progress: number | null } {
  const { better, kind } = GOAL_METRICS[goal.metric];
  const expected = kind === 'count' ? goal.target * Math.min(1, Math.max(0, elapsed)) : goal.target;
  if (value === null) return { status: 'no-data', expected, progress: null };
  const progress = goal.target === 0 ? null : better === 'higher' ? value / goal.target : value === 0 ? null : goal.target / value;
  const meets = (against: number) => (better === 'higher' ? value >= against : value <= against);
  if (kind === 'count' && meets(goal.target)) return { status: 'met', expected, progress };
  if (elapsed >= 1) return { status: meets(goal.target) ? 'met' : 'off-track', expected, progress };
  return { status: meets(expected) ? 'on-track' : 'off-track', expected, progress };
}
