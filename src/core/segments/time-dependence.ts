import { assertNever } from '../errors.js';
import { tagCondition, type Condition } from './conditions.js';
import { segmentDependencies } from './segment-dependencies.js';
import type { SegmentDefinition } from './segment-definition.js';

/**
 * Whether a condition can change its answer with no new data, only because time passes: it
 * has a window relative to now (`withinDays`, `olderThanDays`, a trend's periods), or reads
 * first/last seen, whose "within"/"older than" is always relative to now. Traits, counts over
 * all time and segment references (see `timeDependentSegments`) do not.
 *
 * Every event condition also ignores events timestamped after now, so an event sent with a
 * future timestamp counts from that time on. That alone does not make "ever performed X"
 * time-dependent: such events are rare, and the refresher re-evaluates their subjects when
 * their time comes instead of re-evaluating every event condition on every tick.
 */
export function dependsOnTime(condition: Condition): boolean {
  const tagged = tagCondition(condition);
  switch (tagged.kind) {
    case 'all':
    case 'any':
      return tagged.body.some(dependsOnTime);
    case 'not':
      return dependsOnTime(tagged.body);
    case 'contacts':
      return dependsOnTime(tagged.body.condition);
    case 'event':
    case 'computed':
      return tagged.body.withinDays !== undefined;
    case 'firstSeen':
    case 'lastSeen':
    case 'trend':
      return true;
    case 'trait':
    case 'segment':
      return false;
    default:
      return assertNever(tagged);
  }
}

/**
 * Ids of the segments whose members can change with time alone: those whose own condition
 * depends on time, and those that refer (at any depth) to one of them. References to ids
 * not among the definitions are ignored; cycles are refused elsewhere but end here too.
 */
export function timeDependentSegments(definitions: readonly SegmentDefinition[]): Set<string> {
  const byId = new Map(definitions.map((d) => [d.id, d]));
  const answer = new Map<string, boolean>();
  const visit = (id: string): boolean => {
    const known = answer.get(id);
    if (known !== undefined) return known;
    const definition = byId.get(id);
    answer.set(id, false); // provisional, so a cycle ends
    const result = definition !== undefined && (dependsOnTime(definition.condition) || segmentDependencies(definition).some(visit));
    answer.set(id, result);
    return result;
  };
  return new Set(definitions.map((d) => d.id).filter(visit));
}

/**
 * The distinct lengths in days of the windows the conditions measure back from now, sorted:
 * a condition's answer for a subject can change with time only when now passes one of its
 * events' timestamps plus one of these (a trend's previous period starts at twice its
 * period). First/last seen compare the first or last event the same way.
 */
export function timeWindowDays(definitions: readonly SegmentDefinition[]): number[] {
  const days = new Set<number>();
  const visit = (condition: Condition): void => {
    const tagged = tagCondition(condition);
    switch (tagged.kind) {
      case 'all':
      case 'any':
        return tagged.body.forEach(visit);
      case 'not':
        return visit(tagged.body);
      case 'contacts':
        return visit(tagged.body.condition);
      case 'event':
      case 'computed':
        if (tagged.body.withinDays !== undefined) days.add(tagged.body.withinDays);
        return;
      case 'firstSeen':
      case 'lastSeen':
        for (const d of [tagged.body.withinDays, tagged.body.olderThanDays]) if (d !== undefined) days.add(d);
        return;
      case 'trend':
        days.add(tagged.body.periodDays).add(2 * tagged.body.periodDays);
        return;
      case 'trait':
      case 'segment':
        return;
      default:
        return assertNever(tagged);
    }
  };
  for (const definition of definitions) visit(definition.condition);
  return [...days].sort((a, b) => a - b);
}
