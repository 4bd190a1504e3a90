import { assertNever } from '../errors.js';
import { countBounds, tagCondition, type Condition } from './conditions.js';

/**
 * Which way a segment's answer can move for a subject when one kind of change happens and
 * nothing else does:
 *
 * - `enter`: only into the segment. A member stays a member.
 * - `exit`: only out of it. A non-member stays out.
 * - `any`: either way.
 * - `none`: no way.
 *
 * A refresh after such a change re-evaluates only the subjects that can move. References to
 * other segments are `none` for both kinds: they follow the referenced segment's changes,
 * which are propagated on their own.
 */
export type Polarity = 'enter' | 'exit' | 'any' | 'none';

/**
 * When interactions are added to the subject (no trait, identity or membership, which are
 * profile writes): counts and sums of events only grow, last seen only gets later, first seen
 * only earlier. "At least 3 times", "seen in the last 7 days" and "first seen over 90 days ago"
 * can become true, never false; "never", "at most 2" and "not seen for 14 days" the reverse.
 * Revenue can be refunded and trends compare periods: either way.
 */
export function interactionPolarity(condition: Condition): Polarity {
  const tagged = tagCondition(condition);
  switch (tagged.kind) {
    case 'all':
    case 'any':
      return tagged.body.reduce<Polarity>((polarity, c) => combined(polarity, interactionPolarity(c)), 'none');
    case 'not':
      return flipped(interactionPolarity(tagged.body));
    case 'event':
      return growingCount(countBounds(tagged.body));
    case 'contacts':
      return contactsPolarity(interactionPolarity(tagged.body.condition), countBounds(tagged.body));
    case 'firstSeen':
      // The first time only gets earlier: "within D days" can stop holding, "older than" can start.
      return movingTime(tagged.body.olderThanDays !== undefined, tagged.body.withinDays !== undefined, 'enter');
    case 'lastSeen':
      // The last time only gets later: "within D days" can start holding, "older than" can stop.
      return movingTime(tagged.body.withinDays !== undefined, tagged.body.olderThanDays !== undefined, 'enter');
    case 'computed':
      return tagged.body.name === 'revenue' ? 'any' : comparedGrowing(tagged.body.op);
    case 'trend':
      return 'any';
    case 'trait':
    case 'segment':
      return 'none';
    default:
      return assertNever(tagged);
  }
}

/**
 * When only time passes (no new data; events sent ahead of time that come due count as new
 * interactions): events leave windows, so a count within D days only shrinks, and first and
 * last seen only grow older. "At least 3 times in 30 days" and "seen in the last 7 days" can
 * stop holding; "at most 2 in 30 days" and "not seen for 14 days" can start. Conditions with
 * no window do not move; revenue in a window may lose a refund as well as a sale, and trends
 * compare moving periods: either way.
 */
export function agingPolarity(condition: Condition): Polarity {
  const tagged = tagCondition(condition);
  switch (tagged.kind) {
    case 'all':
    case 'any':
      return tagged.body.reduce<Polarity>((polarity, c) => combined(polarity, agingPolarity(c)), 'none');
    case 'not':
      return flipped(agingPolarity(tagged.body));
    case 'event':
      return tagged.body.withinDays === undefined ? 'none' : flipped(growingCount(countBounds(tagged.body)));
    case 'contacts':
      return contactsPolarity(agingPolarity(tagged.body.condition), countBounds(tagged.body));
    case 'firstSeen':
    case 'lastSeen':
      // Either time only grows older: "within D days" can stop holding, "older than" can start.
      return movingTime(tagged.body.olderThanDays !== undefined, tagged.body.withinDays !== undefined, 'none');
    case 'computed':
      if (tagged.body.withinDays === undefined) return 'none';
      return tagged.body.name === 'revenue' ? 'any' : flipped(comparedGrowing(tagged.body.op));
    case 'trend':
      return 'any';
    case 'trait':
    case 'segment':
      return 'none';
    default:
      return assertNever(tagged);
  }
}

/** A count that only grows against its bounds. */
function growingCount(bounds: { atLeast: number; atMost: number | null }): Polarity {
  if (bounds.atMost === null) return 'enter';
  return bounds.atLeast <= 0 ? 'exit' : 'any';
}

/** A value that only grows, compared with `op`. */
function comparedGrowing(op: string): Polarity {
  return op === 'gt' || op === 'gte' ? 'enter' : op === 'lt' || op === 'lte' ? 'exit' : 'any';
}

/**
 * An account's count of contacts for whom `inner` holds moves the way `inner` does: growing
 * where contacts can only enter, shrinking where they can only leave.
 */
function contactsPolarity(inner: Polarity, bounds: { atLeast: number; atMost: number | null }): Polarity {
  if (inner === 'none' || inner === 'any') return inner;
  const polarity = growingCount(bounds);
  return inner === 'enter' ? polarity : flipped(polarity);
}

/**
 * A time that only moves one way: `meeting` is the bound it can come to meet, `leaving` the
 * one it can leave. With neither bound ("ever seen") the answer is `unbounded`.
 */
function movingTime(meeting: boolean, leaving: boolean, unbounded: Polarity): Polarity {
  if (meeting && leaving) return 'any';
  return leaving ? 'exit' : meeting ? 'enter' : unbounded;
}

function combined(a: Polarity, b: Polarity): Polarity {
  if (a === 'none') return b;
  if (b === 'none' || a === b) return a;
  return 'any';
}

function flipped(polarity: Polarity): Polarity {
  return polarity === 'enter' ? 'exit' : polarity === 'exit' ? 'enter' : polarity;
}
