import { z } from 'zod';
import type { FieldIssue } from '../errors.js';
import type { Condition } from '../segments/conditions.js';
import { OPS } from '../segments/operators.js';
import { parseSegmentDefinition } from '../segments/segment-definition.js';
import { TASK_TYPES } from '../tasks/task-template.js';

/**
 * A journey: a trigger, entry rules, steps and a goal — one schema for the API, YAML files
 * and the dashboard. Steps form a graph: each has an id and goes to `next`, or to the step
 * after it in the list; the last step ends the run. A run belongs to one subject (a contact,
 * or for account journeys an account) and is advanced by `advanceJourney`.
 */
const slug = z.string({ error: 'must be a string' }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be lowercase letters, digits and hyphens' });
const text = z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' });
const whole = (what: string) => z.number({ error: 'must be a number' }).int({ error: `must be a whole number of ${what}` }).min(0, { error: 'must not be negative' });

export const durationSchema = z
  .strictObject({ days: whole('days').optional(), hours: whole('hours').optional(), minutes: whole('minutes').optional() }, { error: 'must be { days?, hours?, minutes? }' })
  .refine((d) => (d.days ?? 0) + (d.hours ?? 0) + (d.minutes ?? 0) > 0, { error: 'must be longer than nothing' });
export type Duration = z.infer<typeof durationSchema>;

const propertyFilter = z.strictObject({ property: text, op: z.enum(OPS, { error: `must be one of ${OPS.join(', ')}` }), value: z.unknown().optional() });
/** Track events of this name whose properties pass every filter (the segment language's filters). */
const eventMatcher = z.strictObject({ name: text, where: z.array(propertyFilter).optional() });
export type EventMatcher = z.infer<typeof eventMatcher>;

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time of day as HH:MM (24-hour)' });

const triggerSchema = z.union(
  [
    z.strictObject({ event: eventMatcher }),
    z.strictObject({ segment: z.strictObject({ id: slug, change: z.enum(['entered', 'exited'], { error: 'must be entered or exited' }) }) }),
    z.strictObject({ model: z.strictObject({ to: slug.optional(), phase: slug.optional() }) }),
    z.strictObject({ date: z.strictObject({ trait: text, offsetDays: z.number().int({ error: 'must be a whole number of days' }), at: timeOfDay.default('09:00') }) }),
    z.strictObject({ api: z.strictObject({}) }),
  ],
  { error: 'must be one of { event }, { segment }, { model }, { date }, { api }' },
);

const stepBase = { id: slug, next: slug.optional() };
const stepSchema = z.union(
  [
    z.strictObject({ ...stepBase, wait: z.strictObject({ for: durationSchema }) }),
    z.strictObject({ ...stepBase, wait: z.strictObject({ until: timeOfDay }) }),
    z.strictObject({ ...stepBase, wait: z.strictObject({ event: eventMatcher, timeout: durationSchema, onTimeout: slug }) }),
    z.strictObject({ ...stepBase, branch: z.strictObject({ cases: z.array(z.strictObject({ when: z.unknown(), next: slug })).min(1), otherwise: slug }) }),
    z.strictObject({ ...stepBase, split: z.strictObject({ arms: z.array(z.strictObject({ id: slug, weight: z.number().positive({ error: 'must be more than 0' }), next: slug })).min(2, { error: 'needs at least two arms' }) }) }),
    z.strictObject({ ...stepBase, email: z.strictObject({ template: slug, transactional: z.boolean({ error: 'must be true or false' }).optional() }) }),
    z.strictObject({ ...stepBase, inApp: z.strictObject({ template: slug }) }),
    z.strictObject({ ...stepBase, webhook: z.strictObject({ url: z.url({ error: 'must be a URL' }), body: z.record(z.string(), z.unknown()).optional() }) }),
    z.strictObject({
      ...stepBase,
      task: z.strictObject({ type: z.enum(TASK_TYPES, { error: `must be one of ${TASK_TYPES.join(', ')}` }), title: text, dueInDays: whole('days').optional(), dueInBusinessDays: whole('days').optional() }),
    }),
    z.strictObject({ ...stepBase, setTrait: z.strictObject({ name: text, value: z.unknown() }) }),
    z.strictObject({ ...stepBase, changeModel: z.strictObject({ model: slug, phase: slug.optional(), reason: text }) }),
    z.strictObject({ ...stepBase, exit: z.strictObject({}) }),
  ],
  { error: 'must be one step: wait, branch, split, email, inApp, webhook, task, setTrait, changeModel or exit' },
);

export const journeySchema = z.strictObject({
  id: slug,
  name: text,
  description: z.string().optional(),
  subject: z.enum(['contact', 'account'], { error: 'must be contact or account' }).default('contact'),
  trigger: triggerSchema,
  /** Once per subject, or again after a cool-down since the last entry. */
  entry: z.union([z.strictObject({ once: z.literal(true) }), z.strictObject({ againAfter: durationSchema })]).default({ once: true }),
  /** Leave when the subject leaves this segment. */
  exitWhenLeaving: slug.optional(),
  /** The conversion: reaching it counts for the journey, the step and the split arm, and ends the run. */
  goal: z.strictObject({ event: eventMatcher }).optional(),
  steps: z.array(stepSchema).min(1, { error: 'needs at least one step' }),
});

export type JourneyDefinition = z.infer<typeof journeySchema>;
export type JourneyStep = JourneyDefinition['steps'][number];
export type JourneyTrigger = JourneyDefinition['trigger'];

/** The kind of a step: the one key besides id and next. */
export function stepKind(step: JourneyStep): 'wait' | 'branch' | 'split' | 'email' | 'inApp' | 'webhook' | 'task' | 'setTrait' | 'changeModel' | 'exit' {
  return Object.keys(step).find((k) => k !== 'id' && k !== 'next') as ReturnType<typeof stepKind>;
}

/**
 * Checks a journey: the schema, then what relates fields to each other — step ids unique,
 * every `next`, `onTimeout`, case and arm pointing at a step, branch conditions in the segment
 * language for the journey's subject. Issues name the path (`steps.3.branch.cases.0.when.trait.op`).
 */
export function parseJourney(input: unknown): { ok: true; journey: JourneyDefinition } | { ok: false; issues: FieldIssue[] } {
  const parsed = journeySchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(journey)', message: i.message })) };
  const journey = parsed.data;
  const issues: FieldIssue[] = [];
  const ids = new Set<string>();
  journey.steps.forEach((step, index) => {
    if (ids.has(step.id)) issues.push({ path: `steps.${index}.id`, message: `repeats step ${step.id}` });
    ids.add(step.id);
  });
  const target = (path: string, id: string) => {
    if (!ids.has(id)) issues.push({ path, message: `is not a step of this journey (steps: ${[...ids].join(', ')})` });
  };
  journey.steps.forEach((step, index) => {
    const at = `steps.${index}`;
    if (step.next) target(`${at}.next`, step.next);
    if ('wait' in step && 'onTimeout' in step.wait) target(`${at}.wait.onTimeout`, step.wait.onTimeout);
    if ('branch' in step) {
      target(`${at}.branch.otherwise`, step.branch.otherwise);
      step.branch.cases.forEach((c, i) => {
        target(`${at}.branch.cases.${i}.next`, c.next);
        const condition = parseSegmentDefinition({ id: 'case', name: 'case', subject: journey.subject, condition: c.when });
        if (!condition.ok) for (const issue of condition.issues) issues.push({ path: issue.path.replace(/^condition/, `${at}.branch.cases.${i}.when`), message: issue.message });
      });
    }
    if ('split' in step) {
      const arms = new Set<string>();
      step.split.arms.forEach((arm, i) => {
        if (arms.has(arm.id)) issues.push({ path: `${at}.split.arms.${i}.id`, message: `repeats arm ${arm.id}` });
        arms.add(arm.id);
        target(`${at}.split.arms.${i}.next`, arm.next);
      });
    }
    if ('task' in step && step.task.dueInDays !== undefined && step.task.dueInBusinessDays !== undefined) {
      issues.push({ path: `${at}.task.dueInBusinessDays`, message: 'give dueInDays or dueInBusinessDays, not both' });
    }
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, journey };
}

/** A branch case's condition, as the segment language reads it (checked by `parseJourney`). */
export function caseCondition(when: unknown): Condition {
  return when as Condition;
}
