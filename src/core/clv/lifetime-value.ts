import { expectedPurchases, probabilityAlive, type BgNbdParameters } from './bg-nbd.js';
import { expectedAverageValue, type GammaGammaParameters } from './gamma-gamma.js';
import type { CustomerSummary } from './purchase-summary.js';

/** The fitted models a lifetime value is computed from. */
export interface LifetimeValueModels {
  bgNbd: BgNbdParameters;
  gammaGamma: GammaGammaParameters;
}

export interface LifetimeValueOptions {
  /** How far ahead, in weeks. */
  horizonWeeks: number;
  /** The yearly rate future money is discounted at, e.g. 0.1 for 10%; 0 for none. */
  annualDiscountRate: number;
  /** The share of revenue that is profit, 0..1; 1 for revenue. */
  margin: number;
}

/** What the models say of one customer. */
export interface CustomerValue {
  customerId: string;
  frequency: number;
  recency: number;
  age: number;
  probabilityAlive: number;
  /** Purchases expected over the horizon. */
  expectedPurchases: number;
  /** The expected value of a purchase of theirs. */
  expectedAverageValue: number;
  /** The discounted margin of the purchases expected over the horizon. */
  lifetimeValue: number;
}

/**
 * Predictive lifetime value over a horizon: the purchases BG/NBD expects in each week to come,
 * times the value Gamma-Gamma expects of a purchase and the margin, each week discounted to
 * today at the weekly equivalent of the yearly rate. Without discounting it is expected
 * purchases × expected value × margin.
 */
export function customerValue(models: LifetimeValueModels, customer: CustomerSummary, options: LifetimeValueOptions): CustomerValue {
  const weeklyDiscount = Math.pow(1 + options.annualDiscountRate, 1 / 52) - 1;
  const value = expectedAverageValue(models.gammaGamma, customer);
  let lifetimeValue = 0;
  let before = 0;
  const weeks = Math.ceil(options.horizonWeeks);
  for (let week = 1; week <= weeks; week++) {
    const through = expectedPurchases(models.bgNbd, customer, Math.min(week, options.horizonWeeks));
    lifetimeValue += ((through - before) * value * options.margin) / Math.pow(1 + weeklyDiscount, week);
    before = through;
  }
  return {
    customerId: customer.customerId,
    frequency: customer.frequency,
    recency: customer.recency,
    age: customer.age,
    probabilityAlive: probabilityAlive(models.bgNbd, customer),
    expectedPurchases: before,
    expectedAverageValue: value,
    lifetimeValue,
  };
}
