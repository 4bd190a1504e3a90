import type { CostToServe, EngagementModel } from './engagement-model.js';

/**
 * Cost-to-serve economics: a model is only right for an account if the revenue justifies
 * what serving it that way costs. Monthly figures, in the currency of the account's MRR.
 */
export interface AccountEconomics {
  revenue: number;
  cost: number;
  margin: number;
  /** Cost as a share of revenue (0.25 = a quarter); null when there is no revenue. */
  costShare: number | null;
}

/** Monthly cost of serving one account of `contacts` people with this cost structure. */
export function monthlyCost(cost: CostToServe, contacts: number): number {
  return cost.csmHoursPerAccountMonth * cost.hourlyCost + cost.automationCostPerContactMonth * Math.max(0, contacts);
}

/** The cost of the phase the account is in, or of the model when the phase sets none. */
export function costOfPhase(model: EngagementModel, phaseId: string | null): CostToServe {
  return model.phases.find((p) => p.id === phaseId)?.costToServe ?? model.costToServe;
}

export function accountEconomics(mrr: number | null, cost: CostToServe, contacts: number): AccountEconomics {
  const revenue = mrr ?? 0;
  const monthly = monthlyCost(cost, contacts);
  return { revenue, cost: monthly, margin: revenue - monthly, costShare: revenue > 0 ? monthly / revenue : null };
}

/** Sums per-account economics, e.g. per model; the cost share is of the totals, not an average of shares. */
export function totalEconomics(accounts: readonly AccountEconomics[]): AccountEconomics & { accounts: number } {
  const revenue = accounts.reduce((sum, a) => sum + a.revenue, 0);
  const cost = accounts.reduce((sum, a) => sum + a.cost, 0);
  return { accounts: accounts.length, revenue, cost, margin: revenue - cost, costShare: revenue > 0 ? cost / revenue : null };
}

export interface EconomicsThresholds {
  /** High touch is not justified when it costs more than this share of revenue (default 0.3). */
  maxHighTouchCostShare: number;
  /** Low- and no-touch accounts earning at least this MRR deserve a closer look when engagement falls. */
  highRevenueMrr: number;
  /** Engagement "declining": this period's activity fell by at least this share (default 0.3). */
  decliningBy: number;
}

export const DEFAULT_THRESHOLDS: EconomicsThresholds = { maxHighTouchCostShare: 0.3, highRevenueMrr: 5_000, decliningBy: 0.3 };

export type EconomicsFlag =
  | { kind: 'high-touch-not-justified'; reason: string }
  | { kind: 'warrants-more-touch'; reason: string };

/**
 * The two mismatches a team wants to see: high touch the revenue does not pay for, and
 * valuable low/no-touch customers whose engagement is falling.
 */
export function economicsFlags(
  input: { touch: 'none' | 'low' | 'high'; economics: AccountEconomics; activityThisPeriod: number; activityLastPeriod: number },
  thresholds: EconomicsThresholds = DEFAULT_THRESHOLDS,
): EconomicsFlag[] {
  const flags: EconomicsFlag[] = [];
  const { economics: e } = input;
  if (input.touch === 'high' && (e.costShare === null || e.costShare > thresholds.maxHighTouchCostShare)) {
    const share = e.costShare === null ? 'there is no revenue' : `cost is ${percent(e.costShare)} of revenue`;
    flags.push({ kind: 'high-touch-not-justified', reason: `high touch costs ${round(e.cost)} a month and ${share} (limit ${percent(thresholds.maxHighTouchCostShare)})` });
  }
  if (input.touch !== 'high' && e.revenue >= thresholds.highRevenueMrr && input.activityLastPeriod > 0) {
    const drop = (input.activityLastPeriod - input.activityThisPeriod) / input.activityLastPeriod;
    if (drop >= thresholds.decliningBy) {
      flags.push({ kind: 'warrants-more-touch', reason: `MRR ${round(e.revenue)} >= ${round(thresholds.highRevenueMrr)} and activity fell ${percent(drop)} (${input.activityLastPeriod} to ${input.activityThisPeriod})` });
    }
  }
  return flags;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;
const round = (n: number) => Math.round(n).toLocaleString('en-US');
