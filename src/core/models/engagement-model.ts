import { z } from 'zod';
import type { FieldIssue } from '../errors.js';

/**
 * An engagement model: how a customer is served, and what that costs. Models are definitions
 * (data, one schema) that teams edit; the shipped ones are in `shipped-models.ts`.
 */

/** How hands-on a treatment is; escalation moves up this scale, de-escalation down. */
export const TOUCH_LEVELS = ['none', 'low', 'high'] as const;
export type TouchLevel = (typeof TOUCH_LEVELS)[number];

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be lowercase letters, digits and hyphens, e.g. high-touch' });
const money = z.number({ error: 'must be a number' }).finite().nonnegative({ error: 'must be 0 or more' });

const costToServeSchema = z.object({
  /** Hours of customer success work per account per month. */
  csmHoursPerAccountMonth: money,
  /** Fully loaded cost of one CSM hour. */
  hourlyCost: money,
  /** E-mail, in-app, chatbot and tooling cost per contact per month. */
  automationCostPerContactMonth: money,
});

const phaseSchema = z.object({
  id: slug,
  name: z.string().min(1),
  touch: z.enum(TOUCH_LEVELS, { error: `must be one of ${TOUCH_LEVELS.join(', ')}` }),
  /** What the phase does for the customer, in the team's words (kickoff, trainings, ...). */
  activities: z.array(z.string().min(1)).default([]),
  /** Overrides the model's cost while in this phase (onboarding is often dearer). */
  costToServe: costToServeSchema.optional(),
  /** When the phase ends: at the activation milestone (a segment), or after a number of days. */
  until: z
    .object({
      activatedSegment: slug.optional(),
      maxDays: z.number().int().positive({ error: 'must be a whole number of days, 1 or more' }).optional(),
    })
    .optional(),
});

export const engagementModelSchema = z.object({
  id: slug,
  name: z.string().min(1, { error: 'is required' }),
  description: z.string().default(''),
  costToServe: costToServeSchema,
  /** In order; the last phase has no end. A model of one phase is a plain model. */
  phases: z.array(phaseSchema).min(1, { error: 'needs at least one phase' }),
});

export type CostToServe = z.infer<typeof costToServeSchema>;
export type ModelPhase = z.infer<typeof phaseSchema>;
export type EngagementModel = z.infer<typeof engagementModelSchema>;

/** Checks a model definition; issues name the path in the document and the reason. Never throws. */
export function parseEngagementModel(input: unknown): { ok: true; model: EngagementModel } | { ok: false; issues: FieldIssue[] } {
  const parsed = engagementModelSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(model)', message: i.message })) };
  }
  const model = parsed.data;
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  model.phases.forEach((phase, index) => {
    if (seen.has(phase.id)) issues.push({ path: `phases.${index}.id`, message: `repeats phase ${phase.id}` });
    seen.add(phase.id);
    const last = index === model.phases.length - 1;
    if (last && phase.until) issues.push({ path: `phases.${index}.until`, message: 'the last phase has no end' });
    if (!last && !phase.until?.activatedSegment && !phase.until?.maxDays) {
      issues.push({ path: `phases.${index}.until`, message: 'a phase before the last needs activatedSegment or maxDays' });
    }
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, model };
}

/** The touch level of a model at a phase (its first phase when none is given). */
export function touchOf(model: EngagementModel, phaseId?: string): TouchLevel {
  const phase = model.phases.find((p) => p.id === phaseId) ?? model.phases[0]!;
  return phase.touch;
}
