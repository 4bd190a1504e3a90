import type { Definition } from '../../../core/definitions/definition-documents.js';
import type { SegmentChange } from '../../../store/segment-membership-queries.js';
import type { EngineContext } from '../../context.js';
import { segmentsOf } from '../../segments/segments-in-force.js';
import { advanceRun } from '../advance-run.js';
import { activeAmong } from '../journey-status.js';
import { journeysOf, lookupAmong } from '../journeys-in-force.js';
import { startJourneyRun } from '../start-journey-run.js';

/**
 * Segment entries and exits, as journeys hear of them: a subject that left a journey's
 * `exitWhenLeaving` segment exits its active run, then subjects that entered (or exited) a
 * journey's trigger segment start a run. A segment trigger counts only when the segment is of
 * the journey's subject kind. Returns the runs started and exited.
 */
export async function deliverMembershipChanges(context: EngineContext, workspaceId: string, definitions: readonly Definition[], changes: readonly SegmentChange[]): Promise<{ started: number; exited: number }> {
  const done = { started: 0, exited: 0 };
  if (changes.length === 0) return done;
  const journeys = await activeAmong(context, workspaceId, journeysOf(definitions));
  if (journeys.length === 0) return done;
  const segments = new Map(segmentsOf(definitions).map((s) => [s.id, s]));
  const lookup = lookupAmong(journeys);
  for (const journey of journeys) {
    const segmentId = journey.exitWhenLeaving;
    if (!segmentId) continue;
    for (const change of changes) {
      if (change.change !== 'exited' || change.segmentId !== segmentId) continue;
      for (const run of await context.store.journeys.runs.activeOf(workspaceId, { kind: journey.subject, id: change.subjectId })) {
        if (run.journeyId !== journey.id) continue;
        if ((await advanceRun(context, workspaceId, run.id, { kind: 'exit', reason: `left segment ${segmentId}` }, lookup)).changed) done.exited++;
      }
    }
  }
  for (const journey of journeys) {
    if (!('segment' in journey.trigger)) continue;
    const { id, change: wanted } = journey.trigger.segment;
    if (segments.get(id)?.subject !== journey.subject) continue;
    for (const change of changes) {
      if (change.segmentId !== id || change.change !== wanted) continue;
      const trigger = { segment: { id, change: wanted, at: change.at } };
      if ((await startJourneyRun(context, workspaceId, journey, { kind: journey.subject, id: change.subjectId }, trigger)).started) done.started++;
    }
  }
  return done;
}
