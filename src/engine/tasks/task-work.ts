import { conflict, notFound, validationError } from '../../core/errors.js';
import type { Task } from '../../core/records.js';
import { channelOfTask, parseTaskCreate, parseTaskUpdate } from '../../core/tasks/task-input.js';
import type { EngineContext } from '../context.js';
import { scheduleRecurringTasks } from './recurring-tasks.js';

/**
 * A person's changes to a task. Closing it as done writes the outcome to the account's
 * timeline as an interaction (outbound, on the task's channel); closing a recurring task
 * schedules the next one. Moving the due date or owner is only for open tasks.
 */
export async function updateTask(context: EngineContext, workspaceId: string, id: string, input: unknown, by: string): Promise<Task> {
  const parsed = parseTaskUpdate(input);
  if (!parsed.ok) throw validationError('invalid task update', parsed.issues);
  const now = context.clock.now();
  const task = await context.store.tasks.find(workspaceId, id, now);
  if (!task) throw notFound(`task ${id}`);
  const { status, outcome, channel, dueAt, ownerId } = parsed.update;
  if (task.status !== 'open') throw conflict(`task ${id} is already ${task.status}`);
  if (ownerId && !(await context.store.team.find(workspaceId, ownerId))) throw validationError('invalid task update', [{ path: 'ownerId', message: `is not a team member` }]);
  await context.store.tasks.reschedule(workspaceId, id, { ownerId, dueAt });
  if (status) {
    const interaction = status === 'done' ? { channel: channel ?? channelOfTask(task.type), direction: 'outbound' as const, category: 'communication' as const, rating: null, sentiment: null, revenue: null } : null;
    await context.store.tasks.close(workspaceId, id, { status, outcome: outcome ?? null, interaction, at: now, by });
    if (task.templateId) await scheduleRecurringTasks(context, workspaceId);
  }
  return (await context.store.tasks.find(workspaceId, id, now))!;
}

/** A task a person adds by hand; it goes to the given owner, else the account's owner. */
export async function createTask(context: EngineContext, workspaceId: string, input: unknown, by: string): Promise<Task> {
  const parsed = parseTaskCreate(input);
  if (!parsed.ok) throw validationError('invalid task', parsed.issues);
  const { groupId, type, title, description, dueAt, ownerId } = parsed.task;
  if (!(await context.store.accounts.find(workspaceId, groupId))) throw validationError('invalid task', [{ path: 'groupId', message: `is not an account` }]);
  if (ownerId && !(await context.store.team.find(workspaceId, ownerId))) throw validationError('invalid task', [{ path: 'ownerId', message: 'is not a team member' }]);
  const id = context.ids.id();
  const now = context.clock.now();
  const owner = ownerId ?? (await context.store.team.owner(workspaceId, groupId))?.memberId ?? null;
  await context.store.tasks.create(workspaceId, [{ id, key: `manual:${id}`, groupId, templateId: null, type, title, description: description ?? null, dueAt, ownerId: owner, createdBy: by }], now);
  return (await context.store.tasks.find(workspaceId, id, now))!;
}
