import { z } from 'zod';
import type { FieldIssue } from '../errors.js';

/**
 * A framework is an ordered list of stages a customer moves through (AARRR, LAER, the
 * McKinsey decision journey, AIDAE, or a workspace's own). Each stage is reached by an event:
 * the first of its events at or after the previous stage was reached, so a funnel counts
 * only those who went through the stages in order. A stage may also require traits that
 * hold now. `loopTo` names the stage a customer returns to from the last one (McKinsey's
 * loyalty loop: a repeat purchase without considering others again).
 */
const id = z.string({ error: 'must be an id' }).regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'must be lower-case letters, digits and dashes' });

const traitCondition = z.strictObject({
  trait: z.string({ error: 'must be a trait name' }).min(1, { error: 'must not be empty' }),
  equals: z.union([z.string(), z.number(), z.boolean()], { error: 'must be a string, number or boolean' }),
});

export const stageSchema = z.strictObject({
  id,
  name: z.string({ error: 'must be a name' }).min(1, { error: 'must not be empty' }),
  description: z.string({ error: 'must be text' }).optional(),
  /** Any of these track events reaches the stage. */
  events: z.array(z.string({ error: 'must be an event name' }).min(1, { error: 'must not be empty' }), { error: 'must be a list of event names' }).min(1, { error: 'must name at least one event' }),
  /** The subject's traits must hold these values now. */
  traits: z.array(traitCondition, { error: 'must be a list of { trait, equals }' }).optional(),
});

export const frameworkSchema = z
  .strictObject({
    id,
    name: z.string({ error: 'must be a name' }).min(1, { error: 'must not be empty' }),
    description: z.string({ error: 'must be text' }).optional(),
    /** Whose stages: each contact's, or each account's (its own and its contacts' events). */
    subject: z.enum(['contact', 'account'], { error: 'must be contact or account' }),
    stages: z.array(stageSchema, { error: 'must be a list of stages' }).min(2, { error: 'must have at least two stages' }).max(12, { error: 'must have at most twelve stages' }),
    loopTo: id.optional(),
  })
  .superRefine((framework, ctx) => {
    const seen = new Set<string>();
    framework.stages.forEach((stage, i) => {
      if (seen.has(stage.id)) ctx.addIssue({ code: 'custom', path: ['stages', i, 'id'], message: `repeats stage ${stage.id}` });
      seen.add(stage.id);
    });
    if (framework.loopTo !== undefined && !seen.has(framework.loopTo)) ctx.addIssue({ code: 'custom', path: ['loopTo'], message: `must name one of the stages: ${[...seen].join(', ')}` });
  });

export type Framework = z.infer<typeof frameworkSchema>;
export type Stage = z.infer<typeof stageSchema>;

export function parseFramework(input: unknown): { ok: true; framework: Framework } | { ok: false; issues: FieldIssue[] } {
  const parsed = frameworkSchema.safeParse(input);
  if (parsed.success) return { ok: true, framework: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(framework)', message: i.message })) };
}
