import type { NumericOp, Op } from './operators.js';

/**
 * A segment's condition is a tree of plain objects, each with exactly one key naming its
 * kind: `{ all: [...] }`, `{ trait: {...} }`. The schema in segment-definition.ts checks it;
 * the reference evaluator and the SQL evaluator in the store both read it.
 */
export const SUBJECT_KINDS = ['contact', 'account'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** A trait of the subject, or for accounts a typed field of that name. */
export interface TraitCondition {
  /** A trait name; dots step into nested objects (`address.city`). */
  name: string;
  op: Op;
  value?: unknown;
}

/** A filter on a property of an event; `property` may be dotted like a trait name. */
export interface PropertyFilter {
  property: string;
  op: Op;
  value?: unknown;
}

/** Performed track event `name` between `atLeast` and `atMost` times in the window. */
export interface EventCondition {
  name: string;
  where?: PropertyFilter[];
  /** Defaults to 1, or to 0 when `atMost` is 0 ("never performed"). */
  atLeast?: number;
  atMost?: number;
  /** Absent: ever (up to now). */
  withinDays?: number;
}

/** The time of the subject's first or last interaction, relative to now. */
export interface SeenCondition {
  withinDays?: number;
  olderThanDays?: number;
}

export const COMPUTED_VALUES = ['revenue', 'eventCount'] as const;
export type ComputedValue = (typeof COMPUTED_VALUES)[number];

export interface ComputedCondition {
  name: ComputedValue;
  op: Op;
  value: number;
  withinDays?: number;
}

/**
 * How a computed value changed: the last `periodDays` against the `periodDays` before them,
 * as a change in percent compared with `percent` (-50: halved, 100: doubled). The exact
 * rules, and why there is no trend when the earlier period had nothing, are in measures.ts.
 */
export interface TrendCondition {
  name: ComputedValue;
  /** Only track events of exactly this name; absent: every interaction. */
  event?: string;
  periodDays: number;
  op: NumericOp;
  percent: number;
}

/** Membership of another segment, as the caller knows it. */
export interface SegmentReference {
  id: string;
  /** Defaults to true; false means "not in the segment". */
  in?: boolean;
}

/** Accounts only: how many of the account's contacts satisfy `condition`. */
export interface ContactsCondition {
  /** Defaults to 1, or to 0 when `atMost` is 0. */
  atLeast?: number;
  atMost?: number;
  condition: Condition;
}

export interface ConditionBodies {
  all: Condition[];
  any: Condition[];
  not: Condition;
  trait: TraitCondition;
  event: EventCondition;
  firstSeen: SeenCondition;
  lastSeen: SeenCondition;
  computed: ComputedCondition;
  trend: TrendCondition;
  segment: SegmentReference;
  contacts: ContactsCondition;
}

export type ConditionKind = keyof ConditionBodies;

export const CONDITION_KINDS = [
  'all', 'any', 'not', 'trait', 'event', 'firstSeen', 'lastSeen', 'computed', 'trend', 'segment', 'contacts',
] as const satisfies readonly ConditionKind[];

/** One of the shapes `{ all: [...] }`, `{ trait: {...} }`, ... */
export type Condition = { [K in ConditionKind]: { [P in K]: ConditionBodies[K] } }[ConditionKind];

/** The same condition with its kind as a tag, so code can `switch` over it. */
export type TaggedCondition = { [K in ConditionKind]: { kind: K; body: ConditionBodies[K] } }[ConditionKind];

export function tagCondition(condition: Condition): TaggedCondition {
  const kind = CONDITION_KINDS.find((k) => k in condition);
  if (kind === undefined) throw new Error(`not a condition: ${JSON.stringify(condition)}`);
  return { kind, body: (condition as Record<string, unknown>)[kind] } as TaggedCondition;
}

/**
 * The count bounds of `event` and `contacts` with their defaults applied: at least 1 unless
 * `atMost` is 0, in which case at least 0 ("never"); no upper bound unless given.
 */
export function countBounds(body: { atLeast?: number; atMost?: number }): { atLeast: number; atMost: number | null } {
  return { atLeast: body.atLeast ?? (body.atMost === 0 ? 0 : 1), atMost: body.atMost ?? null };
}

export function withinBounds(count: number, bounds: { atLeast: number; atMost: number | null }): boolean {
  return count >= bounds.atLeast && (bounds.atMost === null || count <= bounds.atMost);
}
