import { median } from './median.js';
import { periodIndex } from './periods.js';

/**
 * Time to value (see docs/metrics.md): from a contact's first sign-up (`Signed Up`) to their
 * first activation milestone after it (`Onboarding Completed` unless told otherwise), per
 * sign-up cohort period.
 */
export const DEFAULT_ACTIVATION_EVENT = 'Onboarding Completed';
export const DEFAULT_SIGNUP_EVENT = 'Signed Up';

export interface Activation {
  contactId: string;
  signedUpAt: number;
  /** The first activation at or after signing up; null if none yet. */
  activatedAt: number | null;
}

export interface TimeToValue {
  signedUp: number;
  activated: number;
  activationRate: number | null;
  /** Over the activated: the middle duration (the mean of the two middle ones for an even count), and the mean, in ms. */
  medianMs: number | null;
  meanMs: number | null;
}

export function timeToValue(activations: readonly Activation[]): TimeToValue {
  const durations = activations.flatMap((a) => (a.activatedAt === null ? [] : [a.activatedAt - a.signedUpAt])).sort((a, b) => a - b);
  const n = durations.length;
  return {
    signedUp: activations.length,
    activated: n,
    activationRate: activations.length === 0 ? null : n / activations.length,
    medianMs: median(durations),
    meanMs: n === 0 ? null : durations.reduce((s, d) => s + d, 0) / n,
  };
}

/** Time to value of each sign-up cohort period, and of all of them. */
export function timeToValueByCohort(activations: readonly Activation[], boundaries: readonly number[]) {
  const inRange = activations.filter((a) => periodIndex(a.signedUpAt, boundaries) >= 0);
  return {
    ...timeToValue(inRange),
    periods: boundaries.slice(0, -1).map((start, i) => ({ start, end: boundaries[i + 1]!, ...timeToValue(inRange.filter((a) => periodIndex(a.signedUpAt, boundaries) === i)) })),
  };
}
