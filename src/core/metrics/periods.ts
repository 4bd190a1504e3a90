import { DAY_MS } from '../activity.js';

/** The calendar steps metrics are counted in, in UTC; weeks start on Monday (ISO 8601). */
export const INTERVALS = ['day', 'week', 'month', 'quarter'] as const;
export type Interval = (typeof INTERVALS)[number];

/** The start of the UTC day, ISO week, month or quarter that `at` falls in. */
export function periodStart(at: number, interval: Interval): number {
  const day = at - (((at % DAY_MS) + DAY_MS) % DAY_MS);
  const date = new Date(day);
  switch (interval) {
    case 'day':
      return day;
    case 'week':
      return day - ((date.getUTCDay() + 6) % 7) * DAY_MS;
    case 'month':
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
    case 'quarter':
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - (date.getUTCMonth() % 3), 1);
  }
}

/** The start of the period after the one starting at `start`. */
export function nextPeriod(start: number, interval: Interval): number {
  const date = new Date(start);
  switch (interval) {
    case 'day':
      return start + DAY_MS;
    case 'week':
      return start + 7 * DAY_MS;
    case 'month':
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
    case 'quarter':
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 3, 1);
  }
}

/**
 * The boundaries of the periods covering [from, to): the start of the period `from` falls in,
 * each next start, and last the end of the period holding `to - 1`. n periods, n + 1 numbers.
 */
export function periodBoundaries(from: number, to: number, interval: Interval): number[] {
  const boundaries = [periodStart(from, interval)];
  while (boundaries[boundaries.length - 1]! < to) boundaries.push(nextPeriod(boundaries[boundaries.length - 1]!, interval));
  if (boundaries.length === 1) boundaries.push(nextPeriod(boundaries[0]!, interval));
  return boundaries;
}

/** Which period of the boundaries `at` falls in: 0 .. n-1, or -1 outside them all. */
export function periodIndex(at: number, boundaries: readonly number[]): number {
  if (at < boundaries[0]! || at >= boundaries[boundaries.length - 1]!) return -1;
  let low = 0;
  let high = boundaries.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (boundaries[middle]! <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}
