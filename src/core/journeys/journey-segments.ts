import { segmentDependencies } from '../segments/segment-dependencies.js';
import { caseCondition, type JourneyDefinition } from './journey-definition.js';

/** The segments a journey reads: its trigger, its exit, and its branch conditions. */
export function journeySegments(journey: JourneyDefinition): string[] {
  const ids = new Set<string>();
  if ('segment' in journey.trigger) ids.add(journey.trigger.segment.id);
  if (journey.exitWhenLeaving) ids.add(journey.exitWhenLeaving);
  for (const step of journey.steps) {
    if (!('branch' in step)) continue;
    for (const c of step.branch.cases) {
      for (const id of segmentDependencies({ id: 'case', name: 'case', subject: journey.subject, condition: caseCondition(c.when) })) ids.add(id);
    }
  }
  return [...ids];
}
