/**
 * The next moment, after `now`, when a wall clock in `zone` shows `hhmm` — "wait until 09:00
 * in the contact's time zone". Without a zone (or with one Intl does not know) UTC is used.
 * Across a daylight-saving change the local time may not exist (02:30 on the spring-forward
 * night): the moment an hour later is taken, as a person's calendar would.
 */
export function nextTimeOfDay(now: number, hhmm: string, zone: string | null): number {
  const [hours, minutes] = hhmm.split(':').map(Number) as [number, number];
  const tz = validZone(zone);
  const today = localDate(now, tz);
  for (let addDays = 0; addDays <= 2; addDays++) {
    const candidate = atLocalTime(today.year, today.month, today.day + addDays, hours, minutes, tz);
    if (candidate > now) return candidate;
  }
  return now + 86_400_000; // unreachable: one of three consecutive days always lies ahead
}

/** Minutes since local midnight at `at` on a wall clock in `zone` (UTC when unknown): 0 to 1439. */
export function localMinutes(at: number, zone: string | null): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: validZone(zone), hourCycle: 'h23', hour: 'numeric', minute: 'numeric' }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return part('hour') * 60 + part('minute');
}

/** The zone, if Intl knows it; else UTC. */
export function validZone(zone: string | null): string {
  if (!zone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}

function localDate(at: number, zone: string): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

/** The zone's offset from UTC at `at`, in milliseconds (positive east of Greenwich). */
function offsetAt(at: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return asUtc - Math.floor(at / 1000) * 1000;
}

/** The epoch time of a local wall-clock time in `zone` (day may overflow the month; Date.UTC handles it). */
function atLocalTime(year: number, month: number, day: number, hours: number, minutes: number, zone: string): number {
  const wall = Date.UTC(year, month - 1, day, hours, minutes);
  // Two passes settle the offset around a daylight-saving change.
  let at = wall - offsetAt(wall, zone);
  at = wall - offsetAt(at, zone);
  return at;
}
