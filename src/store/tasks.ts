import type { Kysely, Selectable } from 'kysely';
import { activityOf } from '../core/activity.js';
import type { Interaction } from '../core/interactions.js';
import type { Task } from '../core/records.js';
import type { TaskDraft } from '../core/tasks/task-plan.js';
import { addToActivityRollup } from './activity-rollup.js';
import type { Database, TaskTable } from './database.js';
import type { GroupCommit } from './group-commit.js';

export interface TaskFilter {
  status?: Task['status'];
  ownerId?: string;
  groupId?: string;
  /** Open tasks due before this time. */
  overdueAt?: number;
  limit: number;
}

export interface NewTask extends Omit<TaskDraft, 'templateId'> {
  templateId: string | null;
  id: string;
  groupId: string;
  ownerId: string | null;
  createdBy: string;
}

/** The outcome of a closed task, written to the account's timeline as an interaction. */
export interface TaskOutcome {
  status: 'done' | 'cancelled';
  outcome: string | null;
  interaction: Interaction | null;
  at: number;
  by: string;
}

/** Human work on accounts: created idempotently by key, listed by owner, account and due time. */
export function taskQueries(db: Kysely<Database>, groupCommit: GroupCommit) {
  const toTask = (r: TaskRow, now: number): Task => ({
    id: r.id, groupId: r.group_id, accountName: r.account_name, templateId: r.template_id, type: r.type, title: r.title, description: r.description,
    ownerId: r.owner_id, ownerName: r.owner_name, status: r.status, dueAt: Number(r.due_at), overdue: r.status === 'open' && Number(r.due_at) < now,
    outcome: r.outcome, createdBy: r.created_by, createdAt: Number(r.created_at), closedAt: r.closed_at === null ? null : Number(r.closed_at),
  });
  const base = (workspaceId: string) =>
    db
      .selectFrom('tasks as t')
      .leftJoin('accounts as a', (join) => join.onRef('a.workspace_id', '=', 't.workspace_id').onRef('a.group_id', '=', 't.group_id'))
      .leftJoin('team_members as m', (join) => join.onRef('m.workspace_id', '=', 't.workspace_id').onRef('m.id', '=', 't.owner_id'))
      .selectAll('t')
      .select(['a.name as account_name', 'm.name as owner_name'])
      .where('t.workspace_id', '=', workspaceId);

  return {
    /** Creates the tasks whose key is new; returns how many were created. Creations side by side share a commit (`GroupCommit`). */
    async create(workspaceId: string, tasks: readonly NewTask[], now: number): Promise<number> {
      if (tasks.length === 0) return 0;
      const rows = await groupCommit.run((trx) => trx
        .insertInto('tasks')
        .values(
          tasks.map((t) => ({
            workspace_id: workspaceId, id: t.id, task_key: t.key, group_id: t.groupId, template_id: t.templateId, type: t.type, title: t.title, description: t.description,
            owner_id: t.ownerId, status: 'open' as const, due_at: t.dueAt, outcome: null, created_by: t.createdBy, created_at: now, closed_at: null,
          })),
        )
        .onConflict((oc) => oc.columns(['workspace_id', 'task_key']).doNothing())
        .returning('id')
        .execute());
      return rows.length;
    },

    async find(workspaceId: string, id: string, now: number): Promise<Task | undefined> {
      const row = await base(workspaceId).where('t.id', '=', id).executeTakeFirst();
      return row ? toTask(row as TaskRow, now) : undefined;
    },

    /** Tasks by due time (soonest first for open work, newest closed first otherwise). */
    async list(workspaceId: string, filter: TaskFilter, now: number): Promise<Task[]> {
      let q = base(workspaceId);
      if (filter.status) q = q.where('t.status', '=', filter.status);
      if (filter.ownerId) q = q.where('t.owner_id', '=', filter.ownerId);
      if (filter.groupId) q = q.where('t.group_id', '=', filter.groupId);
      if (filter.overdueAt !== undefined) q = q.where('t.status', '=', 'open').where('t.due_at', '<', filter.overdueAt);
      const rows = await q.orderBy('t.due_at', filter.status && filter.status !== 'open' ? 'desc' : 'asc').orderBy('t.id').limit(filter.limit).execute();
      return rows.map((r) => toTask(r as TaskRow, now));
    },

    /** Open tasks per (account, template) and the last due time, for the templates given. */
    async recurrences(workspaceId: string, templateIds: readonly string[]): Promise<{ groupId: string; templateId: string; lastDueAt: number; open: number }[]> {
      if (templateIds.length === 0) return [];
      const rows = await db
        .selectFrom('tasks')
        .select(['group_id', 'template_id'])
        .select((eb) => [eb.fn.max('due_at').as('last_due'), eb.fn.sum<number>(eb.case().when('status', '=', 'open').then(1).else(0).end()).as('open')])
        .where('workspace_id', '=', workspaceId)
        .where('template_id', 'in', [...templateIds])
        .groupBy(['group_id', 'template_id'])
        .execute();
      return rows.map((r) => ({ groupId: r.group_id, templateId: r.template_id!, lastDueAt: Number(r.last_due), open: Number(r.open) }));
    },

    /** Changes who owns or when an open task is due. */
    async reschedule(workspaceId: string, id: string, patch: { ownerId?: string | null; dueAt?: number }): Promise<void> {
      const set: { owner_id?: string | null; due_at?: number } = {};
      if (patch.ownerId !== undefined) set.owner_id = patch.ownerId;
      if (patch.dueAt !== undefined) set.due_at = patch.dueAt;
      if (Object.keys(set).length > 0) await db.updateTable('tasks').set(set).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
    },

    /** Gives the open tasks of an account to its new owner (or none). */
    async reassignOpen(workspaceId: string, groupId: string, ownerId: string | null): Promise<void> {
      await db.updateTable('tasks').set({ owner_id: ownerId }).where('workspace_id', '=', workspaceId).where('group_id', '=', groupId).where('status', '=', 'open').execute();
    },

    /**
     * Closes an open task with its outcome and, for work done with the customer, records the
     * interaction on the account's timeline, in one transaction. False when it was not open.
     */
    async close(workspaceId: string, id: string, outcome: TaskOutcome): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const task = await trx.selectFrom('tasks').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
        if (!task || task.status !== 'open') return false;
        await trx.updateTable('tasks').set({ status: outcome.status, outcome: outcome.outcome, closed_at: outcome.at }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
        if (outcome.interaction) {
          const i = outcome.interaction;
          await trx
            .insertInto('events')
            .values({
              workspace_id: workspaceId, message_id: `task:${id}`, type: 'track', name: 'Task Completed', contact_id: null, user_id: null, anonymous_id: null, group_id: task.group_id,
              timestamp: outcome.at, received_at: outcome.at, channel: i.channel, direction: i.direction, category: i.category, rating: i.rating, sentiment: i.sentiment, revenue: i.revenue,
              properties: JSON.stringify({ taskId: id, taskType: task.type, title: task.title, outcome: outcome.outcome, by: outcome.by }),
              traits: '{}', context: '{}',
            })
            .onConflict((oc) => oc.columns(['workspace_id', 'message_id']).doNothing())
            .execute();
          await addToActivityRollup(trx, workspaceId, activityOf([{ timestamp: outcome.at, interaction: i }]));
        }
        return true;
      });
    },

    /** Cancels an account's open tasks of these templates (recurring work that no longer applies). */
    async cancelOpen(workspaceId: string, groupId: string, templateIds: readonly string[], reason: string, at: number): Promise<number> {
      if (templateIds.length === 0) return 0;
      const result = await db
        .updateTable('tasks')
        .set({ status: 'cancelled', outcome: reason, closed_at: at })
        .where('workspace_id', '=', workspaceId)
        .where('group_id', '=', groupId)
        .where('status', '=', 'open')
        .where('template_id', 'in', [...templateIds])
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}

/** A task row with the names lists show beside it. */
type TaskRow = Selectable<TaskTable> & { account_name: string | null; owner_name: string | null };
