import { z } from 'zod';
import type { FieldIssue } from '../errors.js';

/**
 * Account health (see docs/metrics.md): weighted measures, each 0–100, averaged over those an
 * account has data for, graded A to F, with the trend against the window before. One
 * `HealthScoring` definition (id `default`) says the weights and targets.
 */
export const HEALTH_MEASURES = ['usage', 'engagement', 'support', 'feedback', 'renewal'] as const;
export type HealthMeasure = (typeof HEALTH_MEASURES)[number];

const weight = z.number({ error: 'must be a number' }).min(0, { error: 'must be 0 or more' });

export const healthScoringSchema = z.strictObject({
  id: z.literal('default', { error: 'must be default: a workspace has one health scoring' }),
  windowDays: z.number({ error: 'must be a number of days' }).int({ error: 'must be a whole number' }).min(1).max(365).default(30),
  weights: z.strictObject({ usage: weight, engagement: weight, support: weight, feedback: weight, renewal: weight }, { error: 'must give usage, engagement, support, feedback and renewal' }),
  /** Product-use interactions in the window that score 100. */
  usageTarget: z.number({ error: 'must be a number' }).positive({ error: 'must be more than 0' }).default(40),
  /** Points off per support ticket opened in the window (100 with none). */
  pointsPerTicket: z.number({ error: 'must be a number' }).min(0).default(15),
  /** Days before renewal from which the renewal measure falls (100 before, 0 when it is due). */
  renewalRiskDays: z.number({ error: 'must be a number of days' }).int().min(1).default(90),
  /** The least score of each grade, A to D; below D is F. */
  grades: z.strictObject({ A: z.number(), B: z.number(), C: z.number(), D: z.number() }).default({ A: 80, B: 65, C: 50, D: 35 }),
});

export type HealthScoring = z.infer<typeof healthScoringSchema>;

export const SHIPPED_HEALTH_SCORING: HealthScoring = {
  id: 'default',
  windowDays: 30,
  weights: { usage: 30, engagement: 20, support: 15, feedback: 20, renewal: 15 },
  usageTarget: 40,
  pointsPerTicket: 15,
  renewalRiskDays: 90,
  grades: { A: 80, B: 65, C: 50, D: 35 },
};

export function parseHealthScoring(input: unknown): { ok: true; scoring: HealthScoring } | { ok: false; issues: FieldIssue[] } {
  const parsed = healthScoringSchema.safeParse(input);
  if (parsed.success) return { ok: true, scoring: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(scoring)', message: i.message })) };
}

/** What an account's health is computed from, over one window. */
export interface HealthInputs {
  /** Inbound product-use interactions. */
  usage: number;
  /** Its engagement score total (0–100). */
  engagement: number | null;
  /** Support tickets opened. */
  tickets: number;
  /** The mean emotion (−1..1) of its rated feedback, null without any. */
  feedback: number | null;
  /** Days until its renewal date, null without one. */
  daysToRenewal: number | null;
}

export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';

/** Each measure 0–100 (null without data), the weighted score of those with data, and its grade. */
export function healthScore(scoring: HealthScoring, inputs: HealthInputs) {
  const clamp = (n: number) => Math.max(0, Math.min(100, n));
  const measures: Record<HealthMeasure, number | null> = {
    usage: clamp((100 * inputs.usage) / scoring.usageTarget),
    engagement: inputs.engagement === null ? null : clamp(inputs.engagement),
    support: clamp(100 - scoring.pointsPerTicket * inputs.tickets),
    feedback: inputs.feedback === null ? null : clamp(50 * (inputs.feedback + 1)),
    renewal: inputs.daysToRenewal === null ? null : clamp((100 * inputs.daysToRenewal) / scoring.renewalRiskDays),
  };
  let weighted = 0;
  let weights = 0;
  for (const measure of HEALTH_MEASURES) {
    const value = measures[measure];
    if (value === null || scoring.weights[measure] === 0) continue;
    weighted += value * scoring.weights[measure];
    weights += scoring.weights[measure];
  }
  const score = weights === 0 ? null : weighted / weights;
  return { score, grade: score === null ? null : gradeOf(scoring, score), measures };
}

export function gradeOf(scoring: HealthScoring, score: number): Grade {
  const { A, B, C, D } = scoring.grades;
  return score >= A ? 'A' : score >= B ? 'B' : score >= C ? 'C' : score >= D ? 'D' : 'F';
}
