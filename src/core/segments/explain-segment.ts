import { DAY_MS } from '../activity.js';
import { assertNever } from '../errors.js';
import {
  countBounds, tagCondition, withinBounds,
  type ComputedValue, type Condition, type ConditionKind, type EventCondition, type PropertyFilter, type SeenCondition, type TaggedCondition, type TrendCondition,
} from './conditions.js';
import { computedValue, matchingEvents, seenHolds, seenTime, trendHolds, trendValues, type TrendValues } from './measures.js';
import { applyOperator, isMissing, type NumericOp, type Op } from './operators.js';
import type { SegmentDefinition } from './segment-definition.js';
import { traitValue, type SegmentContext, type Subject } from './subjects.js';

/** Why a subject is or is not in a segment: one node per condition, with a sentence. */
export interface Explanation {
  /** The condition this node explains; `contact` for one contact of a `contacts` rollup. */
  kind: ConditionKind | 'contact';
  holds: boolean;
  sentence: string;
  children: Explanation[];
}

/**
 * The evaluation of `evaluateSegment` as a tree the dashboard can show, e.g. "performed
 * Signed In 4 times in the last 7 days (required: at least 3)". `holds` of the root always
 * equals `evaluateSegment`: both read the same measures. A `contacts` node lists every
 * contact of the account; the reader decides how many to show.
 */
export function explainSegment(definition: SegmentDefinition, subject: Subject, context: SegmentContext): Explanation {
  if (definition.subject !== subject.kind) {
    throw new Error(`segment ${definition.id} is for ${definition.subject}s, not ${subject.kind}s`);
  }
  return explainCondition(definition.condition, subject, context);
}

export function explainCondition(condition: Condition, subject: Subject, context: SegmentContext): Explanation {
  const tagged = tagCondition(condition);
  return { kind: tagged.kind, ...explainTagged(tagged, subject, context) };
}

function explainTagged(tagged: TaggedCondition, subject: Subject, context: SegmentContext): Omit<Explanation, 'kind'> {
  const { now } = context;
  switch (tagged.kind) {
    case 'all':
    case 'any': {
      const children = tagged.body.map((child) => explainCondition(child, subject, context));
      const held = children.filter((child) => child.holds).length;
      const holds = tagged.kind === 'all' ? held === children.length : held > 0;
      if (children.length === 0) {
        return leaf(holds, tagged.kind === 'all' ? 'no conditions, so all of them hold' : 'no conditions, so none of them holds');
      }
      const required = tagged.kind === 'all' ? 'all' : 'at least one';
      return { holds, sentence: `${held} of ${children.length} conditions ${held === 1 ? 'holds' : 'hold'} (required: ${required})`, children };
    }
    case 'not': {
      const child = explainCondition(tagged.body, subject, context);
      const sentence = child.holds ? 'the condition below holds (required: it does not)' : 'the condition below does not hold, as required';
      return { holds: !child.holds, sentence, children: [child] };
    }
    case 'trait': {
      const { name, op, value } = tagged.body;
      const actual = traitValue(subject, name);
      const seen = isMissing(actual) ? `${name} is missing` : `${name} is ${formatValue(actual)}`;
      return leaf(applyOperator(actual, op, value), `${seen} (required: ${opPhrase(op, value)})`);
    }
    case 'event': {
      const count = matchingEvents(tagged.body, subject.events, now).length;
      const bounds = countBounds(tagged.body);
      return leaf(withinBounds(count, bounds), `${eventPhrase(tagged.body)} ${times(count)} ${windowPhrase(tagged.body.withinDays)} (required: ${boundsPhrase(bounds)})`);
    }
    case 'firstSeen':
    case 'lastSeen': {
      const which = tagged.kind === 'firstSeen' ? 'first' : 'last';
      const time = seenTime(which, subject.events, now);
      const seen = time === null ? 'never seen' : `${which} seen ${agoPhrase(now - time)}`;
      return leaf(seenHolds(time, tagged.body, now), `${seen} (required: ${seenPhrase(tagged.body)})`);
    }
    case 'computed': {
      const { name, op, value, withinDays } = tagged.body;
      const actual = computedValue(tagged.body, subject.events, now);
      return leaf(applyOperator(actual, op, value), `${valueLabel(name)} is ${formatValue(actual)} ${windowPhrase(withinDays)} (required: ${opPhrase(op, value)})`);
    }
    case 'trend':
      return explainTrend(tagged.body, subject, now);
    case 'segment': {
      const { id } = tagged.body;
      const wanted = tagged.body.in ?? true;
      const member = context.memberships(id, subject.kind, subject.id);
      return leaf(member === wanted, `${member ? 'is' : 'is not'} in segment ${id} (required: ${wanted ? 'in it' : 'not in it'})`);
    }
    case 'contacts': {
      if (subject.kind !== 'account') return leaf(false, 'a contact has no contacts');
      const bounds = countBounds(tagged.body);
      const inner = tagged.body.condition;
      const children = subject.contacts.map((contact) => {
        const child = explainCondition(inner, contact, context);
        return { kind: 'contact' as const, holds: child.holds, sentence: `contact ${contact.id} ${child.holds ? 'matches' : 'does not match'}`, children: [child] };
      });
      const matching = children.filter((child) => child.holds).length;
      const sentence = `${matching} of ${subject.contacts.length} contacts match (required: ${boundsPhrase(bounds)})`;
      return { holds: withinBounds(matching, bounds), sentence, children };
    }
    default:
      return assertNever(tagged);
  }
}

/** "event count over the last 7 days changed by -62% (8 against 21 in the 7 days before; required: at most -50%)" */
function explainTrend(condition: TrendCondition, subject: Subject, now: number): Omit<Explanation, 'kind'> {
  const { name, event, periodDays, op, percent } = condition;
  const values = trendValues(condition, subject.events, now);
  const holds = trendHolds(values, op, percent);
  const label = `${valueLabel(name)}${event === undefined ? '' : ` of ${event}`} over ${lastDays(periodDays)}`;
  const before = `in the ${periodDays === 1 ? 'day' : `${periodDays} days`} before`;
  const required = `required: ${OP_WORDS[op]} ${signedPercent(percent)}`;
  const { current, previous } = values;
  if (!(previous > 0)) {
    return leaf(holds, `${label} is ${formatValue(current)} against ${formatValue(previous)} ${before}, so there is no trend to compare (${required})`);
  }
  const change = changePercent(values, op, percent, holds);
  return leaf(holds, `${label} changed by ${change} (${formatValue(current)} against ${formatValue(previous)} ${before}; ${required})`);
}

/**
 * The change, rounded to whole percent unless that would misstate the outcome: -50.4%
 * shown as -50% against "at most -50%" would look like a pass that failed, so digits are
 * added until the shown number sides with the outcome.
 */
function changePercent(values: TrendValues, op: NumericOp, percent: number, holds: boolean): string {
  const exact = ((values.current - values.previous) / values.previous) * 100;
  for (let digits = 0; digits < 6; digits++) {
    const shown = Number(exact.toFixed(digits));
    if (applyOperator(shown, op, percent) === holds) return signedPercent(shown);
  }
  return signedPercent(exact);
}

function signedPercent(n: number): string {
  return `${n > 0 ? '+' : ''}${n}%`;
}

function valueLabel(name: ComputedValue): string {
  return name === 'revenue' ? 'revenue' : 'event count';
}

function leaf(holds: boolean, sentence: string): Omit<Explanation, 'kind'> {
  return { holds, sentence, children: [] };
}

function formatValue(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : typeof value === 'number' ? String(value) : JSON.stringify(value) ?? String(value);
}

const OP_WORDS: Readonly<Record<Op, string>> = {
  eq: 'equals', neq: 'does not equal', gt: 'more than', gte: 'at least', lt: 'less than', lte: 'at most',
  contains: 'contains', startsWith: 'starts with', in: 'one of', exists: 'present', notExists: 'missing',
};

function opPhrase(op: Op, value: unknown): string {
  return op === 'exists' || op === 'notExists' ? OP_WORDS[op] : `${OP_WORDS[op]} ${formatValue(value)}`;
}

function filterPhrase(filter: PropertyFilter): string {
  return `${filter.property} ${opPhrase(filter.op, filter.value)}`;
}

function eventPhrase(condition: EventCondition): string {
  const where = condition.where ?? [];
  return where.length === 0 ? `performed ${condition.name}` : `performed ${condition.name} (where ${where.map(filterPhrase).join(' and ')})`;
}

function times(count: number): string {
  return count === 1 ? '1 time' : `${count} times`;
}

/** "the last day", "the last 7 days" */
function lastDays(n: number): string {
  return n === 1 ? 'the last day' : `the last ${n} days`;
}

function windowPhrase(withinDays: number | undefined): string {
  return withinDays === undefined ? 'ever' : `in ${lastDays(withinDays)}`;
}

function boundsPhrase(bounds: { atLeast: number; atMost: number | null }): string {
  if (bounds.atMost === null) return `at least ${bounds.atLeast}`;
  if (bounds.atMost === 0) return 'none';
  if (bounds.atLeast === bounds.atMost) return `exactly ${bounds.atLeast}`;
  if (bounds.atLeast === 0) return `at most ${bounds.atMost}`;
  return `between ${bounds.atLeast} and ${bounds.atMost}`;
}

function seenPhrase(condition: SeenCondition): string {
  const parts: string[] = [];
  if (condition.withinDays !== undefined) parts.push(`in ${lastDays(condition.withinDays)}`);
  if (condition.olderThanDays !== undefined) parts.push(`more than ${condition.olderThanDays === 1 ? '1 day' : `${condition.olderThanDays} days`} ago`);
  return parts.join(' and ');
}

/** Whole days, rounded down: "today" under 24 hours. */
function agoPhrase(ms: number): string {
  const whole = Math.floor(ms / DAY_MS);
  return whole === 0 ? 'today' : whole === 1 ? '1 day ago' : `${whole} days ago`;
}
