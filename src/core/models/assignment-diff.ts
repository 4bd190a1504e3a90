import { accountEconomics, costOfPhase, totalEconomics, type AccountEconomics } from './economics.js';
import type { EngagementModel } from './engagement-model.js';

/**
 * What a change of assignment rules would do: which accounts move from which model to which,
 * and the monthly economics of all models before and after — the same formulas as the models
 * page, so a preview and the page agree once the change is applied.
 */

/** One account's place now and under the new rules. */
export interface AccountBeforeAfter {
  groupId: string;
  name: string | null;
  mrr: number | null;
  contacts: number;
  /** Null when the account has no model yet. */
  before: { modelId: string; phaseId: string } | null;
  after: { modelId: string; phaseId: string; ruleId: string | null };
}

/** How many accounts go from one model to another; `from` equal to `to` counts those that stay. */
export interface ModelMove {
  /** Null for accounts that had no model yet. */
  from: string | null;
  to: string;
  count: number;
}

export interface MovingAccount {
  groupId: string;
  name: string | null;
  from: string | null;
  to: string;
  /** The rule that picked `to`; null for the default. */
  ruleId: string | null;
  mrr: number | null;
}

export type EconomicsTotals = AccountEconomics & { accounts: number };

/** Every model in force, in order, with its accounts' monthly economics, and the sum of all. */
export interface EconomicsByModel {
  models: { modelId: string; economics: EconomicsTotals }[];
  total: EconomicsTotals;
}

export interface AssignmentDiff {
  accounts: number;
  /** Accounts whose model changes (an account without a model that gets one counts). */
  moved: number;
  matrix: ModelMove[];
  /** The moving accounts with the most revenue first. */
  sample: MovingAccount[];
  before: EconomicsByModel;
  after: EconomicsByModel;
}

/**
 * Compares each account's model now with the one the new rules give it. Accounts whose
 * current model is no longer in force are left out of the "before" economics, as the models
 * page leaves them out; accounts without a model are in neither "before" figure.
 */
export function diffAssignments(accounts: readonly AccountBeforeAfter[], models: readonly EngagementModel[], options: { sampleSize: number }): AssignmentDiff {
  const cells = new Map<string, ModelMove>();
  const moving: MovingAccount[] = [];
  for (const account of accounts) {
    const from = account.before?.modelId ?? null;
    const to = account.after.modelId;
    const key = `${from ?? ''}\u0000${to}`;
    const cell = cells.get(key) ?? { from, to, count: 0 };
    cell.count++;
    cells.set(key, cell);
    if (from !== to) moving.push({ groupId: account.groupId, name: account.name, from, to, ruleId: account.after.ruleId, mrr: account.mrr });
  }
  const order = (id: string | null) => (id === null ? -1 : models.findIndex((m) => m.id === id) >>> 0); // unknown ids sort last
  const matrix = [...cells.values()].sort((a, b) => order(a.from) - order(b.from) || order(a.to) - order(b.to) || compare(a.from ?? '', b.from ?? '') || compare(a.to, b.to));
  const sample = moving.sort((a, b) => (b.mrr ?? 0) - (a.mrr ?? 0) || compare(a.groupId, b.groupId)).slice(0, options.sampleSize);
  return {
    accounts: accounts.length,
    moved: moving.length,
    matrix,
    sample,
    before: economicsByModel(accounts.flatMap((a) => (a.before ? [{ ...a, place: a.before }] : [])), models),
    after: economicsByModel(accounts.map((a) => ({ ...a, place: a.after })), models),
  };
}

/** "12 accounts moved: 7 to low-touch, 5 to no-touch", most first; "no account moved". */
export function describeMoves(diff: Pick<AssignmentDiff, 'moved' | 'matrix'>): string {
  if (diff.moved === 0) return 'no account moved';
  const into = new Map<string, number>();
  for (const cell of diff.matrix) if (cell.from !== cell.to) into.set(cell.to, (into.get(cell.to) ?? 0) + cell.count);
  const parts = [...into].sort(([a, x], [b, y]) => y - x || compare(a, b)).map(([model, n]) => `${n} to ${model}`);
  return `${diff.moved} ${diff.moved === 1 ? 'account' : 'accounts'} moved: ${parts.join(', ')}`;
}

function economicsByModel(accounts: readonly { mrr: number | null; contacts: number; place: { modelId: string; phaseId: string } }[], models: readonly EngagementModel[]): EconomicsByModel {
  const perModel = new Map<string, AccountEconomics[]>(models.map((m) => [m.id, []]));
  for (const account of accounts) {
    const model = models.find((m) => m.id === account.place.modelId);
    if (!model) continue;
    perModel.get(model.id)!.push(accountEconomics(account.mrr, costOfPhase(model, account.place.phaseId), account.contacts));
  }
  return {
    models: models.map((m) => ({ modelId: m.id, economics: totalEconomics(perModel.get(m.id)!) })),
    total: totalEconomics([...perModel.values()].flat()),
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
