import { z } from 'zod';
import type { FieldIssue } from '../errors.js';
import { TOUCH_LEVELS } from '../models/engagement-model.js';

/**
 * The human work an engagement model promises, as definitions: which task to create when an
 * account enters a model, phase or touch level, or is escalated; when it is due; and, for
 * check-ins and reviews, how often it recurs while the trigger still holds.
 */
export const TASK_TYPES = ['intro-call', 'kickoff', 'training', 'check-in', 'qbr', 'renewal-call', 'escalation'] as const;
export type TaskType = (typeof TASK_TYPES)[number];

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be lowercase letters, digits and hyphens' });
const days = z.number({ error: 'must be a number' }).int({ error: 'must be a whole number of days' }).min(0, { error: 'must not be negative' });

const enteredTrigger = z.strictObject({
  model: slug.optional(),
  phase: slug.optional(),
  touch: z.enum(TOUCH_LEVELS, { error: `must be one of ${TOUCH_LEVELS.join(', ')}` }).optional(),
  /** Only while escalated (true), or only while not (false); either when absent. */
  escalated: z.boolean({ error: 'must be true or false' }).optional(),
});

export const taskTemplateSchema = z.strictObject({
  id: slug,
  type: z.enum(TASK_TYPES, { error: `must be one of ${TASK_TYPES.join(', ')}` }),
  /** `{account}` is replaced by the account's name. */
  title: z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' }),
  description: z.string().optional(),
  /** When the task is created: on entering a placement, or on an escalation (by any rule, or the one named). */
  on: z.union([z.strictObject({ entered: enteredTrigger }), z.strictObject({ escalated: z.strictObject({ rule: slug.optional() }) })], {
    error: 'must be { entered: { model?, phase?, touch? } } or { escalated: { rule? } }',
  }),
  dueInDays: days.optional(),
  /** Monday to Friday, counted in UTC; "within one business day" is 1. */
  dueInBusinessDays: days.optional(),
  /** Creates the next one this many days after the last was due, while `on` still holds. */
  everyDays: z.number({ error: 'must be a number' }).int({ error: 'must be a whole number of days' }).min(1, { error: 'must be at least 1 day' }).optional(),
});

export type TaskTemplate = z.infer<typeof taskTemplateSchema>;
export type TaskTrigger = TaskTemplate['on'];

/** Checks a task template; issues name the path and the reason. Never throws. */
export function parseTaskTemplate(input: unknown): { ok: true; template: TaskTemplate } | { ok: false; issues: FieldIssue[] } {
  const parsed = taskTemplateSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(template)', message: i.message })) };
  const template = parsed.data;
  if (template.dueInDays !== undefined && template.dueInBusinessDays !== undefined) {
    return { ok: false, issues: [{ path: 'dueInBusinessDays', message: 'give dueInDays or dueInBusinessDays, not both' }] };
  }
  if ('entered' in template.on && Object.keys(template.on.entered).length === 0) {
    return { ok: false, issues: [{ path: 'on.entered', message: 'needs model, phase or touch' }] };
  }
  return { ok: true, template };
}
