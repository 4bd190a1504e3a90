import type { RunEnvironment } from '../../core/journeys/advance-journey.js';
import type { JourneyDefinition } from '../../core/journeys/journey-definition.js';
import { evaluateCondition } from '../../core/segments/evaluate-segment.js';
import type { Subject } from '../../core/segments/subjects.js';
import type { JourneySubjectRef } from '../../store/journeys/journey-runs.js';
import type { EngineContext } from '../context.js';

/**
 * What `advanceJourney` needs of the world for one run now. The subject is read only when the
 * journey can use it — a branch evaluates its conditions with the reference evaluator, a wait
 * until a time of day reads the contact's time zone — so most advances cost no read at all.
 * A subject that no longer exists has no traits, events or memberships: its branches take `otherwise`.
 */
export async function runEnvironment(context: EngineContext, workspaceId: string, journey: JourneyDefinition, run: { id: string; subject: JourneySubjectRef }, now: number): Promise<RunEnvironment> {
  const branches = journey.steps.some((s) => 'branch' in s);
  const timesOfDay = journey.steps.some((s) => 'wait' in s && 'until' in s.wait);
  const loaded = branches || timesOfDay ? await context.store.journeys.loadSubject(workspaceId, run.subject) : undefined;
  const subject: Subject = loaded?.subject ?? (run.subject.kind === 'contact' ? { kind: 'contact', id: run.subject.id, traits: {}, events: [] } : { kind: 'account', id: run.subject.id, fields: emptyFields, traits: {}, events: [], contacts: [] });
  const segmentContext = { now, memberships: (segmentId: string, _kind: string, subjectId: string) => loaded?.memberships.get(segmentId)?.has(subjectId) ?? false };
  return {
    now,
    runId: run.id,
    subjectId: run.subject.id,
    zone: loaded?.zone ?? null,
    holds: (condition) => evaluateCondition(condition, subject, segmentContext),
  };
}

const emptyFields = { plan: null, mrr: null, contractValue: null, industry: null, employees: null, complexity: null, renewalDate: null, ownerEmail: null };
