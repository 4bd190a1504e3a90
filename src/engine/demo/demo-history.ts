import { demoOutcome } from '../../core/demo/task-outcomes.js';
import { seededRandom } from '../../core/demo/random.js';
import { channelOfTask } from '../../core/tasks/task-input.js';
import type { EngineContext } from '../context.js';
import { afterSegmentRefresh } from '../models/after-segment-refresh.js';
import { assignModels, type AssignSummary } from '../models/assign-models.js';
import { refreshSegments } from '../segments/refresh-segments.js';

const DAY = 86_400_000;

/**
 * Lives the demo's last weeks as Touchpoint would have: models are assigned `weeks` ago, then
 * week by week segments are re-evaluated as of that day (events after it do not exist yet),
 * phases end, accounts are escalated and step back, and the team works its tasks — most on
 * time, some late, a few left undone, so the dashboard opens on a history with overdue work.
 * Deterministic for a seed. Returns the last assignment.
 */
export async function playDemoHistory(context: EngineContext, workspaceId: string, options: { seed: number; weeks: number }): Promise<AssignSummary> {
  const end = context.clock.now();
  let now = end - options.weeks * 7 * DAY;
  const past: EngineContext = { ...context, clock: { now: () => now } };
  const random = seededRandom(options.seed, 0x7a5c);
  const emails = new Map((await context.store.team.list(workspaceId)).map((m) => [m.id, m.email]));

  let assigned: AssignSummary = { accounts: 0, changed: 0, perModel: {} };
  for (let week = 0; week <= options.weeks; week++) {
    if (week > 0) {
      const from = now;
      now = Math.min(end, now + 7 * DAY);
      // The team's week: tasks due by now are mostly done within a day or two of their date.
      for (const task of await context.store.tasks.list(workspaceId, { status: 'open', overdueAt: now, limit: 100_000 }, now)) {
        const late = now - task.dueAt;
        if (random.chance(late < 3 * DAY ? 0.4 : 0.08)) continue; // left undone: overdue on the dashboard
        const at = Math.max(from, Math.min(now - 1, task.dueAt + random.int(0, 36) * 3_600_000));
        const cancelled = random.chance(0.04);
        await context.store.tasks.close(workspaceId, task.id, {
          status: cancelled ? 'cancelled' : 'done',
          outcome: cancelled ? 'Customer cancelled; not rescheduled.' : demoOutcome(random, task.type),
          interaction: cancelled ? null : { channel: channelOfTask(task.type), direction: 'outbound', category: 'communication', rating: null, sentiment: null, revenue: null },
          at,
          by: (task.ownerId && emails.get(task.ownerId)) ?? 'demo',
        });
      }
    }
    const changes = await refreshSegments(past, workspaceId);
    assigned = await assignModels(past, workspaceId, 'demo');
    await afterSegmentRefresh(past, workspaceId, changes);
  }
  return assigned;
}
