import { z } from 'zod';
import type { FieldIssue } from '../errors.js';
import { CHANNELS, type Channel } from '../interactions.js';
import { TASK_TYPES, type TaskType } from './task-template.js';

/**
 * What a person may send about a task: closing it with an outcome, moving its due date or
 * owner (`PATCH /api/tasks/{id}`), or adding one by hand (`POST /api/tasks`).
 */
const when = z.union([z.number().int().nonnegative(), z.iso.datetime({ offset: true })], { error: 'must be epoch milliseconds or an ISO-8601 date-time' });

export const taskUpdateSchema = z.strictObject({
  status: z.enum(['done', 'cancelled'], { error: 'must be done or cancelled' }).optional(),
  outcome: z.string({ error: 'must be a string' }).max(10_000, { error: 'must be at most 10,000 characters' }).optional(),
  /** How the work reached the customer, for the timeline; by default from the task's type. */
  channel: z.enum(CHANNELS, { error: `must be one of ${CHANNELS.join(', ')}` }).optional(),
  dueAt: when.optional(),
  ownerId: z.string().min(1).nullable().optional(),
});

export const taskCreateSchema = z.strictObject({
  groupId: z.string({ error: 'is required' }).min(1, { error: 'must not be empty' }),
  type: z.enum(TASK_TYPES, { error: `must be one of ${TASK_TYPES.join(', ')}` }),
  title: z.string({ error: 'is required' }).min(1, { error: 'must not be empty' }),
  description: z.string().optional(),
  dueAt: when,
  ownerId: z.string().min(1).optional(),
});

export type TaskUpdate = Omit<z.infer<typeof taskUpdateSchema>, 'dueAt'> & { dueAt?: number };
export type TaskCreate = Omit<z.infer<typeof taskCreateSchema>, 'dueAt'> & { dueAt: number };

const toEpoch = (value: number | string): number => (typeof value === 'number' ? value : Date.parse(value));
const issuesOf = (error: z.ZodError): FieldIssue[] => error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));

export function parseTaskUpdate(input: unknown): { ok: true; update: TaskUpdate } | { ok: false; issues: FieldIssue[] } {
  const parsed = taskUpdateSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
  const { dueAt, ...rest } = parsed.data;
  if (rest.outcome !== undefined && rest.status === undefined) return { ok: false, issues: [{ path: 'outcome', message: 'goes with status done or cancelled' }] };
  return { ok: true, update: dueAt === undefined ? rest : { ...rest, dueAt: toEpoch(dueAt) } };
}

export function parseTaskCreate(input: unknown): { ok: true; task: TaskCreate } | { ok: false; issues: FieldIssue[] } {
  const parsed = taskCreateSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
  return { ok: true, task: { ...parsed.data, dueAt: toEpoch(parsed.data.dueAt) } };
}

/** The channel a task's work usually happens on: calls by phone, trainings and reviews in person. */
export function channelOfTask(type: TaskType | string): Channel {
  return type === 'training' || type === 'qbr' ? 'in_person' : 'phone';
}
