import { validationError } from '../errors.js';
import { fitBgNbd, type BgNbdParameters } from './bg-nbd.js';
import { fitGammaGamma, type GammaGammaParameters } from './gamma-gamma.js';
import { customerValue, type CustomerValue, type LifetimeValueModels, type LifetimeValueOptions } from './lifetime-value.js';
import { dayOf, summarizePurchases, type Purchase } from './purchase-summary.js';

/** What a fit is made from and predicts for. */
export interface LifetimeValueSettings extends LifetimeValueOptions {
  /** The track event that is a purchase, with its `revenue`, e.g. `Order Completed`. */
  purchaseEvent: string;
  /** The last UTC day of calibration, as ms since the epoch at its start. */
  calibrationEnd: number;
}

/** The models fitted on a calibration period, and what they were fitted on. */
export interface FittedLifetimeValueModels {
  /** Customers with a purchase in calibration, and those of them who bought again, for a value. */
  customers: number;
  repeatCustomers: number;
  bgNbd: BgNbdParameters & { logLikelihood: number };
  gammaGamma: GammaGammaParameters & { logLikelihood: number };
}

/** A workspace's fit, as stored: a contact's figures are read from the same fit as the table's. */
export interface LifetimeValueFit {
  settings: LifetimeValueSettings;
  models: FittedLifetimeValueModels;
  fittedAt: number;
}

export interface LifetimeValuePrediction {
  models: FittedLifetimeValueModels;
  /** Every customer's figures, in the order they first bought. */
  customers: CustomerValue[];
}

/**
 * Fits BG/NBD and Gamma-Gamma on the purchases up to the end of calibration, and predicts
 * every customer's purchases, purchase value and lifetime value over the horizon. Refuses,
 * naming what is missing, when there are no purchases or no repeat purchases to fit on.
 */
export async function predictLifetimeValues(purchases: Iterable<Purchase>, settings: LifetimeValueSettings): Promise<LifetimeValuePrediction> {
  const summaries = summarizePurchases(purchases, settings.calibrationEnd);
  const repeatCustomers = summaries.filter((c) => c.frequency > 0 && c.averageValue > 0).length;
  const day = new Date(dayOf(settings.calibrationEnd)).toISOString().slice(0, 10);
  const noData = (why: string, issue: string) => validationError(`cannot fit the lifetime-value models: ${why} of ${JSON.stringify(settings.purchaseEvent)} on or before ${day}`, [{ path: 'calibrationEnd', message: issue }]);
  if (summaries.length === 0) throw noData('no purchase', 'has no purchase on or before it');
  if (repeatCustomers === 0) throw noData('no repeat purchase (with a value)', 'has no customer who bought again on or before it');
  const bgNbd = await fitBgNbd(summaries);
  const gammaGamma = await fitGammaGamma(summaries);
  const models = {
    customers: summaries.length,
    repeatCustomers,
    bgNbd: { ...bgNbd.parameters, logLikelihood: bgNbd.logLikelihood },
    gammaGamma: { ...gammaGamma.parameters, logLikelihood: gammaGamma.logLikelihood },
  };
  return { models, customers: summaries.map((customer) => customerValue(models, customer, settings)) };
}

/** Every customer's figures under a stored fit, from their purchases, in the order they first bought. */
export function valuesUnderFit(fit: LifetimeValueFit, purchases: Iterable<Purchase>): CustomerValue[] {
  return summarizePurchases(purchases, fit.settings.calibrationEnd).map((summary) => customerValue(fit.models satisfies LifetimeValueModels, summary, fit.settings));
}

/** Settings with the calibration end moved to the start of its UTC day. */
export function normalizeSettings(settings: LifetimeValueSettings): LifetimeValueSettings {
  return { ...settings, calibrationEnd: dayOf(settings.calibrationEnd) };
}
