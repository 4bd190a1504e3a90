import gammaln from '@stdlib/math-base-special-gammaln';
import hyp2f1 from '@stdlib/math-base-special-hyp2f1';
import { maximizeLikelihood } from './maximize.js';
import type { CustomerSummary } from './purchase-summary.js';

/**
 * The BG/NBD model (Fader, Hardie and Lee 2005, "Counting Your Customers the Easy Way"): while
 * alive a customer buys at a Poisson rate λ ~ Gamma(r, α) (weeks), and after each purchase
 * drops out with probability p ~ Beta(a, b).
 */
export interface BgNbdParameters {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

type History = Pick<CustomerSummary, 'frequency' | 'recency' | 'age'>;

/** The log-likelihood of the customers' histories (equation 6 of the paper, summed). */
export function bgNbdLogLikelihood({ r, alpha, a, b }: BgNbdParameters, customers: readonly History[]): number {
  const base = gammaln(a + b) - gammaln(b) - gammaln(r) + r * Math.log(alpha);
  let sum = 0;
  for (const { frequency: x, recency: tx, age: T } of customers) {
    const common = base + gammaln(r + x) + gammaln(b + x) - gammaln(a + b + x);
    const stillAlive = -(r + x) * Math.log(alpha + T);
    if (x === 0) {
      sum += common + stillAlive;
      continue;
    }
    const droppedOut = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
    sum += common + logSumExp(stillAlive, droppedOut);
  }
  return sum;
}

/** The maximum-likelihood parameters for the customers, and the log-likelihood there. */
export async function fitBgNbd(customers: readonly History[]): Promise<{ parameters: BgNbdParameters; logLikelihood: number }> {
  const toParameters = ([r, alpha, a, b]: number[]): BgNbdParameters => ({ r: r!, alpha: alpha!, a: a!, b: b! });
  const fit = await maximizeLikelihood((values) => bgNbdLogLikelihood(toParameters(values), customers), 4);
  return { parameters: toParameters(fit.parameters), logLikelihood: fit.logLikelihood };
}

/** P(alive | x, t_x, T): the probability that the customer has not dropped out (equation 11). */
export function probabilityAlive({ r, alpha, a, b }: BgNbdParameters, { frequency: x, recency: tx, age: T }: History): number {
  if (x === 0) return 1;
  return 1 / (1 + (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x));
}

/** E[Y(t) | x, t_x, T]: the purchases expected in the next `weeks` weeks (equation 10). */
export function expectedPurchases({ r, alpha, a, b }: BgNbdParameters, { frequency: x, recency: tx, age: T }: History, weeks: number): number {
  if (weeks <= 0) return 0;
  const z = weeks / (alpha + T + weeks);
  const growth = 1 - Math.pow((alpha + T) / (alpha + T + weeks), r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z);
  const alive = x === 0 ? 1 : 1 + (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x);
  return (((a + b + x - 1) / (a - 1)) * growth) / alive;
}

function logSumExp(u: number, v: number): number {
  const max = Math.max(u, v);
  return max + Math.log(Math.exp(u - max) + Math.exp(v - max));
}
