import { DAY_MS } from '../activity.js';

/** One purchase: who, when (ms since the epoch) and for how much. */
export interface Purchase {
  customerId: string;
  at: number;
  value: number;
}

/**
 * A customer's purchases up to the end of a calibration period, as the BG/NBD and
 * Gamma-Gamma models read them (Fader, Hardie and Lee 2005). Purchases on the same UTC day
 * are one purchase, of their summed value; times are in weeks.
 */
export interface CustomerSummary {
  customerId: string;
  /** x: repeat purchases, i.e. purchase days after the first. */
  frequency: number;
  /** t_x: weeks from the first purchase to the last. */
  recency: number;
  /** T: weeks from the first purchase to the end of calibration. */
  age: number;
  /** m_x: the average value of the repeat purchases; 0 without any. */
  averageValue: number;
}

const WEEK_MS = 7 * DAY_MS;

/**
 * The summary of every customer whose first purchase is on or before `calibrationEnd` (a UTC
 * day, given as any time within it), from their purchases on or before that day, in the order
 * customers first appear.
 */
export function summarizePurchases(purchases: Iterable<Purchase>, calibrationEnd: number): CustomerSummary[] {
  const end = dayOf(calibrationEnd);
  const days = new Map<string, Map<number, number>>();
  for (const purchase of purchases) {
    const day = dayOf(purchase.at);
    if (day > end) continue;
    let values = days.get(purchase.customerId);
    if (!values) days.set(purchase.customerId, (values = new Map()));
    values.set(day, (values.get(day) ?? 0) + purchase.value);
  }
  return [...days].map(([customerId, values]) => {
    const sorted = [...values.keys()].sort((a, b) => a - b);
    const first = sorted[0]!;
    const repeats = sorted.slice(1);
    const repeatValue = repeats.reduce((sum, day) => sum + values.get(day)!, 0);
    return {
      customerId,
      frequency: repeats.length,
      recency: (sorted[sorted.length - 1]! - first) / WEEK_MS,
      age: (end - first) / WEEK_MS,
      averageValue: repeats.length > 0 ? repeatValue / repeats.length : 0,
    };
  });
}

/** The start of the UTC day `at` falls in. */
export const dayOf = (at: number) => at - (((at % DAY_MS) + DAY_MS) % DAY_MS);
