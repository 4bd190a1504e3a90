import type { CustomerValue } from './lifetime-value.js';
import type { LifetimeValueFit } from './predict-lifetime-values.js';

/** One customer's row, as the CLI and the API show it: who, and what the models say of them. */
export interface LifetimeValueRow {
  /** The contact's userId, or the contact id when it has none. */
  id: string;
  contactId: string;
  frequency: number;
  recency: number;
  T: number;
  probabilityAlive: number;
  expectedPurchases: number;
  expectedAverageValue: number;
  clv: number;
}

export type FitSummary = ReturnType<typeof fitSummary>;

/** A fit as the CLI's `--json` and the API show it: settings, then each model's parameters. */
export function fitSummary({ settings, models, fittedAt }: LifetimeValueFit) {
  return {
    purchaseEvent: settings.purchaseEvent,
    calibrationEnd: new Date(settings.calibrationEnd).toISOString().slice(0, 10),
    horizonWeeks: settings.horizonWeeks,
    annualDiscountRate: settings.annualDiscountRate,
    margin: settings.margin,
    fittedAt: new Date(fittedAt).toISOString(),
    customersFitted: models.customers,
    repeatCustomers: models.repeatCustomers,
    bgNbd: models.bgNbd,
    gammaGamma: models.gammaGamma,
  };
}

/** A customer's figures as a row, under the userId it is known by (if any). */
export function lifetimeValueRow(value: CustomerValue, userId: string | undefined): LifetimeValueRow {
  return {
    id: userId ?? value.customerId,
    contactId: value.customerId,
    frequency: value.frequency,
    recency: value.recency,
    T: value.age,
    probabilityAlive: value.probabilityAlive,
    expectedPurchases: value.expectedPurchases,
    expectedAverageValue: value.expectedAverageValue,
    clv: value.lifetimeValue,
  };
}
