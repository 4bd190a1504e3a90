import { periodIndex } from './periods.js';

/**
 * Cohort retention (see docs/metrics.md): contacts in cohorts by the period of their first
 * cohort event (`Signed Up` for sign-up cohorts, `Order Completed` for first-purchase
 * cohorts), and per cohort how many were active in each period from their cohort's on.
 * Active means an inbound interaction (something the contact did), or the activity event
 * when one is named.
 */
export const COHORT_EVENTS = { signup: 'Signed Up', 'first-purchase': 'Order Completed' } as const;
export type CohortKind = keyof typeof COHORT_EVENTS;

export interface CohortRow {
  /** The start of the cohort's period. */
  start: number;
  size: number;
  /** Contacts active in the cohort's period (0) and each after it, to the last period of the range. */
  active: number[];
}

/** One contact's event, as retention reads it. */
export interface ContactEvent {
  contactId: string;
  at: number;
}

/**
 * The reference the store's SQL is checked against. `births` are every cohort event (the
 * first per contact places it; a contact first seen before the range is in no cohort), and
 * `activities` the events that count as active.
 */
export function retentionTable(births: Iterable<ContactEvent>, activities: Iterable<ContactEvent>, boundaries: readonly number[]): CohortRow[] {
  const firsts = new Map<string, number>();
  for (const { contactId, at } of births) firsts.set(contactId, Math.min(at, firsts.get(contactId) ?? Infinity));
  const periods = boundaries.length - 1;
  const cohortOf = new Map<string, number>();
  for (const [contactId, at] of firsts) {
    const cohort = periodIndex(at, boundaries);
    if (cohort >= 0) cohortOf.set(contactId, cohort);
  }
  const seen = Array.from({ length: periods }, () => Array.from({ length: periods }, () => new Set<string>()));
  for (const { contactId, at } of activities) {
    const cohort = cohortOf.get(contactId);
    const period = periodIndex(at, boundaries);
    if (cohort === undefined || period < cohort) continue;
    seen[cohort]![period - cohort]!.add(contactId);
  }
  const sizes = new Array<number>(periods).fill(0);
  for (const cohort of cohortOf.values()) sizes[cohort]!++;
  return cohortRows(
    sizes,
    seen.map((row) => row.map((contacts) => contacts.size)),
    boundaries,
  );
}

/** Rows from cohort sizes and active counts by cohort and periods since (both indexed from 0). */
export function cohortRows(sizes: readonly number[], active: readonly (readonly number[])[], boundaries: readonly number[]): CohortRow[] {
  const periods = boundaries.length - 1;
  return sizes.map((size, cohort) => ({ start: boundaries[cohort]!, size, active: Array.from({ length: periods - cohort }, (_, k) => active[cohort]?.[k] ?? 0) }));
}

/** The share of a cohort active k periods on; null for an empty cohort. */
export function retentionRate(row: CohortRow, k: number): number | null {
  return row.size === 0 || k >= row.active.length ? null : row.active[k]! / row.size;
}
