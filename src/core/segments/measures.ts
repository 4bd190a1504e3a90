import { DAY_MS } from '../activity.js';
import { assertNever } from '../errors.js';
import type { ComputedCondition, EventCondition, SeenCondition } from './conditions.js';
import { applyOperator, readPath } from './operators.js';
import type { SubjectEvent } from './subjects.js';

/**
 * The numbers conditions compare, computed from a subject's events. Time rules, the same
 * for every condition:
 *
 * - Only events at or before `now` exist; a later timestamp (a client clock ahead) is
 *   ignored everywhere, "ever" included, so a result never depends on the future.
 * - "Within the last D days" is `now - D * 86_400_000 <= timestamp <= now`: both ends are
 *   inclusive, so an event exactly D days old still counts.
 * - "Older than D days" is `timestamp < now - D * 86_400_000`, exactly the complement of
 *   "within the last D days" for past events.
 * - Days are 24-hour periods counted back from `now`, not calendar days in a time zone.
 */
export function inWindow(timestamp: number, now: number, withinDays: number | undefined): boolean {
  if (timestamp > now) return false;
  return withinDays === undefined || timestamp >= now - withinDays * DAY_MS;
}

const PROFILE_CALLS: ReadonlySet<string> = new Set(['identify', 'group', 'alias']);

/** Identify, group and alias calls change profiles; every other event is an interaction. */
export function isInteraction(event: SubjectEvent): boolean {
  return !PROFILE_CALLS.has(event.type);
}

/**
 * Events an event condition counts: track events whose name equals the condition's exactly
 * (case-sensitive), inside the window, whose properties satisfy every filter.
 */
export function matchingEvents(condition: EventCondition, events: readonly SubjectEvent[], now: number): SubjectEvent[] {
  return events.filter(
    (event) =>
      event.type === 'track' &&
      event.name === condition.name &&
      inWindow(event.timestamp, now, condition.withinDays) &&
      (condition.where ?? []).every((filter) => applyOperator(readPath(event.properties, filter.property), filter.op, filter.value)),
  );
}

/** Time of the subject's first or last interaction up to now; null if there is none. */
export function seenTime(which: 'first' | 'last', events: readonly SubjectEvent[], now: number): number | null {
  let found: number | null = null;
  for (const event of events) {
    if (!isInteraction(event) || event.timestamp > now) continue;
    if (found === null || (which === 'first' ? event.timestamp < found : event.timestamp > found)) found = event.timestamp;
  }
  return found;
}

/** A seen condition on a time (no time: false); both bounds must hold when both are given. */
export function seenHolds(time: number | null, condition: SeenCondition, now: number): boolean {
  if (time === null) return false;
  if (condition.withinDays !== undefined && !inWindow(time, now, condition.withinDays)) return false;
  if (condition.olderThanDays !== undefined && !(time < now - condition.olderThanDays * DAY_MS)) return false;
  return true;
}

/**
 * Revenue: the sum of the `revenue` of interactions in the window, events without revenue
 * adding nothing (0 when there are none). Sums of fractional amounts are plain double
 * additions, so `eq` on them is only dependable for whole amounts; prefer `gte`/`lt`.
 * Event count: the number of interactions in the window.
 */
export function computedValue(condition: ComputedCondition, events: readonly SubjectEvent[], now: number): number {
  const inside = events.filter((event) => isInteraction(event) && inWindow(event.timestamp, now, condition.withinDays));
  switch (condition.name) {
    case 'revenue':
      return inside.reduce((sum, event) => sum + (event.revenue ?? 0), 0);
    case 'eventCount':
      return inside.length;
    default:
      return assertNever(condition.name);
  }
}
