/**
 * Churn and revenue retention for accounts with recurring revenue (see docs/metrics.md). An
 * account's MRR over time is the `mrr` trait of its group calls: each call sets it from then
 * on; 0 (or no call yet) is not paying.
 */
export interface MrrChange {
  groupId: string;
  at: number;
  mrr: number;
}

export interface RevenuePeriod {
  start: number;
  end: number;
  /** Accounts paying at the start, and their MRR. */
  accountsAtStart: number;
  startingMrr: number;
  /** Of those: accounts that stopped paying (logo churn) and the MRR they took. */
  churnedAccounts: number;
  churnedMrr: number;
  /** Of those still paying at the end: MRR added, and MRR lost. */
  expansionMrr: number;
  contractionMrr: number;
  /** Accounts not paying at the start but at the end (new, or back), and their MRR. */
  newAccounts: number;
  newMrr: number;
  endingMrr: number;
  /** Churned accounts / accounts at the start. */
  logoChurnRate: number | null;
  /** (Churned + contraction) / starting MRR: gross revenue churn. */
  revenueChurnRate: number | null;
  /** Gross revenue retention: (starting − churned − contraction) / starting. */
  grossRevenueRetention: number | null;
  /** Net revenue retention: (starting − churned − contraction + expansion) / starting. */
  netRevenueRetention: number | null;
}

/** Each account's MRR at `at`: its last change before then (0 without one). */
export function mrrAt(changes: readonly MrrChange[], at: number): Map<string, number> {
  const latest = new Map<string, { at: number; mrr: number }>();
  for (const change of changes) {
    if (change.at >= at) continue;
    const seen = latest.get(change.groupId);
    if (!seen || change.at >= seen.at) latest.set(change.groupId, change);
  }
  return new Map([...latest].map(([groupId, { mrr }]) => [groupId, mrr]));
}

/** Revenue movements per period of the boundaries. Changes at the same time: the later in the list wins. */
export function revenueRetention(changes: readonly MrrChange[], boundaries: readonly number[]): RevenuePeriod[] {
  return boundaries.slice(0, -1).map((start, i) => {
    const end = boundaries[i + 1]!;
    const before = mrrAt(changes, start);
    const after = mrrAt(changes, end);
    const p = { accountsAtStart: 0, startingMrr: 0, churnedAccounts: 0, churnedMrr: 0, expansionMrr: 0, contractionMrr: 0, newAccounts: 0, newMrr: 0, endingMrr: 0 };
    for (const groupId of new Set([...before.keys(), ...after.keys()])) {
      const [from, to] = [Math.max(0, before.get(groupId) ?? 0), Math.max(0, after.get(groupId) ?? 0)];
      p.endingMrr += to;
      if (from > 0) {
        p.accountsAtStart++;
        p.startingMrr += from;
        if (to === 0) (p.churnedAccounts++, (p.churnedMrr += from));
        else if (to > from) p.expansionMrr += to - from;
        else p.contractionMrr += from - to;
      } else if (to > 0) (p.newAccounts++, (p.newMrr += to));
    }
    const ofStart = (n: number) => (p.startingMrr === 0 ? null : n / p.startingMrr);
    return {
      start,
      end,
      ...p,
      logoChurnRate: p.accountsAtStart === 0 ? null : p.churnedAccounts / p.accountsAtStart,
      revenueChurnRate: ofStart(p.churnedMrr + p.contractionMrr),
      grossRevenueRetention: ofStart(p.startingMrr - p.churnedMrr - p.contractionMrr),
      netRevenueRetention: ofStart(p.startingMrr - p.churnedMrr - p.contractionMrr + p.expansionMrr),
    };
  });
}

/**
 * Historical lifetime value of a subscription account: average revenue per account (MRR of
 * the accounts paying at the end of the last month) × gross margin / the monthly logo churn
 * rate (accounts churned over the months / account-months at risk). Null when no account
 * churned, or none pays.
 */
export function historicalLifetimeValue(months: readonly RevenuePeriod[], margin: number) {
  const last = months[months.length - 1];
  const paying = last ? last.accountsAtStart - last.churnedAccounts + last.newAccounts : 0;
  const averageRevenuePerAccount = last && paying > 0 ? last.endingMrr / paying : null;
  const atRisk = months.reduce((n, m) => n + m.accountsAtStart, 0);
  const churned = months.reduce((n, m) => n + m.churnedAccounts, 0);
  const monthlyChurnRate = atRisk === 0 ? null : churned / atRisk;
  const lifetimeValue = averageRevenuePerAccount !== null && monthlyChurnRate ? (averageRevenuePerAccount * margin) / monthlyChurnRate : null;
  return { averageRevenuePerAccount, margin, monthlyChurnRate, lifetimeValue };
}
