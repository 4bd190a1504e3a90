import { z } from 'zod';
import type { FieldIssue } from '../errors.js';
import { localMinutes, nextTimeOfDay } from '../journeys/time-of-day.js';

/**
 * How a workspace's messages reach people, whichever journey sends them: quiet hours in each
 * contact's time zone, a frequency cap per contact across journeys, and a rate limit per
 * channel. One `DeliveryPolicy` definition (id `default`) per workspace; without one the
 * shipped policy below applies. Consent — unsubscribes, the suppression list and hard
 * bounces — is not a setting: it always holds.
 */
const timeOfDay = z.string({ error: 'must be a time of day as HH:MM (24-hour)' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time of day as HH:MM (24-hour)' });
const count = z.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).min(1, { error: 'must be at least 1' });

export const deliveryPolicySchema = z.strictObject({
  id: z.literal('default', { error: 'must be default: a workspace has one delivery policy' }),
  /** No e-mail from `from` until `to`, local time; a message due then waits until `to`. Absent: any hour. */
  quietHours: z
    .strictObject({ from: timeOfDay, to: timeOfDay }, { error: 'must be { from, to }' })
    .refine((q) => q.from !== q.to, { error: 'from and to must differ' })
    .optional(),
  /** At most `messages` e-mails to one contact within `days` days, across journeys; one more is skipped and logged. Absent: no cap. */
  frequencyCap: z.strictObject({ messages: count, days: count }, { error: 'must be { messages, days }' }).optional(),
  /** Per channel, at most this many sends a minute in the workspace; the rest wait for the next minute. */
  rateLimits: z.strictObject({ email: z.strictObject({ perMinute: count }).optional(), webhook: z.strictObject({ perMinute: count }).optional() }, { error: 'must be { email?, webhook? }' }).default({}),
  /** Record opens (a 1×1 image) and clicks (links through Touchpoint) of e-mail; both on unless turned off. */
  tracking: z
    .strictObject({ opens: z.boolean({ error: 'must be true or false' }).default(true), clicks: z.boolean({ error: 'must be true or false' }).default(true) }, { error: 'must be { opens?, clicks? }' })
    .default({ opens: true, clicks: true }),
});

export type DeliveryPolicy = z.infer<typeof deliveryPolicySchema>;
export type RateLimitedChannel = keyof DeliveryPolicy['rateLimits'];

/** What applies until a workspace defines its own: evenings and nights are quiet, five e-mails a week at most. */
export const SHIPPED_DELIVERY_POLICY: DeliveryPolicy = {
  id: 'default',
  quietHours: { from: '21:00', to: '08:00' },
  frequencyCap: { messages: 5, days: 7 },
  rateLimits: { email: { perMinute: 600 }, webhook: { perMinute: 600 } },
  tracking: { opens: true, clicks: true },
};

export function parseDeliveryPolicy(input: unknown): { ok: true; policy: DeliveryPolicy } | { ok: false; issues: FieldIssue[] } {
  const parsed = deliveryPolicySchema.safeParse(input);
  if (parsed.success) return { ok: true, policy: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(policy)', message: i.message })) };
}

/**
 * When a message to someone in `zone` may go, if not now: the end of the quiet hours when
 * `now` falls within them (from inclusive, to exclusive, across midnight when from > to), else null.
 */
export function quietUntil(policy: DeliveryPolicy, now: number, zone: string | null): number | null {
  const quiet = policy.quietHours;
  if (!quiet) return null;
  const minutes = localMinutes(now, zone);
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  const within = from < to ? minutes >= from && minutes < to : minutes >= from || minutes < to;
  return within ? nextTimeOfDay(now, quiet.to, zone) : null;
}

/** The start of the next rate-limit window (whole UTC minutes): when a send over the limit may try again. */
export function nextRateWindow(now: number): number {
  return (Math.floor(now / 60_000) + 1) * 60_000;
}

function minutesOf(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
}
