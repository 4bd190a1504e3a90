import type { JourneyDefinition } from './journey-definition.js';

/**
 * The names of the track events the journeys listen for: their event triggers, their goals
 * and the events their steps wait for. An event of any other name can neither start, move on
 * nor convert a run of these journeys, so the event feed need not look at it.
 */
export function listenedEventNames(journeys: readonly JourneyDefinition[]): Set<string> {
  const names = new Set<string>();
  for (const journey of journeys) {
    if ('event' in journey.trigger) names.add(journey.trigger.event.name);
    if (journey.goal) names.add(journey.goal.event.name);
    for (const step of journey.steps) if ('wait' in step && 'event' in step.wait) names.add(step.wait.event.name);
  }
  return names;
}
