import { assertNever } from '../errors.js';
import { countBounds, tagCondition, type Condition } from './conditions.js';

/**
 * Which way a segment's answer can move for a subject when interactions are added to it and
 * nothing else changes (no trait, identity or membership, which are profile writes):
 *
 * - `enter`: only into the segment. Counts and sums of events only grow, last seen only gets
 *   later, first seen only earlier; "at least 3 times", "seen in the last 7 days" and "first
 *   seen over 90 days ago" can become true, never false. A member stays a member.
 * - `exit`: only out of it ("never", "at most 2", "not seen for 14 days"). A non-member stays out.
 * - `any`: either way (both bounds, trends, revenue that refunds may lower).
 * - `none`: no way; traits and references (a reference follows the referenced segment's
 *   changes, which are propagated on their own).
 *
 * A refresh after such a write then re-evaluates only the subjects that can move.
 */
export type InteractionPolarity = 'enter' | 'exit' | 'any' | 'none';

export function interactionPolarity(condition: Condition): InteractionPolarity {
  const tagged = tagCondition(condition);
  switch (tagged.kind) {
    case 'all':
    case 'any':
      return tagged.body.reduce<InteractionPolarity>((polarity, c) => combined(polarity, interactionPolarity(c)), 'none');
    case 'not':
      return flipped(interactionPolarity(tagged.body));
    case 'event':
      return boundsPolarity(countBounds(tagged.body));
    case 'contacts': {
      // The number of contacts for whom the inner condition holds moves the way that condition does.
      const inner = interactionPolarity(tagged.body.condition);
      if (inner === 'none' || inner === 'any') return inner;
      const polarity = boundsPolarity(countBounds(tagged.body));
      return inner === 'enter' ? polarity : flipped(polarity);
    }
    case 'firstSeen':
      // The first time only gets earlier: "within D days" can stop holding, "older than" can start.
      return seenPolarity(tagged.body.olderThanDays !== undefined, tagged.body.withinDays !== undefined);
    case 'lastSeen':
      // The last time only gets later: "within D days" can start holding, "older than" can stop.
      return seenPolarity(tagged.body.withinDays !== undefined, tagged.body.olderThanDays !== undefined);
    case 'computed':
      if (tagged.body.name === 'revenue') return 'any';
      return tagged.body.op === 'gt' || tagged.body.op === 'gte' ? 'enter' : tagged.body.op === 'lt' || tagged.body.op === 'lte' ? 'exit' : 'any';
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
function boundsPolarity(bounds: { atLeast: number; atMost: number | null }): InteractionPolarity {
  if (bounds.atMost === null) return 'enter';
  return bounds.atLeast <= 0 ? 'exit' : 'any';
}

/**
 * A time that only moves one way: `growing` is the bound it can come to meet, `shrinking` the
 * one it can leave. With neither bound ("ever seen") an interaction can only make it hold.
 */
function seenPolarity(growing: boolean, shrinking: boolean): InteractionPolarity {
  if (growing && shrinking) return 'any';
  return shrinking ? 'exit' : 'enter';
}

function combined(a: InteractionPolarity, b: InteractionPolarity): InteractionPolarity {
  if (a === 'none') return b;
  if (b === 'none' || a === b) return a;
  return 'any';
}

function flipped(polarity: InteractionPolarity): InteractionPolarity {
  return polarity === 'enter' ? 'exit' : polarity === 'exit' ? 'enter' : polarity;
}
