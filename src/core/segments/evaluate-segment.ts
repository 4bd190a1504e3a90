import { assertNever } from '../errors.js';
import { countBounds, tagCondition, withinBounds, type Condition } from './conditions.js';
import { computedValue, matchingEvents, seenHolds, seenTime, trendHolds, trendValues } from './measures.js';
import { applyOperator } from './operators.js';
import type { SegmentDefinition } from './segment-definition.js';
import { traitValue, type SegmentContext, type Subject } from './subjects.js';

/**
 * The reference evaluator: whether a subject is in a segment, from its definition and the
 * subject's traits and events. It is the specification the SQL evaluator in the store is
 * tested against, so it favours plain code over speed. Conditions are two-valued: each is
 * true or false, never unknown, and `not` simply flips its child.
 *
 * Throws only when the definition is for the other kind of subject (a caller's bug).
 */
export function evaluateSegment(definition: SegmentDefinition, subject: Subject, context: SegmentContext): boolean {
  if (definition.subject !== subject.kind) {
    throw new Error(`segment ${definition.id} is for ${definition.subject}s, not ${subject.kind}s`);
  }
  return evaluateCondition(definition.condition, subject, context);
}

/** Whether one condition holds for the subject; `all` of nothing holds, `any` of nothing does not. */
export function evaluateCondition(condition: Condition, subject: Subject, context: SegmentContext): boolean {
  const tagged = tagCondition(condition);
  switch (tagged.kind) {
    case 'all':
      return tagged.body.every((child) => evaluateCondition(child, subject, context));
    case 'any':
      return tagged.body.some((child) => evaluateCondition(child, subject, context));
    case 'not':
      return !evaluateCondition(tagged.body, subject, context);
    case 'trait':
      return applyOperator(traitValue(subject, tagged.body.name), tagged.body.op, tagged.body.value);
    case 'event':
      return withinBounds(matchingEvents(tagged.body, subject.events, context.now).length, countBounds(tagged.body));
    case 'firstSeen':
    case 'lastSeen':
      return seenHolds(seenTime(tagged.kind === 'firstSeen' ? 'first' : 'last', subject.events, context.now), tagged.body, context.now);
    case 'computed':
      return applyOperator(computedValue(tagged.body, subject.events, context.now), tagged.body.op, tagged.body.value);
    case 'trend':
      return trendHolds(trendValues(tagged.body, subject.events, context.now), tagged.body.op, tagged.body.percent);
    case 'segment':
      return context.memberships(tagged.body.id, subject.kind, subject.id) === (tagged.body.in ?? true);
    case 'contacts': {
      // Validation keeps `contacts` out of contact segments; a contact has no contacts.
      if (subject.kind !== 'account') return false;
      const inner = tagged.body.condition;
      const matching = subject.contacts.filter((contact) => evaluateCondition(inner, contact, context)).length;
      return withinBounds(matching, countBounds(tagged.body));
    }
    default:
      return assertNever(tagged);
  }
}
