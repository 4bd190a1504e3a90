import { demoOutcome } from '../../core/demo/task-outcomes.js';
import { seededRandom } from '../../core/demo/random.js';
import { channelOfTask } from '../../core/tasks/task-input.js';
import type { EngineContext } from '../context.js';
import { afterSegmentRefresh } from '../models/after-segment-refresh.js';
import { assignModels, type AssignSummary } from '../models/assign-models.js';
import { refreshSegments } from '../segments/refresh-segments.js';
import { openEmailSender } from '../channels/email-channel.js';
import { storeOutbox } from '../channels/store-outbox.js';
import { journeyPerformers } from '../journeys/journey-performers.js';
import { setJourneyStatus } from '../journeys/journey-status.js';
import { JourneyWorker } from '../journeys/journey-worker.js';
import { journeyLookup, journeysInForce } from '../journeys/journeys-in-force.js';
import { scheduleDateTriggers } from '../journeys/triggers/date-triggers.js';
import { feedJourneys } from '../journeys/triggers/event-feed.js';

const DAY = 86_400_000;
/** How often the demo's journey work runs while its history is lived: timers come due between passes. */
const JOURNEY_PASS_MS = 6 * 3_600_000;
/** Where the demo's links (unsubscribe, tracking) point: the server `touchpoint serve --demo` starts. */
const DEMO_PUBLIC_URL = 'http://localhost:3000';

/**
 * Lives the demo's last weeks as Touchpoint would have: models are assigned `weeks` ago, then
 * week by week segments are re-evaluated as of that day (events after it do not exist yet),
 * phases end, accounts are escalated and step back, and the team works its tasks — most on
 * time, some late, a few left undone, so the dashboard opens on a history with overdue work.
 * The shipped playbooks are activated at the start and journey work runs every six hours of
 * those weeks, e-mail going to the outbox: accounts arriving in a model enter its playbook,
 * and the journeys' messages, tasks and counts per step are there when the dashboard opens.
 * Deterministic for a seed. Returns the last assignment.
 */
export async function playDemoHistory(context: EngineContext, workspaceId: string, options: { seed: number; weeks: number }): Promise<AssignSummary> {
  const end = context.clock.now();
  let now = end - options.weeks * 7 * DAY;
  const past: EngineContext = { ...context, clock: { now: () => now } };
  const random = seededRandom(options.seed, 0x7a5c);
  const emails = new Map((await context.store.team.list(workspaceId)).map((m) => [m.id, m.email]));

  // The feed starts at the newest event: history is not replayed.
  await feedJourneys(past, { workspaceIds: [workspaceId] });
  const sender = openEmailSender({ smtpUrl: null, from: null }, storeOutbox(context.store, past.clock));
  const worker = new JourneyWorker(past, {
    journeys: journeyLookup(past),
    performers: journeyPerformers(past, sender, { publicUrl: DEMO_PUBLIC_URL, webhooks: { allowPrivate: false } }),
    workspaceIds: [workspaceId],
  });
  const journeyWork = async (until: number) => {
    for (; now <= until; now += JOURNEY_PASS_MS) {
      await scheduleDateTriggers(past, { workspaceIds: [workspaceId] });
      await worker.runOnce();
    }
    now = until;
  };

  let assigned: AssignSummary = { accounts: 0, changed: 0, perModel: {} };
  for (let week = 0; week <= options.weeks; week++) {
    if (week > 0) {
      const from = now;
      await journeyWork(Math.min(end, now + 7 * DAY));
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
    // The playbooks go live once every account has its model: the customers of years past do not
    // start onboarding again; accounts that sign up, move or are escalated from then on enter.
    if (week === 0) for (const journey of await journeysInForce(past, workspaceId)) await setJourneyStatus(past, workspaceId, journey.id, 'active', 'demo');
  }
  return assigned;
}
