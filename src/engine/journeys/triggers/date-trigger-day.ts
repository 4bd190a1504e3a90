import { validZone } from '../../../core/journeys/time-of-day.js';

/**
 * When a date trigger fires for one subject — pure, no clock: `trigger: { date: { trait,
 * offsetDays, at } }` fires on the trait's date moved by `offsetDays` (-90: ninety days
 * before), at `at` on that day's wall clock in the subject's zone (a contact's time zone;
 * UTC for accounts and for zones Intl does not know).
 *
 * The trait's date is its calendar day as written: `2026-06-01` and `2026-06-01T17:00:00-05:00`
 * are both June 1st. A number is epoch milliseconds, read as its UTC day. Anything else is
 * not a date and never fires.
 */
export interface DateFiring {
  /** The trait's date, `YYYY-MM-DD`: recorded with the run, so the same date enters once. */
  date: string;
  /** The day it fires, `YYYY-MM-DD`. */
  firesOn: string;
  /** The moment it fires: `at` on `firesOn` in the zone. */
  firesAt: number;
}

const DAY = 86_400_000;

/** Where a trait value fires, or null when it is no date. */
export function dateFiring(value: unknown, trigger: { offsetDays: number; at: string }, zone: string | null): DateFiring | null {
  const date = calendarDay(value);
  if (date === null) return null;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const fires = new Date(Date.UTC(year, month - 1, day) + trigger.offsetDays * DAY);
  const firesOn = fires.toISOString().slice(0, 10);
  const [hours, minutes] = trigger.at.split(':').map(Number) as [number, number];
  return { date, firesOn, firesAt: atLocalTime(fires.getUTCFullYear(), fires.getUTCMonth() + 1, fires.getUTCDate(), hours, minutes, validZone(zone)) };
}

/**
 * Whether it fires now: `now` is on the firing day in the zone, at or after `at`. A pass must
 * therefore run on that day after `at` (the worker passes every few seconds); a day missed
 * whole is not made up the next day, so that a late renewal journey never starts after the fact.
 */
export function firesNow(firing: DateFiring, zone: string | null, now: number): boolean {
  return firing.firesAt <= now && localDay(now, validZone(zone)) === firing.firesOn;
}

function calendarDay(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(value).toISOString().slice(0, 10);
  if (typeof value !== 'string') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(value);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const check = new Date(Date.UTC(y, m - 1, d));
  // 2026-02-30 is no date.
  return check.getUTCMonth() === m - 1 && check.getUTCDate() === d ? value.slice(0, 10) : null;
}


function localDay(at: number, zone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

function offsetAt(at: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) - Math.floor(at / 1000) * 1000;
}

/** The epoch time of a wall-clock time in `zone`; two passes settle the offset around a daylight-saving change. */
function atLocalTime(year: number, month: number, day: number, hours: number, minutes: number, zone: string): number {
  const wall = Date.UTC(year, month - 1, day, hours, minutes);
  const at = wall - offsetAt(wall, zone);
  return wall - offsetAt(at, zone);
}
