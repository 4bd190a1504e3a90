import type { EngineContext } from '../../context.js';
import { activeJourneys } from '../journey-status.js';
import { startJourneyRun } from '../start-journey-run.js';
import { dateFiring, firesNow } from './date-trigger-day.js';

/**
 * Starts the runs date triggers call for now: for each journey with `trigger: { date }`, every
 * subject whose trait date, moved by `offsetDays`, is today in its zone and whose `at` has
 * passed. The trait's date is kept in the run's trigger data (`{ date: { trait, date, firesOn } }`),
 * and a subject that already entered for that date does not enter again, whatever the entry
 * rule: calling this every pass, all day, starts each run once. A new date (next year's
 * renewal) enters again if the entry rule allows — `againAfter` a cool-down, not `once`.
 * Returns the runs started.
 *
 * It reads every subject holding the trait, in each pass: simple, and fine for the number of
 * accounts and contacts a workspace has; the worker may call it less often than it feeds events.
 */
export async function scheduleDateTriggers(context: EngineContext, options: { now?: number; workspaceIds?: readonly string[] } = {}): Promise<number> {
  const now = options.now ?? context.clock.now();
  const { subjects } = context.store.journeys.triggers;
  let started = 0;
  for (const workspaceId of options.workspaceIds ?? (await context.store.journeys.triggers.feed.workspaces())) {
    for (const journey of await activeJourneys(context, workspaceId)) {
      if (!('date' in journey.trigger)) continue;
      const { trait } = journey.trigger.date;
      for (const holder of await subjects.withTrait(workspaceId, journey.subject, trait)) {
        const firing = dateFiring(holder.value, journey.trigger.date, holder.zone);
        if (!firing || !firesNow(firing, holder.zone, now)) continue;
        const subject = { kind: journey.subject, id: holder.id };
        const earlier = await subjects.runTriggers(workspaceId, journey.id, subject);
        if (earlier.some((t) => (t['date'] as { date?: unknown } | undefined)?.date === firing.date)) continue;
        const result = await startJourneyRun(context, workspaceId, journey, subject, { date: { trait, date: firing.date, firesOn: firing.firesOn } });
        if (result.started) started++;
      }
    }
  }
  return started;
}
