import { z } from 'zod';
import type { FieldIssue } from '../errors.js';
import type { LifetimeValueSettings } from './predict-lifetime-values.js';

/** What a fit is made with when nothing is said: the year ahead, in revenue, undiscounted. */
export const DEFAULT_LIFETIME_VALUE_SETTINGS = { purchaseEvent: 'Order Completed', horizonWeeks: 52, annualDiscountRate: 0, margin: 1 } as const;

/** The longest horizon: ten years. */
export const MAX_HORIZON_WEEKS = 520;

const day = z
  .string({ error: 'must be a date, e.g. 2026-01-31' })
  .refine((value) => /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value)), { error: 'must be an ISO-8601 date, e.g. 2026-01-31' });

/** `POST /api/metrics/lifetime-value`: a fit's settings, each optional. */
const lifetimeValueInput = z.strictObject({
  purchaseEvent: z.string({ error: 'must be an event name' }).trim().min(1, { error: 'must not be empty' }).max(200, { error: 'must be at most 200 characters' }).default(DEFAULT_LIFETIME_VALUE_SETTINGS.purchaseEvent),
  calibrationEnd: day.optional(),
  horizonWeeks: z.number({ error: 'must be a number of weeks' }).positive({ error: 'must be more than 0' }).max(MAX_HORIZON_WEEKS, { error: `must be at most ${MAX_HORIZON_WEEKS}` }).default(DEFAULT_LIFETIME_VALUE_SETTINGS.horizonWeeks),
  annualDiscountRate: z.number({ error: 'must be a number, e.g. 0.1 for 10%' }).min(0, { error: 'must be 0 or more' }).max(10, { error: 'must be at most 10 (1,000%)' }).default(DEFAULT_LIFETIME_VALUE_SETTINGS.annualDiscountRate),
  margin: z.number({ error: 'must be a number from 0 to 1' }).min(0, { error: 'must be from 0 to 1' }).max(1, { error: 'must be from 0 to 1' }).default(DEFAULT_LIFETIME_VALUE_SETTINGS.margin),
});

/** The settings of a fit from API input; the calibration end is `now` when not given. */
export function parseLifetimeValueInput(input: unknown, now: number): { ok: true; settings: LifetimeValueSettings } | { ok: false; issues: FieldIssue[] } {
  const parsed = lifetimeValueInput.safeParse(input ?? {});
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message })) };
  const { calibrationEnd, ...rest } = parsed.data;
  return { ok: true, settings: { ...rest, calibrationEnd: calibrationEnd === undefined ? now : Date.parse(calibrationEnd) } };
}
