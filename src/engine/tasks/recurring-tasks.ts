import { nextOccurrence } from '../../core/tasks/task-plan.js';
import type { EngineContext } from '../context.js';
import { effectiveDefinitions } from '../definitions/effective-definitions.js';
import { placementOf } from '../models/model-moves.js';

/**
 * Keeps recurring work going: for every account where a recurring template still applies and
 * its last task is closed, creates the next one (a period after the last was due). Task keys
 * make running it twice harmless. Returns how many were created.
 */
export async function scheduleRecurringTasks(context: EngineContext, workspaceId: string): Promise<number> {
  const now = context.clock.now();
  const definitions = await effectiveDefinitions(context, workspaceId);
  const recurring = new Map(definitions.flatMap((d) => (d.kind === 'TaskTemplate' && d.spec.everyDays !== undefined ? [[d.spec.id, d.spec] as const] : [])));
  if (recurring.size === 0) return 0;
  const models = new Map(definitions.flatMap((d) => (d.kind === 'EngagementModel' ? [[d.spec.id, d.spec] as const] : [])));
  const placements = new Map((await context.store.accountModels.list(workspaceId)).map((m) => [m.groupId, m]));
  const escalations = await context.store.escalations.list(workspaceId);
  const owners = await context.store.team.owners(workspaceId);
  const created = [];
  for (const row of await context.store.tasks.recurrences(workspaceId, [...recurring.keys()])) {
    const template = recurring.get(row.templateId);
    const current = placements.get(row.groupId);
    if (row.open > 0 || !template || !current) continue;
    const placement = placementOf(models.get(current.modelId), current, escalations.get(row.groupId)?.ruleId ?? null);
    const account = await context.store.accounts.find(workspaceId, row.groupId);
    const next = nextOccurrence(template, { groupId: row.groupId, accountName: account?.name ?? null, placement }, row.lastDueAt, now);
    if (next) created.push({ ...next, id: context.ids.id(), groupId: row.groupId, ownerId: owners.get(row.groupId)?.memberId ?? null, createdBy: 'recurrence' });
  }
  return context.store.tasks.create(workspaceId, created, now);
}
