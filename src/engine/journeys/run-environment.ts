import type { RunEnvironment } from '../../core/journeys/advance-journey.js';
import { caseCondition, type JourneyDefinition } from '../../core/journeys/journey-definition.js';
import { readsInteractions } from '../../core/segments/write-relevance.js';
import { evaluateCondition } from '../../core/segments/evaluate-segment.js';
import type { Subject } from '../../core/segments/subjects.js';
import type { JourneySubjectRef } from '../../store/journeys/journey-runs.js';
import type { EngineContext } from '../context.js';

/**
 * What `advanceJourney` needs of the world for one run now. The subject is read only when the
 * journey can use it — a branch evaluates its conditions with the reference evaluator, a wait
 * until a time of day reads the contact's time zone — and its events only when a condition
 * reads interactions, so most advances cost no read, or one of traits and memberships.
 * A subject that no longer exists has no traits, events or memberships: its branches take `otherwise`.
 */
export async function runEnvironment(context: EngineContext, workspaceId: string, journey: JourneyDefinition, run: { id: string; subject: JourneySubjectRef }, now: number): Promise<RunEnvironment> {
  const reads = journeyReads(journey);
  const loaded = reads.subject ? await context.store.journeys.loadSubject(workspaceId, run.subject, { events: reads.events }) : undefined;
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

/** What a journey's steps read of the subject, worked out once per definition. */
const readsOf = new WeakMap<JourneyDefinition, { subject: boolean; events: boolean }>();

function journeyReads(journey: JourneyDefinition): { subject: boolean; events: boolean } {
  let reads = readsOf.get(journey);
  if (!reads) {
    const conditions = journey.steps.flatMap((s) => ('branch' in s ? s.branch.cases.map((c) => caseCondition(c.when)) : []));
    const timesOfDay = journey.steps.some((s) => 'wait' in s && 'until' in s.wait);
    reads = { subject: conditions.length > 0 || timesOfDay, events: conditions.some(readsInteractions) };
    readsOf.set(journey, reads);
  }
  return reads;
}

const emptyFields = { plan: null, mrr: null, contractValue: null, industry: null, employees: null, complexity: null, renewalDate: null, ownerEmail: null };
