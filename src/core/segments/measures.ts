import { DAY_MS } from '../activity.js';
import { assertNever } from '../errors.js';
import type { ComputedCondition, ComputedValue, EventCondition, SeenCondition, TrendCondition } from './conditions.js';
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
 * The customer's own activity: interactions but the outbound ones, which are the business
 * reaching out (the e-mails journeys send, a CSM's call). Seen times, event counts and their
 * trends read these, so a journey's e-mails never make a quiet customer look active, nor the
 * end of a sequence look like usage collapsing.
 */
export function isCustomerActivity(event: SubjectEvent): boolean {
  return isInteraction(event) && event.direction !== 'outbound';
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

/** Time of the subject's first or last activity of its own (`isCustomerActivity`) up to now; null if there is none. */
export function seenTime(which: 'first' | 'last', events: readonly SubjectEvent[], now: number): number | null {
  let found: number | null = null;
  for (const event of events) {
    if (!isCustomerActivity(event) || event.timestamp > now) continue;
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
 * Event count: the number of the customer's own interactions in the window (`isCustomerActivity`).
 */
export function computedValue(condition: ComputedCondition, events: readonly SubjectEvent[], now: number): number {
  const counts = condition.name === 'eventCount' ? isCustomerActivity : isInteraction;
  const inside = events.filter((event) => counts(event) && inWindow(event.timestamp, now, condition.withinDays));
  return measure(condition.name, inside);
}

function measure(name: ComputedValue, events: readonly SubjectEvent[]): number {
  switch (name) {
    case 'revenue':
      return events.reduce((sum, event) => sum + (event.revenue ?? 0), 0);
    case 'eventCount':
      return events.length;
    default:
      return assertNever(name);
  }
}

/** A trend's two periods: the value over the last P days and over the P days before them. */
export interface TrendValues {
  current: number;
  previous: number;
}

/**
 * The values a trend compares, each as `computedValue` measures it (with `event`: only the
 * track events of exactly that name, counted or their revenue summed):
 *
 * - Current: the last P days, the same window as "within the last P days":
 *   `now - P * 86_400_000 <= timestamp <= now`.
 * - Previous: the P days before, `now - 2P * 86_400_000 <= timestamp < now - P * 86_400_000`.
 *   An event exactly P days old is current, not previous; the two periods never share one.
 */
export function trendValues(condition: TrendCondition, events: readonly SubjectEvent[], now: number): TrendValues {
  const split = now - condition.periodDays * DAY_MS;
  const counted = events.filter((event) =>
    condition.event !== undefined ? event.type === 'track' && event.name === condition.event : condition.name === 'eventCount' ? isCustomerActivity(event) : isInteraction(event),
  );
  return {
    current: measure(condition.name, counted.filter((event) => inWindow(event.timestamp, now, condition.periodDays))),
    previous: measure(condition.name, counted.filter((event) => event.timestamp < split && inWindow(event.timestamp, now, 2 * condition.periodDays))),
  };
}

/**
 * Whether the change from previous to current, `(current - previous) / previous * 100`
 * percent, satisfies `op percent`.
 *
 * - There is a trend only when previous is above 0: from nothing, any rise is infinite, and
 *   revenue that was negative (refunds) has no meaningful percentage. Without one the
 *   condition is false, whatever the operator, so "dropped by half" never matches a subject
 *   that had no activity to drop from.
 * - The test is `(current - previous) * 100 op percent * previous`, the same inequality
 *   multiplied by the positive previous, so nothing is divided: the SQL evaluator computes
 *   exactly these two double products and the answers agree bit for bit whenever the sums
 *   do. Counts are always exact; revenue sums are, as for `computedValue`, when the amounts
 *   are whole or binary fractions (halves, quarters); a sum of cents may differ in its last
 *   bit between databases, so a change exactly at `percent` may then be read either way.
 * - Revenue sums above about 10^300 are out of range (PostgreSQL refuses to overflow).
 */
export function trendHolds(values: TrendValues, op: TrendCondition['op'], percent: number): boolean {
  if (!(values.previous > 0)) return false;
  return applyOperator((values.current - values.previous) * 100, op, percent * values.previous);
}
