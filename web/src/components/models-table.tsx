import type { ModelSummary } from '../api-client';
import { formatCurrency, formatInteger, formatPercent } from '../format';
import { TouchBadge } from './touch-badge';

/** One row per model with its accounts' monthly economics, and a row of totals. */
export function ModelsTable({ models }: { models: ModelSummary[] }) {
  const totals = models.reduce((sum, { economics: e }) => ({ accounts: sum.accounts + e.accounts, revenue: sum.revenue + e.revenue, cost: sum.cost + e.cost }), { accounts: 0, revenue: 0, cost: 0 });
  return (
    <div className="table-scroll">
      <table className="table" aria-label="Engagement models">
        <thead>
          <tr>
            <th>Model</th>
            <th>Touch by phase</th>
            <th className="num">Accounts</th>
            <th className="num">MRR</th>
            <th className="num">Cost to serve</th>
            <th className="num">Margin</th>
            <th className="num">Cost share</th>
          </tr>
        </thead>
        <tbody>
          {models.map(({ model, economics }) => (
            <tr key={model.id}>
              <td>
                <span className="entity-name" title={model.description || undefined}>
                  {model.name}
                </span>
              </td>
              <td>
                <span className="touch-badges">
                  {model.phases.map((phase) => (
                    <TouchBadge key={phase.id} phase={phase} />
                  ))}
                </span>
              </td>
              <EconomicsCells accounts={economics.accounts} revenue={economics.revenue} cost={economics.cost} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td>Total</td>
            <td />
            <EconomicsCells {...totals} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** Accounts, MRR, monthly cost, margin and cost as a share of revenue (none without revenue). */
function EconomicsCells({ accounts, revenue, cost }: { accounts: number; revenue: number; cost: number }) {
  const margin = revenue - cost;
  return (
    <>
      <td className="num">{formatInteger(accounts)}</td>
      <td className="num strong">{formatCurrency(revenue)}</td>
      <td className="num">{formatCurrency(cost)}</td>
      <td className={margin < 0 ? 'num negative' : 'num'}>{formatCurrency(margin)}</td>
      <td className="num">{revenue > 0 ? formatPercent(cost / revenue) : <span className="muted">—</span>}</td>
    </>
  );
}
