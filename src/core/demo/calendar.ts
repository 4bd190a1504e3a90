import type { Random } from './random.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

/** Standard UTC offsets of the demo's time zones; daylight saving is ignored on purpose. */
const UTC_OFFSET_HOURS: Readonly<Record<string, number>> = {
  'America/New_York': -5, 'America/Chicago': -6, 'America/Denver': -7, 'America/Los_Angeles': -8,
  'Europe/London': 0, 'Europe/Oslo': 1, 'Europe/Prague': 1, 'Europe/Ljubljana': 1, 'Europe/Berlin': 1, 'Europe/Bucharest': 2,
  'Australia/Sydney': 10, 'Australia/Melbourne': 10, 'Australia/Perth': 8,
};

/** The same instant `months` calendar months later (day clamped to the month's length). */
export function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target.getTime();
}

/** The first of `start`, `start + step`, `start + 2 steps`, ... (in months) that is after `after`. */
export function nextAfter(start: number, stepMonths: number, after: number): number {
  let n = 0;
  while (addMonths(start, n * stepMonths) <= after) n++;
  return addMonths(start, n * stepMonths);
}

/**
 * Moves an instant to a working hour (8:00-18:00) of the same local day in `timezone`, and off
 * weekends most of the time, so timelines look like people at work.
 */
export function duringWorkingHours(random: Random, at: number, timezone: string): number {
  const offset = (UTC_OFFSET_HOURS[timezone] ?? 0) * HOUR;
  let localDay = Math.floor((at + offset) / DAY) * DAY;
  const weekday = new Date(localDay).getUTCDay();
  if ((weekday === 0 || weekday === 6) && random.chance(0.85)) localDay += (weekday === 6 ? 2 : 1) * DAY;
  const minute = random.int(8 * 60, 18 * 60 - 1);
  return localDay + minute * 60_000 + random.int(0, 59_999) - offset;
}

/** Instants of a Poisson process with `perWeek` events a week between `from` and `until`. */
export function occurrences(random: Random, from: number, until: number, perWeek: number): number[] {
  if (perWeek <= 0 || until <= from) return [];
  const times: number[] = [];
  for (let t = from + random.exponential(WEEK / perWeek); t < until; t += random.exponential(WEEK / perWeek)) times.push(Math.floor(t));
  return times;
}

/** A uniformly random instant in [from, until). */
export function between(random: Random, from: number, until: number): number {
  return Math.floor(from + random.next() * Math.max(0, until - from));
}
