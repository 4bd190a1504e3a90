import gammaln from '@stdlib/math-base-special-gammaln';
import { maximizeLikelihood } from './maximize.js';
import type { CustomerSummary } from './purchase-summary.js';

/**
 * The Gamma-Gamma spend model (Fader, Hardie and Lee 2005, "RFM and CLV: Using Iso-Value
 * Curves"; Colombo and Jiang 1999): a purchase's value is Gamma(p, ν) around the customer's
 * own mean, with ν ~ Gamma(q, γ) across customers. It is fitted on the customers with at
 * least one repeat purchase, from their average repeat-purchase value.
 */
export interface GammaGammaParameters {
  p: number;
  q: number;
  gamma: number;
}

type Spend = Pick<CustomerSummary, 'frequency' | 'averageValue'>;

/** The log-likelihood of the repeat buyers' average values (the others are left out). */
export function gammaGammaLogLikelihood({ p, q, gamma }: GammaGammaParameters, customers: readonly Spend[]): number {
  let sum = 0;
  for (const { frequency: x, averageValue: m } of customers) {
    if (x === 0) continue;
    const px = p * x;
    sum += gammaln(px + q) - gammaln(px) - gammaln(q) + q * Math.log(gamma) + (px - 1) * Math.log(m) + px * Math.log(x) - (px + q) * Math.log(gamma + m * x);
  }
  return sum;
}

/** The maximum-likelihood parameters, from the customers with a repeat purchase and a positive average value. */
export async function fitGammaGamma(customers: readonly Spend[]): Promise<{ parameters: GammaGammaParameters; logLikelihood: number }> {
  const repeaters = customers.filter((c) => c.frequency > 0 && c.averageValue > 0);
  if (repeaters.length === 0) throw new Error('the Gamma-Gamma model needs customers with repeat purchases of some value');
  const toParameters = ([p, q, gamma]: number[]): GammaGammaParameters => ({ p: p!, q: q!, gamma: gamma! });
  const fit = await maximizeLikelihood((values) => gammaGammaLogLikelihood(toParameters(values), repeaters), 3);
  return { parameters: toParameters(fit.parameters), logLikelihood: fit.logLikelihood };
}

/**
 * E[M | x, m_x]: the customer's expected average purchase value, the population mean
 * pγ/(q − 1) weighed against their own average by how many repeat purchases it rests on.
 */
export function expectedAverageValue({ p, q, gamma }: GammaGammaParameters, { frequency: x, averageValue: m }: Spend): number {
  return (p * (gamma + m * x)) / (p * x + q - 1);
}
